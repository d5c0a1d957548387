"""How much of the store the reference data resolves: addressees, authors, parties, and the periods
and languages the minister titles do not cover (`parlgraph actors`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from graph.resolve.actors import Actors, parse_reference_date
from graph.store import Store

ADDRESSEES = """
PREFIX pg: <https://w3id.org/parlgraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#>
PREFIX epvoc: <https://data.europarl.europa.eu/def/epvoc#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?number ?date ?title ?post WHERE {
  ?q a pg:WrittenQuestion ; dcterms:identifier ?number ; eli:date_document ?date ; epvoc:workHadParticipation ?p .
  ?p eli-dl:participation_role pg:Addressee ; pg:postTitle ?title .
  OPTIONAL { ?p pg:addressedPost ?post }
} ORDER BY ?number"""
AUTHORS = """
PREFIX pg: <https://w3id.org/parlgraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#>
PREFIX epvoc: <https://data.europarl.europa.eu/def/epvoc#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX role: <http://publications.europa.eu/resource/authority/role/>
SELECT ?number ?date ?person ?party WHERE {
  ?q a pg:WrittenQuestion ; dcterms:identifier ?number ; eli:date_document ?date ; epvoc:workHadParticipation ?p .
  ?p eli-dl:participation_role role:AUT ; eli-dl:had_participant_person ?person .
  OPTIONAL { ?p pg:partyAsPrinted ?party }
} ORDER BY ?number"""


@dataclass
class CoverageReport:
    addressees: int = 0
    addressees_resolved: int = 0
    unresolved: list[str] = field(default_factory=list)
    unknown_authors: list[str] = field(default_factory=list)
    party_mismatches: list[str] = field(default_factory=list)
    uncovered_periods: list[str] = field(default_factory=list)
    title_languages: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def share_resolved(self) -> float:
        return self.addressees_resolved / self.addressees if self.addressees else 1.0


def coverage_report(store: Store, actors: Actors, base_uri: str) -> CoverageReport:
    report = CoverageReport()
    questions_by_number: dict[str, bool] = {}
    for row in store.query(ADDRESSEES):
        number = row["number"].value
        resolved = row["post"] is not None
        questions_by_number[number] = questions_by_number.get(number, False) or resolved
        if not resolved:
            report.unresolved.append(f"{number} ({row['date'].value}): {row['title'].value}")
    report.addressees = len(questions_by_number)
    report.addressees_resolved = sum(questions_by_number.values())
    report.unresolved = [u for u in report.unresolved if not questions_by_number[u.split(" ", 1)[0]]]

    person_prefix = base_uri + "person/"
    for row in store.query(AUTHORS):
        number, person_id = row["number"].value, row["person"].value.removeprefix(person_prefix)
        if person_id not in actors.people:
            report.unknown_authors.append(f"{number}: {person_id}")
            continue
        if row["party"] is None:
            continue
        party_id = actors.party_for_label(row["party"].value)
        known = actors.parties_of(person_id, dt.date.fromisoformat(row["date"].value))
        if party_id and known and party_id not in known:
            report.party_mismatches.append(
                f"{number}: {person_id} printed as {row['party'].value!r}, reference data: {', '.join(sorted(known))}")

    for government_id, row in sorted(actors.governments.items(), key=lambda kv: kv[1]["start"]):
        offices = [o for o in actors.offices if o.government_id == government_id]
        counts = {"offices": len(offices), "fr": sum(bool(o.title_fr) for o in offices),
                  "nl": sum(bool(o.title_nl) for o in offices)}
        report.title_languages[row["government"]] = counts
        if not offices:
            report.uncovered_periods.append(f"{row['government']} ({row['start']} to {row['end'] or 'now'}): no minister titles")
        elif not counts["fr"] or not counts["nl"]:
            missing = "French" if not counts["fr"] else "Dutch"
            report.uncovered_periods.append(f"{row['government']} ({row['start']} to {row['end'] or 'now'}): no {missing} titles")
    first = min(parse_reference_date(g["start"]) for g in actors.governments.values())  # type: ignore[type-var]
    report.uncovered_periods.append(f"before {first}: no governments in the reference data")
    return report
