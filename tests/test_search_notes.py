"""`note:` in search: answered from the researcher's notes when the query runs, as a filter."""
from __future__ import annotations

import json
from pathlib import Path

from app.cli import main
from index_helpers import open_index
from reader.articles.corpus import load_corpus
from reader.record.notes import NoteBook, sentence_target
from record_texts import write_story


def _note(folder: Path, article_id: str, passage: str, text: str) -> None:
    article = next(a for a in load_corpus([folder]).articles if a.id == article_id)
    start = article.text.index(passage)
    NoteBook.open().add(sentence_target(article, (start, start + len(passage))), text)


def test_note_terms_filter_by_the_callable_and_leave_the_scores_alone(tmp_path: Path) -> None:
    corpus_index = open_index([write_story(tmp_path / "story")])
    asked: list[str] = []

    def noted(words: str) -> set[str]:
        asked.append(words)
        return {"wire.txt"} if words in ("counsel", "couns*", "ask counsel") else set()

    def ids(query: str) -> set[str]:
        return {hit.id for hit in corpus_index.search(query, notes=noted).hits}

    assert ids("note:counsel") == {"wire.txt"}
    assert ids("seawall note:couns*") == {"wire.txt"}
    assert ids('note:"ask counsel"') == {"wire.txt"}
    assert ids("seawall -note:counsel") == {"ledger.txt", "metro.txt"}
    assert ids("note:budget") == set()
    assert asked == ["counsel", "couns*", "ask counsel", "counsel", "budget"]
    plain = {hit.id: hit.score for hit in corpus_index.search("seawall").hits}
    assert {hit.id: hit.score for hit in corpus_index.search("seawall note:counsel", notes=noted).hits} == \
        {"wire.txt": plain["wire.txt"]}
    corpus_index.close()


def test_a_note_term_without_the_notes_is_reported_and_left_out(tmp_path: Path) -> None:
    corpus_index = open_index([write_story(tmp_path / "story")])
    results = corpus_index.search("seawall note:counsel")
    assert "needs the notes" in results.problems[0].message and results.total == 3
    corpus_index.close()


def test_the_command_line_searches_the_notes_as_they_are(capsys, tmp_path: Path) -> None:
    folder = write_story(tmp_path / "story")
    assert main(["search", "note:counsel", "--corpus", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0
    _note(folder, "metro.txt", "council member Ray Ortega", "Misattributed; ask counsel")
    assert main(["search", "note:counsel", "--corpus", str(folder), "--json"]) == 0
    assert [hit["id"] for hit in json.loads(capsys.readouterr().out)["hits"]] == ["metro.txt"]
