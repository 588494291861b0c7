"""Word exports: every report as .docx, and a comparison as a redline of real tracked changes."""
from __future__ import annotations

from pathlib import Path

from app.cli import main
from docx.oxml.ns import qn
from reader.articles.corpus import load_corpus
from reader.compare.diff import compare_articles
from reader.export.compare import compare_report
from reader.export.facts import facts_report
from reader.facts.finder import find_facts
from docx_reading import PARAGRAPH_BREAK, apply_changes, open_docx, redlines, tracked
from record_texts import write_story


def _story(tmp_path: Path):
    return {a.id: a for a in load_corpus([write_story(tmp_path / "story", updated=True)]).articles}


def _normal(text: str) -> str:
    return PARAGRAPH_BREAK.sub("\n\n", text)


def test_accepting_every_tracked_change_gives_b_and_rejecting_every_one_gives_a(tmp_path: Path) -> None:
    articles = _story(tmp_path)
    pairs = [("ledger.txt", "wire.txt"), ("ledger.txt", "ledger-updated.txt"), ("metro.txt", "ledger.txt")]
    for a_id, b_id in pairs:
        a, b = articles[a_id], articles[b_id]
        report = compare_report([compare_articles(a, b)], articles, "story", "Comparison", include_boilerplate=True)
        document = open_docx(report.as_bytes("docx"))
        [paragraphs] = redlines(document)
        assert apply_changes(paragraphs, accept=True) == _normal(b.text)
        assert apply_changes(paragraphs, accept=False) == _normal(a.text)


def test_tracked_changes_carry_author_and_date_and_the_report_its_provenance_and_citations(tmp_path: Path) -> None:
    articles = _story(tmp_path)
    a, b = articles["ledger.txt"], articles["wire.txt"]
    report = compare_report([compare_articles(a, b)], articles, "story", "Comparison: Ledger and Wire")
    document = open_docx(report.as_bytes("docx"))
    insertions, deletions = tracked(document, "ins"), tracked(document, "del")
    assert insertions and deletions
    for change in insertions + deletions:
        assert change.get(qn("w:author")) == "Bay Wire"
        assert change.get(qn("w:date")) == "2024-03-06T00:00:00Z"
    ids = [change.get(qn("w:id")) for change in insertions + deletions]
    assert len(ids) == len(set(ids))
    deleted_words = {t.text for change in deletions for t in change.iter(qn("w:delText"))}
    inserted_words = {t.text for change in insertions for t in change.iter(qn("w:t"))}
    assert "cannot" in deleted_words and "can't" in inserted_words
    assert document.paragraphs[0].text == "Comparison: Ledger and Wire"
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "https://ledger.example/seawall" in cells
    assert "Bay Wire, 6 March 2024, ¶ 2" in cells and "Coast Ledger, 5 March 2024, ¶ 2" in cells


def test_every_other_report_is_also_a_word_document(tmp_path: Path) -> None:
    articles = list(_story(tmp_path).values())
    report = facts_report([fact.as_json() for fact in find_facts(articles)], articles, "story")
    document = open_docx(report.as_bytes("docx"))
    assert document.core_properties.title == "Fact matrix"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Discrepancies (1)" in headings
    [disputed] = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "$42 million" in disputed.text and "$40 million" in disputed.text
    assert any(run.bold and run.text == "$42 million" for run in disputed.runs)
    sources = [row.cells[3].text for row in document.tables[0].rows[1:]]
    assert "https://ledger.example/seawall" in sources


def test_export_compare_writes_a_redline_from_the_command_line(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    out = tmp_path / "out" / "x.docx"
    out.parent.mkdir()
    assert main(["export", "compare", str(story / "ledger.txt"), str(story / "wire.txt"), "-o", str(out)]) == 0
    document = open_docx(out.read_bytes())
    [paragraphs] = redlines(document)
    wire = (story / "wire.txt").read_text(encoding="utf-8")
    assert apply_changes(paragraphs, accept=True) == _normal(wire)
    assert main(["export", "facts", str(story), "-o", str(tmp_path / "out" / "facts.docx")]) == 0
    assert open_docx((tmp_path / "out" / "facts.docx").read_bytes()).paragraphs[0].text == "Fact matrix"
