"""egensag: what a Danish citizen, or someone acting for them, may see of their municipal
cases, benefits and appointments, and how each record is presented.

The rule core is the Rust library egensag; this package only converts at the boundary.
Every input is a ``dict`` (serialised with :func:`json.dumps`) or JSON text (``str`` or
UTF-8 ``bytes``); every ``*_json`` method returns the library's exact JSON text and its
plain twin the same parsed with :func:`json.loads`. Bad input raises :class:`EgensagError`.

Evaluation releases the GIL, and an :class:`Engine` is immutable: share one engine
between any number of threads.

>>> import egensag
>>> engine = egensag.Engine({"id": "p", "kle": {"include": [{"pattern": "*"}]}})
>>> engine.validate({"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
...                  "viewer": {"cpr": "0101901234", "role": "self"}})
{'valid': True, 'problems': []}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Union

from . import _native
from ._error import EgensagError

__all__ = ["EgensagError", "Engine", "core_version", "sources", "sources_json"]

#: What every input may be: a dict, or JSON text as ``str`` or UTF-8 ``bytes``.
_Input = Union[Mapping[str, Any], str, bytes]


def _utf8(value: object, name: str) -> bytes:
    """The UTF-8 bytes of an input; a dict is serialised with :func:`json.dumps`.

    A ``str`` is encoded with ``surrogatepass``: a lone surrogate (not text) reaches the
    library as invalid UTF-8, which it rejects as ``invalid_json`` with the input's path.
    """
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, Mapping):
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise TypeError(f"{name}: cannot be written as JSON: {e}") from None
        return text.encode("utf-8", "surrogatepass")
    raise TypeError(f"{name}: expected a dict, str or bytes, not {type(value).__name__}")


def _optional(value: object, name: str) -> bytes | None:
    return None if value is None else _utf8(value, name)


def sources_json(kind: str, document: str | bytes, as_of: str, profile: _Input | None = None) -> str:
    """Reads a KOMBIT index document for the day ``as_of`` (``YYYY-MM-DD``), as JSON text.

    ``kind`` is ``"sf1470"`` (SF1470 ``Sag``: cases) or ``"ydelsesindeks"`` (benefits);
    ``profile`` is an optional source profile. The result, ``{"cases": […], "problems":
    […]}`` or ``{"benefits": […], "problems": […]}``, is added to a request with
    :meth:`Engine.add_sources`.
    """
    return _native.sources_json(
        _utf8(kind, "kind"),
        _utf8(document, "document"),
        _utf8(as_of, "as_of"),
        _optional(profile, "profile"),
    )


def sources(kind: str, document: str | bytes, as_of: str, profile: _Input | None = None) -> Any:
    """:func:`sources_json`, parsed: the records and problems as a dict."""
    return json.loads(sources_json(kind, document, as_of, profile))


def core_version() -> str:
    """The version of the egensag core compiled into the package."""
    return _native.core_version()


class Engine:
    """A compiled policy (and optional KLE catalogue), used for any number of requests.

    ``policy`` is the municipality's policy; ``catalogue`` the KLE catalogue as KLE-online
    XML or JSON (for subject and area titles). Raises :class:`EgensagError` when either
    is malformed.
    """

    __slots__ = ("_native",)

    def __init__(self, policy: _Input, catalogue: _Input | None = None) -> None:
        self._native = _native.Engine(_utf8(policy, "policy"), _optional(catalogue, "catalogue"))

    def overview_json(self, request: _Input) -> str:
        """The citizen's overview, as the library's JSON text."""
        return self._native.overview_json(_utf8(request, "request"))

    def overview(self, request: _Input) -> Any:
        """The citizen's overview: what the viewer may see, and how it is presented."""
        return json.loads(self.overview_json(request))

    def explain_json(self, request: _Input) -> str:
        """The explanation, as the library's JSON text."""
        return self._native.explain_json(_utf8(request, "request"))

    def explain(self, request: _Input) -> Any:
        """Every record's decision, with its reasons and rules."""
        return json.loads(self.explain_json(request))

    def validate_json(self, request: _Input) -> str:
        """The validation report, as the library's JSON text."""
        return self._native.validate_json(_utf8(request, "request"))

    def validate(self, request: _Input) -> Any:
        """What the engine would hide because a source wrote it wrong."""
        return json.loads(self.validate_json(request))

    def represented_json(self, request: _Input) -> str:
        """Whom the viewer may act for, as the library's JSON text."""
        return self._native.represented_json(_utf8(request, "request"))

    def represented(self, request: _Input) -> Any:
        """Whom the viewer may act for: one entry per usable mandate."""
        return json.loads(self.represented_json(request))

    def notifications_json(self, previous: _Input, current: _Input) -> str:
        """The notifications between two overviews, as the library's JSON text."""
        return self._native.notifications_json(
            _utf8(previous, "previous"), _utf8(current, "current")
        )

    def notifications(self, previous: _Input, current: _Input) -> Any:
        """The notifications from an earlier overview to a later one of the same subject."""
        return json.loads(self.notifications_json(previous, current))

    def add_sources_json(self, request: _Input, sources: _Input) -> str:
        """:meth:`add_sources`, as the library's JSON text."""
        return self._native.add_sources_json(_utf8(request, "request"), _utf8(sources, "sources"))

    def add_sources(self, request: _Input, sources: _Input) -> Any:
        """``request`` with the records of a :func:`sources` result added after its own."""
        return json.loads(self.add_sources_json(request, sources))

    # The index readers need no policy; they are here too so that an engine offers every
    # operation.
    sources_json = staticmethod(sources_json)
    sources = staticmethod(sources)
