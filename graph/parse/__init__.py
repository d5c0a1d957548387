"""Page text -> Question record (PARSE-CONTRACT.md)."""

from __future__ import annotations

from pathlib import Path

from graph.model import Question
from graph.parse.descriptors import DescriptorLabels
from graph.parse.page import parse_page
from graph.parse.text import decode_page

__all__ = ["parse_file", "parse_bytes", "parse_page", "DescriptorLabels"]


def parse_bytes(data: bytes, source: str, labels: DescriptorLabels | None = None) -> Question:
    """Bytes of a saved page (text or HTML) -> Question; raises ParseError naming `source`."""
    warnings: list[str] = []
    text = decode_page(data, source, warnings)
    return parse_page(text, source, labels, warnings)


def parse_file(path: str | Path, labels: DescriptorLabels | None = None) -> Question:
    """Read and parse one page file; raises ParseError naming the file."""
    return parse_bytes(Path(path).read_bytes(), str(path), labels)
