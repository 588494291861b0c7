"""`corroborate diff A B`: JSON ops that rebuild the articles, word-diff text, clear errors."""
from __future__ import annotations

import json

from app.cli import main
from reader.articles.corpus import load_corpus
from resources import sample_dir


def sample_file(prefix: str):
    return next(path for path in sample_dir().iterdir() if path.name.startswith(prefix))


def test_json_ops_rebuild_both_articles(capsysbinary):
    a_path, b_path = sample_file("001"), sample_file("003")
    assert main(["diff", str(a_path), str(b_path), "--json"]) == 0
    result = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert {"a", "b", "ops", "stats"} <= set(result)
    assert result["a"] == str(a_path) and result["b"] == str(b_path)
    a, b = load_corpus([a_path]).articles[0], load_corpus([b_path]).articles[0]
    assert "".join(text for op, text in result["ops"] if op in ("equal", "delete")) == a.text
    assert "".join(text for op, text in result["ops"] if op in ("equal", "insert")) == b.text
    assert {op for op, _ in result["ops"]} == {"equal", "delete", "insert"}
    assert result["stats"]["changes"] == len(result["changes"]) > 0


def test_options_reach_the_engine(tmp_path, capsysbinary):
    (tmp_path / "a.txt").write_text("The FTC fined Amazon.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("the ftc fined AMAZON.\n", encoding="utf-8")
    assert main(["diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json", "--ignore-case"]) == 0
    result = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert result["stats"]["changes"] == 0 and result["options"]["ignore_case"] is True


def test_text_output_marks_words_like_git_word_diff(tmp_path, capsysbinary):
    (tmp_path / "a.txt").write_text("Amazon will pay $25 million.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Amazon must pay $30 million.\n", encoding="utf-8")
    assert main(["diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert "Amazon [-will-]{+must+} pay $[-25-]{+30+} million." in out
    assert "2 changes (1 with numbers" in out


def test_a_missing_file_is_one_clear_line(tmp_path, capsys):
    assert main(["diff", str(tmp_path / "missing.txt"), str(sample_file("001"))]) == 1
    err = capsys.readouterr().err
    assert "missing.txt: not a file" in err and "Traceback" not in err
