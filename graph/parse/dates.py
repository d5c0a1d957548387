"""Dates as printed on Senate pages -> ISO strings."""

from __future__ import annotations

import datetime as dt

from rapidfuzz import process

from graph.parse.furniture import MONTHS, fold


def numeric_date(text: str) -> str | None:
    """'31/1/2023' -> '2023-01-31'; None when it is not a real date."""
    try:
        day, month, year = (int(part) for part in text.strip().split("/"))
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def long_date(text: str, warnings: list[str] | None = None) -> str | None:
    """'31 janvier 2023', '1 aôut 2011', '22 september 2020' -> ISO date; None when unreadable.

    A month name off by a typo is read when it is close to exactly one month name (score >= 80);
    the reading is recorded in `warnings`.
    """
    parts = fold(text).replace("1er", "1").split()
    if len(parts) != 3 or not parts[0].isdigit() or not parts[2].isdigit():
        return None
    day, name, year = int(parts[0]), parts[1], int(parts[2])
    month = MONTHS.get(name)
    if month is None:
        best = process.extractOne(name, MONTHS.keys(), score_cutoff=80)
        if best is None:
            return None
        month = MONTHS[best[0]]
        if warnings is not None:
            warnings.append(f"month {name!r} in date {text.strip()!r} read as {best[0]!r}")
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
