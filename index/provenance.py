"""Search by provenance: `spun:yes` / `spun:no` and `copyof:<article id or outlet>`.

Provenance is a verdict on the whole corpus (`reader.provenance.copies.provenance`): adding one source
article can turn another, untouched article into a copy. Storing it per document would mean
re-writing untouched documents and running the corpus-wide analysis on every index update,
so it is instead worked out the first time a query asks for it, cached beside the index under
a digest of every indexed article's version, and applied at query time as a set of article ids.
Any add, edit or removal changes the digest, so a stale verdict is never used.
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

from whoosh import query as wq
from whoosh.reading import IndexReader

from index.analysis import fold
from index.query import QueryProblem
from index.schema import PROVENANCE_FIELDS
from reader.articles.model import Article
from reader.provenance.copies import ReuseReport, provenance
from reader.storage import read_json, write_json_atomic

SPUN_VALUES = {"yes": True, "true": True, "no": False, "false": False}


@dataclass(frozen=True)
class ProvenanceTable:
    """Which indexed articles are spun, and for each copy the articles (and their outlets) it copies."""

    key: str
    spun: frozenset[str]
    sources: dict[str, tuple[str, ...]]
    outlets: dict[str, str]

    def copies_of(self, value: str) -> frozenset[str]:
        """Articles copied (syndicated, edited or spun) from the article `value` (its id, or its file
        name without folder and extension) or from any article of the outlet `value`."""
        wanted = fold(value.strip())
        return frozenset(copy for copy, sources in self.sources.items()
                         if any(wanted in (fold(source), fold(PurePosixPath(source).stem),
                                           fold(self.outlets.get(source, ""))) for source in sources))

    def as_json(self) -> dict[str, object]:
        return {"key": self.key, "spun": sorted(self.spun),
                "sources": {copy: list(sources) for copy, sources in sorted(self.sources.items())},
                "outlets": self.outlets}


def corpus_state(reader: IndexReader) -> str:
    """A digest of every indexed article's id and version: changes whenever provenance may."""
    digest = hashlib.sha1()
    if reader.doc_count():
        ids, versions = reader.column_reader("id"), reader.column_reader("version")
        for article_id, version in sorted((ids[docnum], versions[docnum]) for docnum in reader.all_doc_ids()):
            digest.update(f"{article_id}\0{version}\n".encode("utf-8"))
    return digest.hexdigest()


def cached_table(cache_file: Path, key: str) -> ProvenanceTable | None:
    """The saved provenance if it was worked out for exactly this state of the index."""
    saved = read_json(cache_file, None)
    if not isinstance(saved, dict) or saved.get("key") != key:
        return None
    return ProvenanceTable(key, frozenset(saved["spun"]),
                           {copy: tuple(sources) for copy, sources in saved["sources"].items()}, saved["outlets"])


def compute_table(cache_file: Path, key: str, articles: Iterable[Article]) -> ProvenanceTable:
    """Run the corpus-wide provenance analysis and save its verdicts for `key`."""
    articles = list(articles)
    return save_table(cache_file, key, provenance(articles, include_independent=False), articles)


def save_table(cache_file: Path, key: str, report: ReuseReport, articles: Iterable[Article]) -> ProvenanceTable:
    """The verdicts of an analysis already run (the window runs one for its badges), saved for `key`."""
    sources = {item.article_id: tuple(dict.fromkeys(item.copy_of + item.spun_from))
               for item in report.articles if item.copy_of or item.spun_from}
    table = ProvenanceTable(key, frozenset(item.article_id for item in report.articles if item.spin.spun),
                            sources, {article.id: article.outlet or "" for article in articles})
    write_json_atomic(cache_file, table.as_json())
    return table


PENDING = ("spun:, copyof: and the Spun facet were left out: the corpus's provenance is not known yet "
           "(the window works it out after each load); they apply once it is")


def resolve(query: wq.Query, table: Callable[[], ProvenanceTable | None], problems: list[QueryProblem]) -> wq.Query:
    """The query with each `spun:`/`copyof:` term replaced by the matching article ids.

    The replacement scores nothing, so these act as pure filters: ranking is the text's. When
    `table` has no answer yet, the terms are left out and a problem says why.
    """
    if isinstance(query, wq.Term) and query.fieldname in PROVENANCE_FIELDS:
        known = table()
        if known is None:
            if all(problem.message != PENDING for problem in problems):
                problems.append(QueryProblem(PENDING, getattr(query, "startchar", None) or 0))
            return wq.Every()
        value = query.text.decode("utf-8") if isinstance(query.text, bytes) else query.text
        if query.fieldname == "spun":
            wanted = SPUN_VALUES.get(fold(value))
            if wanted is None:
                problems.append(QueryProblem(f"'spun:{value}' is neither yes nor no; write spun:yes or spun:no "
                                             "(this condition was left out)", getattr(query, "startchar", None) or 0))
                return wq.Every()
            spun = _ids(known.spun)
            return _unscored(spun if wanted else wq.Not(spun))
        return _unscored(_ids(known.copies_of(value)))
    return query.apply(lambda child: resolve(child, table, problems))


def _ids(ids: Iterable[str]) -> wq.Query:
    terms = [wq.Term("id", article_id) for article_id in sorted(ids)]
    return wq.Or(terms) if terms else wq.NullQuery


NO_SCORE = sys.float_info.min
"""Whoosh reads a constant score of 0 as "unset" (and scores 1), so the least positive float
stands in: added to any real score it changes nothing."""


def _unscored(query: wq.Query) -> wq.Query:
    return wq.ConstantScoreQuery(query, NO_SCORE) if query is not wq.NullQuery else query
