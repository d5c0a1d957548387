"""Web addresses cited in a question body, repaired.

The Senate's flattening replaced the hyphens of cited addresses with spaces inside parenthesised
citations: `(cf. https://www.theguardian.com/world/2022/dec/29/china surveillance protests)`.
Inside parentheses an address runs to the closing parenthesis (or the end of the line) and its inner
spaces become hyphens; outside parentheses it ends at the first space.
"""

from __future__ import annotations

import re

URL_START = re.compile(r"https?://", re.I)
TRAILING = ".,;:!?»\"'"


def find_cited_urls(text: str) -> list[str]:
    """Addresses cited in `text`, repaired, in order of appearance, without duplicates."""
    found: list[str] = []
    for line in text.split("\n"):
        for match in URL_START.finditer(line):
            url = _address_at(line, match.start())
            if url and url not in found:
                found.append(url)
    return found


def _address_at(line: str, start: int) -> str:
    before = line[:start]
    inside_parentheses = before.count("(") > before.count(")")
    rest = line[start:]
    if inside_parentheses:
        end = rest.find(")")
        candidate = rest if end < 0 else rest[:end]
        following = URL_START.search(candidate, 8)  # a second address in the same parentheses
        if following:
            candidate = candidate[: following.start()]
        candidate = candidate.strip().rstrip(TRAILING + " ")
        return re.sub(r"\s+", "-", candidate)
    candidate = rest.split()[0] if rest.split() else ""
    candidate = candidate.rstrip(TRAILING)
    if candidate.endswith(")") and candidate.count("(") < candidate.count(")"):
        candidate = candidate[:-1]
    return candidate
