#!/usr/bin/env bash
# WebAssembly in Node against native Rust on the same 1,000-record request: both timed
# in alternating runs in one invocation; prints the ratio of medians and writes
# target/bench-wasm-ratio.json. Builds the npm package with scripts/build-wasm.sh
# unless bindings-wasm/pkg exists (SKIP_BUILD=1 keeps an existing one).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
records="${RECORDS:-1000}"; iterations="${ITERATIONS:-10}"; rounds="${ROUNDS:-9}"; runs="${RUNS:-5}"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

if [[ -z "${SKIP_BUILD:-}" || ! -f bindings-wasm/pkg/node.js ]]; then
  bash scripts/build-wasm.sh >/dev/null
fi
cargo build -q --release -p egensag-bench --example gen_ndjson --example time_overview
"$target/release/examples/gen_ndjson" --policy > "$work/policy.json"
"$target/release/examples/gen_ndjson" 1 "$records" > "$work/request.json"

w_ns=(); n_ns=()
for _ in $(seq "$runs"); do
  read -r w w_bytes < <(node bench/wasm/bench.mjs "$work/policy.json" "$work/request.json" "$iterations" "$rounds")
  read -r n n_bytes < <("$target/release/examples/time_overview" "$work/policy.json" "$work/request.json" "$iterations" "$rounds")
  [[ "$w_bytes" == "$n_bytes" ]] || { echo "outputs differ in size: $w_bytes vs $n_bytes" >&2; exit 1; }
  w_ns+=("$w"); n_ns+=("$n")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
w_med="$(median "${w_ns[@]}")"; n_med="$(median "${n_ns[@]}")"
ratio="$(awk -v w="$w_med" -v n="$n_med" 'BEGIN {printf "%.3f", w / n}')"
echo "wasm (Node $(node --version)) ${w_med} ns/request, native ${n_med} ns/request at $records records (runs: wasm ${w_ns[*]}; native ${n_ns[*]})"
echo "wasm_over_native = $ratio (target: at most 2)"
mkdir -p "$target"
printf '{"records": %s, "wasm_ns_per_request": %s, "native_ns_per_request": %s, "ratio": %s, "target_at_most": 2.0}\n' \
  "$records" "$w_med" "$n_med" "$ratio" > "$target/bench-wasm-ratio.json"
