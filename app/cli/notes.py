"""`corroborate notes`: the researcher's notes on sentences, quotes, facts, discrepancies and copies.

Notes are kept in the data folder. Undo and redo are the window's (a command line has no
session to undo within): here a note is added, edited, deleted, listed or searched.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import analysed, emit_json, emit_text, fail, load_named_corpus
from reader.articles.corpus import Corpus
from reader.articles.model import Article
from reader.record.notes import (NoteBook, NotesError, Target, copy_target, discrepancy_target, fact_target,
                                 quote_target, sentence_target)
from reader.export.citation import pinpoint
from reader.record.anchors import anchor
from reader.record.search import search_notes


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("notes", help="add, edit, delete, list or search the researcher's notes")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="attach a note to a sentence, quote, span, fact, discrepancy or copy pair")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="the article, or the corpus")
    add.add_argument("--text", required=True, help="the note")
    add.add_argument("--article", metavar="ID", help="which article of the corpus (default: the only one)")
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--sentence", type=int, metavar="N", help="the article's Nth sentence (from 1)")
    what.add_argument("--quote", type=int, metavar="N", help="the article's Nth quote (from 1)")
    what.add_argument("--span", metavar="START:END", help="characters START to END of the article")
    what.add_argument("--fact", metavar="ID", help="a fact of the corpus (as `corroborate facts` numbers them)")
    what.add_argument("--copy", nargs=2, metavar=("A", "B"), help="the copy pair of articles A and B")
    add.add_argument("--discrepancy", type=int, metavar="N", help="with --fact: its Nth discrepancy (from 1)")
    edit = actions.add_parser("edit", help="replace a note's text")
    edit.add_argument("id")
    edit.add_argument("--text", required=True)
    delete = actions.add_parser("delete", help="delete a note")
    delete.add_argument("id")
    listing = actions.add_parser("list", help="every note; with PATHs, whether the text under it changed")
    listing.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    search = actions.add_parser("search", help="notes with all these words (a word ending in * matches its start)")
    search.add_argument("query")
    for action in (add, edit, delete, listing, search):
        action.add_argument("--json", action="store_true", help="print machine-readable JSON")
        action.set_defaults(run=run)


class _Refused(Exception):
    pass


def _article(corpus: Corpus, article_id: str | None) -> Article:
    if article_id is None:
        if len(corpus.articles) != 1:
            raise _Refused(f"{len(corpus.articles)} articles given; name one with --article")
        return corpus.articles[0]
    try:
        return corpus.by_id(article_id)
    except KeyError:
        raise _Refused(f"no article {article_id!r}; these are: {', '.join(a.id for a in corpus.articles)}") from None


def _nth(items: list, number: int, what: str) -> Any:
    if not 1 <= number <= len(items):
        raise _Refused(f"there is no {what} {number}; there are {len(items)}")
    return items[number - 1]


def _target(args: argparse.Namespace, corpus: Corpus) -> Target:
    if args.fact:
        facts = {fact.id: fact for fact in analysed(corpus).facts}
        if args.fact not in facts:
            raise _Refused(f"no fact {args.fact!r}; this corpus has {', '.join(facts) or 'none'}")
        fact = facts[args.fact]
        if args.discrepancy:
            return discrepancy_target(fact, _nth(fact.discrepancies, args.discrepancy, "discrepancy"), corpus.articles)
        return fact_target(fact, corpus.articles)
    if args.copy:
        from reader.provenance.copies import INDEPENDENT

        wanted = set(args.copy)
        pairs = analysed(corpus, with_facts=False).provenance.pairs
        pair = next((p for p in pairs if p.kind != INDEPENDENT and {p.a, p.b} == wanted), None)
        if pair is None:
            raise _Refused(f"{args.copy[0]} and {args.copy[1]} are not a copy pair of this corpus")
        return copy_target(pair, corpus.articles)
    article = _article(corpus, args.article)
    if args.sentence:
        return sentence_target(article, _nth(article.sentences, args.sentence, "sentence"))
    if args.quote:
        return quote_target(article, _nth(analysed(corpus, with_facts=False).quotes[article.id], args.quote, "quote"))
    start, _, end = args.span.partition(":")
    try:
        return Target("sentence", f"passage at {pinpoint(article, int(start))}", (anchor(article, (int(start), int(end))),))
    except ValueError as error:
        raise _Refused(f"--span {args.span}: {error}") from None


def _show(note: Any, placements: list | None, as_json: bool) -> dict[str, Any] | None:
    if as_json:
        data = note.as_json()
        if placements is not None:
            data["placements"] = [p.as_json() for p in placements]
        return data
    emit_text(f"{note.id}\t{note.target.kind}\t{note.target.label}\n\t{note.text}")
    for placement in placements or []:
        emit_text(f"\t{placement.anchor.article_id}: {placement.message}")
    return None


def run(args: argparse.Namespace) -> int:
    try:
        book = NoteBook.open()
        if args.action == "add":
            note = book.add(_target(args, load_named_corpus(args.paths)), args.text)
            shown = [note]
        elif args.action == "edit":
            shown = [book.edit(args.id, args.text)]
        elif args.action == "delete":
            book.delete(args.id)
            shown = []
        elif args.action == "search":
            shown = search_notes(book, args.query)
        else:
            shown = book.listed()
    except (NotesError, _Refused) as error:
        return fail(str(error))
    articles = load_named_corpus(args.paths).articles if args.action == "list" and args.paths else None
    rows = [_show(note, note.placements(articles) if articles is not None else None, args.json) for note in shown]
    if args.json:
        emit_json({"notes": rows})
    elif args.action == "delete":
        emit_text(f"deleted {args.id}")
    return 0
