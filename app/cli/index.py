"""`corroborate index`: build or bring up to date the search index of a corpus, and say what changed."""
from __future__ import annotations

import argparse
from typing import Any

from pathlib import Path

from index import CorpusIndex, IndexBusy
from app.cli.output import add_corpus_arguments, corpus_paths, emit_json, emit_text, fail, warn
from reader.quotes.finder import find_quotes


def open_index(paths: list[Path], **options: Any) -> CorpusIndex:
    """The corpus index as Corroborate uses it: `speaker:` and `quote:` filled by `reader.quotes.finder`."""
    return CorpusIndex.open(paths, quote_finder=find_quotes, **options)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("index", help="build or update the search index of a corpus")
    add_corpus_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        corpus_index = open_index(corpus_paths(args.paths))
    except IndexBusy as busy:
        return fail(str(busy))
    report = corpus_index.report
    corpus_index.close()
    if args.json:
        emit_json({**report.as_json(), "index": str(corpus_index.location)})
        return 0
    for notice in report.notices:
        warn(notice)
    for error in report.errors:
        warn(f"{error.path}: {error.error}")
    emit_text(f"{report.articles} articles indexed in {report.seconds:.2f} s "
              f"({report.added} added, {report.changed} changed, {report.removed} removed, "
              f"{report.unchanged} unchanged)")
    return 0
