#!/usr/bin/env bash
# make bench: stage benchmarks (input's decode, parse and validate stages
# each on its own and together on generated inputs of 10k, 100k and 1M
# figures rows; compare, workbook, charts, PDF and the whole packet at
# county size), the growth of parse+compare from 100k to 1M
# rows, and end-to-end runs with wall time and peak memory. Prints Markdown
# to paste into BENCHMARKS.md. BENCHTIME (default 3x) sets -benchtime.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=bin/basebrief
[ -x "$bin" ] || make build >/dev/null
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1558051200}
benchtime=${BENCHTIME:-3x}

echo "### $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3), commit $(git describe --always --dirty 2>/dev/null || echo unknown)"
echo
echo "#### Stage benchmarks (go test -bench, -benchtime $benchtime)"
echo
echo '```'
go test -run '^$' -bench . -benchmem -benchtime "$benchtime" \
  ./input/ ./analysis/... ./report/... ./output/ 2>&1 | grep -E '^(Benchmark|ok|FAIL|---|panic)' | tee "$tmp/bench.txt"
echo '```'
echo

# field NAME UNIT: the value before UNIT on the benchmark line NAME-<procs>.
field() {
  awk -v name="$1" -v unit="$2" '
    { n = $1; sub(/-[0-9]+$/, "", n) }
    n == name { for (i = 2; i <= NF; i++) if ($i == unit) { print $(i-1); exit } }' "$tmp/bench.txt"
}
ms() { local v; v=$(field "$1" ns/op); [ -n "$v" ] && awk -v v="$v" 'BEGIN { printf "%.1f ms", v/1e6 }' || echo "—"; }
mb() { local v; v=$(field "$1" B/op); [ -n "$v" ] && awk -v v="$v" 'BEGIN { printf "%.0f MB", v/1048576 }' || echo "—"; }
row() { echo "| $1 | $2 | $(ms "$3") | $(mb "$3") | \`$3\` |"; }

echo "#### Stages"
echo
echo 'Stages after input depend on the cities kept (2,800 at county level), not on'
echo 'the rows read: input keeps only the compared and previous periods.'
echo
echo '| stage | input | time/op | allocated/op | benchmark |'
echo '| --- | --- | ---: | ---: | --- |'
stage_rows() { # label benchmark-prefix: one row per input size
  for r in 10000 100000 1000000; do row "$1" "$r figures rows" "$2/rows=$r"; done
}
stage_rows "decode figures.csv, UTF-8: detect, check, SHA-256" BenchmarkDecode/utf8
stage_rows "decode figures.csv, GBK: detect, GB18030, SHA-256" BenchmarkDecode/gbk
stage_rows "parse: CSV rows, members, periods, segments" BenchmarkParse
stage_rows "validate: cities, provinces, duplicates, periods kept" BenchmarkValidate
stage_rows "input.LoadDir: all three files, parse beside validate" BenchmarkLoad
row "compare (analysis.Compare)" "2,800 cities" "BenchmarkCompareNational/cities=2800"
row "workbook (report/workbook)" "2,800 cities" "BenchmarkWriteNational/cities=2800"
row "charts, PNG+SVG (report/chart)" "2,800 cities" "BenchmarkRender/cities=2800"
row "PDF (report/briefing)" "2,800 cities" "BenchmarkWrite/cities=2800"
row "packet: workbook, charts, PDF in parallel (report.Packet)" "2,800 cities" "BenchmarkPacket/cities=2800"
row "write packet folder (output.Write)" "12 MB" "BenchmarkWrite"
echo

l100=$(field BenchmarkLoad/rows=100000 ns/op); l1m=$(field BenchmarkLoad/rows=1000000 ns/op)
cmp=$(field BenchmarkCompareNational/cities=2800 ns/op)
if [ -n "$l100" ] && [ -n "$l1m" ] && [ -n "$cmp" ]; then
  awk -v a="$l1m" -v b="$l100" -v c="$cmp" 'BEGIN {
    printf "Growth of parse+compare, 1M vs 100k rows: (%.0f + %.0f ms) / (%.0f + %.0f ms) = %.1f× for 10× the rows (target ≤ ~12×).\n",
      a/1e6, c/1e6, b/1e6, c/1e6, (a+c)/(b+c) }'
  echo
fi

echo "#### End to end (bin/basebrief run, /usr/bin/time -v)"
echo
echo 'Targets: 1M rows under 1 s wall and 200 MB peak RSS; the default dataset under 0.3 s.'
echo
echo '| input | figures rows | wall | user | sys | peak RSS | exit |'
echo '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'
e2e() { # label rows args...
  local label=$1 rows=$2; shift 2
  local rc=0
  /usr/bin/time -v "$bin" run "$@" --out "$tmp/packet" >/dev/null 2>"$tmp/time.txt" || rc=$?
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); printf "%.2f s", p[n] + (n > 1 ? 60*p[n-1] : 0)}' "$tmp/time.txt")
  user=$(awk -F': ' '/User time/ {printf "%.2f s", $2}' "$tmp/time.txt")
  sys=$(awk -F': ' '/System time/ {printf "%.2f s", $2}' "$tmp/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' "$tmp/time.txt")
  echo "| $label | $rows | $wall | $user | $sys | $rss | $rc |"
}
runs=${RUNS:-3}
for i in $(seq "$runs"); do e2e "default (embedded), run $i" 2; done
for rows in 10000 100000 1000000; do
  go run ./cmd/gendata -out "$tmp/d$rows" -rows "$rows" -seed 1 >&2
  e2e "gendata seed 1" "$rows" --data "$tmp/d$rows"
done
for i in $(seq 2 "$runs"); do e2e "gendata seed 1, run $i" 1000000 --data "$tmp/d1000000"; done
go run ./cmd/gendata -out "$tmp/gbk" -rows 1000000 -seed 1 -gbk >&2
e2e "gendata seed 1, GBK" 1000000 --data "$tmp/gbk"
