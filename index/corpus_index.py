"""The search index of one corpus: opened, brought up to date, searched.

This is the whole interface the UI and CLI use; no Whoosh type crosses it. `CorpusIndex.open`
compares each article's version (content hash and manifest entry) with what the index holds and
touches only new, changed and removed articles; an unchanged corpus (same file sizes and times)
re-opens after a folder scan. The UI calls it from a worker thread: `progress(done, total)`
reports, and setting `cancel` stops at the next article with nothing committed.
"""
from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import heapq
import logging
import os
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from operator import neg
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from whoosh import query as wq
from whoosh.index import FileIndex
from whoosh.searching import Searcher

from index import highlight, store
from index.analysis import word_analyzer
from index.changes import corpus_fingerprint, indexed_versions, source_versions
from index.documents import Preparation, PreparedArticle, QuoteFinder, prepare_document
from index.facets import UNKNOWN, FacetTable
from index.provenance import ProvenanceTable, cached_table, compute_table, corpus_state, resolve, save_table
from index.query import QueryProblem, parse
from index.results import Hit, SearchResults
from index.scoring import Scorer, Scores
from index.vocabulary import VOCABULARY_FILE, Vocabulary, save_vocabulary
from reader.articles.corpus import Source, discover, load_corpus
from reader.articles.corrections import Corrections
from reader.articles.model import Article, LoadError
from reader.provenance.copies import ReuseReport
from reader.storage import read_json, write_json_atomic

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

POOL_THRESHOLD = 40
"""Fewer changed files than this are prepared in-process: starting workers would cost more."""

BATCH = 16
IN_FLIGHT = 16
"""Batches of files sent to a worker at once, and how many may wait: bounds memory on huge corpora."""

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


def default_workers() -> int:
    """One process per core: the writer only adds postings the workers have analysed, so it waits
    for them most of the time (on 1,000 articles and 2 cores, 2 workers index in 0.6x the time of 1)."""
    return max(1, os.cpu_count() or 2)


class CorpusIndex:
    """A corpus's index, open for searching from any thread (each thread gets its own searcher)."""

    def __init__(self, ix: FileIndex, location: Path, report: UpdateReport, paths: list[Path]):
        self._ix = ix
        self.location = location
        self.report = report
        self._paths = paths
        self._local = threading.local()
        self._words: tuple[float, Vocabulary] | None = None
        self._provenance: tuple[str, ProvenanceTable | None] | None = None
        """The corpus state last looked up, and its saved provenance (None: not worked out)."""
        self._provenance_lock = threading.RLock()

    @classmethod
    def open(cls, paths: Iterable[Path], *, quote_finder: QuoteFinder | None = None,
             progress: Progress | None = None, cancel: threading.Event | None = None,
             wait: float = 2.0, workers: int | None = None) -> CorpusIndex:
        """Open the index of the corpus made of `paths`, first bringing it up to date with the files.

        Raises `store.IndexBusy` only when another process is writing and no usable index exists
        yet; with a usable one, it is opened as it is and a notice says it may be out of date.
        """
        started = time.perf_counter()
        paths = [Path(path) for path in paths]
        location = store.index_location(paths)
        report = UpdateReport()
        preparation = Preparation(Corrections(), quote_finder)
        try:
            with store.write_lock(location, wait):
                ix = _update(paths, location, report, preparation, progress, cancel, workers)
        except store.IndexBusy as busy:
            ix = _open_as_is(location, busy, _finder_name(quote_finder))
            report.notices.append(f"{busy}; searching the index as it was last saved")
            report.articles = ix.doc_count()
        report.seconds = time.perf_counter() - started
        for notice in report.notices:
            log.warning("%s: %s", location.name, notice)
        return cls(ix, location, report, paths)

    @classmethod
    def update(cls, paths: Iterable[Path], quote_finder: QuoteFinder | None = None,
               progress: Progress | None = None, cancel: threading.Event | None = None) -> UpdateReport:
        """Bring the index up to date and close it, returning what changed: a child process's
        job, after which the window only has to open it."""
        corpus_index = cls.open(paths, quote_finder=quote_finder, progress=progress, cancel=cancel)
        corpus_index.close()
        return corpus_index.report

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

    def _provenance_file(self) -> Path:
        return self.location.with_name(self.location.name + ".provenance.json")

    def _corpus_state(self, searcher: Searcher) -> str:
        return self._per_searcher(searcher, "state", lambda: corpus_state(searcher.reader()))

    def known_provenance(self, searcher: Searcher) -> ProvenanceTable | None:
        """The provenance of the indexed corpus if already worked out for its current state (the
        saved file is read once per state, found or not, not on every search)."""
        key = self._corpus_state(searcher)
        with self._provenance_lock:  # else a miss read before a hand-over could overwrite it
            if self._provenance is None or self._provenance[0] != key:
                self._provenance = (key, cached_table(self._provenance_file(), key))
            return self._provenance[1]

    def provenance(self, searcher: Searcher) -> ProvenanceTable:
        """The provenance of the indexed corpus, worked out now (reading every article) if not known.

        Slow the first time on a large corpus (the whole reuse analysis); cached until the corpus changes.
        """
        with self._provenance_lock:
            table = self.known_provenance(searcher)
            if table is None:
                key = self._corpus_state(searcher)
                table = compute_table(self._provenance_file(), key, load_corpus(self._paths, Corrections()).articles)
                self._provenance = (key, table)
            return table

    def adopt_provenance(self, report: ReuseReport, articles: Sequence[Article]) -> None:
        """Take verdicts already worked out for these articles (the window's own analysis), so a
        `spun:` search never runs the corpus-wide analysis a second time, on a search thread."""
        with self._provenance_lock:
            searcher = self._searcher()
            if self.known_provenance(searcher) is None:
                key = self._corpus_state(searcher)
                self._provenance = (key, save_table(self._provenance_file(), key, report, articles))

    def close(self) -> None:
        """Close this thread's searcher (other threads close theirs, or they close on collection)."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None:
            searcher.close()
            self._local.searcher = self._local.derived = None

    def search(self, text: str, limit: int = 20, filters: SearchFilters | None = None,
               work_out_provenance: bool = True) -> SearchResults:
        """Articles matching `text`, best first, with highlights, passages, facets and problems.
        Without `work_out_provenance`, `spun:` and `copyof:` apply only once provenance is known
        (`adopt_provenance`); until then a problem says they were left out."""
        started = time.perf_counter()
        searcher = self._searcher()
        parsed, problems = parse(text, searcher, self._vocabulary())
        provenance = self.provenance if work_out_provenance else self.known_provenance
        table = functools.partial(provenance, searcher)
        parsed = resolve(parsed, table, problems)
        narrowing = _filter_query(filters, table, problems)
        matching = _narrowed(self._scorer(searcher).scores(parsed), searcher, narrowing)
        wanted = _wanted_terms(parsed, searcher.reader())
        hits = [_hit(searcher.stored_fields(docnum), score, wanted) for docnum, score in _best(matching, limit)]
        total = len(matching)
        facets = self._facet_table(searcher).counts(matching, self.known_provenance(searcher))
        suggestion = _suggestion(text, parsed, searcher, self._vocabulary()) if total == 0 else None
        return SearchResults(text, total, (time.perf_counter() - started) * 1000, hits, facets,
                             suggestion, problems)


def _filter_query(filters: SearchFilters | None, table: Callable[[], ProvenanceTable | None],
                  problems: list[QueryProblem]) -> wq.Query | None:
    """The facets chosen, as a query; the Spun facet resolves like a `spun:` term (`resolve`),
    so while provenance is not known it is left out and `problems` says so."""
    if filters is None:
        return None
    parts = _facet_filters(filters)
    if filters.spun is not None:
        parts.append(resolve(wq.Term("spun", "yes" if filters.spun else "no"), table, problems))
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
    for start, end, entity in fields.get("quote_spans", ()):
        spans += [(start + s, start + e) for s, e in wanted.spans("quote", text[start:end])]
        if entity in wanted.terms.get("speaker", ()):
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


def _finder_name(quote_finder: QuoteFinder | None) -> str | None:
    if quote_finder is None:
        return None
    return f"{quote_finder.__module__}.{quote_finder.__qualname__}"


def _open_as_is(location: Path, busy: store.IndexBusy, quotes: str | None) -> FileIndex:
    try:
        ix = store.open_existing(location, quotes)
    except store.DamagedIndex:
        ix = None
    if ix is None:
        raise busy
    return ix


def _update(paths: list[Path], location: Path, report: UpdateReport, preparation: Preparation,
            progress: Progress | None, cancel: threading.Event | None, workers: int | None) -> FileIndex:
    store.clear_leftovers(location)
    quotes = _finder_name(preparation.quote_finder)
    fingerprint = corpus_fingerprint([*paths, preparation.corrections.path])
    last_update = location.with_name(location.name + ".corpus.json")
    try:
        ix = store.open_existing(location, quotes)
    except store.DamagedIndex as damage:
        report.notices.append(f"The search index was rebuilt because {damage}.")
        ix = None
    saved = read_json(last_update, {})
    if ix is not None and saved.get("fingerprint") == fingerprint:
        report.errors.extend(LoadError(**error) for error in saved.get("errors", []))
        report.articles = report.unchanged = ix.doc_count()
        return ix
    ix = _bring_up_to_date(ix, paths, location, report, preparation, progress, cancel, workers)
    write_json_atomic(last_update, {"fingerprint": fingerprint, "errors": [error.as_json() for error in report.errors]})
    return ix


def _bring_up_to_date(ix: FileIndex | None, paths: list[Path], location: Path, report: UpdateReport,
                      preparation: Preparation, progress: Progress | None, cancel: threading.Event | None,
                      workers: int | None) -> FileIndex:
    """Index what is new or changed and drop what is gone; with no usable index, build one afresh."""
    sources, errors = discover(paths)
    report.errors.extend(errors)
    quotes = _finder_name(preparation.quote_finder)
    if ix is None:
        scratch = store.scratch_location(location)
        report.added = _write(store.create_empty(scratch, quotes), [], sources, report, preparation, progress, cancel,
                              workers)
        store.swap_in(scratch, location)
        report.rebuilt = bool(report.notices)
        ix = store.open_existing(location, quotes)
        report.articles = ix.doc_count()
        return ix
    versions = source_versions(sources, location.with_name(location.name + ".files.json"), preparation.version)
    indexed = indexed_versions(ix)
    current = {source.article_id for source in sources}
    removed = [article_id for article_id in indexed if article_id not in current]
    changed = [s for s in sources if s.article_id in indexed and indexed[s.article_id] != versions.get(s.article_id)]
    added = [s for s in sources if s.article_id not in indexed]
    report.unchanged = len(indexed) - len(removed) - len(changed)
    if removed or changed or added:
        _write(ix, removed + [s.article_id for s in changed], changed + added, report, preparation,
               progress, cancel, workers)
        report.removed, report.changed, report.added = len(removed), len(changed), len(added)
        ix = store.open_existing(location, quotes)
    report.articles = ix.doc_count()
    return ix


def _write(ix: FileIndex, deletions: list[str], sources: list[Source], report: UpdateReport,
           preparation: Preparation, progress: Progress | None, cancel: threading.Event | None,
           workers: int | None) -> int:
    """Delete `deletions`, add `sources`, commit once; on cancel or error nothing is committed."""
    writer = ix.writer(limitmb=WRITER_MB)
    written = 0
    words: set[str] = set()
    try:
        for article_id in deletions:
            writer.delete_by_term("id", article_id)
        for done, document in enumerate(_prepared(sources, preparation, workers), start=1):
            if cancel is not None and cancel.is_set():
                raise IndexCancelled("indexing was cancelled; the index is unchanged")
            if isinstance(document, LoadError):
                report.errors.append(document)
            else:
                writer.add_document(**document.fields)
                words |= document.words
                written += 1
            if progress is not None:
                progress(done, len(sources))
        save_vocabulary(Path(ix.storage.folder), words)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return written


def _prepare_batch(sources: list[Source], preparation: Preparation) -> list[PreparedArticle | LoadError]:
    return [prepare_document(source, preparation) for source in sources]


def _prepared(sources: list[Source], preparation: Preparation,
              workers: int | None) -> Iterator[PreparedArticle | LoadError]:
    """Prepared documents in source order; a process pool does the work when there is enough of it."""
    workers = default_workers() if workers is None else workers
    if workers < 1 or len(sources) < POOL_THRESHOLD:
        for source in sources:
            yield prepare_document(source, preparation)
        return
    batches = [sources[i:i + BATCH] for i in range(0, len(sources), BATCH)]
    pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
    try:
        pending = deque(pool.submit(_prepare_batch, batch, preparation) for batch in batches[:IN_FLIGHT])
        for batch in batches[IN_FLIGHT:] + [None] * len(pending):
            documents = pending.popleft().result()
            if batch is not None:
                pending.append(pool.submit(_prepare_batch, batch, preparation))
            yield from documents
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
