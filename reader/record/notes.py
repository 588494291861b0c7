"""Notes: what the researcher wrote about a sentence, a quote, a fact, a discrepancy or a copy pair.

Notes are the researcher's own work, so they live in the data folder (never beside the articles)
in one JSON file replaced atomically on every change: a crash or kill -9 mid-save leaves the old
file or the new one, never a damaged one. Every change is a command on an undo stack, so the
window's undo and redo keys only have to call `undo()` and `redo()`.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Sequence

from reader import paths
from reader.articles.model import Article, Span
from reader.export.citation import pinpoint
from reader.record.anchors import Anchor, Placement, anchor, place
from reader.storage import read_json, write_json_atomic

NOTES_FILE = "notes.json"
FORMAT_VERSION = 1
TARGET_KINDS = ("sentence", "quote", "fact", "discrepancy", "copy")


class NotesError(Exception):
    """The notes file cannot be used as it is; the message says why and where it is."""


@dataclass(frozen=True)
class Target:
    """What a note is about: its kind, a label the researcher recognises, and its passages."""

    kind: str
    label: str
    anchors: tuple[Anchor, ...]

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label, "anchors": [item.as_json() for item in self.anchors]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Target":
        if data.get("kind") not in TARGET_KINDS:
            raise NotesError(f"unknown note target {data.get('kind')!r}")
        return cls(data["kind"], str(data.get("label", "")), tuple(Anchor.from_json(item) for item in data["anchors"]))


@dataclass(frozen=True)
class Note:
    id: str
    target: Target
    text: str
    created: str
    modified: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "target": self.target.as_json(), "text": self.text,
                "created": self.created, "modified": self.modified}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Note":
        return cls(str(data["id"]), Target.from_json(data["target"]), str(data["text"]),
                   str(data["created"]), str(data["modified"]))

    def placements(self, articles: Sequence[Article]) -> list[Placement]:
        """Where each of the note's passages is in the articles loaded now."""
        return [place(item, articles) for item in self.target.anchors]


def _now() -> str:
    """To the microsecond, so notes made in one second still list in the order they were made."""
    return dt.datetime.now(dt.timezone.utc).isoformat()


def sentence_target(article: Article, span: Span) -> Target:
    return Target("sentence", f"sentence at {pinpoint(article, span[0])}", (anchor(article, span),))


def quote_target(article: Article, quote: Any) -> Target:
    """`quote` is a `reader.quotes.finder.Quote` (its start, end and speaker_name are used)."""
    speaker = quote.speaker_name or "unattributed"
    return Target("quote", f"quote of {speaker} at {pinpoint(article, quote.start)}",
                  (anchor(article, (quote.start, quote.end)),))


def fact_target(fact: Any, articles: Sequence[Article]) -> Target:
    """Every outlet's sentence of the fact (`reader.facts.finder.Fact`)."""
    by_id = {article.id: article for article in articles}
    anchors = tuple(anchor(by_id[m.article_id], (m.start, m.end)) for m in fact.members if m.article_id in by_id)
    return Target("fact", f"{fact.id}: {fact.label}", anchors)


def discrepancy_target(fact: Any, discrepancy: Any, articles: Sequence[Article]) -> Target:
    """The passages where the outlets disagree; the fact's sentences when no span is recorded."""
    by_id = {article.id: article for article in articles}
    spans = {article_id: tuple(span) for article_id, span in discrepancy.spans.items() if article_id in by_id}
    for member in fact.members:
        if member.article_id in discrepancy.values and member.article_id not in spans and member.article_id in by_id:
            spans[member.article_id] = (member.start, member.end)
    anchors = tuple(anchor(by_id[article_id], span) for article_id, span in spans.items())
    return Target("discrepancy", f"{fact.id} {discrepancy.kind}: {discrepancy.detail}", anchors)


def copy_target(pair: Any, articles: Sequence[Article]) -> Target:
    """Both whole articles of a copy pair (`reader.provenance.copies.CopyPair`)."""
    by_id = {article.id: article for article in articles}
    anchors = tuple(anchor(by_id[article_id], (0, len(by_id[article_id].text))) for article_id in (pair.a, pair.b))
    return Target("copy", f"{pair.a} ~ {pair.b} ({pair.kind})", anchors)


@dataclass(frozen=True)
class _Change:
    """One undoable step: the note before (None when added) and after (None when deleted)."""

    name: str
    before: Note | None
    after: Note | None


@dataclass
class NoteBook:
    """The researcher's notes, saved after every change, with an undo and a redo stack."""

    path: Path
    notes: dict[str, Note] = field(default_factory=dict)
    _undo: list[_Change] = field(default_factory=list, repr=False)
    _redo: list[_Change] = field(default_factory=list, repr=False)

    @classmethod
    def open(cls, path: Path | None = None) -> "NoteBook":
        """The notes in `path` (default: the data folder's notes file); none yet is an empty book."""
        path = path or paths.data_dir() / NOTES_FILE
        try:
            raw = read_json(path, {"version": FORMAT_VERSION, "notes": []})
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise NotesError(f"{path} is not a readable notes file ({error}); it was left as it is") from None
        if raw.get("version") != FORMAT_VERSION:
            raise NotesError(f"{path} was written by another version of Corroborate (format {raw.get('version')})")
        try:
            notes = [Note.from_json(item) for item in raw["notes"]]
        except (KeyError, TypeError, ValueError) as error:
            raise NotesError(f"{path} holds a damaged note ({error}); it was left as it is") from None
        return cls(path, {note.id: note for note in notes})

    def save(self) -> None:
        write_json_atomic(self.path, {"version": FORMAT_VERSION, "notes": [note.as_json() for note in self.listed()]})

    def listed(self) -> list[Note]:
        """All notes in the order they were made (an undone deletion goes back to its place)."""
        return sorted(self.notes.values(), key=lambda note: (note.created, note.id))

    def add(self, target: Target, text: str) -> Note:
        now = _now()
        note = Note(uuid.uuid4().hex[:12], target, text, now, now)
        self._do(_Change("add note", None, note))
        return note

    def edit(self, note_id: str, text: str) -> Note:
        before = self.get(note_id)
        after = replace(before, text=text, modified=_now())
        self._do(_Change("edit note", before, after))
        return after

    def delete(self, note_id: str) -> None:
        self._do(_Change("delete note", self.get(note_id), None))

    def get(self, note_id: str) -> Note:
        try:
            return self.notes[note_id]
        except KeyError:
            raise NotesError(f"no note {note_id!r}") from None

    @property
    def undo_name(self) -> str | None:
        """What undo would take back ("add note", …), for the Edit menu; None when nothing."""
        return self._undo[-1].name if self._undo else None

    @property
    def redo_name(self) -> str | None:
        return self._redo[-1].name if self._redo else None

    def undo(self) -> bool:
        if not self._undo:
            return False
        change = self._undo[-1]
        self._apply(change.after, change.before)
        self._redo.append(self._undo.pop())
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        change = self._redo[-1]
        self._apply(change.before, change.after)
        self._undo.append(self._redo.pop())
        return True

    def _do(self, change: _Change) -> None:
        self._apply(change.before, change.after)
        self._undo.append(change)
        self._redo.clear()

    def _apply(self, old: Note | None, new: Note | None) -> None:
        """Replace `old` by `new` (either may be None) and save; on a failed save nothing changes."""
        previous = dict(self.notes)
        if old is not None:
            self.notes.pop(old.id, None)
        if new is not None:
            self.notes[new.id] = new
        try:
            self.save()
        except OSError:
            self.notes = previous
            raise

    def for_article(self, article: Article) -> list[Note]:
        """Notes with a passage in `article` (the same bytes, or the same file since changed)."""
        return [note for note in self.listed() if any(item.names(article) for item in note.target.anchors)]
