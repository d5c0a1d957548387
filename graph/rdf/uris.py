"""The URI scheme of DESIGN.md. Identifiers come from the data, never from counters."""

from __future__ import annotations

import re
import unicodedata

from pyoxigraph import NamedNode


def slug(text: str) -> str:
    """'Sophie Wilmès' -> 'sophie-wilmes', 'CD&V' -> 'cd-v' (the reference data's identifiers)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class Uris:
    """Mints the URIs of one base (setting PARLGRAPH_BASE_URI)."""

    def __init__(self, base: str) -> None:
        self.base = base if base.endswith("/") else base + "/"

    def _node(self, path: str) -> NamedNode:
        return NamedNode(self.base + path)

    def question(self, number: str) -> NamedNode:
        return self._node(f"question/{number}")

    def expression(self, number: str, language: str) -> NamedNode:
        return self._node(f"question/{number}/{language}")

    def answer(self, number: str) -> NamedNode:
        return self._node(f"question/{number}/answer")

    def part(self, number: str, position: int) -> NamedNode:
        return self._node(f"question/{number}/part/{position}")

    def event(self, number: str, kind: str, date: str) -> NamedNode:
        return self._node(f"question/{number}/event/{kind.replace('_', '-')}-{date}")

    def participation(self, number: str, role: str) -> NamedNode:
        return self._node(f"question/{number}/participation/{role}")

    def document(self, kind: str, number: str) -> NamedNode:
        return self._node(f"document/{kind.replace('_', '-')}/{number}")

    def person(self, person_id: str) -> NamedNode:
        return self._node(f"person/{person_id}")

    def party(self, party_id: str) -> NamedNode:
        return self._node(f"party/{party_id}")

    def government(self, government_id: str) -> NamedNode:
        return self._node(f"government/{government_id}")

    def post(self, post_id: str) -> NamedNode:
        return self._node(f"post/{post_id}")

    def membership(self, person_id: str, target: str, start: str) -> NamedNode:
        return self._node(f"membership/{person_id}/{target}/{start}")

    def organisation(self, org_id: str) -> NamedNode:
        return self._node(f"organisation/{org_id}")

    def legislature(self, number: int) -> NamedNode:
        return self._node(f"legislature/{number}")

    def question_graph(self, number: str) -> NamedNode:
        return self._node(f"graph/question/{number}")

    def shared_graph(self) -> NamedNode:
        return self._node("graph/shared")

    def graph_of(self, subject: NamedNode) -> NamedNode:
        """The named graph that owns triples about `subject`: its question's graph, else the shared one."""
        value = subject.value
        prefix = self.base + "question/"
        if value.startswith(prefix):
            return self.question_graph(value[len(prefix):].split("/", 1)[0])
        return self.shared_graph()

    def activity(self, name: str) -> NamedNode:
        return self._node(f"activity/{name}")

    def vocabulary_graph(self) -> NamedNode:
        return self._node("graph/eurovoc")

    def concept(self, concept_id: str) -> NamedNode:
        return self._node(f"concept/{concept_id}")

    def concept_scheme(self) -> NamedNode:
        return self._node("concept/scheme")

    def place(self, place_id: str) -> NamedNode:
        return self._node(f"place/{place_id}")

    def reference_graph(self) -> NamedNode:
        return self._node("graph/reference")
