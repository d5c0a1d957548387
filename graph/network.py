"""networkx projections of the graph for the explorer and `parlgraph network`: who asks whom about what.

Nodes: question, person, party, post, organisation, concept, place. Edges: asked (author -> question ->
minister), member_of (person -> party), mentions (question -> organisation / place / country),
about (question -> concept), also_asked (question -- question). Without question nodes (the default view)
each question is folded into its author: author -asked-> minister, author -mentions-> organisation,
author -about-> concept, with a weight counting the questions. Metrics ride along on every node: degree,
betweenness (sampled on big graphs) and a Louvain community.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import networkx as nx

NODE_TYPES = ("person", "party", "post", "organisation", "concept", "place", "question")
DEFAULT_TYPES = ("person", "party", "organisation", "concept", "place")
EXACT_BETWEENNESS_UP_TO = 500
CATEGORIES = {"Company": "company", "PublicBody": "public body", "SecurityService": "security service",
              "Media": "media", "Product": "product"}

QUESTIONS = """
PREFIX pg: <https://w3id.org/parlgraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#>
PREFIX epvoc: <https://data.europarl.europa.eu/def/epvoc#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX role: <http://publications.europa.eu/resource/authority/role/>
SELECT ?q ?number ?date ?legislature ?author ?authorName ?party ?partyLabel ?minister ?ministerName ?post ?postLabel WHERE {
  ?q a pg:WrittenQuestion ; dcterms:identifier ?number ; eli:date_document ?date ;
     eli-dl:parliamentary_term ?term ; epvoc:workHadParticipation ?a .
  BIND(STRAFTER(STR(?term), "legislature/") AS ?legislature)
  ?a eli-dl:participation_role role:AUT ; eli-dl:had_participant_person ?author .
  ?author foaf:name ?authorName .
  OPTIONAL { ?a eli-dl:participation_in_name_of ?party . ?party skos:prefLabel ?partyLabel }
  OPTIONAL { ?q epvoc:workHadParticipation ?to . ?to pg:addressedPost ?post ;
             eli-dl:had_participant_person ?minister . ?minister foaf:name ?ministerName .
             OPTIONAL { ?post skos:prefLabel ?postLabel FILTER(lang(?postLabel) = "fr") } }
  FILTER(?date >= "__FROM__"^^<http://www.w3.org/2001/XMLSchema#date> && ?date <= "__TO__"^^<http://www.w3.org/2001/XMLSchema#date>)
}"""
LINKS = """
PREFIX pg: <https://w3id.org/parlgraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?q ?kind ?target ?label ?class WHERE {
  VALUES ?q { %s }
  { ?q schema:mentions ?target . BIND("mentions" AS ?kind) OPTIONAL { ?target a ?class FILTER(?class IN (pg:Company, pg:PublicBody, pg:SecurityService, pg:Media, pg:Product, pg:Place, skos:Concept)) } }
  UNION { ?q eli:is_about ?target . BIND("about" AS ?kind) }
  UNION { ?q pg:alsoAskedAs ?target . ?target a pg:WrittenQuestion . BIND("also_asked" AS ?kind) }
  OPTIONAL { ?target rdfs:label ?label0 FILTER(lang(?label0) IN ("fr", "")) }
  OPTIONAL { ?target skos:prefLabel ?label1 FILTER(lang(?label1) = "en") }
  BIND(COALESCE(?label0, ?label1, STR(?target)) AS ?label)
}"""


@dataclass
class NetworkFilter:
    date_from: str = "1000-01-01"
    date_to: str = "9999-12-31"
    legislature: str | None = None
    party: str | None = None  # party label as printed, or a party URI
    types: tuple[str, ...] = DEFAULT_TYPES


def build_network(store, flt: NetworkFilter) -> nx.Graph:  # type: ignore[no-untyped-def]
    """The filtered graph with node attributes: label, type, uri (+ party of people, date of questions)."""
    query = QUESTIONS.replace("__FROM__", _iso(flt.date_from)).replace("__TO__", _iso(flt.date_to))
    graph = nx.Graph()
    questions: dict[str, dict] = {}
    for row in store.query(query):
        if flt.legislature and row["legislature"].value != str(flt.legislature):
            continue
        party_label = row["partyLabel"].value if row["partyLabel"] else None
        party_uri = row["party"].value if row["party"] else None
        if flt.party and flt.party not in {party_label, party_uri}:
            continue
        q = row["q"].value
        info = questions.setdefault(q, {"number": row["number"].value, "date": row["date"].value,
                                        "author": row["author"].value, "authorName": row["authorName"].value,
                                        "party": party_uri, "partyLabel": party_label, "ministers": {},
                                        "posts": {}})
        if row["minister"] is not None:
            info["ministers"][row["minister"].value] = row["ministerName"].value
        if row["post"] is not None:
            info["posts"][row["post"].value] = row["postLabel"].value if row["postLabel"] else row["post"].value
    links: dict[str, list[tuple[str, str, str, str | None]]] = {q: [] for q in questions}
    names = list(questions)
    for start in range(0, len(names), 200):
        values = " ".join(f"<{q}>" for q in names[start:start + 200])
        for row in store.query(LINKS % values):
            cls = row["class"].value.rsplit("#", 1)[-1] if row["class"] else None
            links[row["q"].value].append((row["kind"].value, row["target"].value, row["label"].value, cls))

    with_questions = "question" in flt.types
    for q, info in questions.items():
        author = info["author"]
        _node(graph, author, info["authorName"], "person", party=info["partyLabel"] or "")
        if info["party"] and "party" in flt.types:
            _node(graph, info["party"], info["partyLabel"] or info["party"], "party")
            _edge(graph, author, info["party"], "member_of", info["date"])
        hub = author
        if with_questions:
            _node(graph, q, f"Question {info['number']}", "question", date=info["date"])
            _edge(graph, author, q, "asked", info["date"])
            hub = q
        for minister, name in info["ministers"].items():
            _node(graph, minister, name, "person", party="")
            _edge(graph, hub, minister, "asked", info["date"])
        if "post" in flt.types:
            for post, label in info["posts"].items():
                _node(graph, post, label, "post")
                _edge(graph, hub, post, "asked", info["date"])
        for kind, target, label, cls in links[q]:
            if kind == "also_asked":
                if with_questions and target in questions:
                    other = questions[target]
                    _node(graph, target, f"Question {other['number']}", "question", date=other["date"])
                    _edge(graph, q, target, "also_asked", info["date"])
                continue
            node_type = _target_type(kind, target, cls)
            if node_type not in flt.types:
                continue
            category = CATEGORIES.get(cls or "", "country" if "/authority/country/" in target else "")
            _node(graph, target, label, node_type, **({"category": category} if category else {}))
            _edge(graph, hub, target, kind, info["date"])
    keep = [n for n, d in graph.nodes(data=True) if d["type"] in flt.types]
    graph = graph.subgraph(keep).copy()
    add_metrics(graph)
    return graph


def add_metrics(graph: nx.Graph) -> None:
    """degree, betweenness (sampled beyond 500 nodes, seeded) and Louvain community on every node."""
    if graph.number_of_nodes() == 0:
        return
    degree = dict(graph.degree())
    n = graph.number_of_nodes()
    k = None if n <= EXACT_BETWEENNESS_UP_TO else min(n, 200)
    betweenness = nx.betweenness_centrality(graph, k=k, seed=1874)
    communities = nx.community.louvain_communities(graph, seed=1874)
    community_of = {node: index for index, members in enumerate(communities) for node in members}
    for node, data in graph.nodes(data=True):
        data["degree"] = degree[node]
        data["betweenness"] = round(betweenness[node], 6)
        data["community"] = community_of[node]


def to_json(graph: nx.Graph) -> dict:
    nodes = [{"id": node, **data} for node, data in graph.nodes(data=True)]
    edges = [{"source": a, "target": b, "type": d["type"], "weight": d["weight"], "first": d["first"], "last": d["last"]}
             for a, b, d in graph.edges(data=True)]
    return {"nodes": nodes, "edges": edges}


def to_gexf(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer)
    return buffer.getvalue()


def to_graphml(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    return buffer.getvalue()


def to_csv(graph: nx.Graph) -> bytes:
    """Edges with both ends' labels and types (one table a spreadsheet opens)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "source_label", "source_type", "type", "target", "target_label", "target_type",
                     "weight", "first", "last"])
    for a, b, d in graph.edges(data=True):
        na, nb = graph.nodes[a], graph.nodes[b]
        writer.writerow([a, na["label"], na["type"], d["type"], b, nb["label"], nb["type"], d["weight"], d["first"], d["last"]])
    return buffer.getvalue().encode("utf-8")


def _iso(value: str) -> str:
    """A date filter value, checked: only YYYY-MM-DD reaches the query text."""
    import datetime as dt

    return dt.date.fromisoformat(value).isoformat()


def _node(graph: nx.Graph, node: str, label: str, node_type: str, **extra: str) -> None:
    if node not in graph:
        graph.add_node(node, label=label, type=node_type, **extra)


def _edge(graph: nx.Graph, a: str, b: str, edge_type: str, date: str) -> None:
    if graph.has_edge(a, b):
        data = graph.edges[a, b]
        data["weight"] += 1
        data["first"], data["last"] = min(data["first"], date), max(data["last"], date)
    else:
        graph.add_edge(a, b, type=edge_type, weight=1, first=date, last=date)


def _target_type(kind: str, target: str, cls: str | None) -> str:
    if kind == "about":
        return "concept"
    if cls == "Place" or "/place/" in target or "/authority/country/" in target:
        return "place"
    if "/person/" in target:
        return "person"
    return "organisation"
