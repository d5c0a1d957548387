"""Bytes of a saved page -> the plain text the parser reads.

Pages come as flattened text (the corpus) or as HTML saved from the site; HTML goes through a real
HTML parser (selectolax) and comes out as the same line structure: one line per block, blank lines
between paragraphs.
"""

from __future__ import annotations

import re

from selectolax.parser import HTMLParser

from graph.errors import ParseError

BLOCK_TAGS = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "header", "footer", "pre", "hr", "form", "dl", "dt", "dd",
    "tbody", "thead", "center",
}
HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<table|<div|<p[\s>])", re.I)


def decode_page(data: bytes, source: str, warnings: list[str]) -> str:
    """UTF-8 bytes -> text. Binary data is refused; other encodings are read as Windows-1252 with a warning."""
    if not data.strip():
        raise ParseError(source, None, "empty file: no page to read")
    if b"\x00" in data[:4096]:
        raise ParseError(source, None, "binary file, not a Senate question page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        warnings.append(f"line {line}: file is not UTF-8; read as Windows-1252")
    if HTML_START.match(data[:512]):
        text = html_to_text(text)
    return text


def html_to_text(html: str) -> str:
    """Text of an HTML page, one line per block element, paragraphs separated by blank lines."""
    tree = HTMLParser(html)
    for node in tree.css("script, style, noscript, head"):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    pieces: list[str] = []
    _walk(root, pieces)
    text = "".join(pieces).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip("\n")


def _walk(node, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            pieces.append(child.text_content or "")
        elif tag in {"br", "hr"}:
            pieces.append("\n")
        elif tag in BLOCK_TAGS:
            pieces.append("\n\n")
            _walk(child, pieces)
            pieces.append("\n\n")
        elif tag in {"td", "th"}:
            _walk(child, pieces)
            pieces.append(" ")
        elif not tag.startswith("_") and tag != "-comment":
            _walk(child, pieces)
        child = child.next
