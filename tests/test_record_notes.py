"""Notes: anchored to passages, kept in the data folder, crash-safe, following their article, undoable."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import paths
from reader.articles.corpus import load_corpus
from reader.facts.finder import find_facts
from reader.provenance.copies import CopyPair
from reader.quotes.finder import find_quotes
from reader.record.anchors import CHANGED, MISSING, MOVED, UNCHANGED
from reader.record.notes import (NoteBook, NotesError, copy_target, fact_target, quote_target,
                                 sentence_target)
from reader.record.search import note_text_by_article, search_notes
from record_texts import LEDGER, write_story

ROOT = Path(__file__).resolve().parents[1]


def _sentence(article, word: str) -> tuple[int, int]:
    return next(s for s in article.sentences if word in article.span_text(s))


def _articles(folder: Path):
    return {article.id: article for article in load_corpus([folder]).articles}


def test_notes_live_in_the_data_folder_never_beside_the_articles(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    ledger = _articles(story)["ledger.txt"]
    book = NoteBook.open()
    book.add(sentence_target(ledger, ledger.sentences[1]), "The vote count matters for the appeal.")
    assert book.path.parent == paths.data_dir()
    assert sorted(p.name for p in story.iterdir()) == ["ledger.txt", "manifest.toml", "metro.txt", "wire.txt"]
    again = NoteBook.open()
    [note] = again.listed()
    assert note.text == "The vote count matters for the appeal."
    assert note.target.anchors[0].text == ledger.span_text(ledger.sentences[1])


def test_a_note_follows_its_article_re_read_unchanged_even_from_another_folder(tmp_path: Path) -> None:
    first = _articles(write_story(tmp_path / "one"))["ledger.txt"]
    book = NoteBook.open()
    note = book.add(sentence_target(first, first.sentences[1]), "check the cost")
    moved_copy = tmp_path / "elsewhere" / "renamed.txt"
    moved_copy.parent.mkdir()
    moved_copy.write_text(LEDGER, encoding="utf-8")
    [again] = load_corpus([moved_copy]).articles
    [placement] = note.placements([again])
    assert placement.status == UNCHANGED
    assert placement.article is again and again.span_text(placement.span) == first.span_text(first.sentences[1])


def test_a_note_says_when_the_text_under_it_changed(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    ledger = _articles(story)["ledger.txt"]
    book = NoteBook.open()
    cost = book.add(sentence_target(ledger, _sentence(ledger, "$40 million")), "cost")
    quote_sentence = _sentence(ledger, "storm")
    storm = book.add(sentence_target(ledger, quote_sentence), "the mayor's words")
    (story / "ledger.txt").write_text("A new first line.\n\n" + LEDGER.replace("$40 million", "$42 million"),
                                      encoding="utf-8")
    changed = _articles(story)
    [cost_now] = cost.placements(list(changed.values()))
    assert cost_now.status == CHANGED and "$40 million" in cost_now.message
    [storm_now] = storm.placements(list(changed.values()))
    assert storm_now.status == MOVED
    assert changed["ledger.txt"].span_text(storm_now.span) == ledger.span_text(quote_sentence)
    assert storm_now.span[0] != quote_sentence[0]
    (story / "ledger.txt").unlink()
    assert cost.placements(list(_articles(story).values()))[0].status == MISSING
    other = write_story(tmp_path / "another corpus")
    (other / "ledger.txt").write_text("Another story altogether.\n", encoding="utf-8")
    assert cost.placements(list(_articles(other).values()))[0].status == MISSING
    assert NoteBook.open().for_article(_articles(other)["ledger.txt"]) == []


def test_notes_on_quotes_facts_and_copy_pairs_anchor_every_outlet(tmp_path: Path) -> None:
    articles = _articles(write_story(tmp_path / "story"))
    listed = list(articles.values())
    ledger = articles["ledger.txt"]
    book = NoteBook.open()
    quote = find_quotes(ledger)[0]
    on_quote = book.add(quote_target(ledger, quote), "compare with Bay Wire")
    assert on_quote.target.anchors[0].text == quote.text
    facts = find_facts(listed, {a.id: find_quotes(a) for a in listed})
    fact = next(f for f in facts if len(f.members) > 1)
    on_fact = book.add(fact_target(fact, listed), "every outlet has the vote")
    assert {a.article_id for a in on_fact.target.anchors} == {m.article_id for m in fact.members}
    pair = CopyPair("ledger.txt", "wire.txt", 0.4, "syndicated/edited copy", "ledger.txt", "earlier", {})
    on_pair = book.add(copy_target(pair, listed), "Wire rewrote the Ledger")
    assert [p.status for p in on_pair.placements(listed)] == [UNCHANGED, UNCHANGED]
    on_wire = {n.id for n in book.for_article(articles["wire.txt"])}
    assert on_pair.id in on_wire and on_quote.id not in on_wire


def test_undo_and_redo_step_through_adds_edits_and_deletes_and_are_saved(tmp_path: Path) -> None:
    ledger = _articles(write_story(tmp_path / "story"))["ledger.txt"]
    book = NoteBook.open()
    note = book.add(sentence_target(ledger, ledger.sentences[1]), "first thought")
    book.edit(note.id, "second thought")
    book.delete(note.id)
    assert book.listed() == [] and book.undo_name == "delete note"
    assert book.undo() and book.get(note.id).text == "second thought"
    assert book.undo() and NoteBook.open().get(note.id).text == "first thought"
    assert book.undo() and book.listed() == [] and not book.undo()
    assert book.redo() and book.redo() and NoteBook.open().get(note.id).text == "second thought"
    book.add(sentence_target(ledger, ledger.sentences[0]), "a new branch")
    assert book.redo_name is None and not book.redo()


def test_notes_are_searchable_by_their_words(tmp_path: Path) -> None:
    articles = _articles(write_story(tmp_path / "story"))
    book = NoteBook.open()
    ledger, wire = articles["ledger.txt"], articles["wire.txt"]
    book.add(sentence_target(ledger, ledger.sentences[1]), "Cost overrun likely; ask the council clerk")
    book.add(sentence_target(wire, wire.sentences[1]), "Wire rounds the vote")
    assert [n.text for n in search_notes(book, "council overrun")] == ["Cost overrun likely; ask the council clerk"]
    assert [n.text for n in search_notes(book, "round*")] == ["Wire rounds the vote"]
    assert search_notes(book, "seawall budget") == []
    assert note_text_by_article(book, list(articles.values())) == {
        "ledger.txt": "Cost overrun likely; ask the council clerk", "wire.txt": "Wire rounds the vote"}


def test_a_damaged_notes_file_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"version": 1, "notes": [', encoding="utf-8")
    with pytest.raises(NotesError, match="not a readable notes file"):
        NoteBook.open(path)
    assert path.read_text(encoding="utf-8") == '{"version": 1, "notes": ['


WRITER = """
import os, sys, time
from pathlib import Path
from reader.record.notes import NoteBook

class HalfWritten:
    # Writes half of what it is given, then waits to be killed: a save caught mid-write.
    def __init__(self, file):
        self.file = file
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.file.__exit__(*exc)
    def write(self, data):
        self.file.write(data[: len(data) // 2])
        self.file.flush()
        print("stuck", flush=True)
        time.sleep(60)

def stuck_before_rename(*args):
    print("stuck", flush=True)
    time.sleep(60)

mode = sys.argv[2]
if mode == "mid-write":
    real_fdopen = os.fdopen
    os.fdopen = lambda *args, **kwargs: HalfWritten(real_fdopen(*args, **kwargs))
elif mode == "before-rename":
    os.replace = stuck_before_rename
book = NoteBook.open(Path(sys.argv[1]))
first = book.listed()[0].id
version = 0
while True:
    version += 1
    book.edit(first, f"version {version}")
    print(version, flush=True)
"""


def _seed(path: Path, notes: int) -> None:
    from reader.record.anchors import Anchor
    from reader.record.notes import Target

    book = NoteBook.open(path)
    filler = "The council's vote and the cost of the seawall, as each outlet told it. " * 40
    for number in range(notes):
        book.add(Target("sentence", f"s{number}", (Anchor("a.txt", "/a.txt", "hash", 0, 10, "0123456789"),)), filler)
    book.edit(book.listed()[0].id, "version 0")


def _writer(path: Path, mode: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), mode], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def _intact(path: Path) -> str:
    """The first note's text, after checking the file is a whole notes file."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["version"] == 1 and len(raw["notes"]) == 300
    book = NoteBook.open(path)
    assert len(book.listed()) == 300
    return book.listed()[0].text


@pytest.mark.parametrize("mode", ["mid-write", "before-rename"])
def test_kill_9_caught_mid_save_leaves_the_old_notes_file(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "data" / "notes.json"
    _seed(path, 300)
    before = path.read_bytes()
    writer = _writer(path, mode)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "stuck"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]  # the save was under way
    assert path.read_bytes() == before
    assert _intact(path) == "version 0"


def test_kill_9_at_any_moment_of_repeated_saves_leaves_the_old_or_the_new_notes(tmp_path: Path) -> None:
    path = tmp_path / "data" / "notes.json"
    _seed(path, 300)
    for attempt in range(5):
        writer = _writer(path, "normal")
        assert writer.stdout is not None
        confirmed = [int(writer.stdout.readline()) for _ in range(attempt + 1)]  # saves known to be done
        time.sleep(0.003 * attempt)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        confirmed += [int(line) for line in writer.stdout.read().split()]
        text = _intact(path)
        assert text.startswith("version ") and int(text.split()[1]) >= confirmed[-1]
