#!/usr/bin/env bash
# WebAssembly in Node against native Rust on the same 1,000-record request. Three
# long-lived processes on one core (native time_overview --serve, and bench.mjs --serve
# through the string API overviewJson and through the bytes API overviewUtf8) are asked
# for one round each in turn, in alternating order: a pair's rounds are milliseconds
# apart, so a change of the host's speed falls on both sides (see bench/floor-time.sh).
# Prints the median of the pairs' ratios for each API and writes
# target/bench-wasm-ratio.json. Builds the npm package with scripts/build-wasm.sh
# unless bindings-wasm/pkg exists (SKIP_BUILD=1 keeps an existing one).
#
#   SKIP_BUILD=1 bash bench/wasm/run.sh
#   RECORDS=100 PAIRS=21 bash bench/wasm/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
records="${RECORDS:-1000}"; pairs="${PAIRS:-31}"; core="${CORE:-0}"
iterations="${ITERATIONS:-$(( 2000 / records > 0 ? 2000 / records : 1 ))}"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"
cleanup() { exec 3>&- 4<&- 5>&- 6<&- 7>&- 8<&- 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [[ -z "${SKIP_BUILD:-}" || ! -f bindings-wasm/pkg/node.js ]]; then
  bash scripts/build-wasm.sh >/dev/null
fi
cargo build -q --release -p egensag-bench --example gen_ndjson --example time_overview
"$target/release/examples/gen_ndjson" --policy > "$work/policy.json"
"$target/release/examples/gen_ndjson" 1 "$records" > "$work/request.json"
pin() { if command -v taskset > /dev/null; then taskset -c "$core" "$@"; else "$@"; fi; }
args=("$work/policy.json" "$work/request.json" "$iterations" 0)
mkfifo "$work"/{n,j,u}.{in,out}
pin "$target/release/examples/time_overview" --serve "${args[@]}" < "$work/n.in" > "$work/n.out" &
pin node bench/wasm/bench.mjs --serve "${args[@]}" < "$work/j.in" > "$work/j.out" &
pin node bench/wasm/bench.mjs --serve --utf8 "${args[@]}" < "$work/u.in" > "$work/u.out" &
exec 3> "$work/n.in" 4< "$work/n.out" 5> "$work/j.in" 6< "$work/j.out" 7> "$work/u.in" 8< "$work/u.out"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
n_ns=(); j_ns=(); u_ns=(); j_ratios=(); u_ratios=()
for pair in $(seq "$pairs"); do
  if (( pair % 2 )); then
    echo >&3; read -r n n_bytes <&4; echo >&5; read -r j j_bytes <&6; echo >&7; read -r u u_bytes <&8
  else
    echo >&7; read -r u u_bytes <&8; echo >&5; read -r j j_bytes <&6; echo >&3; read -r n n_bytes <&4
  fi
  [[ "$j_bytes" == "$n_bytes" && "$u_bytes" == "$n_bytes" ]] \
    || { echo "outputs differ in size: native $n_bytes, overviewJson $j_bytes, overviewUtf8 $u_bytes" >&2; exit 1; }
  n_ns+=("$n"); j_ns+=("$j"); u_ns+=("$u")
  j_ratios+=("$(ratio "$j" "$n")"); u_ratios+=("$(ratio "$u" "$n")")
done
exec 3>&- 5>&- 7>&-; wait; exec 4<&- 6<&- 8<&-

n_med="$(median "${n_ns[@]}")"; j_med="$(median "${j_ns[@]}")"; u_med="$(median "${u_ns[@]}")"
j_ratio="$(median "${j_ratios[@]}")"; u_ratio="$(median "${u_ratios[@]}")"
cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
echo "CPU: $cpu; Node $(node --version); $records records, $pairs pairs of rounds on core $core"
echo "native ${n_med} ns/request; overviewJson ${j_med} ns; overviewUtf8 ${u_med} ns (medians)"
echo "wasm_over_native: overviewJson (strings) $j_ratio, overviewUtf8 (bytes) $u_ratio (target: at most 1.5)"
mkdir -p "$target"
printf '{"cpu": "%s", "node": "%s", "records": %s, "native_ns_per_request": %s, "wasm_json_ns_per_request": %s, "wasm_utf8_ns_per_request": %s, "ratio_json": %s, "ratio_utf8": %s, "target_at_most": 1.5}\n' \
  "$cpu" "$(node --version)" "$records" "$n_med" "$j_med" "$u_med" "$j_ratio" "$u_ratio" > "$target/bench-wasm-ratio.json"
