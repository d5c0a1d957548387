"""Reference tables in seeds/reference/ (TSV, one header row, no quoting; see its README)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from graph.errors import ReferenceDataError
from graph.parse.descriptors import DescriptorLabels


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV table as dicts; a row with the wrong number of cells names its file and line."""
    if not path.exists():
        raise ReferenceDataError(str(path), None, "reference table missing")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if not header:
            raise ReferenceDataError(str(path), 1, "no header row")
        rows = []
        for row in reader:
            if not row:
                continue
            if len(row) != len(header):
                raise ReferenceDataError(
                    str(path), reader.line_num, f"{len(row)} cells where the header has {len(header)}"
                )
            rows.append(dict(zip(header, row)))
    return rows


@lru_cache(maxsize=4)
def descriptor_labels(reference_dir: Path) -> DescriptorLabels:
    """EuroVoc labels known to the descriptor splitter (pref, alt and former labels, all languages)."""
    labels = DescriptorLabels()
    for row in read_table(reference_dir / "eurovoc" / "eurovoc_labels.tsv"):
        labels.add(row["label"], preferred=row["kind"] == "pref")
    return labels
