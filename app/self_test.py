"""The Qt-free half of `corroborate --self-test`: does this installation really work?

A frozen build can start and still be broken: a data file left out, a module PyInstaller
did not see, a worker process that re-launches the whole app. Each feature therefore
contributes one small check that exercises it for real on the bundled sample; the check
returns a short detail line when the feature works and raises when it does not. Checks
import their libraries themselves, so a library missing from a build fails its own check
and the others still report.

A feature adds its check by appending a `Check` to `CHECKS` (Qt-free) or, if it needs Qt,
to `app.window_self_test.QT_CHECKS`; `app.window_self_test` runs these in a worker process alongside the Qt ones.
"""
from __future__ import annotations

import concurrent.futures
import functools
import multiprocessing
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from reader.articles.corpus import discover, load_corpus, load_source
from reader.articles.model import Article
from resources import sample_dir

# The bundled sample: five articles, three of which carry a date stamp (see its manifest).
SAMPLE_ARTICLES = 5
SAMPLE_DATED = 3


class SelfTestFailure(Exception):
    """A check found the feature present but wrong."""


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], str]


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    seconds: float
    detail: str

    def line(self) -> str:
        mark = "✓" if self.passed else "✗"
        return f"{mark} {self.name}: {self.detail} ({self.seconds * 1000:.0f} ms)"


def require(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def sample_articles() -> list[Article]:
    return list(_loaded_sample(sample_dir()))


@functools.cache
def _loaded_sample(folder: Path) -> tuple[Article, ...]:
    """Loaded once per folder: every check reads the same sample, and loading it again for
    each was a tenth of the self-test's work. A failed load is not cached."""
    corpus = load_corpus([folder])
    if corpus.errors:
        raise SelfTestFailure(f"{len(corpus.errors)} sample files failed to load: {corpus.errors[0]}")
    return tuple(corpus.articles)


def check_sample_articles() -> str:
    articles = sample_articles()
    require(len(articles) == SAMPLE_ARTICLES, f"{len(articles)} sample articles, expected {SAMPLE_ARTICLES}")
    dates = sorted(article.date for article in articles if article.date is not None)
    require(len(dates) == SAMPLE_DATED, f"{len(dates)} sample articles dated, expected {SAMPLE_DATED}")
    require(all(article.sentences for article in articles), "an article has no sentences")
    return f"{len(articles)} articles, {len(dates)} dated {dates[0]}…{dates[-1]}"


def check_parallel_loading() -> str:
    """Loads the sample in a worker process started the way the app starts its workers (the
    platform's default: fork on Linux, spawn on Windows and macOS, where a frozen build
    without freeze_support() would start a second app instead of a worker)."""
    sources, errors = discover([sample_dir()])
    require(not errors, f"the sample folder could not be read: {errors}")
    context = multiprocessing.get_context()
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        articles = [article for loaded in pool.map(load_source, sources) for article in loaded.articles]
    expected = {article.id: article.text for article in sample_articles()}
    require({article.id: article.text for article in articles} == expected,
            "the worker's articles differ from those loaded in the app")
    return f"{len(articles)} articles loaded in a worker process ({context.get_start_method()})"


def check_html_article() -> str:
    """Extracts a dated sample article from HTML: proves trafilatura and lxml are bundled."""
    from html import escape

    from reader.articles.formats import read_document

    article = next(article for article in sample_articles() if article.date is not None)
    paragraphs = [article.span_text(span) for span in article.paragraphs]
    page = (
        f'<html><head><title>Sample</title><meta property="article:published_time" '
        f'content="{article.date.isoformat()}"></head><body><article><h1>Sample</h1>'
        + "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
        + "</article><script>var tracker = 1;</script></body></html>"
    )
    document = read_document("html", page.encode("utf-8"))
    longest = " ".join(max(paragraphs, key=len).split())
    require(longest in " ".join(document.text.split()), "the article's longest paragraph was not extracted")
    require("tracker" not in document.text, "script text leaked into the article")
    require(document.date == article.date, f"date read as {document.date}, expected {article.date}")
    return f"{len(document.text)} characters, dated {document.date}"


def check_exports_and_archives() -> str:
    """Splits a two-article Nexis RTF export, reads a WARC capture and names a site from its
    address: proves striprtf, warcio and tld's Public Suffix List are bundled."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from reader.articles.formats import read_contents

    article = next(article for article in sample_articles() if article.date is not None)
    body = [article.span_text(span) for span in article.paragraphs[:2]]
    lines = [line for number in (1, 2) for line in
             (f"Sample {number}", "Sample Outlet", "May 31, 2023 Wednesday", "Copyright 2023 Sample Outlet",
              "Length: 100 words", "Body", *body, "Load-Date: June 1, 2023", "End of Document")]
    rtf = "{\\rtf1\\ansi " + "".join(f"{line.encode('ascii', 'replace').decode()}\\par\n" for line in lines) + "}"
    export = read_contents("rtf", rtf.encode("ascii"))
    require([document.title for document in export.documents] == ["Sample 1", "Sample 2"],
            f"the RTF export split into {len(export.documents)} articles, expected 2: {export.unreadable}")
    buffer = io.BytesIO()
    page = f"<html><body><article><h1>Sample</h1>{''.join(f'<p>{line}</p>' for line in body)}</article></body></html>"
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warc_record(
        "https://sample.example/a", "response", payload=io.BytesIO(page.encode("utf-8")),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")))
    [capture] = read_contents("warc", buffer.getvalue()).documents
    require(capture.url == "https://sample.example/a" and capture.place is not None, "the WARC capture lost its URL")
    from reader.articles.headers import outlet_from_address

    site = outlet_from_address("https://www.bbc.co.uk/news/articles/a")
    require(site == "BBC", f"www.bbc.co.uk was named {site!r}, expected 'BBC': tld's Public Suffix List is missing")
    return f"2 articles from an RTF export, 1 capture from a WARC ({capture.place.captured_at:%Y-%m-%d})"


def check_quotes() -> str:
    """Finds the sample's quotes with the bundled speaker registry: every default party must
    be quoted somewhere, and every quote must be the exact span of its article's text."""
    from reader.quotes.finder import find_quotes
    from reader.quotes.speakers import load_registry

    registry = load_registry()
    if registry.problems:
        raise SelfTestFailure(f"the speaker registry has problems: {registry.problems[0]}")
    parties = {party.id for party in registry.parties}
    quoted: set[str] = set()
    count = 0
    for article in sample_articles():
        for quote in find_quotes(article, registry):
            require(article.text[quote.start:quote.end] == quote.text, f"quote {quote.id} is not a span of its text")
            quoted.add(quote.entity)
            count += 1
    require(parties <= quoted, f"no quote attributed to {sorted(parties - quoted)}")
    return f"{count} quotes; {', '.join(sorted(parties))} all quoted"


def check_diff() -> str:
    """Compares the spun sample article with its text with the spin undone: the word diff
    must find exactly the spun word, every time, as spans into both texts."""
    from reader.compare.diff import compare_texts

    spun = next(article for article in sample_articles() if "cardinal" in article.text)
    restored = spun.text.replace("cardinal", "million")
    comparison = compare_texts(spun.text, restored)
    pairs = {(spun.text[c.a[0]:c.a[1]], restored[c.b[0]:c.b[1]]) for c in comparison.changes}
    require(pairs == {("cardinal", "million")}, f"the diff saw {sorted(pairs)}")
    expected = spun.text.count("cardinal")
    require(len(comparison.changes) == expected, f"{len(comparison.changes)} changes, expected {expected}")
    return f"{expected} spun words found in {spun.id[:3]}"


def check_facts() -> str:
    """Aligns the sample's sentences into facts with quotes feeding attribution: some fact must
    be reported by several outlets, some must carry a discrepancy, and members must be exact spans."""
    from reader.analysis.pipeline import analyse_corpus

    articles = sample_articles()
    by_id = {article.id: article for article in articles}
    facts = analyse_corpus(articles).facts
    for fact in facts:
        for member in fact.members:
            article = by_id[member.article_id]
            require(article.text[member.start:member.end] == member.text, f"{fact.id} member is not a span")
    shared = [fact for fact in facts if len(fact.members) >= 3]
    disputed = [fact for fact in facts if fact.discrepancies]
    require(bool(shared), "no fact is reported by three outlets")
    require(bool(disputed), "no discrepancy found in the sample")
    return f"{len(facts)} facts, {len(shared)} told by 3+ outlets, {len(disputed)} with discrepancies"


def check_search() -> str:
    """Builds Corroborate's own index of the sample (quotes included) in the self-test's temp
    cache and queries it: a phrase, a party's quotes, and highlight offsets that point at the words."""
    from app.cli.index import open_index

    articles = {article.id: article for article in sample_articles()}
    corpus_index = open_index([sample_dir()])
    try:
        phrase = corpus_index.search('"federal trade commission"')
        ring = corpus_index.search("speaker:ring")
    finally:
        corpus_index.close()
    require(phrase.total > 0 and ring.total > 0, f"{phrase.total} phrase hits, {ring.total} speaker:ring hits")
    for hit in phrase.hits:
        for start, end in hit.highlights:
            word = articles[hit.id].text[start:end].lower()
            require(word in {"federal", "trade", "commission"}, f"highlight {start}-{end} points at {word!r}")
    return f"{phrase.total} articles name the FTC in full, {ring.total} quote Ring"


CHECKS: list[Check] = [
    Check("sample articles load with dates", check_sample_articles),
    Check("search index with quotes, offsets and fields", check_search),
    Check("facts aligned across outlets with discrepancies", check_facts),
    Check("quotes found and attributed to every party", check_quotes),
    Check("parallel loading in a worker process", check_parallel_loading),
    Check("HTML article extracts with its date", check_html_article),
    Check("news-database export and web archive read", check_exports_and_archives),
    Check("word diff finds the spun words", check_diff),
]
"""The index and facts come first: built in the self-test's cache while the window's process is
still starting Qt, they are there for the window to open, as on a researcher's second launch."""


def run_checks(checks: list[Check], report: Callable[[CheckResult], None]) -> list[CheckResult]:
    """Runs every check even after a failure, so one run names everything that is broken."""
    results = []
    for check in checks:
        start = time.perf_counter()
        try:
            detail, passed = check.run(), True
        except Exception as error:  # the self-test reports every failure as one line
            detail, passed = f"{error.__class__.__name__}: {error}", False
        result = CheckResult(check.name, passed, time.perf_counter() - start, detail)
        report(result)
        results.append(result)
    return results

