"""Turning an article file into the fields of one index document.

This is the expensive, per-file part of indexing (reading, sentence analysis, corrections,
quote finding, collecting written words, and analysing the text fields into postings), so it
runs in worker processes while the single index writer only adds the prepared documents. Top-level functions only: they must pickle for a pool.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Protocol, Sequence

from index.analysis import TOKEN_PATTERN, normalise_word
from index.changes import source_version
from index.schema import AnalysedText, analyse, build_schema
from reader.articles.corpus import Source, apply_corrections, load_source
from reader.articles.corrections import Corrections
from reader.articles.formats import UnreadableFile
from reader.articles.model import Article, LoadError


class QuoteLike(Protocol):
    """What the index needs of a quote: where it is and whose party it is attributed to."""

    start: int
    end: int
    text: str
    entity: str | None


QuoteFinder = Callable[[Article], Sequence[QuoteLike]]



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


def written_words(text: str) -> frozenset[str]:
    """The distinct words of a text as written (folded, not stemmed): what "did you mean" and
    wildcards draw on. Hyphenated words count whole and by part; figures are left out."""
    words = set()
    for word in set(TOKEN_PATTERN.findall(text)):
        if word[0].isalpha():
            word = normalise_word(word)
            words.add(word)
            if "-" in word:
                words.update(part for part in word.split("-") if part)
    return frozenset(words)


def document_fields(article: Article, version: str, quotes: Sequence[QuoteLike] = ()) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": article.id,
        "version": version,
        "path": article.path,
        "content": article.text,
        "paragraphs": [list(span) for span in article.paragraphs],
        "quote_spans": [[quote.start, quote.end, quote.entity] for quote in quotes],
    }
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
        speakers = sorted({quote.entity for quote in quotes if quote.entity})
        if speakers:
            fields["speaker"] = ",".join(speakers)
    return fields


@dataclass(frozen=True)
class Preparation:
    """How articles are read for the index: with the researcher's corrections, and a quote finder."""

    corrections: Corrections
    quote_finder: QuoteFinder | None = None

    def version(self, source: Source, content_hash: str) -> str:
        return source_version(source, content_hash, self.corrections.for_article(str(source.path)))


def prepare_document(source: Source, preparation: Preparation) -> PreparedArticle | LoadError:
    """Load one file and build its index fields; an unreadable file becomes a `LoadError`."""
    try:
        article = apply_corrections(load_source(source), preparation.corrections)
    except UnreadableFile as error:
        return LoadError(str(source.path), str(error))
    quotes = preparation.quote_finder(article) if preparation.quote_finder else ()
    fields = analysed(document_fields(article, preparation.version(source, article.content_hash), quotes))
    return PreparedArticle(fields, written_words(article.text))


@lru_cache(maxsize=1)
def _analysed_fields() -> dict[str, AnalysedText]:
    return {name: field for name, field in build_schema().items() if isinstance(field, AnalysedText)}


def analysed(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields with their text already turned into postings (the stored text kept beside them)."""
    for name, field in _analysed_fields().items():
        if name in fields:
            if field.stored:
                fields[f"_stored_{name}"] = fields[name]
            fields[name] = analyse(field, fields[name])
    return fields
