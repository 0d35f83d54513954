#!/usr/bin/env bash
# End to end against the floor, in time: `overview_json` (time_overview) and the floor
# (time_overview --floor, from a build with chrono's own date codec: serde_json as the
# first rounds used it, as bench/callgrind.sh counts it) on the same requests, in
# alternating runs of separate processes; prints the median of the pairs' ratios per size and writes
# target/bench-floor-time.json. Times drift on shared machines: the instruction counts of
# bench/callgrind.sh are the stable figure, this is the same comparison in seconds.
#
#   bash bench/floor-time.sh                 # 1 to 10,000 records
#   cp target/bench-floor-time.json bench/results/floor-time.json   # for the picture
#   RECORDS="1000" RUNS=3 bash bench/floor-time.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$root/target}"
records_list="${RECORDS:-1 10 100 1000 10000}"; runs="${RUNS:-5}"; rounds="${ROUNDS:-9}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

cargo build -q --release -p egensag-bench --example time_overview --features chrono-floor
cp "$target/release/examples/time_overview" "$work/time_floor"
cargo build -q --release -p egensag-bench --example time_overview --example gen_ndjson
"$target/release/examples/gen_ndjson" --policy > "$work/policy.json"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rows=()
cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
echo "CPU: $cpu ($(nproc) cores)"
for records in $records_list; do
  "$target/release/examples/gen_ndjson" 1 "$records" > "$work/request.json"
  iterations=$(( 5000 / records > 0 ? 5000 / records : 1 ))
  e_ns=(); f_ns=(); pair_ratios=()
  run_egensag() { "$target/release/examples/time_overview" "$work/policy.json" "$work/request.json" "$iterations" "$rounds"; }
  run_floor() { "$work/time_floor" --floor "$work/policy.json" "$work/request.json" "$iterations" "$rounds"; }
  for run in $(seq "$runs"); do
    # Each pair runs back to back, in alternating order, so that a change of the host's
    # speed between pairs (seen on shared machines) falls on both sides of a pair.
    if (( run % 2 )); then
      read -r e e_bytes < <(run_egensag); read -r f f_bytes < <(run_floor)
    else
      read -r f f_bytes < <(run_floor); read -r e e_bytes < <(run_egensag)
    fi
    [[ "$e_bytes" == "$f_bytes" ]] || { echo "outputs differ in size: $e_bytes vs $f_bytes" >&2; exit 1; }
    e_ns+=("$e"); f_ns+=("$f")
    pair_ratios+=("$(awk -v e="$e" -v f="$f" 'BEGIN {printf "%.3f", e / f}')")
  done
  e_med="$(median "${e_ns[@]}")"; f_med="$(median "${f_ns[@]}")"
  # The ratio is the median of the pairs' ratios (robust to the host's speed changing
  # between pairs); the medians of each side's times are kept beside it.
  ratio="$(median "${pair_ratios[@]}")"
  echo "$records records: egensag $(( e_med / records )) ns/record, floor $(( f_med / records )) ns/record, ratio $ratio (pairs: ${pair_ratios[*]})"
  rows+=("{\"records\": $records, \"egensag_ns_per_request\": $e_med, \"floor_ns_per_request\": $f_med, \"ratio_to_floor\": $ratio, \"pair_ratios\": [$(IFS=,; echo "${pair_ratios[*]}")], \"target_at_most\": 1.0}")
done
mkdir -p "$target"
(IFS=,; printf '{"cpu": "%s", "rows": [%s]}\n' "$cpu" "${rows[*]}") > "$target/bench-floor-time.json"
echo "wrote $target/bench-floor-time.json"
