#!/usr/bin/env bash
# End to end against the floor, in time: `overview_json` (time_overview) and the floor
# (time_overview --floor, from a build with chrono's own date codec: serde_json as the
# first rounds used it, as bench/callgrind.sh counts it) on the same requests. Both run
# as long-lived processes (`--serve`) on one core, and the script asks them for one
# short round each in turn, alternating which goes first: a pair's two rounds are a few
# milliseconds apart. It prints the median of the pairs' ratios per size and writes
# target/bench-floor-time.json. Why so: on the shared hosts these figures come from,
# the machine's speed changed by 1.5-2x from one second to the next; whole runs one
# after the other gave pair ratios from 0.5 to 1.5, and so did runs side by side on the
# two cores. The instruction counts of bench/callgrind.sh remain the figure that does
# not move.
#
#   bash bench/floor-time.sh                 # 1 to 10,000 records
#   cp target/bench-floor-time.json bench/results/floor-time.json   # for the picture
#   RECORDS="1000" PAIRS=21 bash bench/floor-time.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$root/target}"
records_list="${RECORDS:-1 10 100 1000 10000}"; pairs="${PAIRS:-41}"; core="${CORE:-0}"
work="$(mktemp -d)"
cleanup() { exec 3>&- 4<&- 5>&- 6<&- 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

cargo build -q --release -p egensag-bench --example time_overview --features chrono-floor
cp "$target/release/examples/time_overview" "$work/time_floor"
cargo build -q --release -p egensag-bench --example time_overview --example gen_ndjson
cp "$target/release/examples/time_overview" "$work/time_egensag"
"$target/release/examples/gen_ndjson" --policy > "$work/policy.json"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
pin() { if command -v taskset > /dev/null; then taskset -c "$core" "$@"; else "$@"; fi; }

rows=()
cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
echo "CPU: $cpu ($(nproc) cores); $pairs pairs of rounds per size, both processes on core $core"
for records in $records_list; do
  "$target/release/examples/gen_ndjson" 1 "$records" > "$work/request.json"
  # A round is about 5 ms of work (one call from 1,000 records up).
  iterations=$(( 1000 / records > 0 ? 1000 / records : 1 ))
  rm -f "$work"/{e,f}.{in,out}; mkfifo "$work"/{e,f}.{in,out}
  pin "$work/time_egensag" --serve "$work/policy.json" "$work/request.json" "$iterations" 0 < "$work/e.in" > "$work/e.out" &
  pin "$work/time_floor" --floor --serve "$work/policy.json" "$work/request.json" "$iterations" 0 < "$work/f.in" > "$work/f.out" &
  exec 3> "$work/e.in" 4< "$work/e.out" 5> "$work/f.in" 6< "$work/f.out"
  e_ns=(); f_ns=(); pair_ratios=()
  for pair in $(seq "$pairs"); do
    if (( pair % 2 )); then
      echo >&3; read -r e e_bytes <&4; echo >&5; read -r f f_bytes <&6
    else
      echo >&5; read -r f f_bytes <&6; echo >&3; read -r e e_bytes <&4
    fi
    [[ "$e_bytes" == "$f_bytes" ]] || { echo "outputs differ in size: $e_bytes vs $f_bytes" >&2; exit 1; }
    e_ns+=("$e"); f_ns+=("$f")
    pair_ratios+=("$(awk -v e="$e" -v f="$f" 'BEGIN {printf "%.3f", e / f}')")
  done
  exec 3>&- 5>&-; wait; exec 4<&- 6<&-
  e_med="$(median "${e_ns[@]}")"; f_med="$(median "${f_ns[@]}")"
  # The ratio is the median of the pairs' ratios; each side's median time is kept beside it.
  ratio="$(median "${pair_ratios[@]}")"
  quartiles="$(printf '%s\n' "${pair_ratios[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%s-%s", a[int((NR+3)/4)], a[int((3*NR+3)/4)]}')"
  echo "$records records: egensag $(( e_med / records )) ns/record, floor $(( f_med / records )) ns/record, ratio $ratio (middle half of the pairs: $quartiles)"
  rows+=("{\"records\": $records, \"egensag_ns_per_request\": $e_med, \"floor_ns_per_request\": $f_med, \"ratio_to_floor\": $ratio, \"pair_ratios\": [$(IFS=,; echo "${pair_ratios[*]}")], \"target_at_most\": 1.0}")
done
mkdir -p "$target"
(IFS=,; printf '{"cpu": "%s", "pairs": "interleaved rounds", "rows": [%s]}\n' "$cpu" "${rows[*]}") > "$target/bench-floor-time.json"
echo "wrote $target/bench-floor-time.json"
