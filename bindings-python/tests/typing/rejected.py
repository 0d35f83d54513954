# mypy --strict must reject each line that ends in an "E" comment, and no other line
# (scripts/test-python.sh checks that): the stubs are real types, not `Any`.
from __future__ import annotations

from typing import TYPE_CHECKING

import egensag

if TYPE_CHECKING:
    from egensag import Request

engine = egensag.Engine({"id": "p", "kle": {"include": []}})
typo: Request = {"as_of": "2026-11-23", "subjekt": {"cpr": "0101901234"}}  # E: unknown key
wrong: Request = {"as_of": 20261123, "subject": {"cpr": "x"}, "viewer": {"cpr": "x", "role": "self"}}  # E: int for str
role: Request = {"as_of": "2026-11-23", "subject": {"cpr": "x"}, "viewer": {"cpr": "x", "role": "boss"}}  # E: not a Role
overview = engine.overview("{}")
count: int = overview["cases"]  # E: a list, not an int
missing = overview["kases"]  # E: no such key
engine.overview(42)  # E: not a request
egensag.sources("sf1471", "<Sag/>", "2026-11-23")  # E: not a SourceKind
