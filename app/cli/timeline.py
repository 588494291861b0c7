"""`corroborate timeline`: per fact, which outlet stated it when, who first, and who copied whom."""
from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import add_corpus_arguments, emit_json, emit_text, load_named_corpus
from reader.analysis.pipeline import analyse_corpus
from reader.record.timeline import fact_timelines


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("timeline", help="per fact: who reported it when, who first, who copied")
    add_corpus_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corpus = load_named_corpus(args.paths)
    analysis = analyse_corpus(corpus.articles)
    timelines = fact_timelines(analysis.facts or [], corpus.articles, analysis.provenance)
    if args.json:
        emit_json({"timelines": [timeline.as_json() for timeline in timelines]})
        return 0
    for timeline in timelines:
        emit_text(f"{timeline.fact_id}\t{timeline.label}")
        for account in timeline.accounts:
            when = account.time.date().isoformat() if account.time else "undated"
            notes = (" FIRST" if account.first else "") + \
                (f" copy of {', '.join(account.copy_of)}" if account.copy_of else "")
            emit_text(f"\t{when}\t{account.article.display_label} ({account.article.id}){notes}")
    return 0
