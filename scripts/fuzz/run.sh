#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (release, -sanitize=fuzzer,address) and runs each one
# for FUZZ_SECONDS, starting from its committed seeds in Fuzz/Corpus/<target>/.
#
#   scripts/fuzz/run.sh smoke   # make fuzz-smoke (inside make test): FUZZ_SECONDS defaults to 25
#   scripts/fuzz/run.sh long    # make fuzz: FUZZ_SECONDS defaults to 60
#   FUZZ_TARGETS="fuzz-pipe" FUZZ_SECONDS=600 scripts/fuzz/run.sh long
#
# New corpus entries go to .build-fuzz-work/corpus/<target>/ (git-ignored; kept between runs
# so longer runs build on earlier ones), never into Fuzz/Corpus. A crash, a hang over
# FUZZ_TIMEOUT seconds, a leak or memory over FUZZ_RSS_MB fails the run and prints the
# reproducer's path (under .build-fuzz-work/findings/<target>/) and the command that replays
# it. (Not under .build-fuzz/: SwiftPM prunes its scratch path's artifacts/ folder.) Each run
# appends a line to .build-fuzz-work/fuzz-log.tsv (target, seconds, executions, result). Extra libFuzzer flags: FUZZ_ARGS.
set -uo pipefail
cd "$(dirname "$0")/../.."

mode=${1:-smoke}
case "$mode" in
  smoke) seconds=${FUZZ_SECONDS:-25} ;;
  long) seconds=${FUZZ_SECONDS:-60} ;;
  *) echo "usage: $0 smoke|long" >&2; exit 2 ;;
esac
targets=${FUZZ_TARGETS:-"fuzz-sniff fuzz-readers fuzz-charset fuzz-repair fuzz-pipe"}
rss_mb=${FUZZ_RSS_MB:-2048}
timeout_s=${FUZZ_TIMEOUT:-10}
max_len=${FUZZ_MAX_LEN:-4096}
scratch=.build-fuzz
workdir=.build-fuzz-work
swift=${SWIFT:-swift}

echo "fuzz: building the targets (release, -sanitize=fuzzer,address) in $scratch"
mkdir -p "$scratch"
"$swift" build --package-path Fuzz --scratch-path "$scratch" -c release \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$scratch/build.log" 2>&1
build_status=$?
# ld.gold warns once per target about an ASan symbol it cannot export; that warning is harmless.
grep -v -e "Cannot export local symbol '__asan_extra_spill_area'" -e '^\[[0-9]*/[0-9]*\]' "$scratch/build.log"
if [ "$build_status" -ne 0 ]; then
  echo "fuzz: building the fuzz targets failed (exit $build_status); full log: $scratch/build.log"
  exit 1
fi
bin="$scratch/release"
for target in $targets; do
  [ -x "$bin/$target" ] || { echo "fuzz: the build did not produce $bin/$target" >&2; exit 1; }
done

failed=0
summary=()
for target in $targets; do
  work="$workdir/corpus/$target"
  artifacts="$workdir/findings/$target"
  mkdir -p "$work" "$artifacts"
  log="$workdir/$target.log"
  echo "fuzz: $target for ${seconds}s (rss limit ${rss_mb} MB, timeout ${timeout_s}s per input)"
  # Seeds of the committed corpus are read, new inputs written to $work only (the first folder).
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Fuzz/lsan-suppressions.txt:print_suppressions=0} \
    "$bin/$target" -max_total_time="$seconds" -rss_limit_mb="$rss_mb" -timeout="$timeout_s" \
    -malloc_limit_mb="$rss_mb" -max_len="$max_len" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} "$work" "Fuzz/Corpus/$target" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  runs=${runs:-0}
  if [ "$status" -eq 0 ]; then
    result=ok
  else
    failed=1
    reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    result="FAILED (exit $status)"
    echo "fuzz: $target FAILED (exit $status); libFuzzer's report:"
    grep -E -m 12 "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|SUMMARY|Fatal error|timeout|out-of-memory|#[0-9]+ 0x" "$log"
    if [ -n "$reproducer" ]; then
      echo "fuzz: reproducer: $reproducer"
      echo "fuzz: replay it with: $bin/$target $reproducer"
    fi
    echo "fuzz: full log: $log"
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$seconds" "$runs" "$result" >>"$workdir/fuzz-log.tsv"
  summary+=("$(printf '%-14s %5ss %10s executions  %s' "$target" "$seconds" "$runs" "$result")")
done

echo "fuzz: summary"
printf '  %s\n' "${summary[@]}"
exit "$failed"
