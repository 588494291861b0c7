"""The fields of the search index, and the version that says when an old index must be rebuilt.

Bump `SCHEMA_VERSION` whenever a field or the analyzer changes: an index written with another
version is rebuilt on open. New per-article keyword fields go in `KEYWORD_FIELDS`; each becomes
a queryable, facetable field. `spun` and `copyof` hold the corpus analysis's provenance verdicts:
a verdict that changes re-writes the article's document (its version covers them).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from index.analysis import word_analyzer

SCHEMA_VERSION = 7

KEYWORD_FIELDS: tuple[str, ...] = ("speaker", "copyof")
"""Per-article keyword lists: `speaker` holds the party ids of the article's attributed quotes,
`copyof` the ids, file names and outlets of the articles it copies."""

QUERY_FIELDS = ("content", "title", "outlet", "date", "quote", "spun") + KEYWORD_FIELDS + ("note",)
"""The field names a researcher may type before a colon (`note` is answered from the notes, `index.notes`)."""


@dataclass(frozen=True)
class Postings:
    """A field value already analysed into Whoosh's posting tuples (term bytes, frequency, weight,
    encoded positions), so the single index writer adds it without analysing it again."""

    items: tuple[tuple[bytes, int, float, bytes], ...]


class AnalysedText(TEXT):
    """A text field that also accepts `Postings` worked out elsewhere (in a worker process).

    Analysis is the bulk of the writer's work; moving it to the pool is what lets indexing
    use more than one core. A plain string is analysed here as usual; queries are unaffected.
    """

    def index(self, value: Any, **kwargs: Any) -> Iterable[tuple[bytes, int, float, bytes]]:
        if isinstance(value, Postings):
            return value.items
        return super().index(value, **kwargs)


def analyse(field: AnalysedText, text: str, written: set[str] | None = None) -> Postings:
    """What `TEXT.index` yields for `text`, worked out from the analyzer's spans without Token
    objects (`written` gets the words as written, `WordAnalyzer.positions`)."""
    positions = field.analyzer.positions(text, written)
    boost, encode = field.format.field_boost, field.format.encode
    return Postings(tuple((term.encode("utf-8"), len(found), len(found) * boost, encode(found))
                          for term, found in positions.items()))


def build_schema() -> Schema:
    words = word_analyzer()
    schema = Schema(
        id=ID(stored=True, unique=True, sortable=True),
        version=ID(stored=True, sortable=True),
        path=STORED,
        content=AnalysedText(analyzer=words, stored=True, multitoken_query="phrase"),
        title=AnalysedText(analyzer=words, stored=True, multitoken_query="phrase"),
        outlet=TEXT(analyzer=word_analyzer(stem=False), multitoken_query="phrase"),
        outlet_name=ID(stored=True, sortable=True),
        date=DATETIME(stored=True),
        day=ID(sortable=True),
        quote=AnalysedText(analyzer=words, multitoken_query="phrase"),
        quote_spans=STORED,
        paragraphs=STORED,
        spun=ID(sortable=True),
    )
    for name in KEYWORD_FIELDS:
        schema.add(name, KEYWORD(lowercase=True, commas=True, stored=True))
    return schema
