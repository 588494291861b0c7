"""`corroborate index`: build or bring up to date the search index of a corpus, and say what changed."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import add_corpus_arguments, corpus_paths, emit_json, emit_text, fail, warn
from index import CorpusIndex, IndexBusy


def open_index(paths: list[Path]) -> CorpusIndex:
    """The corpus's index: as it stands when no file changed since its last update; else the
    corpus is loaded, analysed (from the analysis store wherever it can be) and indexed."""
    from reader.analysis.pipeline import analyse_corpus
    from reader.analysis.processes import stop_processes
    from reader.articles.corpus import load_corpus

    current = CorpusIndex.open_current(paths)
    if current is not None:
        return current
    corpus = load_corpus(paths)
    try:
        analysis = analyse_corpus(corpus.articles, with_facts=False)
        return CorpusIndex.update(paths, analysis, errors=corpus.errors)
    finally:
        stop_processes()


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
