#!/usr/bin/env bash
# WebAssembly in Node against native Rust on the same 1,000-record request, in
# interleaved rounds of three long-lived processes on one core (bench/serve.sh says why):
# native time_overview, and bench.mjs through the string API overviewJson and through the
# bytes API overviewUtf8. Prints the median of the pairs' ratios for each API and writes
# target/bench-wasm-ratio.json. Builds the npm package with scripts/build-wasm.sh
# unless bindings-wasm/pkg exists (SKIP_BUILD=1 keeps an existing one).
#
#   SKIP_BUILD=1 bash bench/wasm/run.sh
#   RECORDS=100 PAIRS=21 bash bench/wasm/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
records="${RECORDS:-1000}"; pairs="${PAIRS:-31}"
iterations="${ITERATIONS:-$(( 2000 / records > 0 ? 2000 / records : 1 ))}"
target="${CARGO_TARGET_DIR:-$root/target}"
serve_dir="$(mktemp -d)"; trap 'rm -rf "$serve_dir"' EXIT
source bench/serve.sh

if [[ -z "${SKIP_BUILD:-}" || ! -f bindings-wasm/pkg/node.js ]]; then
  bash scripts/build-wasm.sh >/dev/null
fi
cargo build -q --release -p egensag-bench --example gen_ndjson --example time_overview
"$target/release/examples/gen_ndjson" --policy > "$serve_dir/policy.json"
"$target/release/examples/gen_ndjson" 1 "$records" > "$serve_dir/request.json"
args=("$serve_dir/policy.json" "$serve_dir/request.json" "$iterations" 0)
serve_start native "$target/release/examples/time_overview" --serve "${args[@]}"
serve_start strings node bench/wasm/bench.mjs --serve "${args[@]}"
serve_start bytes node bench/wasm/bench.mjs --serve --utf8 "${args[@]}"

n_ns=(); j_ns=(); u_ns=(); j_ratios=(); u_ratios=()
for pair in $(seq "$pairs"); do
  { read -r n n_bytes; read -r j j_bytes; read -r u u_bytes; } < <(serve_pair "$pair" native strings bytes)
  [[ "$j_bytes" == "$n_bytes" && "$u_bytes" == "$n_bytes" ]] \
    || { echo "outputs differ in size: native $n_bytes, overviewJson $j_bytes, overviewUtf8 $u_bytes" >&2; exit 1; }
  n_ns+=("$n"); j_ns+=("$j"); u_ns+=("$u")
  j_ratios+=("$(pair_ratio "$j" "$n")"); u_ratios+=("$(pair_ratio "$u" "$n")")
done
serve_stop

n_med="$(pair_median "${n_ns[@]}")"; j_med="$(pair_median "${j_ns[@]}")"; u_med="$(pair_median "${u_ns[@]}")"
j_ratio="$(pair_median "${j_ratios[@]}")"; u_ratio="$(pair_median "${u_ratios[@]}")"
cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
echo "CPU: $cpu; Node $(node --version); $records records, $pairs pairs of rounds on core ${CORE:-0}"
echo "native ${n_med} ns/request; overviewJson ${j_med} ns; overviewUtf8 ${u_med} ns (medians)"
echo "wasm_over_native: overviewJson (strings) $j_ratio ($(pair_quartiles "${j_ratios[@]}")), overviewUtf8 (bytes) $u_ratio ($(pair_quartiles "${u_ratios[@]}")) (target: at most 1.5)"
mkdir -p "$target"
printf '{"cpu": "%s", "node": "%s", "records": %s, "native_ns_per_request": %s, "wasm_json_ns_per_request": %s, "wasm_utf8_ns_per_request": %s, "ratio_json": %s, "ratio_utf8": %s, "target_at_most": 1.5}\n' \
  "$cpu" "$(node --version)" "$records" "$n_med" "$j_med" "$u_med" "$j_ratio" "$u_ratio" > "$target/bench-wasm-ratio.json"
