#!/bin/bash
# Lighthouse on two running builds, alternately, so a loaded machine weighs on both alike:
# BEFORE_URL and AFTER_URL (two demo servers, e.g. a second git worktree at the older commit),
# ROUNDS rounds (default 3) of one run each; the pages are the arguments.
#
#   BEFORE_URL=http://127.0.0.1:3962 AFTER_URL=http://127.0.0.1:3961 BENCH_PASSWORD=… \
#     bash bench/web/lighthouse-pairs.sh / /plans/NQ57/roadmap /sign-in
set -euo pipefail
cd "$(dirname "$0")/../.."
for i in $(seq 1 "${ROUNDS:-3}"); do
  for side in before after; do
    url=$([ "$side" = before ] && echo "$BEFORE_URL" || echo "$AFTER_URL")
    echo "== round $i $side ($(uptime | sed 's/.*load/load/'))"
    BENCH_URL="$url" npx tsx bench/web/lighthouse.ts 1 "$@" 2>&1 | tail -n +2
  done
done
