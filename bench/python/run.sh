#!/usr/bin/env bash
# The Python package against the Rust API on the same 1,000-record request, in interleaved
# rounds of long-lived processes on one core (bench/serve.sh says why); prints the median
# of the pairs' ratios for `Engine.overview_json` (text in, text out: the binding's own overhead) and,
# for information, for `Engine.overview` on dicts (json.dumps in, json.loads out), and
# writes target/bench-python-ratio.json. Uses the wheel that scripts/test-python.sh builds
# (SKIP_BUILD=1 keeps an existing one), installed into target/python/bench-venv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
records="${RECORDS:-1000}"; iterations="${ITERATIONS:-2}"; pairs="${PAIRS:-31}"
target="${CARGO_TARGET_DIR:-$root/target}"
serve_dir="$(mktemp -d)"; trap 'rm -rf "$serve_dir"' EXIT
work="$serve_dir"
source bench/serve.sh

if [[ -z "${SKIP_BUILD:-}" || -z "$(ls "$target"/python/wheels/egensag-*.whl 2>/dev/null)" ]]; then
  BUILD_ONLY=1 bash scripts/test-python.sh
fi
venv="$target/python/bench-venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --no-index "$target"/python/wheels/egensag-*.whl
python="$venv/bin/python"

cargo build -q --release -p egensag-bench --example gen_ndjson --example time_overview
"$target/release/examples/gen_ndjson" --policy > "$work/policy.json"
"$target/release/examples/gen_ndjson" 1 "$records" > "$work/request.json"

args=("$work/policy.json" "$work/request.json" "$iterations" 0)
serve_start python "$python" bench/python/bench.py "${args[@]}" --serve
serve_start dicts "$python" bench/python/bench.py "${args[@]}" --dict --serve
serve_start rust "$target/release/examples/time_overview" --serve "${args[@]}"
p_ns=(); d_ns=(); rust_ns=(); p_ratios=(); d_ratios=()
for pair in $(seq "$pairs"); do
  { read -r p p_bytes; read -r d _; read -r r r_bytes; } < <(serve_pair "$pair" python dicts rust)
  [[ "$p_bytes" == "$r_bytes" ]] || { echo "outputs differ in size: $p_bytes vs $r_bytes" >&2; exit 1; }
  p_ns+=("$p"); d_ns+=("$d"); rust_ns+=("$r")
  p_ratios+=("$(pair_ratio "$p" "$r")"); d_ratios+=("$(pair_ratio "$d" "$r")")
done
serve_stop
p_med="$(pair_median "${p_ns[@]}")"; d_med="$(pair_median "${d_ns[@]}")"; r_med="$(pair_median "${rust_ns[@]}")"
ratio="$(pair_median "${p_ratios[@]}")"; dict_ratio="$(pair_median "${d_ratios[@]}")"
version="$("$python" -c 'import platform; print(platform.python_version())')"
echo "Python $version overview_json ${p_med} ns/request, overview (dicts) ${d_med} ns/request, Rust API ${r_med} ns/request at $records records"
echo "  (medians; CPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
echo "python_over_rust_api = $ratio ($(pair_quartiles "${p_ratios[@]}")); with dicts (json.dumps + json.loads) = $dict_ratio"
mkdir -p "$target"
printf '{"records": %s, "python_ns_per_request": %s, "python_dicts_ns_per_request": %s, "rust_ns_per_request": %s, "ratio": %s, "dicts_ratio": %s, "python": "%s"}\n' \
  "$records" "$p_med" "$d_med" "$r_med" "$ratio" "$dict_ratio" "$version" > "$target/bench-python-ratio.json"
