"""`corroborate overview`: the story at a glance, as the window's first view shows it."""
from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import add_corpus_arguments, emit_json, emit_text, load_named_corpus


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("overview", help="outlets with their copies, facts with conflicts first, parties")
    add_corpus_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.analysis.overview import story_overview
    from reader.analysis.pipeline import analyse_corpus
    from reader.analysis.processes import stop_processes

    corpus = load_named_corpus(args.paths)
    try:
        analysis = analyse_corpus(corpus.articles)
    finally:
        stop_processes()
    overview = story_overview(analysis)
    if args.json:
        emit_json({"summary": analysis.fact_summary.as_json(), **overview.as_json()})
        return 0
    labels = {article.id: article.display_label for article in corpus.articles}
    emit_text(f"{len(corpus.articles)} articles from {len(overview.sources)} independent accounts")
    for group in overview.sources:
        copies = f" (copied by {', '.join(labels[copy] for copy in group.copies)})" if group.copies else ""
        emit_text(f"  {labels[group.source]}{copies}")
    emit_text(analysis.fact_summary.text())
    for line in overview.facts:
        disputes = ", ".join(f"{count} {grade}" for count, grade in
                             ((line.conflicts, "conflict"), (line.imprecisions, "imprecision")) if count)
        emit_text(f"  {line.fact.id}\t{line.outlets} outlets, {line.sources} independent\t{line.fact.label}"
                  + (f"\t{disputes}" if disputes else ""))
    emit_text("Parties quoted: " + (", ".join(f"{line.name} ({line.quotes})" for line in overview.parties) or "none"))
    return 0
