"""What a search returns: plain data the UI and CLI read, with no Whoosh types in it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.query import QueryProblem
from reader.articles.model import Span


@dataclass(frozen=True)
class Passage:
    """A content paragraph holding matches, so the reader can jump to it (1-based like citations)."""

    paragraph: int
    start: int
    end: int
    matches: int

    def as_json(self) -> dict[str, int]:
        return {"paragraph": self.paragraph, "start": self.start, "end": self.end, "matches": self.matches}


@dataclass(frozen=True)
class Hit:
    """One matching article. `highlights`, `passages` and `snippet_span` are offsets into its text."""

    id: str
    path: str
    outlet: str | None
    date: str | None
    title: str | None
    score: float
    snippet: str
    snippet_span: Span
    highlights: list[Span]
    title_highlights: list[Span]
    passages: list[Passage]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "outlet": self.outlet,
            "date": self.date,
            "title": self.title,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "snippet_span": list(self.snippet_span),
            "highlights": [list(span) for span in self.highlights],
            "title_highlights": [list(span) for span in self.title_highlights],
            "passages": [passage.as_json() for passage in self.passages],
        }


@dataclass
class SearchResults:
    query: str
    total: int
    elapsed_ms: float
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None
    problems: list[QueryProblem] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "hits": [hit.as_json() for hit in self.hits],
            "facets": self.facets,
            "suggestion": self.suggestion,
            "problems": [problem.as_json() for problem in self.problems],
        }
