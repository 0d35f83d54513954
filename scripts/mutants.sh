#!/usr/bin/env bash
# Mutation testing of core's rules with cargo-mutants (27.1.0: `cargo install cargo-mutants`).
# Slow (one rebuild per mutant), so not run by scripts/test.sh.
#
#   bash scripts/mutants.sh                 # visibility and status (the 90 % bar)
#   bash scripts/mutants.sh visibility      # one group: visibility | status | calendar | kle | presentation
#
# Results go to target/mutants/<group>/mutants.out (caught.txt, missed.txt, timeout.txt,
# unviable.txt). Each group runs only the test targets that exercise it, one job at a time.
set -euo pipefail
cd "$(dirname "$0")/.."

run() {
  local group=$1
  shift
  local files=() tests=()
  case "$group" in
    visibility)
      files=(-f 'core/src/visibility/*.rs')
      tests=(--lib --test scenarios --test properties --test differential --test privileges) ;;
    status)
      files=(-f core/src/status.rs)
      tests=(--lib --test status --test scenarios) ;;
    calendar)
      files=(-f core/src/calendar.rs)
      tests=(--lib --test calendar_examples --test calendar_props --test calendar_json) ;;
    kle)
      files=(-f 'core/src/kle/*.rs')
      tests=(--lib --test kle_props --test kle_strings --test kle_catalogue) ;;
    presentation)
      files=(-f core/src/presentation.rs)
      tests=(--lib --test scenarios --test vectors) ;;
    *) echo "unknown group: $group" >&2; exit 2 ;;
  esac
  local cargo_args=()
  for t in "${tests[@]}"; do
    case "$t" in --test) ;; --lib) cargo_args+=(--cargo-arg=--lib) ;; *) cargo_args+=("--cargo-arg=--test=$t") ;; esac
  done
  mkdir -p "target/mutants/$group"
  # Only the chosen test targets are built and run (--cargo-arg reaches the build too);
  # no debug info, so each mutant's rebuild links faster.
  CARGO_PROFILE_DEV_DEBUG=0 cargo mutants -p egensag "${files[@]}" -j 1 \
    --timeout 300 --build-timeout 900 --output "target/mutants/$group" \
    "${cargo_args[@]}" || true
  echo "== $group: $(wc -l < "target/mutants/$group/mutants.out/caught.txt") caught," \
    "$(wc -l < "target/mutants/$group/mutants.out/missed.txt") missed," \
    "$(wc -l < "target/mutants/$group/mutants.out/timeout.txt") timeouts," \
    "$(wc -l < "target/mutants/$group/mutants.out/unviable.txt") unviable"
}

if [ $# -eq 0 ]; then set -- visibility status; fi
for group in "$@"; do run "$group"; done
