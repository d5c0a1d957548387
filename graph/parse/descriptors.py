"""Descriptor lines of print pages, where two descriptors can run together on one line
(`Roi et famille royale transport aérien`). Known labels are EuroVoc labels from seeds/reference/."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.parse.furniture import fold


@dataclass
class DescriptorLabels:
    """Folded EuroVoc labels (any of fr/nl/de/en): all of them, and the preferred ones."""

    all: set[str] = field(default_factory=set)
    preferred: set[str] = field(default_factory=set)

    def add(self, label: str, preferred: bool) -> None:
        key = fold(label)
        self.all.add(key)
        if preferred:
            self.preferred.add(key)

    def known(self, text: str) -> bool:
        return fold(text) in self.all


def split_descriptor_lines(lines: list[str], labels: DescriptorLabels, warnings: list[str]) -> list[str]:
    """Each line whole when it is a known label; else split in two where one part is a known label and
    the other is known too or starts with a capital (the Senate's own headings do); else as printed."""
    out: list[str] = []
    for line in lines:
        if labels.known(line):
            out.append(line)
            continue
        split = _best_split(line, labels)
        if split:
            out.extend(split)
        else:
            out.append(line)
            if len(line.split()) > 1:
                warnings.append(f"descriptor line {line!r} is not a known label and could not be split")
    return out


def _best_split(line: str, labels: DescriptorLabels) -> list[str] | None:
    words = line.split()
    best: tuple[tuple[int, int, int], list[str]] | None = None
    for k in range(1, len(words)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        left_known, right_known = labels.known(left), labels.known(right)
        if not (left_known or right_known):
            continue
        if not ((left_known or left[:1].isupper()) and (right_known or right[:1].isupper())):
            continue
        known_parts = [p for p, ok in ((left, left_known), (right, right_known)) if ok]
        score = (
            len(known_parts),
            sum(fold(p) in labels.preferred for p in known_parts),
            max(len(p) for p in known_parts),
        )
        if best is None or score > best[0]:
            best = (score, [left, right])
    return best[1] if best else None
