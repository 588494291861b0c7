"""`corroborate export {compare,facts,quotes,record}`: reports a researcher can file.

The format follows `--format` or the output file's extension. PDF is drawn by Qt's own PDF
writer (offscreen, no display needed); nothing is overwritten without `--force`.
"""
from __future__ import annotations

import argparse
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.cli.output import analysed, emit_text, fail, load_named_corpus
from reader.articles.corpus import Corpus
from reader.export import FORMATS, ExportError, Report, write_export


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export", help="export a comparison, the fact matrix, the quotes list or the research record")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    compare = kinds.add_parser("compare", help="a redline of two articles, or of one fact across outlets")
    compare.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                         help="two article files, or with --fact the corpus (default: the sample)")
    compare.add_argument("--fact", metavar="ID", help="compare one fact's sentences across outlets (e.g. F3)")
    compare.add_argument("--base", metavar="ARTICLE", help="with --fact: the article id the others are compared to")
    facts = kinds.add_parser("facts", help="the fact matrix with its discrepancies")
    facts.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="article files or folders")
    quotes = kinds.add_parser("quotes", help="every quote with speaker, party and citation")
    quotes.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="article files or folders")
    quotes.add_argument("--party", metavar="ID", help="only quotes attributed to this party")
    record = kinds.add_parser("record", help="the research record: notes, misquotes, conflicts, revisions, "
                                             "who reported first, every item cited")
    record.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="article files or folders")
    for kind in (compare, facts, quotes, record):
        kind.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="where to write")
        kind.add_argument("--format", choices=FORMATS, help="pdf, html, csv, json or docx (default: from FILE)")
        kind.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
        kind.add_argument("--include-boilerplate", action="store_true",
                          help="keep advertisements, link lines and stamps in comparisons")
        kind.set_defaults(run=run)


def _format(args: argparse.Namespace) -> str:
    fmt = args.format or args.output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(f"cannot tell the format from {args.output.name!r}; pass --format ({', '.join(FORMATS)})")
    return fmt


def _corpus_label(paths: list[Path]) -> str:
    return ", ".join(str(path) for path in paths) if paths else "bundled sample corpus"


def _load(paths: list[Path]) -> Corpus:
    """Loaded once per command (the notes added to a report need the articles again)."""
    return _load_once(tuple(paths))


@lru_cache(maxsize=1)
def _load_once(paths: tuple[Path, ...]) -> Corpus:
    corpus = load_named_corpus(list(paths))
    if not corpus.articles:
        raise ExportError("no readable articles to export")
    return corpus


def _quotes_report(args: argparse.Namespace) -> Report:
    from reader.export.quotes import quotes_report

    corpus = _load(args.paths)
    analysis = analysed(corpus, with_facts=False)
    by_article, book = analysis.quotes, analysis.parties
    if args.party and args.party not in {party.id for party in book.parties}:
        raise ExportError(f"unknown party {args.party!r}; known: {', '.join(p.id for p in book.parties)}")
    pairs = [(article, quote) for article in corpus.articles for quote in by_article[article.id]
             if args.party is None or quote.entity == args.party]
    return quotes_report(pairs, corpus.articles, _corpus_label(args.paths), book)


def _compare_report(args: argparse.Namespace) -> Report:
    from reader.compare.diff import compare_articles
    from reader.export.compare import compare_report

    if args.fact:
        return _fact_compare_report(args)
    if len(args.paths) != 2:
        raise ExportError("give two article files to compare, or --fact ID to compare one fact across outlets")
    corpus = _load(args.paths)
    if len(corpus.articles) != 2:
        raise ExportError("both files must be readable articles")
    a, b = corpus.articles
    return compare_report([compare_articles(a, b)], {a.id: a, b.id: b}, _corpus_label(args.paths),
                          f"Comparison: {a.display_label} and {b.display_label}", args.include_boilerplate)


def _facts(corpus: Corpus) -> list[Any]:
    return analysed(corpus).facts


def _fact_compare_report(args: argparse.Namespace) -> Report:
    from reader.compare.diff import collate
    from reader.export.compare import compare_report

    corpus = _load(args.paths)
    facts = {fact.id: fact for fact in _facts(corpus)}
    if args.fact not in facts:
        raise ExportError(f"no fact {args.fact!r}; this corpus has {', '.join(facts) or 'no facts'}")
    fact = facts[args.fact]
    by_id = {article.id: article for article in corpus.articles}
    members = [(by_id[member.article_id], (member.start, member.end)) for member in fact.members]
    ids = [member.article_id for member in fact.members]
    if args.base and args.base not in ids:
        raise ExportError(f"{args.base!r} does not report {fact.id}; its outlets are {', '.join(ids)}")
    collation = collate(members, ids.index(args.base) if args.base else 0)
    return compare_report(list(collation.comparisons.values()), by_id, _corpus_label(args.paths),
                          f"Fact {fact.id} across outlets: {fact.label}")


def _facts_report(args: argparse.Namespace) -> Report:
    from reader.export.facts import facts_report

    corpus = _load(args.paths)
    return facts_report([fact.as_json() for fact in _facts(corpus)], corpus.articles, _corpus_label(args.paths))


def _record_report(args: argparse.Namespace) -> Report:
    from reader.analysis.pipeline import analyse_corpus
    from reader.export.record import record_report
    from reader.record.gather import gather_record
    from reader.record.notes import NoteBook, NotesError
    from reader.record.revisions import VersionMarks

    corpus = _load(args.paths)
    try:
        book = NoteBook.open()
    except NotesError as error:
        raise ExportError(str(error)) from None
    record = gather_record(analyse_corpus(corpus.articles), book, VersionMarks())
    return record_report(record, corpus.articles, _corpus_label(args.paths))


def _with_notes(report: Report, articles: list[Any]) -> Report:
    """The researcher's notes on the report's articles, with their citations, at its end."""
    from reader.export.record import with_notes
    from reader.record.notes import NoteBook, NotesError

    try:
        book = NoteBook.open()
    except NotesError as error:
        raise ExportError(str(error)) from None
    shown = {item["id"] for item in report.info["articles"]}
    notes = list(dict.fromkeys(note for article in articles if article.id in shown
                               for note in book.for_article(article)))
    return with_notes(report, notes, articles)


def run(args: argparse.Namespace) -> int:
    builders = {"compare": _compare_report, "facts": _facts_report, "quotes": _quotes_report,
                "record": _record_report}
    _load_once.cache_clear()  # a new command reads the files afresh (tests run several in one process)
    try:
        fmt = _format(args)
        report = builders[args.kind](args)
        if args.kind != "record":
            report = _with_notes(report, _load(args.paths).articles)
        if fmt == "pdf":
            from ui.pdf_export import pdf_bytes

            data = pdf_bytes(report)
        else:
            data = report.as_bytes(fmt)
        write_export(args.output, data, args.force)
    except ExportError as error:
        return fail(str(error))
    emit_text(f"wrote {args.output} ({fmt}, {len(report.rows)} rows)")
    return 0
