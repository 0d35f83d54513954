# The typed API of egensag. The data types (Request, Policy, Overview, …) are in _types.pyi,
# generated from the core's own types through their JSON Schemas (`cargo xtask bless`).
# Each method takes the typed dict or JSON text (str, or UTF-8 bytes); scripts/test-python.sh
# checks this file against the package with mypy's stubtest.
from typing import Literal

from typing_extensions import NotRequired, TypeAlias, TypedDict

from ._error import EgensagError as EgensagError
from ._types import *
from ._types import (
    Benefit,
    Case,
    Catalogue,
    Explanation,
    Notifications,
    Overview,
    Policy,
    Problem,
    Represented,
    RepresentedRequest,
    Request,
    SourceProfile,
    ValidationReport,
)

__all__ = ["EgensagError", "Engine", "core_version", "sources", "sources_json"]

#: Which index a document is: SF1470 `Sag` (cases) or Ydelsesindeks (benefits).
SourceKind: TypeAlias = Literal["sf1470", "ydelsesindeks"]

class SourceRecords(TypedDict):
    """What an index reader returns: the records, and what could not be read (with paths)."""

    cases: NotRequired[list[Case]]
    benefits: NotRequired[list[Benefit]]
    problems: list[Problem]

def sources_json(
    kind: SourceKind,
    document: str | bytes,
    as_of: str,
    profile: SourceProfile | str | bytes | None = None,
) -> str:
    """Reads a KOMBIT index document for the day `as_of` (YYYY-MM-DD), as JSON text."""

def sources(
    kind: SourceKind,
    document: str | bytes,
    as_of: str,
    profile: SourceProfile | str | bytes | None = None,
) -> SourceRecords:
    """Reads a KOMBIT index document: the records and what could not be read."""

def core_version() -> str:
    """The version of the egensag core compiled into the package."""

class Engine:
    """A compiled policy (and optional KLE catalogue), used for any number of requests,
    from any number of threads. Raises `EgensagError` on bad input."""

    def __init__(
        self,
        policy: Policy | str | bytes,
        catalogue: Catalogue | str | bytes | None = None,
    ) -> None: ...
    def overview(self, request: Request | str | bytes) -> Overview:
        """The citizen's overview."""
    def overview_json(self, request: Request | str | bytes) -> str:
        """The overview as the library's exact JSON text."""
    def explain(self, request: Request | str | bytes) -> Explanation:
        """Every record's decision, with reasons and rules."""
    def explain_json(self, request: Request | str | bytes) -> str:
        """The explanation as the library's exact JSON text."""
    def validate(self, request: Request | str | bytes) -> ValidationReport:
        """What the engine would hide because a source wrote it wrong."""
    def validate_json(self, request: Request | str | bytes) -> str:
        """The validation report as the library's exact JSON text."""
    def represented(self, request: RepresentedRequest | str | bytes) -> Represented:
        """Whom the viewer may act for: one entry per usable mandate."""
    def represented_json(self, request: RepresentedRequest | str | bytes) -> str:
        """`represented` as the library's exact JSON text."""
    def notifications(
        self, previous: Overview | str | bytes, current: Overview | str | bytes
    ) -> Notifications:
        """The notifications from an earlier overview to a later one of the same subject."""
    def notifications_json(
        self, previous: Overview | str | bytes, current: Overview | str | bytes
    ) -> str:
        """The notifications as the library's exact JSON text."""
    def add_sources(
        self, request: Request | str | bytes, sources: SourceRecords | str | bytes
    ) -> Request:
        """`request` with the records of a `sources` result added after its own."""
    def add_sources_json(
        self, request: Request | str | bytes, sources: SourceRecords | str | bytes
    ) -> str:
        """`add_sources` as the library's exact JSON text."""
    @staticmethod
    def sources(
        kind: SourceKind,
        document: str | bytes,
        as_of: str,
        profile: SourceProfile | str | bytes | None = None,
    ) -> SourceRecords:
        """The same as the module's `sources`."""
    @staticmethod
    def sources_json(
        kind: SourceKind,
        document: str | bytes,
        as_of: str,
        profile: SourceProfile | str | bytes | None = None,
    ) -> str:
        """The same as the module's `sources_json`."""
