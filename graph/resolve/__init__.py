"""Resolve what a page prints to the reference data: author -> person and party, addressee -> post and person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from graph.model import Question
from graph.resolve.actors import Actors, AddresseeResolution
from graph.resolve.vocab import ConceptMatch, Country, Vocabulary


@dataclass
class Descriptor:
    """A descriptor as printed, with the EuroVoc concepts it is a label of ([] = a local concept), the
    EU country it names if any, and its other-language twin on a page pair (same position)."""

    label: str
    language: str
    concepts: list[ConceptMatch]
    country: Country | None = None
    twin: str | None = None


@dataclass
class Resolution:
    author_person: str | None = None
    author_party: str | None = None
    addressee: AddresseeResolution | None = None
    descriptors: list[Descriptor] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """What could not be resolved or does not agree, in the user's words (for the build report)."""


def resolve_descriptors(records: list[Question], vocabulary: Vocabulary) -> list[Descriptor]:
    """Every descriptor line of every page of the question, once per (label, language)."""
    lists: dict[str, list[str]] = {}
    for record in records:
        language = "fr" if record.page_language == "fr+nl" else record.page_language
        lists.setdefault(language, record.descriptors)
        if record.descriptors_nl:
            lists.setdefault("nl", record.descriptors_nl)
    pairs = len(lists.get("fr", [])) == len(lists.get("nl", [])) and len(lists) == 2
    found: list[Descriptor] = []
    for language, labels in lists.items():
        other = lists.get("nl" if language == "fr" else "fr", []) if pairs else []
        for position, label in enumerate(labels):
            concepts = vocabulary.resolve_descriptor(label, language)
            found.append(Descriptor(label, language, concepts, vocabulary.country(label),
                                    twin=other[position] if other else None))
    return found


def resolve_question(records: list[Question], main: Question, actors: Actors,
                     vocabulary: Vocabulary | None = None) -> Resolution:
    """Resolve the author, each record's addressee title on the question date, and the descriptors."""
    resolution = Resolution()
    if vocabulary is not None:
        resolution.descriptors = resolve_descriptors(records, vocabulary)
    day = dt.date.fromisoformat(main.date) if main.date else None
    if main.author is not None:
        resolution.author_person = actors.person_for_name(main.author.name)
        if resolution.author_person is None:
            resolution.problems.append(f"{main.number}: author {main.author.name!r} is not in the reference data")
        if main.author.party:
            resolution.author_party = actors.party_for_label(main.author.party)
            if resolution.author_party is None:
                resolution.problems.append(f"{main.number}: party {main.author.party!r} is not in the reference data")
            elif resolution.author_person and day:
                known = actors.parties_of(resolution.author_person, day)
                if known and resolution.author_party not in known:
                    resolution.problems.append(
                        f"{main.number}: party mismatch for {main.author.name}: the page prints "
                        f"{main.author.party!r}, the reference data has {', '.join(sorted(known))} around {day}")
    if day is not None:
        for record in records:
            if not record.addressee:
                continue
            language = "fr" if record.page_language == "fr+nl" else record.page_language
            found = actors.resolve_addressee(record.addressee, language, day)
            if found is not None and resolution.addressee is None:
                resolution.addressee = found
            elif found is not None and found.person_id != resolution.addressee.person_id:  # type: ignore[union-attr]
                resolution.problems.append(f"{main.number}: French and Dutch addressee titles resolve to different people")
                resolution.addressee = None
                break
        if resolution.addressee is None and any(r.addressee for r in records):
            title = next(r.addressee for r in records if r.addressee)
            resolution.problems.append(f"{main.number}: addressee unresolved on {day}: {title!r}")
    return resolution
