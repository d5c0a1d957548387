"""Numbered sub-questions of a question body (PARSE-CONTRACT.md, `subquestions`)."""

from __future__ import annotations

import re

LINE_ITEM = re.compile(r"^(?P<n>\d{1,2})(?P<p>[.)])(?!\d)\s*(?P<text>\S.*)$")
INLINE_MARK = re.compile(r"(?:(?<=\s)|^)(?P<n>\d{1,2})(?P<p>[.)])(?=\s)")


def find_subquestions(paragraphs: list[str]) -> list[str]:
    """Items numbered `1)` or `1.` at the start of a line, as printed; inline items only as a run from 1."""
    items: list[str] = []
    for paragraph in paragraphs:
        match = LINE_ITEM.match(paragraph)
        if match:
            items.append(match["text"].strip())
            continue
        items.extend(_inline_run(paragraph))
    return items


def _inline_run(line: str) -> list[str]:
    """`… 1) a ? 2) b ? 3) c` -> ['a ?', 'b ?', 'c']: a run counting up from 1 with one punctuation."""
    marks = list(INLINE_MARK.finditer(line))
    for i, first in enumerate(marks):
        if first["n"] != "1":
            continue
        run = [first]
        for mark in marks[i + 1 :]:
            if mark["p"] == first["p"] and int(mark["n"]) == int(run[-1]["n"]) + 1:
                run.append(mark)
        if len(run) >= 2:
            ends = [m.start() for m in run[1:]] + [len(line)]
            return [line[m.end() : end].strip() for m, end in zip(run, ends)]
    return []
