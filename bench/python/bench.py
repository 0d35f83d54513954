"""Times `Engine.overview_json` through the Python package: median ns per call over ROUNDS
rounds of ITERATIONS calls on one request, printed as `NS OUTPUT_BYTES` (the format of
its Rust twin, bench/examples/time_overview.rs; bench/python/run.sh compares the two).

    python bench.py POLICY.json REQUEST.json ITERATIONS ROUNDS [--dict] [--serve]

With --dict it times `Engine.overview` on the request as a dict instead: json.dumps in,
json.loads out, which is what a caller holding dicts pays. With --serve (ROUNDS is then
ignored) it times one round for each line it reads on stdin and prints that round's
`NS OUTPUT_BYTES` (bench/serve.sh; run.sh interleaves the processes' rounds).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import egensag


def main(args: list[str]) -> None:
    as_dict = "--dict" in args
    serve = "--serve" in args
    policy, request_file, iterations, rounds = [a for a in args if a not in ("--dict", "--serve")]
    engine = egensag.Engine(Path(policy).read_text(encoding="utf-8"))
    request = Path(request_file).read_text(encoding="utf-8").rstrip("\r\n")
    out_len = len(engine.overview_json(request).encode())
    data = json.loads(request)

    def round_ns() -> float:
        start = time.perf_counter_ns()
        for _ in range(int(iterations)):
            if as_dict:
                engine.overview(data)
            else:
                engine.overview_json(request)
        return (time.perf_counter_ns() - start) / int(iterations)

    round_ns()  # warm up
    if serve:
        for _ in sys.stdin:
            print(f"{round_ns():.0f} {out_len}", flush=True)
        return
    samples = sorted(round_ns() for _ in range(int(rounds)))
    print(f"{samples[len(samples) // 2]:.0f} {out_len}")


if __name__ == "__main__":
    main(sys.argv[1:])
