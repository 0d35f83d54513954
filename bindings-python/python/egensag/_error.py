"""`EgensagError`, raised by every call of the package on bad input."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._types import ErrorCode, ErrorObject


class EgensagError(Exception):
    """An error from egensag: a stable machine code, a message and a path.

    The message holds no personal data (no CPR number, no record title); the path says
    where in the input, e.g. ``cases[3].kle`` (empty for the whole input). The engine
    stays usable after an error.
    """

    code: ErrorCode
    """The stable machine code, e.g. ``invalid_input``."""
    message: str
    """What is wrong, in English."""
    path: str
    """Where in the input, e.g. ``cases[3].kle``; empty for the whole input."""

    def __init__(self, code: ErrorCode, message: str, path: str = "") -> None:
        super().__init__(code, message, path)
        self.code = code
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f" (at {self.path})" if self.path else ""
        return f"{self.code}: {self.message}{where}"

    def to_dict(self) -> ErrorObject:
        """The error as a dict: ``{"code": …, "message": …, "path": …}``."""
        return {"code": self.code, "message": self.message, "path": self.path}

    def to_json(self) -> str:
        """The error as the library writes it (compact JSON, keys in this order)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))
