#!/usr/bin/env bash
# End to end against the floor, in time: `overview_json` (time_overview) and the floor
# (time_overview --floor, from a build with chrono's own date codec: serde_json as the
# first rounds used it, as bench/callgrind.sh counts it) on the same requests, in
# alternating runs of separate processes; prints the ratio of medians per size and writes
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
  e_ns=(); f_ns=()
  for _ in $(seq "$runs"); do
    read -r e e_bytes < <("$target/release/examples/time_overview" "$work/policy.json" "$work/request.json" "$iterations" "$rounds")
    read -r f f_bytes < <("$work/time_floor" --floor "$work/policy.json" "$work/request.json" "$iterations" "$rounds")
    [[ "$e_bytes" == "$f_bytes" ]] || { echo "outputs differ in size: $e_bytes vs $f_bytes" >&2; exit 1; }
    e_ns+=("$e"); f_ns+=("$f")
  done
  e_med="$(median "${e_ns[@]}")"; f_med="$(median "${f_ns[@]}")"
  ratio="$(awk -v e="$e_med" -v f="$f_med" 'BEGIN {printf "%.3f", e / f}')"
  echo "$records records: egensag $(( e_med / records )) ns/record, floor $(( f_med / records )) ns/record, ratio $ratio (runs: egensag ${e_ns[*]}; floor ${f_ns[*]})"
  rows+=("{\"records\": $records, \"egensag_ns_per_request\": $e_med, \"floor_ns_per_request\": $f_med, \"ratio_to_floor\": $ratio, \"target_at_most\": 1.0}")
done
mkdir -p "$target"
(IFS=,; printf '{"cpu": "%s", "rows": [%s]}\n' "$cpu" "${rows[*]}") > "$target/bench-floor-time.json"
echo "wrote $target/bench-floor-time.json"
