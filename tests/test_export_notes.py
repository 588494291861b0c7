"""Notes in every export: each kind of report in each format, read back, carries the notes on its
articles with their pinpoint citations; the CSV puts a note beside the row it is about."""
from __future__ import annotations

import csv
import html
import io
import json
import unicodedata
from pathlib import Path

import pypdf
import pytest

from app.cli import main
from docx_reading import open_docx
from record_texts import write_story

QUOTE_NOTE, QUOTE_CITED = "Wire misquotes the mayor", "Bay Wire, 6 March 2024, ¶ 2"
SENTENCE_NOTE, SENTENCE_CITED = "Cost later corrected", "Coast Ledger, 5 March 2024"


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seawall story, written once for the module."""
    return write_story(tmp_path_factory.mktemp("notes") / "story", updated=True)


@pytest.fixture
def noted(story: Path) -> Path:
    """A note on the Wire's quote of the mayor and one on a Ledger sentence without a quote (each
    test has its own data folder, so its own notes)."""
    assert main(["notes", "add", str(story), "--article", "wire.txt", "--quote", "1", "--text", QUOTE_NOTE]) == 0
    assert main(["notes", "add", str(story / "ledger.txt"), "--sentence", "1", "--text", SENTENCE_NOTE]) == 0
    return story


def _csv_rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """The `#` lines above the table, and the table's rows by its one header."""
    lines = data.decode("utf-8-sig").splitlines(keepends=True)
    comments = [line for line in lines if line.startswith("#")]
    table = "".join(line for line in lines if not line.startswith("#"))
    return comments, list(csv.DictReader(io.StringIO(table)))


def _text(path: Path, fmt: str) -> str:
    """Everything a reader of the file sees, spaces normalised."""
    data = path.read_bytes()
    if fmt == "pdf":
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    elif fmt == "html":
        text = html.unescape(data.decode("utf-8"))
    elif fmt == "docx":
        document = open_docx(data)
        text = " ".join([p.text for p in document.paragraphs]
                        + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    else:
        text = data.decode("utf-8-sig")
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _export(story: Path, kind: str, fmt: str, out: Path) -> Path:
    paths = [str(story / "ledger.txt"), str(story / "wire.txt")] if kind == "compare" else [str(story)]
    target = out / f"{kind}.{fmt}"
    assert main(["export", kind, *paths, "-o", str(target)]) == 0
    return target


@pytest.mark.parametrize("kind", ["compare", "facts", "quotes", "record"])
@pytest.mark.parametrize("fmt", ["pdf", "html", "docx"])
def test_every_page_format_of_every_report_has_the_notes_cited(noted: Path, tmp_path: Path, kind: str,
                                                                fmt: str) -> None:
    text = _text(_export(noted, kind, fmt, tmp_path), fmt)
    notes = text.index("Notes (2)")
    for note, cited in ((QUOTE_NOTE, QUOTE_CITED), (SENTENCE_NOTE, SENTENCE_CITED)):
        assert note in text[notes:], note
        assert cited in text[text.index(note, notes):], cited


@pytest.mark.parametrize("kind", ["compare", "facts", "quotes", "record"])
def test_every_json_report_lists_the_notes_with_their_citations(noted: Path, tmp_path: Path, kind: str) -> None:
    data = json.loads(_export(noted, kind, "json", tmp_path).read_text(encoding="utf-8"))
    cited = {note["text"]: " ".join(note["citations"]) for note in data["notes"]}
    assert QUOTE_CITED in cited[QUOTE_NOTE] and SENTENCE_CITED in cited[SENTENCE_NOTE]


@pytest.mark.parametrize("kind", ["compare", "facts", "quotes", "record"])
def test_every_csv_report_has_the_notes_with_their_citations_under_one_header(noted: Path, tmp_path: Path,
                                                                              kind: str) -> None:
    comments, rows = _csv_rows(_export(noted, kind, "csv", tmp_path).read_bytes())
    for note, cited in ((QUOTE_NOTE, QUOTE_CITED), (SENTENCE_NOTE, SENTENCE_CITED)):
        in_rows = [row for row in rows if any(note in (value or "") for value in row.values())]
        in_comments = [line for line in comments if note in line]
        assert in_rows or in_comments, note
        assert all(cited in (row.get("note citation") or row.get("citation") or "") for row in in_rows)
        assert all(cited in line for line in in_comments)
    assert all(None not in row for row in rows)  # no row longer than the header


def test_the_quotes_csv_puts_the_note_beside_its_quote(noted: Path, tmp_path: Path) -> None:
    comments, rows = _csv_rows(_export(noted, "quotes", "csv", tmp_path).read_bytes())
    [row] = [row for row in rows if row["note"]]
    assert row["note"] == QUOTE_NOTE and row["outlet"] == "Bay Wire" and "another storm" in row["quote"]
    assert row["note citation"].startswith("“We can't keep waiting for another storm") and QUOTE_CITED in row["note citation"]
    assert all(row["note citation"] == "" for row in rows if not row["note"])
    [line] = [line for line in comments if SENTENCE_NOTE in line]  # the Ledger's sentence holds no quote
    assert line.startswith("# note on the sentence at Coast Ledger") and SENTENCE_CITED in line


def test_the_comparison_csv_puts_the_note_on_the_changes_inside_the_noted_quote(noted: Path, tmp_path: Path) -> None:
    _, rows = _csv_rows(_export(noted, "compare", "csv", tmp_path).read_bytes())
    noted_rows = [row for row in rows if QUOTE_NOTE in row["note"]]
    assert noted_rows and all(QUOTE_CITED in row["note citation"] for row in noted_rows)
    assert any(row["text in A"] == "cannot" and row["text in B"] == "can't" for row in noted_rows)
    assert all(QUOTE_NOTE not in row["note"] for row in rows if "¶ 2" not in row["where in B"])


def test_a_report_without_notes_keeps_its_own_columns(story: Path, tmp_path: Path) -> None:
    comments, rows = _csv_rows(_export(write_story(tmp_path / "other"), "quotes", "csv", tmp_path).read_bytes())
    assert "note" not in rows[0] and not any(line.startswith("# note") for line in comments)
