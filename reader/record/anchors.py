"""Stable anchors: where a note points, so it can be found again after the article is re-read.

An anchor names the article by id, file and the hash of the file's bytes, the span of characters,
and the text that span held when the note was made. Re-read unchanged (the same hash, even under
another path or id), the note sits where it was; if the same file changed, the anchored text is
looked for again, and when it is gone the note says what the text was, so the researcher knows it
changed under it. Ids alone are not trusted: they are relative paths, and two corpora share them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from reader.articles.model import Article, Span

UNCHANGED, MOVED, CHANGED, MISSING = "unchanged", "moved", "changed", "missing"


@dataclass(frozen=True)
class Anchor:
    """One passage of one article as it was when the note was made (`text` is that passage)."""

    article_id: str
    path: str
    content_hash: str
    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "path": self.path, "content_hash": self.content_hash,
                "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Anchor":
        return cls(str(data["article_id"]), str(data["path"]), str(data["content_hash"]), int(data["start"]),
                   int(data["end"]), str(data["text"]))

    def names(self, article: Article) -> bool:
        """Whether `article` is this anchor's article: the same bytes, or the same file."""
        return article.content_hash == self.content_hash or same_file(article.path, self.path)


@lru_cache(maxsize=65536)
def real_path(path: str) -> str:
    """Cached: every note is placed against every open article, so one path is resolved many times."""
    return os.path.realpath(path)


def same_file(first: str, second: str) -> bool:
    return real_path(first) == real_path(second)


def anchor(article: Article, span: Span) -> Anchor:
    start, end = span
    if not 0 <= start <= end <= len(article.text):
        raise ValueError(f"span {start}-{end} is outside {article.id} ({len(article.text)} characters)")
    return Anchor(article.id, os.path.realpath(article.path), article.content_hash, start, end,
                  article.text[start:end])


@dataclass(frozen=True)
class Placement:
    """Where an anchor falls in the articles loaded now, and whether the text under it is the same."""

    anchor: Anchor
    article: Article | None
    span: Span | None
    status: str

    @property
    def message(self) -> str:
        """What the researcher is told about this anchor, in words."""
        if self.status == UNCHANGED:
            return "the text under this note is unchanged"
        if self.status == MOVED:
            return "the article changed, but the noted text is still there (moved)"
        if self.status == CHANGED:
            return f"the text under this note changed; it read “{_flat(self.anchor.text)}”"
        return f"the article {self.anchor.article_id} is not loaded"

    def as_json(self) -> dict[str, Any]:
        return {**self.anchor.as_json(), "status": self.status, "message": self.message,
                "now_in": self.article.id if self.article else None,
                "now_span": list(self.span) if self.span else None}


def _flat(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _nearest(text: str, wanted: str, near: int) -> int | None:
    """Start of the occurrence of `wanted` in `text` closest to offset `near`."""
    if not wanted:
        return None
    found, at = [], text.find(wanted)
    while at != -1:
        found.append(at)
        at = text.find(wanted, at + 1)
    return min(found, key=lambda start: abs(start - near)) if found else None


def place(anchor_: Anchor, articles: Iterable[Article]) -> Placement:
    """Find the anchor among `articles`: the same bytes first, then the same file."""
    by_hash = by_file = None
    for article in articles:
        if article.content_hash == anchor_.content_hash and by_hash is None:
            by_hash = article
        if by_file is None and same_file(article.path, anchor_.path):
            by_file = article
    if by_hash is not None and by_hash.text[anchor_.start:anchor_.end] == anchor_.text:
        return Placement(anchor_, by_hash, (anchor_.start, anchor_.end), UNCHANGED)
    article = by_file or by_hash
    if article is None:
        return Placement(anchor_, None, None, MISSING)
    start = _nearest(article.text, anchor_.text, anchor_.start)
    if start is None:
        return Placement(anchor_, article, None, CHANGED)
    return Placement(anchor_, article, (start, start + len(anchor_.text)), MOVED)
