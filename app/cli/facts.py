"""`corroborate facts`: the facts outlets share, who leaves each out, and where they disagree."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import add_corpus_arguments, analysed, emit_json, emit_text, load_named_corpus
from reader.analysis.steps import corpus_facts
from reader.facts.finder import fact_matrix, fact_matrix_csv


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("facts", help="align the sentences in which outlets state the same fact")
    add_corpus_arguments(parser)
    parser.add_argument("--csv", action="store_true",
                        help="print the fact matrix (facts × articles) as CSV")
    parser.add_argument("--no-quotes", action="store_true",
                        help="skip finding quotes (no attribution discrepancies; faster on large corpora)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corpus = load_named_corpus(args.paths)
    if args.no_quotes:
        facts, summary = corpus_facts(corpus.articles, {})
    else:
        analysis = analysed(corpus)
        facts, summary = analysis.facts, analysis.fact_summary
    if args.json:
        emit_json({"summary": summary.as_json(), "facts": [fact.as_json() for fact in facts]})
    elif args.csv:
        if sys.stdout is not None:
            sys.stdout.buffer.write(fact_matrix_csv(fact_matrix(facts, corpus.articles)).encode("utf-8"))
            sys.stdout.flush()
    else:
        labels = {article.id: article.display_label for article in corpus.articles}
        emit_text(summary.text())
        for fact in facts:
            emit_text(f"{fact.id}\t{fact.label}\t{len(fact.members)} outlets"
                      + (f"\tnot reported by: {', '.join(labels[item] for item in fact.missing_from)}"
                         if fact.missing_from else ""))
            for item in fact.discrepancies:
                emit_text(f"\t{item.grade if item.kind != 'attribution' else 'attribution'}: {item.detail}")
    return 0
