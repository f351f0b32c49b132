#!/bin/bash
# Interleaved before/after runs of the quick engine benchmark, so both sides see the same noise.
# Usage: bench/pairs.sh BEFORE_DIR AFTER_DIR [PAIRS]   (two checkouts of the repo, each installed)
# Give the before checkout its own dataset database if the schema differs (benchDbName in engine.ts).
set -u
before=$1 after=$2 pairs=${3:-3}
for i in $(seq 1 "$pairs"); do
  for side in before after; do
    dir=$before; [ "$side" = after ] && dir=$after
    echo "=== $side run $i $(date +%T)"
    (cd "$dir" && npm run -s bench -- --quick 2>&1 | grep -a "BENCH\|ingest  \|overview  \|events  \|peak RSS\|Error")
  done
done
echo "=== done $(date +%T)"
