#!/usr/bin/env bash
# The Python package against the Rust API on the same 1,000-record request: both timed in
# alternating runs (Python, Rust, Python, Rust, …) in one invocation; prints the ratio of
# medians for `Engine.overview_json` (text in, text out: the binding's own overhead) and,
# for information, for `Engine.overview` on dicts (json.dumps in, json.loads out), and
# writes target/bench-python-ratio.json. Uses the wheel that scripts/test-python.sh builds
# (SKIP_BUILD=1 keeps an existing one), installed into target/python/bench-venv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
records="${RECORDS:-1000}"; iterations="${ITERATIONS:-20}"; rounds="${ROUNDS:-9}"; runs="${RUNS:-5}"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

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

p_ns=(); d_ns=(); rust_ns=()
for _ in $(seq "$runs"); do
  read -r p p_bytes < <("$python" bench/python/bench.py "$work/policy.json" "$work/request.json" "$iterations" "$rounds")
  read -r r r_bytes < <("$target/release/examples/time_overview" "$work/policy.json" "$work/request.json" "$iterations" "$rounds")
  read -r d _ < <("$python" bench/python/bench.py "$work/policy.json" "$work/request.json" "$iterations" "$rounds" --dict)
  [[ "$p_bytes" == "$r_bytes" ]] || { echo "outputs differ in size: $p_bytes vs $r_bytes" >&2; exit 1; }
  p_ns+=("$p"); d_ns+=("$d"); rust_ns+=("$r")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p_med="$(median "${p_ns[@]}")"; d_med="$(median "${d_ns[@]}")"; r_med="$(median "${rust_ns[@]}")"
ratio="$(awk -v p="$p_med" -v r="$r_med" 'BEGIN {printf "%.3f", p / r}')"
dict_ratio="$(awk -v d="$d_med" -v r="$r_med" 'BEGIN {printf "%.3f", d / r}')"
version="$("$python" -c 'import platform; print(platform.python_version())')"
echo "Python $version overview_json ${p_med} ns/request, overview (dicts) ${d_med} ns/request, Rust API ${r_med} ns/request at $records records"
echo "  (runs: Python ${p_ns[*]}; dicts ${d_ns[*]}; Rust ${rust_ns[*]}; CPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
echo "python_over_rust_api = $ratio; with dicts (json.dumps + json.loads) = $dict_ratio"
mkdir -p "$target"
printf '{"records": %s, "python_ns_per_request": %s, "python_dicts_ns_per_request": %s, "rust_ns_per_request": %s, "ratio": %s, "dicts_ratio": %s, "python": "%s"}\n' \
  "$records" "$p_med" "$d_med" "$r_med" "$ratio" "$dict_ratio" "$version" > "$target/bench-python-ratio.json"
