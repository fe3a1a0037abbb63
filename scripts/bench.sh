#!/usr/bin/env bash
# make bench: stage benchmarks on generated inputs (10k, 100k, 1M figures rows),
# the 1M-row and default end-to-end runs with peak memory, and the growth ratio
# of parse+compare between 100k and 1M rows. Prints a Markdown table to paste
# into BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=bin/basebrief
[ -x "$bin" ] || make build >/dev/null
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1558051200}

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3)"
echo
echo '### Stage benchmarks (go test -bench)'
echo
echo '```'
go test -run '^$' -bench . -benchmem -benchtime "${BENCHTIME:-3x}" \
  ./input/ ./analysis/... ./report/... ./output/ 2>&1 | grep -E '^(Benchmark|ok|FAIL|---)' | tee "$tmp/bench.txt"
echo '```'
echo
ns() { awk -v pat="$1" '$1 ~ pat { print $3; exit }' "$tmp/bench.txt"; }
l100=$(ns 'BenchmarkLoad/rows=100000-'); l1m=$(ns 'BenchmarkLoad/rows=1000000-')
if [ -n "$l100" ] && [ -n "$l1m" ]; then
  echo "Growth, parse+validate+select 1M vs 100k rows: $(awk -v a="$l1m" -v b="$l100" 'BEGIN{printf "%.1f×", a/b}') (target ≤ ~12×)"
  echo
fi

echo '### End to end (bin/basebrief run, /usr/bin/time -v)'
echo
echo '| input | figures rows | wall | peak RSS | exit |'
echo '| --- | ---: | ---: | ---: | ---: |'
e2e() { # label rows args...
  local label=$1 rows=$2; shift 2
  local rc=0
  /usr/bin/time -v "$bin" run "$@" --out "$tmp/packet" >/dev/null 2>"$tmp/time.txt" || rc=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' "$tmp/time.txt")
  echo "| $label | $rows | $wall | $rss | $rc |"
}
e2e "default (embedded)" 2
for rows in 10000 100000 1000000; do
  go run ./cmd/gendata -out "$tmp/d$rows" -rows "$rows" -seed 1
  e2e "gendata seed 1" "$rows" --data "$tmp/d$rows"
done
go run ./cmd/gendata -out "$tmp/gbk" -rows 1000000 -seed 1 -gbk
e2e "gendata seed 1, GBK" 1000000 --data "$tmp/gbk"
