"""Dumps for people who download rather than query: N-Quads (every graph), Turtle and JSON-LD (the union),
CSV tables, a VoID + DCAT-AP 3.0 description, and SHA256SUMS (DESIGN.md, `export DIR`)."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph import __version__
from graph.rdf.namespaces import PREFIXES
from graph.resolve.vocab import ATTRIBUTION
from graph.settings import Settings
from graph.store import Store

DUMPS = {
    "parlgraph.nq.gz": ("application/n-quads", "N-Quads: every named graph"),
    "parlgraph.ttl.gz": ("text/turtle", "Turtle: the union of all graphs"),
    "parlgraph.jsonld.gz": ("application/ld+json", "JSON-LD: the union of all graphs"),
}
P = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items()) + "\nPREFIX role: <http://publications.europa.eu/resource/authority/role/>\n"
TABLES = {
    "questions": P + """SELECT ?number ?date (COALESCE(SAMPLE(?titleFr), SAMPLE(?anyTitle)) AS ?title)
  (SAMPLE(?authorName) AS ?author) (SAMPLE(?partyLabel) AS ?party)
  (COALESCE(SAMPLE(?postFr), SAMPLE(?anyPost)) AS ?postTitle) (SAMPLE(?ministerName) AS ?minister) ?status
  (SAMPLE(?dl) AS ?deadline) (SAMPLE(?answered) AS ?answerDate) WHERE {
  ?q a pg:WrittenQuestion ; dcterms:identifier ?number ; eli:date_document ?date ; pg:status ?s .
  BIND(STRAFTER(STR(?s), "#") AS ?status)
  OPTIONAL { ?q dcterms:title ?titleFr FILTER(lang(?titleFr) = "fr") }
  OPTIONAL { ?q dcterms:title ?anyTitle }
  OPTIONAL { ?q epvoc:workHadParticipation ?a . ?a eli-dl:participation_role role:AUT ;
             eli-dl:had_participant_person ?person . ?person foaf:name ?authorName }
  OPTIONAL { ?q epvoc:workHadParticipation ?a2 . ?a2 pg:partyAsPrinted ?partyLabel }
  OPTIONAL { ?q epvoc:workHadParticipation ?p . ?p pg:postTitle ?postFr FILTER(lang(?postFr) = "fr") }
  OPTIONAL { ?q epvoc:workHadParticipation ?p2 . ?p2 pg:postTitle ?anyPost }
  OPTIONAL { ?q epvoc:workHadParticipation ?p3 . ?p3 pg:addressedPost ?post ;
             eli-dl:had_participant_person ?holder . ?holder foaf:name ?ministerName }
  OPTIONAL { ?q pg:answerDeadline ?dl }
  OPTIONAL { ?answer eli-dl:answers_to ?q ; eli:date_document ?answered }
} GROUP BY ?number ?date ?status ORDER BY ?date ?number""",
    "people": P + """SELECT ?person ?name ?wikidata WHERE {
  ?person a foaf:Person ; foaf:name ?name . OPTIONAL { ?person owl:sameAs ?wikidata }
} ORDER BY ?name""",
    "memberships": P + """SELECT ?person ?organisation ?role ?start ?end WHERE {
  ?m a org:Membership ; org:member ?person ; org:organization ?organisation ; org:memberDuring ?i .
  OPTIONAL { ?m org:role ?role }
  ?i time:hasBeginning/time:inXSDDate ?start . OPTIONAL { ?i time:hasEnd/time:inXSDDate ?end }
} ORDER BY ?person ?start""",
    "mentions": P + """SELECT ?question ?entity ?label ?start ?end ?method WHERE {
  ?m a pg:Mention ; pg:mentionOf ?entity ; pg:startOffset ?start ; pg:endOffset ?end ; pg:inExpression ?e ;
     prov:wasGeneratedBy/pg:method ?method .
  ?e eli:realizes/dcterms:identifier ?question .
  OPTIONAL { ?entity rdfs:label ?label FILTER(lang(?label) IN ("", "en")) }
} ORDER BY ?question ?start""",
    "concepts": P + """SELECT ?question ?concept ?label ?scheme WHERE {
  ?q a pg:WrittenQuestion ; dcterms:identifier ?question ; eli:is_about ?concept .
  OPTIONAL { ?concept skos:prefLabel ?label FILTER(lang(?label) = "fr") }
  BIND(IF(STRSTARTS(STR(?concept), "http://eurovoc.europa.eu/"), "EuroVoc", "local") AS ?scheme)
} ORDER BY ?question ?concept""",
}


@dataclass
class ExportReport:
    files: dict[str, int]  # relative path -> bytes
    quads: int


def export(store: Store, directory: Path, settings: Settings, endpoint: str | None = None) -> ExportReport:
    """Write every dump, the CSV tables, void.ttl and SHA256SUMS into `directory`. The dumps are streamed
    from the store to gzip files, so memory stays flat whatever the store's size."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "csv").mkdir(exist_ok=True)
    union_query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    with _gzip_file(directory / "parlgraph.nq.gz") as out:
        store.dump(ox.RdfFormat.N_QUADS, output=out)
    with _gzip_file(directory / "parlgraph.ttl.gz") as out:
        ox.serialize(store.query(union_query), out, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    with _gzip_file(directory / "parlgraph.jsonld.gz") as out:
        ox.serialize(store.query(union_query), out, format=ox.RdfFormat.JSON_LD)
    for name, query in TABLES.items():
        (directory / f"csv/{name}.csv").write_bytes(_csv(store, query))
    names = [*DUMPS, *(f"csv/{name}.csv" for name in TABLES)]
    checksums = {name: _sha256(directory / name) for name in names}
    sizes = {name: (directory / name).stat().st_size for name in names}
    void = describe(store, settings, checksums, sizes, endpoint)
    (directory / "void.ttl").write_bytes(void)
    checksums["void.ttl"] = hashlib.sha256(void).hexdigest()
    (directory / "SHA256SUMS").write_text("".join(f"{h}  {n}\n" for n, h in sorted(checksums.items())), encoding="utf-8")
    union = _count_union(store)
    return ExportReport(sizes | {"void.ttl": len(void)}, union)


def describe(store: Store, settings: Settings, checksums: dict[str, str], sizes: dict[str, int],
             endpoint: str | None = None) -> bytes:
    """VoID + DCAT-AP 3.0: catalogue, dataset, one distribution per dump, the SPARQL data service."""
    base = settings.base_uri
    dataset, catalog = f"{base}data", f"{base}catalog"
    endpoint = endpoint or f"{base}sparql"
    triples = store.count_quads()
    first, last = _date_range(store)
    today = dt.date.today().isoformat()
    lines = [
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .", "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix void: <http://rdfs.org/ns/void#> .", "@prefix foaf: <http://xmlns.com/foaf/0.1/> .",
        "@prefix spdx: <http://spdx.org/rdf/terms#> .", "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "@prefix adms: <http://www.w3.org/ns/adms#> .", "",
        f"<{catalog}> a dcat:Catalog ; dcterms:title \"ParlGraph\"@en ; dcterms:description \"Open linked data of the Belgian Senate's written questions.\"@en ;",
        f"  dcterms:publisher <{base}organisation/parlgraph> ; dcat:dataset <{dataset}> ; dcat:service <{endpoint}> .",
        f"<{base}organisation/parlgraph> a foaf:Agent ; foaf:name \"ParlGraph\" .",
        f"<{dataset}> a dcat:Dataset, void:Dataset ;",
        '  dcterms:title "ParlGraph: written questions of the Belgian Senate"@en, "ParlGraph : questions écrites du Sénat de Belgique"@fr, "ParlGraph: schriftelijke vragen van de Belgische Senaat"@nl ;',
        '  dcterms:description "Written questions of Belgian senators to ministers: authors, parties, the minister behind each addressee, EuroVoc topics, organisations and places named, cited pages, answers."@en ,',
        '    "Questions écrites des sénateurs belges aux ministres : auteurs, partis, ministre destinataire, thèmes EuroVoc, organisations et lieux cités, réponses."@fr ,',
        '    "Schriftelijke vragen van Belgische senatoren aan ministers: indieners, partijen, de minister achter elke geadresseerde, EuroVoc-thema\'s, genoemde organisaties en plaatsen, antwoorden."@nl ;',
        f"  dcterms:publisher <{base}organisation/parlgraph> ;",
        "  dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;",
        f'  dcterms:rights "{ATTRIBUTION}. Contains EuroVoc and EU authority tables, © European Union, Publications Office of the European Union, reused under CC BY 4.0." ;',
        "  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/GOVE>, <http://eurovoc.europa.eu/100142> ;",
        "  dcterms:language <http://publications.europa.eu/resource/authority/language/FRA>, <http://publications.europa.eu/resource/authority/language/NLD> ;",
        f'  dcterms:modified "{today}"^^xsd:date ; adms:version "{__version__}" ; dcterms:hasVersion "{__version__}" ;',
        f"  void:triples {triples} ; void:sparqlEndpoint <{endpoint}> ; void:uriSpace \"{base}\" ;",
        "  void:vocabulary <http://data.europa.eu/eli/ontology#>, <http://www.w3.org/ns/org#>, <http://www.w3.org/2004/02/skos/core#>, <https://w3id.org/parlgraph/ontology#> ;",
    ]
    if first and last:
        lines.append(f'  dcterms:temporal [ a dcterms:PeriodOfTime ; dcat:startDate "{first}"^^xsd:date ; dcat:endDate "{last}"^^xsd:date ] ;')
    names = [n for n in checksums if n in DUMPS or n.startswith("csv/")]
    lines.append("  dcat:distribution " + ", ".join(f"<{base}downloads/{n}>" for n in names) + " .")
    for name in names:
        media, title = DUMPS.get(name, ("text/csv", f"CSV table {name[4:]}"))
        lines += [
            f"<{base}downloads/{name}> a dcat:Distribution ; dcterms:title \"{title}\"@en ;",
            f"  dcat:accessURL <{base}downloads/> ; dcat:downloadURL <{base}downloads/{name}> ;",
            f"  dcat:mediaType <https://www.iana.org/assignments/media-types/{media}> ; dcat:byteSize {sizes.get(name, 0)} ;",
            "  dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;",
            f"  spdx:checksum [ a spdx:Checksum ; spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue \"{checksums[name]}\" ] .",
        ]
    lines += [
        f"<{endpoint}> a dcat:DataService ; dcterms:title \"ParlGraph SPARQL endpoint\"@en ;",
        f"  dcat:endpointURL <{endpoint}> ; dcat:servesDataset <{dataset}> ;",
        "  dcterms:conformsTo <https://www.w3.org/TR/sparql11-protocol/> .",
    ]
    text = "\n".join(lines) + "\n"
    list(ox.parse(text.encode(), format=ox.RdfFormat.TURTLE))  # refuse to write a description that does not parse
    return text.encode("utf-8")


def _date_range(store: Store) -> tuple[str | None, str | None]:
    rows = list(store.query("SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { ?q a <https://w3id.org/parlgraph/ontology#WrittenQuestion> ; <http://data.europa.eu/eli/ontology#date_document> ?d }"))
    if not rows or rows[0]["first"] is None:
        return None, None
    return rows[0]["first"].value, rows[0]["last"].value


def _csv(store: Store, query: str) -> bytes:
    result = store.query(query)
    variables = [v.value for v in result.variables]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(variables)
    for solution in result:
        writer.writerow(["" if solution[v] is None else solution[v].value for v in variables])
    return buffer.getvalue().encode("utf-8")


@contextmanager
def _gzip_file(path: Path) -> Iterator[gzip.GzipFile]:
    """A gzip file with no timestamp inside, so the same data gives the same bytes and checksum."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0) as out:
        yield out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _count_union(store: Store) -> int:
    rows = list(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    return int(rows[0]["n"].value)
