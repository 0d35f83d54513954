"""Every conformance vector in tests/vectors/ through the installed package, compared byte
for byte, exactly as core/tests/vectors.rs (and the C and JavaScript runners) compute them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

import egensag
from conftest import VECTORS, read, vector_dirs

OUTPUTS = ["overview.json", "explanation.json", "notifications.json", "represented.json", "error.json"]


def outcome(call: Callable[[], str]) -> str:
    """The call's text, or its error as the library writes it."""
    try:
        return call()
    except egensag.EgensagError as e:
        return e.to_json()


def add_sources(directory: Path, engine: egensag.Engine, request: str) -> str:
    """The request with the records of the vector's index documents added (mirrors add_sources)."""
    profile = read(directory, "source-profile.json")
    for kind in ("sf1470", "ydelsesindeks"):
        document = read(directory, f"{kind}.xml")
        if document is None:
            continue
        as_of = json.loads(request)["as_of"]
        records = egensag.sources_json(kind, document, as_of, profile)
        request = engine.add_sources_json(request, records)
    return request


def run_vector(directory: Path) -> dict[str, str]:
    """The outputs of one vector, by file name (mirrors run_vector)."""
    policy = read(directory, "policy.json")
    request = read(directory, "request.json")
    assert policy is not None and request is not None, f"{directory}: policy.json and request.json"
    catalogue = read(directory, "catalogue.xml") or read(directory, "catalogue.json")
    try:
        engine = egensag.Engine(policy, catalogue)
    except egensag.EgensagError as e:
        return {"error.json": e.to_json()}
    try:
        request = add_sources(directory, engine, request)
        overview = engine.overview_json(request)
    except egensag.EgensagError as e:
        return {"error.json": e.to_json()}
    out = {"explanation.json": outcome(lambda: engine.explain_json(request))}
    previous = read(directory, "previous.json")
    if previous is not None:
        out["notifications.json"] = outcome(lambda: engine.notifications_json(previous, overview))
    represented = read(directory, "represented-request.json")
    if represented is not None:
        out["represented.json"] = outcome(lambda: engine.represented_json(represented))
    out["overview.json"] = overview
    return out


def test_there_are_conformance_vectors() -> None:
    assert len(vector_dirs()) >= 3, f"expected conformance vectors under {VECTORS}"


@pytest.mark.parametrize("directory", vector_dirs(), ids=lambda p: p.name)
def test_vector(directory: Path) -> None:
    outputs = run_vector(directory)
    for name in OUTPUTS:
        assert outputs.get(name) == read(directory, name), f"{name} differs"


@pytest.mark.parametrize(
    "directory",
    [d for d in vector_dirs() if (d / "overview.json").exists() and not (d / "sf1470.xml").exists()
     and not (d / "ydelsesindeks.xml").exists()],
    ids=lambda p: p.name,
)
def test_dicts_give_the_same_result(directory: Path) -> None:
    """A dict in (json.dumps) and a dict out (json.loads) equal the text API's result."""
    policy = json.loads((directory / "policy.json").read_text(encoding="utf-8"))
    request = json.loads((directory / "request.json").read_text(encoding="utf-8"))
    catalogue = read(directory, "catalogue.xml")
    engine = egensag.Engine(policy, catalogue)
    expected = json.loads((directory / "overview.json").read_text(encoding="utf-8"))
    assert engine.overview(request) == expected
    assert engine.explain(request) == json.loads((directory / "explanation.json").read_text(encoding="utf-8"))
    # bytes in: the same text
    assert engine.overview_json((directory / "request.json").read_bytes()) == (directory / "overview.json").read_text(encoding="utf-8")
