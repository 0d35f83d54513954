"""Prints Anna's overview, made from the sample policy and request with the egensag package.

    pip install egensag   # or the wheel that scripts/test-python.sh builds
    python examples/python/overview.py [request.json] [--json]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import egensag

if TYPE_CHECKING:
    from egensag import Overview

DATA = Path(__file__).resolve().parent.parent / "data"


def kroner(ore: int) -> str:
    """Integer øre in Danish style: 1234550 → "12.345,50 kr."."""
    sign = "-" if ore < 0 else ""
    whole, rest = divmod(abs(ore), 100)
    return f"{sign}{whole:,}".replace(",", ".") + f",{rest:02d} kr."


def show(o: Overview) -> None:
    print(f"Overblik for {o['subject']} pr. {o['as_of']} (set som {o['viewer_role']})")
    print("\nMine sager")
    for case in o["cases"]:
        print(f"  - {case['title']}: {case['status']['text']} (siden {case['status']['since']})")
    print("\nYdelser og gæld")
    for benefit in o["benefits"]:
        line = f"  - {benefit['name']}: {benefit['status']['text']}"
        upcoming = benefit["status"].get("next_payment")
        if upcoming is not None:
            net, gross = upcoming.get("net_ore"), upcoming.get("gross_ore")
            amount = f"{kroner(net)} efter skat" if net is not None else f"{kroner(gross or 0)} før skat"
            line += f"; næste udbetaling {upcoming['date']}: {amount}"
        print(line)
    debt = o["totals"].get("debt_ore")
    print(f"  Gæld i alt: {kroner(debt)}" if debt is not None else "  Gæld i alt: for stor til at vise")
    print("\nAftaler")
    for appointment in o["appointments"]:
        print(f"  - {appointment['start'][:16].replace('T', ' ')} {appointment['kind']}: {', '.join(appointment['what'])}")


def main(args: list[str]) -> int:
    files = [a for a in args if not a.startswith("--")]
    request = Path(files[0]).read_bytes() if files else (DATA / "anna.json").read_bytes()
    engine = egensag.Engine((DATA / "policy.json").read_text(encoding="utf-8"),
                            (DATA / "kle-sample.xml").read_text(encoding="utf-8"))
    try:
        if "--json" in args:
            print(engine.overview_json(request))
        else:
            show(engine.overview(request))
    except egensag.EgensagError as e:
        print(f"egensag: {e.code} at {e.path or '(input)'}: {e.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
