#!/usr/bin/env bash
# make eval-encoding / compare-encoding / bench-encoding. Usage: run.sh eval|compare|bench
#   eval:    ftfy's test cases (ftfy-cases/ from the shared datasets) and the generated mojibake
#            corpus, Decant vs ftfy.fix_encoding in the same run
#   compare: the generated legacy-charset corpus, Decant vs charset-normalizer, chardet, uchardet
#   bench:   repair throughput vs ftfy, and the clean-UTF-8 fast path
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-eval}
shared=${DECANT_SHARED:-$(pwd)/../shared}
[ -d "$shared/datasets" ] || shared=/work/shared
bash scripts/bootstrap-peers.sh || echo "run.sh: some peers failed to install; installing the encoding peers only" >&2
.venv/bin/python -c "import ftfy, charset_normalizer, chardet, cchardet" 2>/dev/null \
  || .venv/bin/pip install -q --disable-pip-version-check ftfy charset-normalizer chardet faust-cchardet
swift build -c release --product decant >/dev/null
bin=.build/release/decant
case "$mode" in
  eval)
    cases="$shared/datasets/ftfy-cases"
    if [ ! -d "$cases" ]; then
      echo "eval-encoding: $cases is missing; set DECANT_SHARED to the folder holding datasets/" >&2
      exit 2
    fi
    echo "## ftfy test cases (encoding repair; negative = must stay unchanged)"
    .venv/bin/python scripts/encoding/ftfy_cases.py "$bin" "$cases"
    echo
    .venv/bin/python scripts/encoding/mojibake_eval.py "$bin"
    ;;
  compare) .venv/bin/python scripts/encoding/detect_eval.py "$bin" .datasets/encoding-corpus ;;
  bench) .venv/bin/python scripts/encoding/bench.py "$bin" .datasets/encoding-bench ;;
  *) echo "usage: run.sh eval|compare|bench" >&2; exit 2 ;;
esac
