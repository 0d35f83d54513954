"""One engine, many threads: the same bytes as one thread, and the GIL is released while
the library evaluates (another Python thread runs meanwhile)."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import egensag
from conftest import VECTORS, read

SHARED = VECTORS / "anna-self"


def shared_engine() -> egensag.Engine:
    return egensag.Engine(read(SHARED, "policy.json") or "", read(SHARED, "catalogue.xml"))


def requests_with_outputs() -> list[tuple[str, str, str]]:
    """Vectors that share anna-self's policy and catalogue: (request, overview, explanation)."""
    policy, catalogue = read(SHARED, "policy.json"), read(SHARED, "catalogue.xml")
    found = []
    for directory in sorted(VECTORS.iterdir()):
        if read(directory, "policy.json") != policy or read(directory, "catalogue.xml") != catalogue:
            continue
        request, overview = read(directory, "request.json"), read(directory, "overview.json")
        explanation = read(directory, "explanation.json")
        if request and overview and explanation and not (directory / "sf1470.xml").exists():
            found.append((request, overview, explanation))
    return found


def test_many_threads_on_one_engine_give_the_same_bytes() -> None:
    engine = shared_engine()
    cases = requests_with_outputs()
    assert len(cases) >= 3
    jobs = [case for _ in range(25) for case in cases]

    def run(case: tuple[str, str, str]) -> bool:
        request, overview, explanation = case
        return engine.overview_json(request) == overview and engine.explain_json(request) == explanation

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, jobs))
    assert len(results) == len(jobs) and all(results)


def big_request(records: int) -> bytes:
    """anna-self's request with its cases repeated (new ids) up to `records` records."""
    request = json.loads(read(SHARED, "request.json") or "")
    cases = request["cases"]
    others = len(request.get("benefits", [])) + len(request.get("appointments", []))
    copies = (records - others) // len(cases)
    request["cases"] = [{**case, "id": f"{case['id']}-{i}"} for i in range(copies) for case in cases]
    return json.dumps(request).encode()


def big_engine(records: int) -> egensag.Engine:
    """anna-self's engine, its policy's limits raised to hold `records` records: one call
    must last long enough to tell a released GIL from a held one."""
    policy = json.loads(read(SHARED, "policy.json") or "")
    policy["limits"] = {"max_records": records}
    return egensag.Engine(json.dumps(policy), read(SHARED, "catalogue.xml"))


def test_the_gil_is_released_during_evaluation() -> None:
    engine = big_engine(60_000)
    request = big_request(60_000)
    stamps: list[float] = []
    stop = threading.Event()

    def ticker() -> None:
        # Python code that notes the time about once a millisecond while it runs.
        last = 0.0
        while not stop.is_set():
            now = time.perf_counter()
            if now - last >= 0.001:
                stamps.append(now)
                last = now

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        time.sleep(0.01)
        started = time.perf_counter()
        overview = engine.overview_json(request)
        ended = time.perf_counter()
    finally:
        stop.set()
        thread.join()
    assert overview.startswith('{"as_of":')
    elapsed = ended - started
    assert elapsed > 0.1, f"the evaluation took only {elapsed:.3f} s; make the request bigger"
    # Holding the GIL, the library would stop the ticker for the whole native call (the
    # interpreter never interrupts one), so it could only run at the call's edges (a few
    # switch intervals of 5 ms, in the Python wrapper). Released, it runs throughout.
    middle = [t for t in stamps if started + elapsed / 4 <= t <= ended - elapsed / 4]
    assert middle, f"no Python code ran in the middle half of a {elapsed:.3f} s evaluation"


def test_threads_see_errors_independently() -> None:
    engine = shared_engine()
    request, overview, _ = requests_with_outputs()[0]

    def run(i: int) -> str:
        if i % 2:
            try:
                engine.overview_json("{")
            except egensag.EgensagError as e:
                return e.code
            return "no error"
        return "ok" if engine.overview_json(request) == overview else "differs"

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(200)))
    assert results == ["ok" if i % 2 == 0 else "invalid_json" for i in range(200)]


def test_vectors_dir_exists() -> None:
    assert isinstance(SHARED, Path) and SHARED.is_dir()
