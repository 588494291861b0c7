"""`corroborate revisions`: articles seen in more than one version, each step word-diffed with its time."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import add_corpus_arguments, emit_json, emit_text, load_named_corpus
from reader.record.revisions import VersionMarks, revision_histories


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("revisions", help="versions of one article (same address, archive captures, "
                                                     "or files marked as versions) as a revision history")
    add_corpus_arguments(parser)
    parser.add_argument("--mark", nargs="+", type=Path, metavar="FILE",
                        help="remember these files as versions of one article (kept in the data folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    marks = VersionMarks()
    if args.mark:
        marks.mark([str(path) for path in args.mark])
    corpus = load_named_corpus(args.paths or args.mark or [])
    histories = revision_histories(corpus.articles, marks)
    if args.json:
        emit_json({"revisions": [history.as_json() for history in histories]})
        return 0
    for history in histories:
        emit_text(history.address)
        for version in history.versions:
            when = version.time.isoformat(sep=" ") if version.time else "time unknown"
            emit_text(f"\t{when}\t{version.article.id}\t({version.time_source})")
        for step in history.steps:
            verdict = "STEALTH EDIT" if step.stealth else "; ".join(step.notices) or "unchanged text"
            emit_text(f"\t{step.before.article.id} → {step.after.article.id}: "
                      f"{len(step.comparison.changes)} changes; {verdict}")
            for change in step.comparison.changes:
                was = " ".join(step.comparison.a_text[change.a[0]:change.a[1]].split())
                now = " ".join(step.comparison.b_text[change.b[0]:change.b[1]].split())
                emit_text(f"\t\t{change.kind}: “{was}” → “{now}”")
    if not histories:
        emit_text(f"no article in more than one version among {len(corpus.articles)} articles")
    return 0
