#!/usr/bin/env bash
# End to end against the floor, in time: `overview_json` (time_overview) and the floor
# (time_overview --floor, from a build with chrono's own date codec: serde_json as the
# first rounds used it, as bench/callgrind.sh counts it) on the same requests, in
# interleaved rounds of two long-lived processes on one core (bench/serve.sh says why).
# Prints the median of the pairs' ratios per size (and the middle half of them) and
# writes target/bench-floor-time.json. The instruction counts of bench/callgrind.sh
# remain the figure that does not move.
#
#   bash bench/floor-time.sh                 # 1 to 10,000 records
#   cp target/bench-floor-time.json bench/results/floor-time.json   # for the picture
#   RECORDS="1000" PAIRS=21 bash bench/floor-time.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$root/target}"
records_list="${RECORDS:-1 10 100 1000 10000}"; pairs="${PAIRS:-41}"
serve_dir="$(mktemp -d)"; trap 'rm -rf "$serve_dir"' EXIT
source bench/serve.sh

cargo build -q --release -p egensag-bench --example time_overview --features chrono-floor
cp "$target/release/examples/time_overview" "$serve_dir/time_floor"
cargo build -q --release -p egensag-bench --example time_overview --example gen_ndjson
cp "$target/release/examples/time_overview" "$serve_dir/time_egensag"
"$target/release/examples/gen_ndjson" --policy > "$serve_dir/policy.json"

rows=()
cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
echo "CPU: $cpu ($(nproc) cores); $pairs pairs of rounds per size, both processes on core ${CORE:-0}"
for records in $records_list; do
  "$target/release/examples/gen_ndjson" 1 "$records" > "$serve_dir/request.json"
  # A round is about 5 ms of work (one call from 1,000 records up).
  iterations=$(( 1000 / records > 0 ? 1000 / records : 1 ))
  args=("$serve_dir/policy.json" "$serve_dir/request.json" "$iterations" 0)
  rm -f "$serve_dir"/*.in "$serve_dir"/*.out
  serve_start egensag "$serve_dir/time_egensag" --serve "${args[@]}"
  serve_start floor "$serve_dir/time_floor" --floor --serve "${args[@]}"
  e_ns=(); f_ns=(); pair_ratios=()
  for pair in $(seq "$pairs"); do
    { read -r e e_bytes; read -r f f_bytes; } < <(serve_pair "$pair" egensag floor)
    [[ "$e_bytes" == "$f_bytes" ]] || { echo "outputs differ in size: $e_bytes vs $f_bytes" >&2; exit 1; }
    e_ns+=("$e"); f_ns+=("$f"); pair_ratios+=("$(pair_ratio "$e" "$f")")
  done
  serve_stop
  e_med="$(pair_median "${e_ns[@]}")"; f_med="$(pair_median "${f_ns[@]}")"
  # The ratio is the median of the pairs' ratios; each side's median time is kept beside it.
  ratio="$(pair_median "${pair_ratios[@]}")"
  echo "$records records: egensag $(( e_med / records )) ns/record, floor $(( f_med / records )) ns/record, ratio $ratio (middle half of the pairs: $(pair_quartiles "${pair_ratios[@]}"))"
  rows+=("{\"records\": $records, \"egensag_ns_per_request\": $e_med, \"floor_ns_per_request\": $f_med, \"ratio_to_floor\": $ratio, \"pair_ratios\": [$(IFS=,; echo "${pair_ratios[*]}")], \"target_at_most\": 1.0}")
done
mkdir -p "$target"
(IFS=,; printf '{"cpu": "%s", "pairs": "interleaved rounds", "rows": [%s]}\n' "$cpu" "${rows[*]}") > "$target/bench-floor-time.json"
echo "wrote $target/bench-floor-time.json"
