"""A small consumer of the typed API: `mypy --strict` must accept it (scripts/test-python.sh),
and it runs (it checks what it prints)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import egensag

if TYPE_CHECKING:
    from egensag import CaseView, ErrorCode, Overview, Policy, Request, SourceRecords

policy: Policy = {"id": "kommune", "kle": {"include": [{"pattern": "32.*"}]}}
request: Request = {
    "as_of": "2026-11-23",
    "subject": {"cpr": "0101901234"},
    "viewer": {"cpr": "0101901234", "role": "self"},
    "cases": [
        {
            "id": "S-1",
            "source": "KSD",
            "kle": "32.30.04",
            "title": "Hjælp",
            "created": "2026-11-01",
            "parties": [{"cpr": "0101901234", "role": "primary"}],
        }
    ],
}


def titles(overview: Overview) -> list[str]:
    cases: list[CaseView] = overview["cases"]
    return [case["title"] for case in cases]


def main(repo: Path) -> None:
    engine = egensag.Engine(policy)
    overview = engine.overview(request)
    assert titles(overview) == ["Hjælp"], titles(overview)
    text: str = engine.overview_json(json.dumps(request))
    assert json.loads(text) == overview
    assert engine.validate(request)["valid"]
    explanation = engine.explain(request)
    assert [(e["id"], e["visible"]) for e in explanation["entries"]] == [("S-1", True)]
    assert engine.notifications(overview, overview)["notifications"] == []
    records: SourceRecords = {"cases": [], "problems": []}
    merged: Request = engine.add_sources(request, records)
    assert len(merged.get("cases", [])) == 1
    xml = repo / "tests" / "vectors" / "sources-citizen-xml" / "sf1470.xml"
    read = egensag.sources("sf1470", xml.read_bytes(), "2026-11-23")
    assert read["problems"] is not None
    try:
        engine.overview(b"{")
    except egensag.EgensagError as e:
        code: ErrorCode = e.code
        assert (code, e.path) == ("invalid_json", "")
    print("consumer: ok")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3])
