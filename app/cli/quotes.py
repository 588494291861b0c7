"""`corroborate quotes`: every direct quote with its speaker and party, as JSON or a table."""
from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import add_corpus_arguments, emit_json, emit_text, load_named_corpus, warn
from reader.quotes.finder import find_quotes
from reader.quotes.speakers import load_registry


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("quotes", help="find direct quotes and attribute them to speakers and parties")
    add_corpus_arguments(parser)
    parser.add_argument("--party", metavar="ID", help="only quotes attributed to this party (e.g. amazon, ftc)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    registry = load_registry()
    for problem in registry.problems:
        warn(f"speakers: {problem}")
    if args.party and args.party not in {party.id for party in registry.parties}:
        known = ", ".join(party.id for party in registry.parties)
        warn(f"unknown party {args.party!r}; known parties: {known}")
        return 2
    corpus = load_named_corpus(args.paths)
    rows = []
    for article in corpus.articles:
        for quote in find_quotes(article, registry):
            if args.party is None or quote.entity == args.party:
                rows.append((article, quote))
    if args.json:
        emit_json({"quotes": [_row(article.path, quote.as_json()) for article, quote in rows]})
    else:
        for article, quote in rows:
            speaker = quote.speaker_name or "(no speaker)"
            party = quote.entity or "-"
            emit_text(f"{article.id}\t{quote.start}-{quote.end}\t{quote.kind}\t{party}\t{speaker}\t"
                      f"“{_shorten(quote.text)}”")
    return 0


def _row(path: str, quote: dict[str, Any]) -> dict[str, Any]:
    """The issue's key order: id, path, then the quote's own fields."""
    return {"id": quote.pop("id"), "path": path, **quote}


def _shorten(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
