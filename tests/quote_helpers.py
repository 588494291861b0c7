"""Build small articles from text for quote tests, through the real loader's analysis."""
from __future__ import annotations

from pathlib import Path

from reader.corpus import Source, build_article
from reader.formats import Document
from reader.model import Article
from reader.quotes import Quote, find_quotes


def article_from(text: str, name: str = "snippet.txt") -> Article:
    return build_article(Source(Path(name), name), Document(text=text), "txt", "0")


def quotes_in(text: str) -> list[Quote]:
    return find_quotes(article_from(text))


def only_quote(text: str) -> Quote:
    found = quotes_in(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]
