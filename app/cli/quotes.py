"""`corroborate quotes`: every direct quote with its speaker and party, as JSON or a table."""
from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import add_corpus_arguments, analysed, emit_json, emit_text, load_named_corpus, warn
from reader.articles.model import Article
from reader.quotes.finder import Quote
from reader.quotes.speakers import load_registry
from reader.record.quote_compare import compare_quotations


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("quotes", help="find direct quotes and attribute them to speakers and parties")
    add_corpus_arguments(parser)
    parser.add_argument("--party", metavar="ID",
                        help="only quotes attributed to this party (an id the corpus's parties list, e.g. ftc)")
    parser.add_argument("--compare", action="store_true",
                        help="group each quotation as every outlet printed it; flag misquotes and misattributions")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    registry = load_registry()
    for problem in registry.problems:
        warn(f"speakers: {problem}")
    corpus = load_named_corpus(args.paths)
    analysis = analysed(corpus, with_facts=False)
    by_article, book = analysis.quotes, analysis.parties
    if args.party and args.party not in {party.id for party in book.parties}:
        known = ", ".join(party.id for party in book.parties)
        warn(f"unknown party {args.party!r}; the corpus's parties: {known}")
        return 2
    rows = [(article, quote) for article in corpus.articles for quote in by_article[article.id]
            if args.party is None or quote.entity == args.party]
    if args.compare:
        return _compare(rows, args.json)
    if args.json:
        emit_json({"quotes": [_row(article.path, quote.as_json()) for article, quote in rows],
                   "parties": [{**party.as_json(), "underline": book.style(party.id).underline}
                               for party in book.parties]})
    else:
        for article, quote in rows:
            speaker = quote.speaker_name or "(no speaker)"
            party = quote.entity or "-"
            emit_text(f"{article.id}\t{quote.start}-{quote.end}\t{quote.kind}\t{party}\t{speaker}\t"
                      f"“{_shorten(quote.text)}”")
    return 0


def _compare(rows: list[tuple[Article, Quote]], as_json: bool) -> int:
    by_article: dict[str, tuple[Article, list[Quote]]] = {}
    for article, quote in rows:
        by_article.setdefault(article.id, (article, []))[1].append(quote)
    groups = compare_quotations(list(by_article.values()))
    if as_json:
        emit_json({"quotations": [group.as_json() for group in groups]})
        return 0
    for group in groups:
        emit_text(f"{group.id}\t{group.speaker or '(no speaker)'}\t{len(group.printings)} printings\t"
                  f"“{_shorten(group.reference.quote.text)}”")
        for misquote in group.misquotes:
            emit_text(f"\tMISQUOTE {misquote.other.article.display_label} vs "
                      f"{misquote.reference.article.display_label}: "
                      + "; ".join(f"“{a}” → “{b}”" for a, b in misquote.wordings()))
            emit_text(f"\t\t{misquote.reference.citation}\n\t\t{misquote.other.citation}")
        for conflict in group.misattributions:
            emit_text(f"\tMISATTRIBUTED ({conflict.kind}): " + "; ".join(
                f"{item.article.display_label}: {item.quote.speaker_name or '-'} ({item.quote.entity or 'no party'})"
                for item in conflict.printings))
    flagged = sum(group.flagged for group in groups)
    emit_text(f"{len(groups)} quotations printed by more than one article; {flagged} flagged")
    return 0


def _row(path: str, quote: dict[str, Any]) -> dict[str, Any]:
    """The issue's key order: id, path, then the quote's own fields."""
    return {"id": quote.pop("id"), "path": path, **quote}


def _shorten(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
