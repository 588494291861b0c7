"""`corroborate reuse`: which articles are copies of one another, and which were synonym-spun."""
from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import add_corpus_arguments, analysed, emit_json, emit_text, load_named_corpus
from reader.provenance.copies import INDEPENDENT


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "reuse", help="find near-duplicates, syndicated copies and synonym-spun copies")
    add_corpus_arguments(parser)
    parser.add_argument("--independent", action="store_true",
                        help="also list candidate pairs that turned out to be independent reports")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corpus = load_named_corpus(args.paths)
    report = analysed(corpus, with_facts=False).provenance
    if args.json:
        emit_json(report.as_json(include_independent=args.independent))
        return 0
    for item in report.articles:
        strongest = sorted((sub for sub in item.spin.substitutions if sub.weight > 0), key=lambda sub: -sub.weight)
        shown = list(dict.fromkeys(f"{sub.text}\u2190{sub.original}" for sub in strongest))[:8]
        verdict = f"SPUN (score {item.spin.score:.2f}): {', '.join(shown)}" if item.spin.spun \
            else f"not spun (score {item.spin.score:.2f})"
        sources = ""
        if item.spun_from:
            sources = f"; spun from {', '.join(item.spun_from)}"
        if item.copy_of:
            sources += f"; copy of {', '.join(item.copy_of)}"
        if item.primary:
            copies = ", ".join(f"{copy} ({share:.0%})" for copy, share in item.reproduced_by)
            sources += f"; {item.primary}" + (f" reproduced by {copies}" if copies else "")
        emit_text(f"{item.article_id}\t{verdict}{sources}")
    for pair in report.pairs:
        if pair.kind == INDEPENDENT and not args.independent:
            continue
        source = f"source {pair.source} ({pair.reason})" if pair.source else pair.reason
        shared = (f"\t{pair.copied_a:.0%} of {pair.a}, {pair.copied_b:.0%} of {pair.b} "
                  f"in {len(pair.passages)} shared passage{'s' if len(pair.passages) != 1 else ''}" if pair.passages else "")
        emit_text(f"{pair.a} ~ {pair.b}\t{pair.kind}\tsimilarity {pair.similarity:.2f}{shared}\t{source}")
    sources = report.independent_sources([item.article_id for item in report.articles])
    emit_text(f"{len(report.articles)} articles from {len(sources)} independent sources")
    if not any(pair.kind != "independent" for pair in report.pairs):
        emit_text(f"no copies among {len(report.articles)} articles ({report.candidates} candidate pairs checked)")
    return 0
