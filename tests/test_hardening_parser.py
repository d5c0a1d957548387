"""Property-based: random mutations of real pages only ever give a record (with warnings) or a ParseError
naming the file; never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import ParseError
from graph.parse import parse_bytes
from graph.reference import descriptor_labels
from graph.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "questions"
PAGES = {p.name: p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))}
LABELS = descriptor_labels(Settings().reference)


@st.composite
def mutated_page(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(PAGES)))
    data = PAGES[name]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cut", "duplicate", "delete", "stray", "encode", "swap", "bytes"]))
        lines = data.split(b"\n")
        if kind == "cut":
            data = data[: draw(st.integers(0, len(data)))]
        elif kind == "duplicate" and lines:
            i = draw(st.integers(0, len(lines) - 1))
            data = b"\n".join(lines[: i + 1] + [lines[i]] * draw(st.integers(1, 3)) + lines[i + 1:])
        elif kind == "delete" and lines:
            i = draw(st.integers(0, len(lines) - 1))
            data = b"\n".join(lines[:i] + lines[i + 1:])
        elif kind == "stray":
            i = draw(st.integers(0, len(data)))
            junk = draw(st.text(min_size=1, max_size=20)).encode("utf-8", errors="surrogatepass")
            data = data[:i] + junk + data[i:]
        elif kind == "encode":
            data = data.decode("utf-8", errors="replace").encode(draw(st.sampled_from(["latin-1", "cp1252", "utf-16"])),
                                                                  errors="replace")
        elif kind == "swap" and len(lines) > 1:
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        elif kind == "bytes":
            i = draw(st.integers(0, len(data)))
            data = data[:i] + draw(st.binary(min_size=1, max_size=8)) + data[i:]
    return name, data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_page())
def test_mutated_pages_give_a_record_or_a_parse_error(page: tuple[str, bytes]) -> None:
    name, data = page
    try:
        record = parse_bytes(data, name, LABELS)
    except ParseError as error:
        assert str(error).startswith(name)
        return
    assert record.number and record.source == name
    assert isinstance(record.warnings, list)
    record.to_dict()  # serialisable as the contract says


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash_the_parser(data: bytes) -> None:
    try:
        parse_bytes(data, "random.bin", LABELS)
    except ParseError as error:
        assert "random.bin" in str(error)
