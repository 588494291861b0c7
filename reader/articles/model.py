"""The article model every feature shares.

All analysis results (sentences, search hits, quotes, facts, diffs) are spans of
character offsets into `Article.text`, so the UI only paints spans and never has
to re-find text by searching for it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Place:
    """Where an article sits in a file holding several: "3 of 10" of a news-database export, or one
    capture in a web archive (two captures of one URL are two versions of one article)."""

    number: int
    total: int
    document_id: str | None = None
    captured_at: dt.datetime | None = None

    def describe(self) -> str:
        return f"{self.number} of {self.total}"

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "total": self.total,
            "document_id": self.document_id,
            "captured_at": self.captured_at.isoformat() if self.captured_at else None,
        }


@dataclass(frozen=True)
class Boilerplate:
    """Text kept in the article but set aside from its content, with the reason why."""

    start: int
    end: int
    kind: str

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass
class Article:
    """One news article: decoded text plus the spans that structure it."""

    id: str
    path: str
    text: str
    outlet: str | None = None
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    label: str | None = None
    format: str = "txt"
    content_hash: str = ""
    paragraphs: list[Span] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    metadata_sources: dict[str, str] = field(default_factory=dict)
    byline: str | None = None
    section: str | None = None
    place: Place | None = None
    details: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """What corrections are filed under: the file, and for an export the article's place in it."""
        return f"{self.path}#{self.place.number}" if self.place else self.path

    @property
    def display_label(self) -> str:
        """What the researcher sees in lists and column headers."""
        if self.label:
            return self.label
        if self.outlet:
            return self.outlet
        if self.title:
            return self.title
        return self.id

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def paragraph_number(self, offset: int) -> int | None:
        """1-based number of the content paragraph holding `offset`, for pinpoint citations; None
        inside a heading or boilerplate. An offset in the white space between paragraphs, or just
        past one's end (where a change that adds words starts), belongs to the paragraph it touches."""
        if any(start <= offset < end for start, end in self.headings) or \
                any(item.start <= offset < item.end for item in self.boilerplate):
            return None
        for number, (_, end) in enumerate(self.paragraphs, start=1):
            if offset <= end:
                return number
        return len(self.paragraphs) or None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "outlet": self.outlet,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "label": self.display_label,
            "url": self.url,
            "format": self.format,
            "content_hash": self.content_hash,
            "text": self.text,
            "paragraphs": [list(span) for span in self.paragraphs],
            "headings": [list(span) for span in self.headings],
            "sentences": [list(span) for span in self.sentences],
            "boilerplate": [item.as_json() for item in self.boilerplate],
            "metadata_sources": dict(self.metadata_sources),
            "byline": self.byline,
            "section": self.section,
            "place": self.place.as_json() if self.place else None,
            "details": dict(self.details),
        }


@dataclass(frozen=True)
class LoadError:
    """A file that could not become an article, and why, in words a researcher can act on."""

    path: str
    error: str

    def as_json(self) -> dict[str, str]:
        return {"path": self.path, "error": self.error}
