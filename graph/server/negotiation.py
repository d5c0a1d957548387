"""Content negotiation: the best of our formats for an Accept header."""

from __future__ import annotations


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """'text/turtle;q=0.9, */*;q=0.1' -> [('text/turtle', 0.9), ('*/*', 0.1)], best first."""
    items: list[tuple[str, float]] = []
    for position, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        items.append((media, quality - position * 1e-6))
    return sorted(items, key=lambda item: -item[1])


def choose(header: str | None, offers: dict[str, str]) -> str | None:
    """Key of `offers` (key -> media type; the first is the default) that the header accepts best."""
    for media, quality in parse_accept(header):
        if quality <= 0:
            continue
        if media in {"*/*", ""}:
            return next(iter(offers))
        if media.endswith("/*"):
            prefix = media[:-1]
            for key, offered in offers.items():
                if offered.startswith(prefix):
                    return key
            continue
        for key, offered in offers.items():
            if offered == media:
                return key
    return None
