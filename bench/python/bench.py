"""Times `Engine.overview_json` through the Python package: median ns per call over ROUNDS
rounds of ITERATIONS calls on one request, printed as `NS OUTPUT_BYTES` (the format of
its Rust twin, bench/examples/time_overview.rs; bench/python/run.sh compares the two).

    python bench.py POLICY.json REQUEST.json ITERATIONS ROUNDS [--dict]

With --dict it times `Engine.overview` on the request as a dict instead: json.dumps in,
json.loads out, which is what a caller holding dicts pays.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import egensag


def main(args: list[str]) -> None:
    as_dict = "--dict" in args
    policy, request_file, iterations, rounds = [a for a in args if a != "--dict"]
    engine = egensag.Engine(Path(policy).read_text(encoding="utf-8"))
    request = Path(request_file).read_text(encoding="utf-8").rstrip("\r\n")
    samples = []
    out_len = 0
    if as_dict:
        data = json.loads(request)
        for _ in range(int(rounds)):
            start = time.perf_counter_ns()
            for _ in range(int(iterations)):
                engine.overview(data)
            samples.append((time.perf_counter_ns() - start) / int(iterations))
        out_len = len(engine.overview_json(request).encode())
    else:
        for _ in range(int(rounds)):
            start = time.perf_counter_ns()
            for _ in range(int(iterations)):
                out = engine.overview_json(request)
            samples.append((time.perf_counter_ns() - start) / int(iterations))
            out_len = len(out.encode())
    samples.sort()
    print(f"{samples[len(samples) // 2]:.0f} {out_len}")


if __name__ == "__main__":
    main(sys.argv[1:])
