#!/usr/bin/env bash
# Fails when src/db/schema and src/db/migrations disagree: `drizzle-kit generate`, run on a copy of
# the schema and the migrations in a temporary directory, must have nothing to write. A schema
# change committed without its migration would otherwise reach a database only on the next
# developer's `npm run db:generate`, mixed into their change.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/src/db"
cp -R src/db/schema src/db/migrations "$tmp/src/db/"
cp drizzle.config.ts package.json "$tmp/"
ln -s "$root/node_modules" "$tmp/node_modules"

listing() { (cd "$tmp" && find src/db/migrations -type f -print0 | sort -z | xargs -0 sha1sum); }
before=$(listing)
# No terminal: a question drizzle-kit would ask (a rename?) ends the run instead of waiting.
if ! (cd "$tmp" && timeout 300 "$root/node_modules/.bin/drizzle-kit" generate </dev/null >"$tmp/generate.log" 2>&1); then
  cat "$tmp/generate.log"
  echo "drizzle-kit generate failed or asked a question: the schema and the migrations disagree" >&2
  exit 1
fi
after=$(listing)
# drizzle-kit exits 0 even when it stops on a question it cannot ask: only its own
# "nothing to migrate" with no file written counts as agreement.
if [ "$before" = "$after" ] && ! grep -q "No schema changes, nothing to migrate" "$tmp/generate.log"; then
  cat "$tmp/generate.log"
  echo "drizzle-kit generate did not finish (a question it cannot ask here, such as a rename?):" \
    "the schema and the migrations disagree; run npm run db:generate" >&2
  exit 1
fi
if [ "$before" != "$after" ]; then
  cat "$tmp/generate.log"
  echo "== drizzle-kit generate wrote (the schema has changes no migration makes; run npm run db:generate):" >&2
  diff <(echo "$before") <(echo "$after") >&2 || true
  for f in $(comm -13 <(echo "$before" | awk '{print $2}') <(echo "$after" | awk '{print $2}') | grep '\.sql$'); do
    echo "--- $f" >&2
    cat "$tmp/$f" >&2
  done
  exit 1
fi
echo "schema and migrations agree (drizzle-kit generate: nothing to write)"
