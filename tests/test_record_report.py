"""The research record as PDF, HTML and Word, read back; and the record's command-line commands."""
from __future__ import annotations

import json
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from app.cli import main
from docx_reading import open_docx
from record_texts import write_story


class _Sections(HTMLParser):
    """Section headings, and for each the items (bold) and the citations listed under them."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[dict]] = {}
        self.where: list[str] = []
        self.current = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.where.append(tag)
        if tag == "h2":
            self.current = ""
        elif tag == "b" and self.sections:
            self.sections[self.current].append({"item": "", "citations": []})
        elif tag == "li" and self.sections and self.sections[self.current]:
            self.sections[self.current][-1]["citations"].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self.sections[self.current] = []
        while self.where and self.where.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.where and self.where[-1] == "h2" and "h2" in self.where:
            self.current += data
        elif self.where and self.where[-1] == "b" and self.sections:
            self.sections[self.current][-1]["item"] += data
        elif self.where and self.where[-1] == "li" and self.sections and self.sections[self.current]:
            self.sections[self.current][-1]["citations"][-1] += data


@pytest.fixture
def story_with_notes(tmp_path: Path) -> Path:
    story = write_story(tmp_path / "story", updated=True)
    assert main(["notes", "add", str(story), "--article", "wire.txt", "--quote", "1",
                 "--text", "Wire misquotes the mayor"]) == 0
    assert main(["notes", "add", str(story / "ledger.txt"), "--sentence", "1", "--text", "Cost later corrected"]) == 0
    return story


def _export(story: Path, out: Path) -> Path:
    assert main(["export", "record", str(story), "-o", str(out)]) == 0
    return out


def test_the_html_record_has_every_section_and_every_item_cited(story_with_notes: Path, tmp_path: Path) -> None:
    html = _export(story_with_notes, tmp_path / "record.html").read_text(encoding="utf-8")
    parser = _Sections()
    parser.feed(html)
    sections = parser.sections
    assert list(sections) == ["Notes (2)", "Misquotes (1)", "Misattributed quotations (1)",
                              "Conflicts between outlets (1)", "Revisions (1)", "Who reported first (4)"]
    for items in sections.values():
        for item in items:
            assert item["citations"], f"{item['item']} has no citation"
    [misquote] = sections["Misquotes (1)"]
    assert "Bay Wire differs from" in misquote["item"]
    assert any("“We can't keep waiting for another storm" in c and "Bay Wire, 6 March 2024, ¶ 2" in c
               for c in misquote["citations"])
    [revision] = sections["Revisions (1)"]
    assert "ledger.example/seawall" in revision["item"] and "2024-03-06 09:30:00" in revision["item"]
    assert any("was “40”" in c and "now “42”" in c for c in revision["citations"])
    notes = {item["citations"][0].split(" — ")[0] for item in sections["Notes (2)"]}
    assert "“We can't keep waiting for another storm to tell us what we already knew,”" in notes


def test_the_pdf_and_word_records_carry_the_same_items(story_with_notes: Path, tmp_path: Path) -> None:
    pdf = pypdf.PdfReader(str(_export(story_with_notes, tmp_path / "record.pdf")))
    text = unicodedata.normalize("NFKC", " ".join(" ".join(page.extract_text().split()) for page in pdf.pages))
    for expected in ("Research record", "Notes (2)", "Wire misquotes the mayor", "Misquotes (1)",
                     "“cannot” → “can't”", "Conflicts between outlets (1)", "Revisions (1)",
                     "Correction: An earlier version of this article misstated the cost"):
        assert expected in text, expected
    document = open_docx(_export(story_with_notes, tmp_path / "record.docx").read_bytes())
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Notes (2)", "Misquotes (1)", "Misattributed quotations (1)",
                        "Conflicts between outlets (1)", "Revisions (1)", "Who reported first (4)"]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert any("Bay Wire, 6 March 2024, ¶ 2" in b for b in bullets)


def test_the_record_says_when_a_noted_text_changed(story_with_notes: Path, tmp_path: Path) -> None:
    ledger = story_with_notes / "ledger.txt"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("voted 5-2", "voted 6-1"), encoding="utf-8")
    data = json.loads(_export(story_with_notes, tmp_path / "record.json").read_text(encoding="utf-8"))
    html = _export(story_with_notes, tmp_path / "changed.html").read_text(encoding="utf-8")
    assert len(data["notes"]) == 2
    assert "the text under this note changed; it read “Harbor City&#x27;s council voted 5-2" in html


def test_quotes_compare_revisions_and_timeline_commands(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    story = write_story(tmp_path / "story", updated=True)
    assert main(["quotes", "--compare", "--json", str(story)]) == 0
    quotations = json.loads(capsys.readouterr().out)["quotations"]
    mayor = next(q for q in quotations if q["misquotes"])
    assert mayor["misquotes"][0]["other"]["outlet"] == "Bay Wire"
    assert {"reference": "cannot", "other": "can't"} in mayor["misquotes"][0]["changes"]
    assert main(["revisions", "--json", str(story)]) == 0
    [history] = json.loads(capsys.readouterr().out)["revisions"]
    assert [v["time"] for v in history["versions"]] == ["2024-03-05T00:00:00", "2024-03-06T09:30:00"]
    assert main(["timeline", "--json", str(story)]) == 0
    timelines = json.loads(capsys.readouterr().out)["timelines"]
    assert all(t["accounts"][0]["article"] == "ledger.txt" and t["accounts"][0]["first"] for t in timelines)


def test_notes_commands_add_edit_search_delete(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    story = write_story(tmp_path / "story")
    assert main(["notes", "add", str(story), "--fact", "f1", "--text", "all outlets agree", "--json"]) == 0
    [note] = json.loads(capsys.readouterr().out)["notes"]
    assert note["target"]["kind"] == "fact" and len(note["target"]["anchors"]) == 3
    assert main(["notes", "edit", note["id"], "--text", "all three outlets agree"]) == 0
    capsys.readouterr()
    assert main(["notes", "search", "three", "--json"]) == 0
    assert [n["id"] for n in json.loads(capsys.readouterr().out)["notes"]] == [note["id"]]
    assert main(["notes", "add", str(story), "--sentence", "1", "--text", "which article?"]) == 1
    assert "name one with --article" in capsys.readouterr().err
    assert main(["notes", "delete", note["id"]]) == 0
    assert main(["notes", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["notes"] == []


def test_every_report_carries_the_notes_on_its_articles(story_with_notes: Path, tmp_path: Path) -> None:
    ledger, wire = story_with_notes / "ledger.txt", story_with_notes / "wire.txt"
    html = tmp_path / "compare.html"
    assert main(["export", "compare", str(ledger), str(wire), "-o", str(html)]) == 0
    text = html.read_text(encoding="utf-8")
    assert "<h2>Notes (2)</h2>" in text and "Wire misquotes the mayor" in text
    assert "Bay Wire, 6 March 2024, ¶ 2" in text.split("<h2>Notes (2)</h2>")[1]
    redline = open_docx(_export_compare_docx(ledger, wire, tmp_path / "compare.docx"))
    assert "Notes (2)" in [p.text for p in redline.paragraphs if p.style.name.startswith("Heading")]
    quotes = tmp_path / "quotes.json"
    assert main(["export", "quotes", str(wire), "-o", str(quotes)]) == 0
    assert [n["text"] for n in json.loads(quotes.read_text(encoding="utf-8"))["notes"]] == ["Wire misquotes the mayor"]
    facts = tmp_path / "facts.docx"
    assert main(["export", "facts", str(story_with_notes / "metro.txt"), "-o", str(facts)]) == 0
    assert not any(p.text.startswith("Notes") for p in open_docx(facts.read_bytes()).paragraphs)


def _export_compare_docx(a: Path, b: Path, out: Path) -> bytes:
    assert main(["export", "compare", str(a), str(b), "-o", str(out)]) == 0
    return out.read_bytes()


def test_notes_on_a_discrepancy_and_a_copy_pair_from_the_command_line(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture) -> None:
    story = write_story(tmp_path / "story", updated=True)
    assert main(["notes", "add", str(story), "--fact", "f1", "--discrepancy", "1", "--text", "cost changed",
                 "--json"]) == 0
    [note] = json.loads(capsys.readouterr().out)["notes"]
    assert note["target"]["kind"] == "discrepancy"
    assert {a["text"] for a in note["target"]["anchors"]} == {"$42 million", "$40 million"}
    assert main(["notes", "add", str(story), "--copy", "ledger.txt", "ledger-updated.txt", "--text", "revised",
                 "--json"]) == 0
    [pair] = json.loads(capsys.readouterr().out)["notes"]
    assert pair["target"]["kind"] == "copy" and [a["article_id"] for a in pair["target"]["anchors"]] == [
        "ledger-updated.txt", "ledger.txt"]
    assert main(["notes", "add", str(story), "--copy", "wire.txt", "metro.txt", "--text", "no"]) == 1
    assert "not a copy pair" in capsys.readouterr().err
