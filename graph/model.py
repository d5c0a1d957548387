"""The records passed between stages. `Question` is the parse contract (PARSE-CONTRACT.md): its fields
are in the contract's key order, so `dataclasses.asdict` gives the JSON object as specified."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Author:
    name: str
    party: str | None


@dataclass
class Event:
    date: str
    kind: str
    deadline: str | None = None


@dataclass
class Requalification:
    kind: str
    number: str


@dataclass
class Answer:
    date: str | None
    text: str | None


@dataclass
class Question:
    source: str
    number: str
    legislature: int
    page_language: str
    original_language: str | None = None
    author: Author | None = None
    date: str | None = None
    addressee: str | None = None
    title: str | None = None
    headings: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    descriptors_nl: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    also_asked: list[str] = field(default_factory=list)
    reintroduced_from: list[str] = field(default_factory=list)
    reintroduced_as: list[str] = field(default_factory=list)
    requalified_as: list[Requalification] = field(default_factory=list)
    requalified_from: list[Requalification] = field(default_factory=list)
    body: str | None = None
    subquestions: list[str] = field(default_factory=list)
    cited_urls: list[str] = field(default_factory=list)
    answer: Answer | None = None
    status: str = "awaiting_answer"
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
