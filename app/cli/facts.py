"""`corroborate facts`: the facts outlets share, who leaves each out, and where they disagree."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import add_corpus_arguments, emit_json, emit_text, load_named_corpus
from reader.facts.finder import fact_matrix, fact_matrix_csv, find_facts
from reader.facts.summary import summarise
from reader.quotes.finder import find_quotes


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
    quotes = {} if args.no_quotes else {article.id: find_quotes(article) for article in corpus.articles}
    facts = find_facts(corpus.articles, quotes)
    if args.json:
        emit_json({"summary": summarise(facts, corpus.articles).as_json(),
                   "facts": [fact.as_json() for fact in facts]})
    elif args.csv:
        if sys.stdout is not None:
            sys.stdout.buffer.write(fact_matrix_csv(fact_matrix(facts, corpus.articles)).encode("utf-8"))
            sys.stdout.flush()
    else:
        labels = {article.id: article.display_label for article in corpus.articles}
        emit_text(summarise(facts, corpus.articles).text())
        for fact in facts:
            emit_text(f"{fact.id}\t{fact.label}\t{len(fact.members)} outlets"
                      + (f"\tnot reported by: {', '.join(labels[item] for item in fact.missing_from)}"
                         if fact.missing_from else ""))
            for item in fact.discrepancies:
                emit_text(f"\t{item.grade if item.kind != 'attribution' else 'attribution'}: {item.detail}")
    return 0
