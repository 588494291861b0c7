"""`corroborate articles`: the article model of each article (an export holds several), as JSON or a summary table."""
from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import add_corpus_arguments, corpus_paths, emit_json, emit_text, warn
from reader.articles.corpus import load_corpus


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("articles", help="load articles and show their text model")
    add_corpus_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Not `load_named_corpus`: with --json the unreadable files are part of the answer ("errors").
    corpus = load_corpus(corpus_paths(args.paths))
    if args.json:
        emit_json({
            "articles": [article.as_json() for article in corpus.articles],
            "errors": [error.as_json() for error in corpus.errors],
        })
    else:
        for article in corpus.articles:
            date = article.date.isoformat() if article.date else "date unknown"
            place = f"document {article.place.describe()}\t" if article.place else ""
            emit_text(f"{article.id}\t{date}\t{article.display_label}\t{place}"
                      f"{len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences")
        for error in corpus.errors:
            warn(f"{error.path}: {error.error}")
    return 0
