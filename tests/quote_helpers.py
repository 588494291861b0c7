"""Build small articles from text for quote tests, through the real loader's analysis."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.articles.corpus import Source, build_article
from reader.articles.formats import Document
from reader.articles.model import Article
from reader.quotes.finder import Quote, find_quotes


@dataclass(frozen=True)
class FakeQuote:
    """A quote-like object (the fields facts and the index read) for tests that set attributions."""

    start: int
    end: int
    text: str
    entity: str | None
    speaker_name: str | None = None
    speaker: str | None = None


def article_from(text: str, name: str = "snippet.txt") -> Article:
    return build_article(Source(Path(name), name), Document(text=text), "txt", "0")


def quotes_in(text: str) -> list[Quote]:
    return find_quotes(article_from(text))


def only_quote(text: str) -> Quote:
    found = quotes_in(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]
