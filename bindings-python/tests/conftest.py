"""Shared helpers: where the repository is, and reading its conformance vectors.

The tests import the *installed* package (scripts/test-python.sh installs the built wheel
into a fresh virtual environment); EGENSAG_REPO is the repository root.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

REPO = Path(os.environ.get("EGENSAG_REPO", Path(__file__).resolve().parents[2]))
VECTORS = REPO / "tests" / "vectors"


def read(directory: Path, name: str) -> Optional[str]:
    """A file's text, or None when it is absent (as the other runners read vectors)."""
    try:
        return (directory / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def vector_dirs() -> list[Path]:
    """Every vector folder, in name order."""
    return sorted(p for p in VECTORS.iterdir() if p.is_dir())
