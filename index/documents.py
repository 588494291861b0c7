"""Turning one analysed article into the fields of one index document.

The article, its quotes and its provenance all come from the corpus analysis
(`reader.analysis`); nothing here reads a file or finds a quote. Analysing the text fields into
postings is the expensive part, so it is done here, before the single index writer adds them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any, Iterable, Protocol, Sequence

from index.analysis import fold, normalise_word
from index.schema import AnalysedText, analyse, build_schema
from reader.analysis.pipeline import CorpusAnalysis
from reader.articles.model import Article
from reader.quotes.parties import speaker_terms


class QuoteLike(Protocol):
    """What the index needs of a quote: where it is and whose party it is attributed to (and, where
    it has one, `speaker_name`: `speaker:` finds a named person by surname)."""

    start: int
    end: int
    text: str
    entity: str | None


@dataclass(frozen=True)
class IndexedArticle:
    """An article as the index sees it: its text and metadata, its quotes and its provenance."""

    article: Article
    quotes: Sequence[QuoteLike]
    spun: bool
    copy_of: tuple[str, ...]
    """What `copyof:` matches: each source's id, file name and outlet, folded."""

    @property
    def version(self) -> str:
        """Changes whenever anything the document holds changes, so only those are re-written."""
        article = self.article
        held = [article.content_hash, article.path, article.title, article.outlet, str(article.date),
                [(quote.start, quote.end, quote.entity) for quote in self.quotes], self.spun, self.copy_of]
        return hashlib.sha1(json.dumps(held, default=str).encode("utf-8")).hexdigest()


def indexed_articles(analysis: CorpusAnalysis) -> list[IndexedArticle]:
    """The analysis's articles with what the index stores of their quotes and provenance."""
    badges = {item.article_id: item for item in analysis.provenance.articles} if analysis.provenance else {}
    items = []
    for article in analysis.articles:
        badge = badges.get(article.id)
        sources = tuple(dict.fromkeys(badge.copy_of + badge.spun_from)) if badge else ()
        names = {fold(name) for source in sources if source in analysis.by_id
                 for name in (source, PurePosixPath(analysis.by_id[source].path).stem,
                              analysis.by_id[source].outlet or "") if name}
        items.append(IndexedArticle(article, analysis.quotes_of(article.id), bool(badge and badge.spin.spun),
                                    tuple(sorted(names))))
    return items


@dataclass(frozen=True)
class PreparedArticle:
    """An article's index fields plus its distinct written words (for the corpus vocabulary)."""

    fields: dict[str, Any]
    words: frozenset[str]


def quote_only_text(text: str, quotes: Sequence[QuoteLike]) -> str:
    """The article text with everything outside quotes blanked, so offsets stay those of the text."""
    kept = [" "] * len(text)
    for quote in quotes:
        kept[quote.start : quote.end] = text[quote.start : quote.end]
    return "".join(kept)


def written_words(tokens: Iterable[str]) -> frozenset[str]:
    """The distinct words among a text's tokens as written (folded, not stemmed): what "did you
    mean" and wildcards draw on. Hyphenated words count whole and by part; figures are left out."""
    words = set()
    for word in set(tokens):
        if word[0].isalpha():
            word = normalise_word(word)
            words.add(word)
            if "-" in word:
                words.update(part for part in word.split("-") if part)
    return frozenset(words)


def document_fields(item: IndexedArticle) -> dict[str, Any]:
    article, quotes = item.article, item.quotes
    fields: dict[str, Any] = {
        "id": article.id,
        "version": item.version,
        "path": article.path,
        "content": article.text,
        "paragraphs": [list(span) for span in article.paragraphs],
        "quote_spans": [[quote.start, quote.end, *speaker_terms(quote)] for quote in quotes],
        "spun": "yes" if item.spun else "no",
    }
    if item.copy_of:
        fields["copyof"] = ",".join(item.copy_of)
    if article.title:
        fields["title"] = article.title
    if article.outlet:
        fields["outlet"] = article.outlet
        fields["outlet_name"] = article.outlet
    if article.date:
        fields["date"] = dt.datetime.combine(article.date, dt.time())
        fields["day"] = article.date.isoformat()
    if quotes:
        fields["quote"] = quote_only_text(article.text, quotes)
        speakers = sorted({term for quote in quotes for term in speaker_terms(quote)})
        if speakers:
            fields["speaker"] = ",".join(speakers)
    return fields


def prepare_documents(items: list[IndexedArticle]) -> list[PreparedArticle]:
    """Top-level, so a child process can prepare a batch for the writer."""
    return [_prepared(item) for item in items]


def _prepared(item: IndexedArticle) -> PreparedArticle:
    """The article's written words come from the scan that analyses its text."""
    written: set[str] = set()
    return PreparedArticle(analysed(document_fields(item), written), written_words(written))


@lru_cache(maxsize=1)
def _analysed_fields() -> dict[str, AnalysedText]:
    return {name: field for name, field in build_schema().items() if isinstance(field, AnalysedText)}


def analysed(fields: dict[str, Any], written: set[str] | None = None) -> dict[str, Any]:
    """The fields with their text already turned into postings (the stored text kept beside
    them); `written` gets the words of the article text as written."""
    for name, field in _analysed_fields().items():
        if name in fields:
            if field.stored:
                fields[f"_stored_{name}"] = fields[name]
            fields[name] = analyse(field, fields[name], written if name == "content" else None)
    return fields
