"""EuroVoc and the EU country table: descriptors as printed -> concepts, and the SKOS of EuroVoc.

A descriptor resolves to every EuroVoc concept one of whose labels it is (pref, alt or former pref; fr, nl,
de or en; compared with `fold`: no case, accents or apostrophe variants), the page's language first, then
the others. A descriptor that is no EuroVoc label becomes a local concept: never forced onto a neighbour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.parse.furniture import fold
from graph.reference import read_table

EUROVOC = "http://eurovoc.europa.eu/"
EUROVOC_SCHEME = EUROVOC + "100141"
ATTRIBUTION = "EuroVoc, © European Union, https://op.europa.eu/en/web/eu-vocabularies"


@dataclass(frozen=True)
class ConceptMatch:
    concept_id: str
    label: str
    language: str
    kind: str  # pref, alt_2021, pref_2021

    @property
    def uri(self) -> str:
        return EUROVOC + self.concept_id


@dataclass
class Country:
    code: str
    uri: str
    labels: dict[str, str]


@dataclass
class Vocabulary:
    concepts: dict[str, dict[str, str]] = field(default_factory=dict)
    labels: list[dict[str, str]] = field(default_factory=list)
    relations: list[dict[str, str]] = field(default_factory=list)
    microthesauri: list[dict[str, str]] = field(default_factory=list)
    domains: list[dict[str, str]] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    _index: dict[str, list[ConceptMatch]] = field(default_factory=dict)
    _country_index: dict[str, Country] = field(default_factory=dict)

    def resolve_descriptor(self, descriptor: str, language: str) -> list[ConceptMatch]:
        """All EuroVoc concepts the descriptor is a label of (page language first); [] when none."""
        matches = self._index.get(fold(descriptor), [])
        if not matches:
            return []
        same_language = [m for m in matches if m.language == language]
        chosen = same_language or matches
        return list({m.concept_id: m for m in chosen}.values())

    def country(self, name: str) -> Country | None:
        """The EU country authority entry whose fr/nl/de/en label is `name`."""
        return self._country_index.get(fold(name))


@lru_cache(maxsize=4)
def load_vocabulary(reference_dir: Path) -> Vocabulary:
    eurovoc = reference_dir / "eurovoc"
    vocabulary = Vocabulary(
        concepts={r["id"]: r for r in read_table(eurovoc / "eurovoc_concepts.tsv")},
        labels=read_table(eurovoc / "eurovoc_labels.tsv"),
        relations=read_table(eurovoc / "eurovoc_relations_2021.tsv"),
        microthesauri=read_table(eurovoc / "eurovoc_microthesauri.tsv"),
        domains=read_table(eurovoc / "eurovoc_domains.tsv"),
    )
    for row in vocabulary.labels:
        match = ConceptMatch(row["id"], row["label"], row["lang"], row["kind"])
        vocabulary._index.setdefault(fold(row["label"]), []).append(match)
    for row in read_table(reference_dir / "countries.tsv"):
        labels = {lang: row[f"label_{lang}"] for lang in ("fr", "nl", "de", "en") if row[f"label_{lang}"]}
        country = Country(row["code"], row["uri"], labels)
        vocabulary.countries.append(country)
        for label in labels.values():
            vocabulary._country_index.setdefault(fold(label), country)
    return vocabulary
