"""The search index of one corpus: brought up to date from the corpus analysis, searched.

This is the whole interface the UI and CLI use; no Whoosh type crosses it. `CorpusIndex.update`
takes the analysis (`reader.analysis`), compares each article's document version with what the
index holds and writes only new, changed and removed articles; it never reads an article file.
`CorpusIndex.open_current` re-opens an index whose corpus is unchanged (same file sizes and
times) without the analysis. Updates run on a worker thread: `progress(done, total)` reports, and
setting `cancel` stops at the next article with nothing committed.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import logging
import threading
import time
from operator import neg
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from whoosh import query as wq
from whoosh.index import FileIndex
from whoosh.searching import Searcher

from index import highlight, store
from index.analysis import word_analyzer
from index.changes import corpus_fingerprint, indexed_versions
from index.documents import IndexedArticle, indexed_articles, prepare_documents
from index.facets import UNKNOWN, FacetTable
from index.notes import NotedArticles, resolve_notes
from index.provenance import resolve
from index.query import parse
from index.results import Hit, SearchResults
from index.scoring import Scorer, Scores
from index.vocabulary import VOCABULARY_FILE, Vocabulary, save_vocabulary
from index.writer import index_writer
from reader.analysis.pipeline import CorpusAnalysis
from reader.analysis.processes import mapped
from reader.articles.corrections import Corrections
from reader.articles.model import Article, LoadError
from reader.storage import read_json, write_json_atomic

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

WRITER_MB = 1024
"""Memory the writer may hold postings in before spilling sorted runs to disk. Merging spilled
runs is most of a large build's writer time: 10,000 articles took 23 s of writer CPU at 256 MB,
13 s at 1024 MB (which holds them all; the bench prints the peak memory)."""

_STEM = word_analyzer()


class IndexCancelled(Exception):
    """The caller set the cancel flag; nothing from this update was committed."""


@dataclasses.dataclass(frozen=True)
class SearchFilters:
    """Facet choices that narrow a search without changing its scores."""

    outlets: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    spun: bool | None = None


@dataclasses.dataclass
class UpdateReport:
    """What opening the index did, for the status bar and `corroborate index`."""

    articles: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    errors: list[LoadError] = dataclasses.field(default_factory=list)
    notices: list[str] = dataclasses.field(default_factory=list)
    rebuilt: bool = False
    seconds: float = 0.0

    def as_json(self) -> dict[str, Any]:
        values = dataclasses.asdict(self)
        values["errors"] = [error.as_json() for error in self.errors]
        values["seconds"] = round(self.seconds, 3)
        return values


class CorpusIndex:
    """A corpus's index, open for searching from any thread (each thread gets its own searcher)."""

    def __init__(self, ix: FileIndex, location: Path, report: UpdateReport):
        self._ix = ix
        self.location = location
        self.report = report
        self._local = threading.local()
        self._words: tuple[float, Vocabulary] | None = None

    @classmethod
    def update(cls, paths: Iterable[Path], analysis: CorpusAnalysis, *, errors: Sequence[LoadError] = (),
               progress: Progress | None = None, cancel: threading.Event | None = None,
               wait: float = 2.0) -> CorpusIndex:
        """The index of the corpus made of `paths`, first brought up to date with its `analysis`
        (quotes and provenance included); `errors` are the files the corpus could not load.

        Raises `store.IndexBusy` only when another process is writing and no usable index exists
        yet; with a usable one, it is opened as it is and a notice says it may be out of date.
        """
        started = time.perf_counter()
        paths = [Path(path) for path in paths]
        location = store.index_location(paths)
        report = UpdateReport(errors=list(errors))
        try:
            with store.write_lock(location, wait):
                ix = _update(paths, location, report, indexed_articles(analysis), progress, cancel)
        except store.IndexBusy as busy:
            ix = _open_as_is(location, busy)
            report.notices.append(f"{busy}; searching the index as it was last saved")
            report.articles = ix.doc_count()
        report.seconds = time.perf_counter() - started
        for notice in report.notices:
            log.warning("%s: %s", location.name, notice)
        return cls(ix, location, report)

    @classmethod
    def open_current(cls, paths: Iterable[Path]) -> CorpusIndex | None:
        """The corpus's index if it was brought up to date with the files as they are now (nothing
        added, removed or touched since, corrections included); None when it needs an update."""
        started = time.perf_counter()
        paths = [Path(path) for path in paths]
        location = store.index_location(paths)
        saved = read_json(_last_update_file(location), {})
        if saved.get("fingerprint") != corpus_fingerprint([*paths, Corrections().path]):
            return None
        try:
            ix = store.open_existing(location)
        except store.DamagedIndex:
            return None
        if ix is None:
            return None
        report = UpdateReport(articles=ix.doc_count(), unchanged=ix.doc_count(),
                              errors=[LoadError(**error) for error in saved.get("errors", [])])
        report.seconds = time.perf_counter() - started
        return cls(ix, location, report)

    @property
    def article_count(self) -> int:
        return self._ix.doc_count()

    def _searcher(self) -> Searcher:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self._ix.searcher()
        elif not searcher.up_to_date():
            # A fresh searcher, not refresh(): Whoosh's refresh crashes reusing an empty index's reader.
            searcher.close()
            searcher = self._local.searcher = self._ix.searcher()
        return searcher

    def _vocabulary(self) -> Vocabulary:
        """The corpus vocabulary, re-read when another writer has changed it."""
        try:
            stamp = (self.location / VOCABULARY_FILE).stat().st_mtime_ns
        except OSError:
            stamp = 0
        if self._words is None or self._words[0] != stamp:
            self._words = (stamp, Vocabulary.load(self.location))
        return self._words[1]

    def _per_searcher(self, searcher: Searcher, name: str, make: Callable[[], Any]) -> Any:
        """What this thread works out once per searcher (it changes when the index does)."""
        cached = getattr(self._local, "derived", None)
        if cached is None or cached[0] is not searcher:
            cached = self._local.derived = (searcher, {})
        if name not in cached[1]:
            cached[1][name] = make()
        return cached[1][name]

    def _facet_table(self, searcher: Searcher) -> FacetTable:
        return self._per_searcher(searcher, "facets", lambda: FacetTable(searcher.reader()))

    def _scorer(self, searcher: Searcher) -> Scorer:
        return self._per_searcher(searcher, "scorer", lambda: Scorer(searcher))

    def close(self) -> None:
        """Close this thread's searcher (other threads close theirs, or they close on collection)."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None:
            searcher.close()
            self._local.searcher = self._local.derived = None

    def search(self, text: str, limit: int = 20, filters: SearchFilters | None = None,
               notes: NotedArticles | None = None) -> SearchResults:
        """Articles matching `text`, best first, with highlights, passages, facets and problems;
        `notes` answers `note:` terms (`index.notes`)."""
        started = time.perf_counter()
        searcher = self._searcher()
        parsed, problems = parse(text, searcher, self._vocabulary())
        parsed = resolve_notes(resolve(parsed, problems), notes, problems)
        narrowing = _filter_query(filters)
        matching = _narrowed(self._scorer(searcher).scores(parsed), searcher, narrowing)
        wanted = _wanted_terms(parsed, searcher.reader())
        hits = [_hit(searcher.stored_fields(docnum), score, wanted) for docnum, score in _best(matching, limit)]
        total = len(matching)
        facets = self._facet_table(searcher).counts(matching)
        suggestion = _suggestion(text, parsed, searcher, self._vocabulary()) if total == 0 else None
        return SearchResults(text, total, (time.perf_counter() - started) * 1000, hits, facets,
                             suggestion, problems)


def update_index(paths: list[Path], articles: list[Article], analysis: CorpusAnalysis, errors: list[LoadError],
                 progress: Progress | None = None, cancel: threading.Event | None = None) -> UpdateReport:
    """Bring the index up to date and close it: a child process's job, after which the caller
    only has to open it. The articles come apart from the rest of the analysis so that slices
    of them already made for other child jobs can be sent again."""
    analysis = CorpusAnalysis(articles, analysis.registry, analysis.quotes, analysis.provenance)
    corpus_index = CorpusIndex.update(paths, analysis, errors=errors, progress=progress, cancel=cancel)
    corpus_index.close()
    return corpus_index.report


def _filter_query(filters: SearchFilters | None) -> wq.Query | None:
    """The facets chosen, as a query."""
    if filters is None:
        return None
    parts = _facet_filters(filters)
    if filters.spun is not None:
        parts.append(wq.Term("spun", "yes" if filters.spun else "no"))
    return wq.And(parts) if parts else None


def _narrowed(scores: Scores, searcher: Searcher, narrowing: wq.Query | None) -> Scores:
    if narrowing is None:
        return scores
    allowed = set(searcher.docs_for_query(narrowing))
    return {docnum: score for docnum, score in scores.items() if docnum in allowed}


def _best(scores: Scores, limit: int) -> list[tuple[int, float]]:
    """The `limit` best (document number, score) pairs, ties in document order as Whoosh ranks them."""
    best = heapq.nlargest(limit, zip(scores.values(), map(neg, scores)))
    return [(-negated, score) for score, negated in best]


def _facet_filters(filters: SearchFilters) -> list[wq.Query]:
    parts: list[wq.Query] = []
    if filters.outlets:
        parts.append(wq.Or([wq.Not(wq.Every("outlet_name")) if outlet == UNKNOWN else wq.Term("outlet_name", outlet)
                            for outlet in filters.outlets]))
    if filters.speakers:
        parts.append(wq.Or([wq.Term("speaker", speaker.lower()) for speaker in filters.speakers]))
    if filters.date_from or filters.date_to:
        start = dt.datetime.combine(filters.date_from, dt.time()) if filters.date_from else None
        end = dt.datetime.combine(filters.date_to, dt.time.max) if filters.date_to else None
        parts.append(wq.DateRange("date", start, end))
    return parts


@dataclasses.dataclass
class _Wanted:
    """The words to highlight, per field: single terms (wildcards expanded) and whole phrases."""

    terms: dict[str, set[str]]
    phrases: dict[str, list[list[str]]]

    def spans(self, fieldname: str, text: str) -> list[tuple[int, int]]:
        return highlight.matched_spans(text, self.terms.get(fieldname, set()), self.phrases.get(fieldname, []))


def _wanted_terms(parsed: wq.Query, reader: Any) -> _Wanted:
    terms: dict[str, set[str]] = {}
    for fieldname, term in parsed.existing_terms(reader, phrases=False, expand=True):
        terms.setdefault(fieldname, set()).add(term.decode("utf-8") if isinstance(term, bytes) else term)
    phrases: dict[str, list[list[str]]] = {}
    for leaf in parsed.leaves():
        if isinstance(leaf, wq.Phrase) and leaf.words:
            phrases.setdefault(leaf.fieldname, []).append(list(leaf.words))
    return _Wanted(terms, phrases)


def _hit(fields: dict[str, Any], score: float, wanted: _Wanted) -> Hit:
    """A hit's spans: matched words of the text and of its quotes, and whole quotes of a matched speaker."""
    text = fields["content"]
    spans = wanted.spans("content", text)
    for start, end, *speakers in fields.get("quote_spans", ()):
        spans += [(start + s, start + e) for s, e in wanted.spans("quote", text[start:end])]
        if set(speakers) & set(wanted.terms.get("speaker", ())):
            spans.append((start, end))
    spans = highlight.merge(spans)
    found = highlight.passages(fields.get("paragraphs", ()), spans)
    snippet = highlight.snippet_span(text, spans, found)
    date = fields.get("date")
    return Hit(
        id=fields["id"], path=fields["path"], outlet=fields.get("outlet_name"),
        date=date.date().isoformat() if date else None, title=fields.get("title"), score=score,
        snippet=text[snippet[0]:snippet[1]], snippet_span=snippet, highlights=spans,
        title_highlights=wanted.spans("title", fields.get("title") or ""), passages=found,
    )


def _suggestion(text: str, parsed: wq.Query, searcher: Searcher, vocabulary: Vocabulary) -> str | None:
    """The query with each unknown word replaced by the closest word in the corpus, if any."""
    reader = searcher.reader()
    replacements: list[tuple[int, int, str]] = []
    for term in parsed.leaves():
        if (not isinstance(term, wq.Term) or term.fieldname != "content" or getattr(term, "startchar", None) is None
                or reader.doc_frequency("content", term.text)):
            continue
        word = text[term.startchar:term.endchar].lower()
        for suggestion in vocabulary.suggest(word):
            if suggestion != word and any(reader.doc_frequency("content", token.text) for token in _STEM(suggestion)):
                replacements.append((term.startchar, term.endchar, suggestion))
                break
    if not replacements:
        return None
    for start, end, word in sorted(replacements, reverse=True):
        text = text[:start] + word + text[end:]
    return text


def _last_update_file(location: Path) -> Path:
    return location.with_name(location.name + ".corpus.json")


def _open_as_is(location: Path, busy: store.IndexBusy) -> FileIndex:
    try:
        ix = store.open_existing(location)
    except store.DamagedIndex:
        ix = None
    if ix is None:
        raise busy
    return ix


def _update(paths: list[Path], location: Path, report: UpdateReport, items: list[IndexedArticle],
            progress: Progress | None, cancel: threading.Event | None) -> FileIndex:
    """Index what is new or changed and drop what is gone; with no usable index, build one afresh.
    The corpus's fingerprint is saved after, so `open_current` knows the index is current."""
    store.clear_leftovers(location)
    fingerprint = corpus_fingerprint([*paths, Corrections().path])
    try:
        ix = store.open_existing(location)
    except store.DamagedIndex as damage:
        report.notices.append(f"The search index was rebuilt because {damage}.")
        ix = None
    if ix is None:
        scratch = store.scratch_location(location)
        report.added = _write(store.create_empty(scratch), [], items, progress, cancel)
        store.swap_in(scratch, location)
        report.rebuilt = bool(report.notices)
    else:
        indexed = indexed_versions(ix)
        current = {item.article.id for item in items}
        removed = [article_id for article_id in indexed if article_id not in current]
        changed = [item for item in items if item.article.id in indexed and indexed[item.article.id] != item.version]
        added = [item for item in items if item.article.id not in indexed]
        report.unchanged = len(indexed) - len(removed) - len(changed)
        if removed or changed or added:
            _write(ix, removed + [item.article.id for item in changed], changed + added, progress, cancel)
            report.removed, report.changed, report.added = len(removed), len(changed), len(added)
    ix = store.open_existing(location)
    report.articles = ix.doc_count()
    write_json_atomic(_last_update_file(location),
                      {"fingerprint": fingerprint, "errors": [error.as_json() for error in report.errors]})
    return ix


def _write(ix: FileIndex, deletions: list[str], items: list[IndexedArticle], progress: Progress | None,
           cancel: threading.Event | None) -> int:
    """Delete `deletions`, add `items`, commit once; on cancel or error nothing is committed."""
    writer = index_writer(ix, WRITER_MB)
    words: set[str] = set()
    try:
        for article_id in deletions:
            writer.delete_by_term("id", article_id)
        for done, document in enumerate(mapped(prepare_documents, items), start=1):
            if cancel is not None and cancel.is_set():
                raise IndexCancelled("indexing was cancelled; the index is unchanged")
            writer.add_document(**document.fields)
            words |= document.words
            if progress is not None:
                progress(done, len(items))
        save_vocabulary(Path(ix.storage.folder), words)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return len(items)
