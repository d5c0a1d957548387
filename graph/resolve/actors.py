"""People, parties, governments and posts from seeds/reference/, and the resolution of what a page prints:
the author's name and party, and the addressee's post title on the question date.

Addressee resolution: normalise the printed title (prepositions, accents, case, apostrophes, feminine and
spelling variants, articles), keep the offices held on the question date, score each of their wordings with
rapidfuzz, and take the best only when it clears the threshold and no other person comes close. Below that
the addressee stays unresolved: never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from graph import __version__
from graph.errors import ReferenceDataError
from graph.parse.furniture import fold
from graph.rdf.uris import slug
from graph.reference import read_table

THRESHOLD = 90.0
MARGIN = 3.0  # the best person must beat any other person's best by this much
METHOD = f"parlgraph-addressee-v1 (normalised title, rapidfuzz ratio >= {THRESHOLD:g}, margin {MARGIN:g})"

STOPWORDS = {"le", "la", "les", "l", "de", "du", "des", "d", "et", "en", "het", "van", "voor", "a", "au", "aux",
             "aan", "the", "of", "and"}
VARIANTS = (
    (r"\bvice-premiere\b", "vice-premier"), (r"\bpremiere ministre\b", "premier ministre"),
    (r"\bvice-eerste minister\b", "vice-eersteminister"), (r"\beerste minister\b", "eersteminister"),
    (r"\bchargee\b", "charge"), (r"\badjointe\b", "adjoint"), (r"\bsecretaire d'etat\b", "secretaire-etat"),
    (r"\bstaatssecretaris\b", "staatssecretaris"), (r"\bminstre\b", "ministre"),
)
LEADING = ("a la ", "a l'", "aux ", "au ", "aan de ", "aan het ", "aan ")
ROLE_WORDS = {"vice-premier", "premier", "ministre", "minister", "vice-eersteminister", "eersteminister",
              "secretaire-etat", "staatssecretaris", "charge", "belast", "met", "adjoint", "toegevoegd"}


def normalise_title(title: str) -> str:
    """'à la Vice-Première ministre et ministre de l’Economie' -> 'vice-premier ministre ministre economie'."""
    text = fold(title)
    for prefix in LEADING:
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    for pattern, replacement in VARIANTS:
        text = re.sub(pattern, replacement, text)
    words = re.split(r"[^a-z0-9\-]+", text.replace("'", " "))
    return " ".join(w for w in words if w and w not in STOPWORDS)


def parse_reference_date(value: str, end: bool = False) -> dt.date | None:
    """'2022' / '2022-06' / '2022-06-28' -> date; a reduced-precision date stands for its first day, or
    its last day when it ends a period."""
    value = value.strip()
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        if not end:
            return dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


@dataclass(frozen=True)
class Office:
    """One row of ministers.tsv: a person holding a titled post in a government over a period."""

    person_id: str
    party_id: str | None
    government_id: str
    title_fr: str
    title_nl: str
    start: dt.date
    end: dt.date | None
    post_id: str
    dated: bool  # start and end given by a source, not only by the government's dates

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def titles(self) -> dict[str, str]:
        return {lang: t for lang, t in (("fr", self.title_fr), ("nl", self.title_nl)) if t}


@dataclass(frozen=True)
class AddresseeResolution:
    person_id: str
    post_id: str
    government_id: str
    score: float
    matched_title: str
    method: str = METHOD
    version: str = __version__


@dataclass
class Membership:
    person_id: str
    organisation_id: str
    start: dt.date
    end: dt.date | None
    kind: str  # "party", "senate", "post"
    sources: list[str] = field(default_factory=list)
    post_id: str | None = None


class Actors:
    """The reference tables of people, parties, governments, offices and senators."""

    def __init__(self, reference_dir: Path) -> None:
        self.people = {r["person_id"]: r for r in read_table(reference_dir / "people.tsv")}
        self.parties = {r["party_id"]: r for r in read_table(reference_dir / "parties.tsv")}
        self.governments = {r["government_id"]: r for r in read_table(reference_dir / "governments.tsv")}
        self.senators = read_table(reference_dir / "senators.tsv")
        self.organisations = read_table(reference_dir / "organisations.tsv")
        government_by_name = {r["government"]: r["government_id"] for r in self.governments.values()}
        self.offices: list[Office] = []
        path = reference_dir / "ministers.tsv"
        for line, row in enumerate(read_table(path), start=2):
            government_id = government_by_name.get(row["government"])
            if government_id is None:
                raise ReferenceDataError(str(path), line, f"unknown government {row['government']!r}")
            government = self.governments[government_id]
            start = parse_reference_date(row["start"]) or parse_reference_date(government["start"])
            end = parse_reference_date(row["end"], end=True) or parse_reference_date(government["end"], end=True)
            assert start is not None
            self.offices.append(Office(
                person_id=row["person_id"], party_id=row["party_id"] or None, government_id=government_id,
                title_fr=row["post_title_fr"], title_nl=row["post_title_nl"], start=start, end=end,
                post_id=f"{government_id}/{post_slug(row['post_title_fr'] or row['post_title_nl'])}",
                dated=bool(row["start"]),
            ))
        self._party_by_label = {}
        for party_id, row in self.parties.items():
            for label in [row["label"], *filter(None, row["aliases"].split("|"))]:
                self._party_by_label[fold(label)] = party_id
        self._person_by_name = {fold(r["name"]): pid for pid, r in self.people.items()}

    # --- authors -------------------------------------------------------------------------------------

    def person_for_name(self, name: str) -> str | None:
        """The person a printed name stands for (accents, case, order of names), or None."""
        key = fold(name)
        if key in self._person_by_name:
            return self._person_by_name[key]
        if slug(name) in self.people:
            return slug(name)
        words = key.split()
        for split in range(1, len(words)):  # "Van Goidsenhoven Gaëtan" -> "Gaëtan Van Goidsenhoven"
            swapped = " ".join(words[split:] + words[:split])
            if swapped in self._person_by_name:
                return self._person_by_name[swapped]
        return None

    def party_for_label(self, label: str) -> str | None:
        return self._party_by_label.get(fold(label))

    def parties_of(self, person_id: str, day: dt.date, slack_days: int = 400) -> set[str]:
        """Parties the sources show the person in near `day` (renames count as the same party)."""
        found: set[str] = set()
        for m in self._memberships_by_person().get(person_id, []):
            end = m.end or day
            if m.start - dt.timedelta(days=slack_days) <= day <= end + dt.timedelta(days=slack_days):
                found.add(m.organisation_id)
        for party_id in list(found):
            found.update(self._renames(party_id))
        return found

    def _renames(self, party_id: str) -> set[str]:
        related = {party_id}
        for pid, row in self.parties.items():
            if row["successor_of"] == party_id:
                related.add(pid)
            if pid == party_id and row["successor_of"]:
                related.add(row["successor_of"])
        return related

    def _memberships_by_person(self) -> dict[str, list[Membership]]:
        if not hasattr(self, "_by_person"):
            self._by_person: dict[str, list[Membership]] = {}
            for m in self.party_memberships():
                self._by_person.setdefault(m.person_id, []).append(m)
        return self._by_person

    def party_memberships(self) -> list[Membership]:
        """Party membership per person: from the earliest to the latest date a source shows it."""
        seen: dict[tuple[str, str], Membership] = {}

        def attest(person: str, party: str, start: dt.date, end: dt.date | None, source: str) -> None:
            key = (person, party)
            membership = seen.get(key)
            if membership is None:
                seen[key] = Membership(person, party, start, end or start, "party", [source])
                return
            membership.start = min(membership.start, start)
            membership.end = max(membership.end or start, end or start)
            if source not in membership.sources:
                membership.sources.append(source)

        for row in self.senators:
            if row["party_id"]:
                day = parse_reference_date(row["seen_on"]) or parse_reference_date(row["start"])
                if day is not None:
                    attest(row["person_id"], row["party_id"], day, parse_reference_date(row["end"], end=True),
                           row["source_url"].split("|")[0])
        for office in self.offices:
            if office.party_id and office.dated:
                attest(office.person_id, office.party_id, office.start, office.start, "ministers.tsv")
        return sorted(seen.values(), key=lambda m: (m.person_id, m.organisation_id))

    # --- addressees ----------------------------------------------------------------------------------

    def offices_on(self, day: dt.date) -> list[Office]:
        return [o for o in self.offices if o.holds_on(day)]

    def resolve_addressee(self, title: str, language: str, day: dt.date) -> AddresseeResolution | None:
        """The post and person behind a printed addressee title on `day`, or None below the threshold."""
        wanted = normalise_title(title)
        if not wanted:
            return None
        best_per_person: dict[str, tuple[float, Office, str]] = {}
        for office in self.offices_on(day):
            for lang, text in office.titles().items():
                if lang != language:
                    continue
                score = fuzz.ratio(wanted, _normalised(text))
                score += 0.01 if office.dated else 0.0  # a dated row beats an undated one of equal wording
                current = best_per_person.get(office.person_id)
                if current is None or score > current[0]:
                    best_per_person[office.person_id] = (score, office, text)
        if not best_per_person:
            return None
        ranked = sorted(best_per_person.values(), key=lambda item: -item[0])
        score, office, text = ranked[0]
        if score < THRESHOLD:
            return None
        if len(ranked) > 1 and ranked[1][0] > score - MARGIN:
            return None  # two people fit the title about as well: ambiguous, not guessed
        return AddresseeResolution(office.person_id, office.post_id, office.government_id, round(min(score, 100.0), 2), text)


@lru_cache(maxsize=4096)
def _normalised(title: str) -> str:
    return normalise_title(title)


def post_slug(title: str) -> str:
    """Short slug of a post title: its content words ('vice-premier ministre et ministre de l'Economie et du
    Travail' -> 'economie-travail'); 'premier ministre' keeps its role words."""
    words = normalise_title(title).split()
    content = [w for w in words if w not in ROLE_WORDS]
    return slug(" ".join((content or words)[:6]))


@lru_cache(maxsize=4)
def load_actors(reference_dir: Path) -> Actors:
    return Actors(reference_dir)
