#!/usr/bin/env bash
# make bench (issue 18): every stage on every data shape at two sizes 10×
# apart, each stage's growth for 10× the data, and the whole run of the
# built binary on 1M-row inputs of each shape, on a 10M-row file, and on the
# default dataset, with wall time and peak memory, and what the history
# (--history) adds to a 1M-row run. Prints Markdown to paste
# into BENCHMARKS.md.
#
#   BENCHTIME  -benchtime of the stage benchmarks (default 1s: many runs of the small sizes, one or two of the large)
#   RUNS       runs of each end-to-end input; the median is printed (default 3)
#   QUICK=1    stage benchmarks only
#   REUSE=FILE tables from the benchmark lines of an earlier run (FILE) instead of running them
set -euo pipefail
cd "$(dirname "$0")/.."
bin=bin/basebrief
[ -x "$bin" ] || make build >/dev/null
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1558051200}
# The shape benchmarks of every package share the generated folders here.
export BASEBRIEF_SYNTH_DIR="$tmp/synth"
benchtime=${BENCHTIME:-1s}
runs=${RUNS:-3}
load=$(cut -d' ' -f1-3 /proc/loadavg)

echo "### $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3), commit $(git describe --always --dirty 2>/dev/null || echo unknown)"
echo
echo "Load average before the run: $load (above ~1 the machine was shared and times are inflated)."
echo

# The stages, in the order data flows, and the package whose benchmark
# BenchmarkStageNAME times each. A stage whose benchmark does not exist yet
# is listed as missing (the slot: Word waits for report/docx); adding
# BenchmarkStageNAME/SHAPE/cities=N to its
# package (as report/shape_bench_test.go does) is all it takes to appear.
stages=(
  "Decode:input:decode figures.csv (detect, UTF-8 check or GB18030, SHA-256)"
  "Parse:input:parse (CSV rows, values)"
  "Validate:input:validate (cities, duplicates, periods kept)"
  "Load:input:input.LoadDir, all files, parse beside validate"
  "Compare:report:compare (analysis.Compare, series included)"
  "Series:analysis:series alone (analysis: every period over time)"
  "Workbook:report:workbook (report/workbook)"
  "Charts:report:charts, PNG+SVG (report/chart)"
  "Briefing:report:briefing PDF (report/briefing)"
  "Word:report:Word file (report/docx)"
  "Packet:report:whole packet in parallel (report.Packet)"
  "Write:report:write packet folder (output.Write)"
)
pkgs=()
for s in "${stages[@]}"; do
  p=./$(echo "$s" | cut -d: -f2)/
  [[ " ${pkgs[*]-} " == *" $p "* ]] || pkgs+=("$p")
done
listed=$(go test -list '^BenchmarkStage' "${pkgs[@]}" 2>/dev/null | grep '^BenchmarkStage' || true)

echo "#### Stage benchmarks (go test -bench, -benchtime $benchtime)"
echo
echo '```'
if [ -n "${REUSE:-}" ]; then cat "$REUSE"; else {
  go test -run '^$' -bench '^BenchmarkStage' -benchmem -benchtime "$benchtime" -timeout 60m "${pkgs[@]}"
  go test -run '^$' -bench '^(BenchmarkLoad|BenchmarkWriteNoSegments)$' -benchmem -benchtime "$benchtime" ./input/ ./report/workbook/
} 2>&1 | grep -E '^(Benchmark|ok|FAIL|---|panic)'; fi | tee "$tmp/bench.txt"
echo '```'
echo

# field NAME UNIT: the value before UNIT on the benchmark line NAME-<procs>.
field() {
  awk -v name="$1" -v unit="$2" '
    { n = $1; sub(/-[0-9]+$/, "", n) }
    n == name { for (i = 2; i <= NF; i++) if ($i == unit) { print $(i-1); exit } }' "$tmp/bench.txt"
}
shapes=$(awk '$1 ~ /^BenchmarkStage[A-Za-z]+\/[^\/]+\/cities=/ { split($1, p, "/"); if (!seen[p[2]]++) print p[2] }' "$tmp/bench.txt")
echo "#### Growth for 10× the data (CPU time at 10,000 cities ÷ CPU time at 1,000)"
echo
echo "Each cell: CPU time per op (cpu-ns/op: all threads, user and system; steadier than wall time"
echo "on a shared machine) at 1,000 → 10,000 cities, and the ratio; above 12× is a cost that"
echo "grows faster than the data (marked **). Sorting alone gives 13× (n log n from 1k to 10k)."
echo
printf '| stage |'; for sh in $shapes; do printf ' %s |' "$sh"; done; echo
printf '| --- |'; for sh in $shapes; do printf ' ---: |'; done; echo
over=0
for s in "${stages[@]}"; do
  name=$(echo "$s" | cut -d: -f1); label=$(echo "$s" | cut -d: -f3-)
  if ! grep -qx "BenchmarkStage$name" <<<"$listed"; then
    printf '| %s | not benchmarked yet: no BenchmarkStage%s |\n' "$label" "$name"
    continue
  fi
  printf '| %s |' "$label"
  for sh in $shapes; do
    a=$(field "BenchmarkStage$name/$sh/cities=1000" cpu-ns/op); b=$(field "BenchmarkStage$name/$sh/cities=10000" cpu-ns/op)
    if [ -z "$a" ] || [ -z "$b" ]; then printf ' — |'; continue; fi
    cell=$(awk -v a="$a" -v b="$b" 'BEGIN { g = b/a; m = (g > 12) ? "**" : ""; printf "%.1f → %.1f ms, %s%.1f×%s", a/1e6, b/1e6, m, g, m }')
    [[ $cell == *'**'* ]] && over=$((over + 1))
    printf ' %s |' "$cell"
  done
  echo
done
echo
echo "Stages above 12×: $over."
echo
w1=$(field BenchmarkWriteNoSegments/cities=1000 ns/op); w30=$(field BenchmarkWriteNoSegments/cities=30000 ns/op)
[ -n "$w1" ] && [ -n "$w30" ] && awk -v a="$w1" -v b="$w30" 'BEGIN {
  printf "Workbook without segment rows, 1,000 → 30,000 cities: %.0f → %.0f ms, %.1f× for 30× the cities (BenchmarkWriteNoSegments).\n\n", a/1e6, b/1e6, b/a }'

[ "${QUICK:-}" = 1 ] && exit 0

echo "#### End to end (bin/basebrief run, /usr/bin/time -v, median of $runs runs)"
echo
echo 'Targets (issue 24): 1M figures rows of every shape ≤ 0.55 s wall and ≤ 130 MB peak RSS; the default dataset ≤ 0.12 s; 30,000 cities ≤ 1.5 s and ≤ 300 MB; 10M rows bounded.'
echo 'Minor faults: pages the kernel mapped in for the run (a fresh 4 KB page costs ~10 µs of system time on a virtual machine).'
echo
echo '| input | figures rows | cities | wall (min–max) | user | sys | peak RSS (max) | minor faults | exit | target |'
echo '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# A run whose median wall time or peak RSS misses its target (target_wall
# seconds, target_rss MB, set by the caller) is run once more under
# BASEBRIEF_CPUPROFILE, and its profile is printed after the table
# (profile_missed): where the time goes that stands in the way.
missed=()
declare -A rss_missed # label → 1: the peak RSS target was missed too
e2e() { # label rows cities args...
  local label=$1 rows=$2 cities=$3; shift 3
  local rc=0 i
  : >"$tmp/runs.txt"
  for i in $(seq "$runs"); do
    rc=0
    /usr/bin/time -v "$bin" run "$@" --history none --out "$tmp/packet" >/dev/null 2>"$tmp/time.txt" || rc=$?
    awk -F': ' -v rc="$rc" '
      /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = p[n] + (n > 1 ? 60*p[n-1] : 0) }
      /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2/1024 }
      /Minor .*page faults/ { flt = $2 }
      END { print wall, user, sys, rss, rc, flt }' "$tmp/time.txt" >>"$tmp/runs.txt"
  done
  local wall user sys rss lo hi flt
  wall=$(cut -d' ' -f1 "$tmp/runs.txt" | median); user=$(cut -d' ' -f2 "$tmp/runs.txt" | median)
  sys=$(cut -d' ' -f3 "$tmp/runs.txt" | median); rss=$(cut -d' ' -f4 "$tmp/runs.txt" | sort -g | tail -1)
  flt=$(cut -d' ' -f6 "$tmp/runs.txt" | median)
  lo=$(cut -d' ' -f1 "$tmp/runs.txt" | sort -g | head -1); hi=$(cut -d' ' -f1 "$tmp/runs.txt" | sort -g | tail -1)
  rc=$(cut -d' ' -f5 "$tmp/runs.txt" | sort -u | tr '\n' ' ')
  local verdict=—
  if [ -n "${target_wall:-}" ]; then
    verdict=$(awk -v w="$wall" -v r="$rss" -v tw="$target_wall" -v tr="${target_rss:-0}" 'BEGIN {
      s = ""
      if (w > tw) s = s sprintf("wall %.2f > %.2f s", w, tw)
      if (tr > 0 && r > tr) s = s (s == "" ? "" : ", ") sprintf("RSS %.0f > %.0f MB", r, tr)
      print (s == "" ? "met" : "**missed: " s "**") }')
    if [[ $verdict != met ]]; then
      local made=""
      [[ " $* " != *" --data "* ]] || made=$gen_args
      missed+=("$label"$'\t'"$made"$'\t'"$*")
    fi
    [[ $verdict != *RSS* ]] || rss_missed[$label]=1
  fi
  printf '| %s | %s | %s | %.2f s (%.2f–%.2f) | %.2f s | %.2f s | %.0f MB | %s | %s| %s |\n' "$label" "$rows" "$cities" "$wall" "$lo" "$hi" "$user" "$sys" "$rss" "$flt" "$rc" "$verdict"
}
# profile LABEL ARGS...: one more run under the CPU profiler, its samples
# split by the stage they were taken in (the packages data flows through)
# and the ten functions that take most time themselves.
profile() {
  local label=$1; shift
  BASEBRIEF_CPUPROFILE="$tmp/cpu.prof" "$bin" run "$@" --history none --out "$tmp/packet" >/dev/null 2>&1 || true
  [ -s "$tmp/cpu.prof" ] || { echo "($label: no profile written)"; return; }
  echo
  echo "##### $label: where the CPU goes (one run under BASEBRIEF_CPUPROFILE)"
  echo
  local total
  total=$(go tool pprof -top -nodecount=1 "$bin" "$tmp/cpu.prof" 2>/dev/null | sed -n 's/.*Total samples = \([0-9.]*m*s\).*/\1/p')
  echo "Samples: $total of CPU, each counted once, in the stage of the outermost function on its stack that belongs to one."
  echo
  echo '| stage | CPU | share |'
  echo '| --- | ---: | ---: |'
  go tool pprof -traces "$bin" "$tmp/cpu.prof" 2>/dev/null | awk '
    BEGIN {
      n = split("read the input|basebrief/input;compare (analysis)|basebrief/analysis;charts (report/chart)|basebrief/report/chart;" \
        "workbook (report/workbook, excelize)|basebrief/report/workbook|xuri/excelize;" \
        "briefing and annex PDF (report/pdf, report/briefing, fpdf)|basebrief/report/pdf|basebrief/report/briefing|go-pdf/fpdf;" \
        "Word (report/docx)|basebrief/report/docx;summary.json (report)|basebrief/report\\.(buildSummary|encodeSummary|writeSummary);" \
        "write the folder (output)|basebrief/output;garbage collector (background)|runtime\\.gcBgMarkWorker", st, ";")
      for (i = 1; i <= n; i++) { k = index(st[i], "|"); name[i] = substr(st[i], 1, k - 1); re[i] = substr(st[i], k + 1) }
      name[n + 1] = "other (runtime, start-up, scheduling)"
    }
    function ms(v) { if (v ~ /ms$/) return v + 0; if (v ~ /us$/) return v / 1000; return v * 1000 }
    function flush(   i, j, hit) {
      if (nf == 0) return
      hit = n + 1
      for (j = nf; j >= 1 && hit == n + 1; j--) for (i = 1; i <= n; i++) if (frame[j] ~ re[i]) { hit = i; break }
      sum[hit] += val; total += val; nf = 0
    }
    /^-+\+-+$/ { flush(); next }
    /^ +[0-9.]+(ms|us|s) +[^ ]/ { flush(); val = ms($1); frame[++nf] = $2; next }
    nf > 0 && NF >= 1 { frame[++nf] = $1 }
    END {
      flush()
      for (i = 1; i <= n + 1; i++) printf "| %s | %.2f s | %.0f%% |\n", name[i], sum[i] / 1000, total ? 100 * sum[i] / total : 0
    }'
  echo
  echo '```'
  go tool pprof -top -nodecount=12 "$bin" "$tmp/cpu.prof" 2>/dev/null | sed -n '/flat%/,$p'
  echo '```'
  rm -f "$tmp/cpu.prof"
  [ -n "${rss_missed[$label]:-}" ] || return 0
  # Peak RSS missed: what the run allocates, by the functions that
  # allocate it and those that hold it on the stack (BASEBRIEF_MEMPROFILE:
  # every allocation over the run, sampled).
  BASEBRIEF_MEMPROFILE="$tmp/mem.prof" "$bin" run "$@" --history none --out "$tmp/packet" >/dev/null 2>&1 || true
  [ -s "$tmp/mem.prof" ] || return 0
  echo
  echo "Peak RSS over its target: what the run allocates (BASEBRIEF_MEMPROFILE, alloc_space), by where it is allocated:"
  echo
  echo '```'
  go tool pprof -sample_index=alloc_space -top -nodecount=10 "$bin" "$tmp/mem.prof" 2>/dev/null | sed -n '/flat%/,$p'
  echo '```'
  rm -f "$tmp/mem.prof"
}
# gen makes $tmp/data with cmd/gendata; gen_args remembers how, so that a
# missed target's input can be made again for its profile.
gen_args=""
gen() { gen_args="$*"; go run ./cmd/gendata -out "$tmp/data" "$@" >&2; }
# history_cost (issue 26): what --history adds to a run of $tmp/data: the
# same run without a history, the first run into a new one (every figure
# stored), a rerun of unchanged inputs (a run row only) and a run with 1% of
# the figures changed (those stored again, revisions found). CPU time
# (user+sys) is the measure on a shared machine; target +1 s and +100 MB.
history_cost() {
  local kind i
  echo
  echo "#### History: what --history adds to the 1M-row run above (median of $runs runs each, alternated)"
  echo
  # gendata writes members in the 4th column; a plain count there (not "1,807") is changed.
  awk -F, 'NR > 1 && NR % 100 == 0 && NF == 6 && $4 ~ /^[0-9]+$/ { $4 = $4 + 1 } { print }' OFS=, "$tmp/data/figures.csv" >"$tmp/figures-changed.csv"
  : >"$tmp/hist.txt"
  for i in $(seq "$runs"); do
    for kind in none first unchanged changed; do
      local args=(--history "$tmp/h.db")
      case $kind in
        none) args=(--history none) ;;
        first) rm -f "$tmp/h.db" ;;
        changed) cp "$tmp/data/figures.csv" "$tmp/figures-orig.csv"; cp "$tmp/figures-changed.csv" "$tmp/data/figures.csv" ;;
      esac
      /usr/bin/time -v "$bin" run --data "$tmp/data" --out "$tmp/packet" "${args[@]}" >/dev/null 2>"$tmp/time.txt" || true
      [ "$kind" = changed ] && cp "$tmp/figures-orig.csv" "$tmp/data/figures.csv"
      awk -F': ' -v k="$kind" -v size="$(stat -c %s "$tmp/h.db" 2>/dev/null || echo 0)" '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = p[n] + (n > 1 ? 60*p[n-1] : 0) }
        /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2/1024 }
        END { print k, wall, user + sys, rss, size/1048576 }' "$tmp/time.txt" >>"$tmp/hist.txt"
    done
  done
  echo '| run | wall | CPU (user+sys) | CPU added | peak RSS | RSS added | history file |'
  echo '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'
  local base_cpu base_rss
  base_cpu=$(awk '$1 == "none" { print $3 }' "$tmp/hist.txt" | median); base_rss=$(awk '$1 == "none" { print $4 }' "$tmp/hist.txt" | median)
  for kind in none first unchanged changed; do
    local w c r sz
    w=$(awk -v k=$kind '$1 == k { print $2 }' "$tmp/hist.txt" | median); c=$(awk -v k=$kind '$1 == k { print $3 }' "$tmp/hist.txt" | median)
    r=$(awk -v k=$kind '$1 == k { print $4 }' "$tmp/hist.txt" | median); sz=$(awk -v k=$kind '$1 == k { print $5 }' "$tmp/hist.txt" | median)
    if [ "$kind" = none ]; then sz=—; else sz="$(printf '%.0f MB' "$sz")"; fi
    printf '| %s | %.2f s | %.2f s | %+.2f s | %.0f MB | %+.0f MB | %s |\n' "$kind" "$w" "$c" "$(awk -v a="$c" -v b="$base_cpu" 'BEGIN { print a - b }')" \
      "$r" "$(awk -v a="$r" -v b="$base_rss" 'BEGIN { print a - b }')" "$sz"
  done
  echo
}
# slices_ratio (issue 25): --slices province on national data (341 units,
# 31 provinces) against the single packet of the same data, run in turn;
# target: at most 3× the single packet's wall time.
slices_ratio() {
  local i kind
  gen -cities 341 -periods 24
  : >"$tmp/slices.txt"
  for i in $(seq "$runs"); do
    for kind in single slices; do
      local args=()
      [ "$kind" = slices ] && args=(--slices province)
      rm -rf "$tmp/packet"
      /usr/bin/time -v "$bin" run --data "$tmp/data" --history none --out "$tmp/packet" "${args[@]}" >/dev/null 2>"$tmp/time.txt" || true
      awk -F': ' -v k="$kind" '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = p[n] + (n > 1 ? 60*p[n-1] : 0) }
        /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2/1024 }
        END { print k, wall, user + sys, rss }' "$tmp/time.txt" >>"$tmp/slices.txt"
    done
  done
  echo
  echo "#### Slices (issue 25): national data, 341 units, --slices province (31 slices) against the single packet, median of $runs runs each, alternated"
  echo
  echo '| run | wall | CPU (user+sys) | peak RSS |'
  echo '| --- | ---: | ---: | ---: |'
  local w c r ws wn
  for kind in single slices; do
    w=$(awk -v k=$kind '$1 == k { print $2 }' "$tmp/slices.txt" | median); c=$(awk -v k=$kind '$1 == k { print $3 }' "$tmp/slices.txt" | median)
    r=$(awk -v k=$kind '$1 == k { print $4 }' "$tmp/slices.txt" | median)
    printf '| %s | %.2f s | %.2f s | %.0f MB |\n' "$kind" "$w" "$c" "$r"
  done
  wn=$(awk '$1 == "single" { print $2 }' "$tmp/slices.txt" | median); ws=$(awk '$1 == "slices" { print $2 }' "$tmp/slices.txt" | median)
  echo
  if awk -v a="$ws" -v b="$wn" 'BEGIN { exit !(a <= 3 * b) }'; then
    awk -v a="$ws" -v b="$wn" 'BEGIN { printf "Slices take %.1f× the single packet'"'"'s wall time: target (≤ 3×) met.\n", a/b }'
  else
    awk -v a="$ws" -v b="$wn" 'BEGIN { printf "Slices take %.1f× the single packet'"'"'s wall time: **target (≤ 3×) missed**.\n", a/b }'
    missed+=("slices, national data"$'\t'"$gen_args"$'\t'"--data $tmp/data --slices province")
  fi
}
# profile_missed: each input that missed a target, made again as gen made
# it (only the last one is on disk), profiled once.
profile_missed() {
  local m label
  local -a all=("${missed[@]}")
  missed=()
  if [ "${#all[@]}" -eq 0 ]; then echo; echo "Every target above is met."; echo; return; fi
  echo
  echo "#### What stands in the way of each missed target"
  local made args
  for m in "${all[@]}"; do
    label=${m%%$'\t'*}; m=${m#*$'\t'}; made=${m%%$'\t'*}; args=${m#*$'\t'}
    # shellcheck disable=SC2086 # gendata's flags and the run's, joined with spaces; none holds one
    if [ -n "$made" ]; then gen $made; fi
    # shellcheck disable=SC2086
    profile "$label" $args
  done
  echo
}
target_wall=0.12 target_rss=0 e2e "default (embedded)" 2 10
gen -rows 1000000
export target_wall=0.55 target_rss=130
e2e "gendata default shape (segments, 0–2 bases)" 1000000 2800 --data "$tmp/data"
gen -rows 1000000 -gbk -namelen 40 -bases 1-5
e2e "40-character names, GBK, 1–5 bases" 1000000 2800 --data "$tmp/data"
gen -cities 8333 -periods 120 -segments=false -bases 1-5
e2e "monthly over 10 years, no segment rows, 1–5 bases" 999960 8333 --data "$tmp/data"
export target_wall=1.5 target_rss=300
gen -cities 30000 -rows 1000000 -segments=false
e2e "30,000 cities, no segment rows" 1000000 30000 --data "$tmp/data"
gen -cities 30000 -rows 1000000
e2e "30,000 cities, segment rows" 1000000 30000 --data "$tmp/data"
unset target_wall target_rss
gen -rows 10000000
runs=1 e2e "10M rows, gendata default shape" 10000000 2800 --data "$tmp/data"
echo
echo "The 10M-row run has no time target: its peak RSS shows it bounded."
slices_ratio
profile_missed
gen -rows 1000000
history_cost
