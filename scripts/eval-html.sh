#!/usr/bin/env bash
# make eval-html / compare-html / bench-html: unpacks the evaluation sets into .datasets/ and runs
# scripts/html_eval.py (Decant and the peers side by side, one run). Usage: eval-html.sh eval|compare|bench
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-eval}
shared=${DECANT_SHARED:-$(pwd)/../shared}
[ -d "$shared/datasets" ] || shared=/work/shared
for set in webpages-dev trafilatura-eval; do
  if [ ! -d ".datasets/$set" ]; then
    archive="$shared/datasets/$set.tar.xz"
    if [ ! -f "$archive" ]; then
      echo "eval-html: $archive is missing; set DECANT_SHARED to the folder holding datasets/" >&2
      exit 2
    fi
    mkdir -p .datasets && tar -xJf "$archive" -C .datasets
  fi
done
if [ "$mode" = eval ]; then bash scripts/bootstrap.sh; else bash scripts/bootstrap-peers.sh; fi
swift build -c release --product decant >/dev/null
bin=.build/release/decant
.venv/bin/python scripts/html_eval.py "$mode" --data .datasets --decant "$bin" --work out/html-eval ${HTML_EVAL_ARGS:-}
