"""The package's API: what is installed, the dict and text forms of each operation, and
the index readers."""

from __future__ import annotations

import json
from pathlib import Path

import egensag
from conftest import REPO, VECTORS, read


def test_the_installed_wheel_is_tested() -> None:
    # Not the source tree: scripts/test-python.sh installs the built wheel into a fresh
    # virtual environment.
    package = Path(egensag.__file__).resolve().parent
    assert "site-packages" in package.parts
    assert not package.is_relative_to((REPO / "bindings-python").resolve())
    assert (package / "py.typed").exists() and (package / "_types.pyi").exists()
    assert any(p.name.startswith("_native") and p.suffix == ".so" and "abi3" in p.name for p in package.iterdir())


def test_version() -> None:
    cargo = (REPO / "Cargo.toml").read_text(encoding="utf-8")
    assert f'version = "{egensag.core_version()}"' in cargo


def test_every_input_form_gives_the_same_bytes() -> None:
    directory = VECTORS / "anna-self"
    policy_text = read(directory, "policy.json") or ""
    request_text = read(directory, "request.json") or ""
    expected = read(directory, "overview.json")
    catalogue = read(directory, "catalogue.xml")
    for policy in (policy_text, policy_text.encode(), json.loads(policy_text)):
        engine = egensag.Engine(policy, catalogue)
        for request in (request_text, request_text.encode(), bytearray(request_text.encode()),
                        memoryview(request_text.encode()), json.loads(request_text)):
            assert engine.overview_json(request) == expected


def test_notifications_as_dict_and_text() -> None:
    directory = VECTORS / "notifications-anna-month"
    engine = egensag.Engine(read(directory, "policy.json") or "", read(directory, "catalogue.xml"))
    previous = json.loads(read(directory, "previous.json") or "")
    current = engine.overview(read(directory, "request.json") or "")
    expected = read(directory, "notifications.json") or ""
    assert engine.notifications_json(previous, current) == expected
    assert engine.notifications(previous, current) == json.loads(expected)


def test_represented_as_dict() -> None:
    directory = VECTORS / "represented-proxy-two-subjects"
    engine = egensag.Engine(read(directory, "policy.json") or "")
    represented = engine.represented(json.loads(read(directory, "represented-request.json") or ""))
    assert represented == json.loads(read(directory, "represented.json") or "")


def test_sources_and_add_sources() -> None:
    xml = VECTORS / "sources-citizen-xml"
    engine = egensag.Engine(read(xml, "policy.json") or "")
    request = json.loads(read(xml, "request.json") or "")
    profile = json.loads(read(xml, "source-profile.json") or "")
    cases = egensag.sources("sf1470", read(xml, "sf1470.xml") or "", request["as_of"], profile)
    assert cases == egensag.Engine.sources("sf1470", (xml / "sf1470.xml").read_bytes(), request["as_of"], profile)
    assert cases == engine.sources("sf1470", read(xml, "sf1470.xml") or "", request["as_of"], profile)
    assert cases["cases"] and "benefits" not in cases
    benefits = egensag.sources_json("ydelsesindeks", read(xml, "ydelsesindeks.xml") or "", request["as_of"], profile)
    merged = engine.add_sources(engine.add_sources(request, cases), benefits)
    assert len(merged["cases"]) == len(request.get("cases", [])) + len(cases["cases"])
    assert engine.overview_json(merged) == read(xml, "overview.json")
    # The same citizen written as egensag JSON gives the same overview.
    assert engine.overview_json(merged) == read(VECTORS / "sources-citizen-json", "overview.json")


def test_a_json_catalogue_as_a_dict() -> None:
    directory = VECTORS / "anna-self"
    catalogue = {"entries": [{"number": "32", "title": "Testgruppe"}]}
    engine = egensag.Engine(read(directory, "policy.json") or "", catalogue)
    overview = engine.overview(read(directory, "request.json") or "")
    areas = {case["kle"][:2]: case["area"] for case in overview["cases"]}
    assert areas["32"] == {"number": "32", "title": "Testgruppe"}
    assert "title" not in areas["15"]
