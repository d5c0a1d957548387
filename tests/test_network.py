"""The networkx projections behind the explorer and `parlgraph network`."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import httpx

from graph.network import NODE_TYPES, NetworkFilter, build_network
from graph.store import Store

ORG = "https://w3id.org/parlgraph/organisation/"
PERSON = "https://w3id.org/parlgraph/person/"


def test_projection_folds_questions_into_their_authors(seed_store: Store) -> None:
    graph = build_network(seed_store, NetworkFilter())
    assert graph.has_edge(PERSON + "els-ampe", ORG + "hikvision")
    assert graph.edges[PERSON + "els-ampe", ORG + "hikvision"]["type"] == "mentions"
    assert graph.edges[PERSON + "els-ampe", PERSON + "pierre-yves-dermagne"]["type"] == "asked"
    assert {d["type"] for _, d in graph.nodes(data=True)} <= {"person", "party", "organisation", "concept", "place"}
    assert all({"degree", "betweenness", "community"} <= set(d) for _, d in graph.nodes(data=True))


def test_question_level_graph_has_every_node_type_and_also_asked_edges(seed_store: Store) -> None:
    graph = build_network(seed_store, NetworkFilter(types=NODE_TYPES))
    assert {d["type"] for _, d in graph.nodes(data=True)} == set(NODE_TYPES)
    q = "https://w3id.org/parlgraph/question/"
    assert graph.edges[q + "5-611", q + "5-612"]["type"] == "also_asked"


def test_filters_by_party_and_period(seed_store: Store) -> None:
    graph = build_network(seed_store, NetworkFilter(date_from="2023-01-01", date_to="2023-12-31", party="Open Vld",
                                                    types=("person", "organisation")))
    companies = {d["label"] for _, d in graph.nodes(data=True) if d.get("category") == "company"}
    assert companies == {"Hikvision", "Dahua"}
    assert {d["label"] for _, d in graph.nodes(data=True) if d["type"] == "person"} == {"Els Ampe", "Pierre-Yves Dermagne"}


def test_api_formats_and_bad_parameters(server: str) -> None:
    gexf = httpx.get(server + "/api/network", params={"format": "gexf", "from": "2023", "to": "2023"})
    assert gexf.status_code == 200 and ET.fromstring(gexf.content).tag.endswith("gexf")
    assert httpx.get(server + "/api/network", params={"types": "person,spaceship"}).status_code == 400
    assert httpx.get(server + "/api/network", params={"from": "yesterday"}).status_code == 400


def test_cli_network_export(seed_store_path) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run([sys.executable, "-m", "graph", "network", "--store", str(seed_store_path),
                             "--format", "csv", "--from", "2023-01-01", "--to", "2023-12-31"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("source,source_label") and "Hikvision" in result.stdout
