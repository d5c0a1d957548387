"""Every error ParlGraph raises, in one place.

    ParlGraphError                 base: a message in the user's words
    ├── ParseError                 a page that cannot be read as a written question (file, line, reason)
    ├── ReferenceDataError         a reference table that is missing or malformed (file, line, field)
    ├── StoreError                 the store cannot be opened, read or written
    └── QueryError                 a SPARQL query that is malformed or refused
        └── QueryTimeout           a query stopped at the time limit
"""

from __future__ import annotations


class ParlGraphError(Exception):
    """Base of all ParlGraph errors; str(error) is one line meant for the user."""


class ParseError(ParlGraphError):
    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source, self.line, self.reason = source, line, reason
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {reason}")


class ReferenceDataError(ParlGraphError):
    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source, self.line, self.reason = source, line, reason
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {reason}")


class StoreError(ParlGraphError):
    pass


class QueryError(ParlGraphError):
    pass


class QueryTimeout(QueryError):
    pass


def syntax_message(error: SyntaxError) -> str:
    """Oxigraph's 'error at 2:9: expected …' as 'malformed query at line 2, column 9: expected …'."""
    import re

    text = (str(error).strip().splitlines() or ["syntax error"])[0]
    match = re.match(r"error at (\d+):(\d+):\s*(.*)", text)
    if match:
        return f"malformed query at line {match[1]}, column {match[2]}: {match[3]}"
    return f"malformed query: {text}"
