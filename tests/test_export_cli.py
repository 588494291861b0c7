"""`corroborate export`: each kind in each format from the sample corpus, content checked."""
from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader import __version__
from app.cli import main
from reader.articles.corpus import Corpus
from reader.facts.finder import find_facts
from reader.quotes.finder import find_quotes
from resources import sample_dir

SAMPLE = sorted(str(path) for path in sample_dir().glob("*.txt"))
KINDS = {
    "compare": ["compare", SAMPLE[1], SAMPLE[2]],
    "facts": ["facts"],
    "quotes": ["quotes"],
}


class _Page(HTMLParser):
    """Collects text and anything that would make the page load an external resource."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "link", "img", "iframe"):
            self.external.append(tag)
        self.external += [value for name, value in attrs if name in ("src", "href") and value]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def export(tmp_path: Path, kind_args: list[str], fmt: str, *extra: str) -> Path:
    target = tmp_path / f"report.{fmt}"
    assert main(["export", *kind_args, "-o", str(target), *extra]) == 0
    return target


def text_of(path: Path, fmt: str) -> str:
    if fmt == "pdf":
        return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    if fmt == "html":
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        assert page.external == []
        return " ".join(" ".join(page.text).split())
    return path.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="module")
def sample_facts(sample_corpus: Corpus) -> list:
    return find_facts(sample_corpus.articles, {a.id: find_quotes(a) for a in sample_corpus.articles})


@pytest.mark.parametrize("fmt", ["pdf", "html", "csv", "json"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_in_every_format_states_its_provenance(tmp_path: Path, kind: str, fmt: str) -> None:
    text = text_of(export(tmp_path, KINDS[kind], fmt), fmt)
    assert f"Corroborate {__version__}" in text
    assert "2023-05-31" in text or "31 May 2023" in text
    assert "sample" in text


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_quotes_export_carries_each_quote_with_its_citation(tmp_path: Path, sample_corpus: Corpus, fmt: str) -> None:
    text = text_of(export(tmp_path, ["quotes", "--party", "ring"], fmt), fmt)
    ring_quotes = [q for a in sample_corpus.articles for q in find_quotes(a) if q.entity == "ring"]
    assert ring_quotes
    for quote in ring_quotes:
        assert " ".join(quote.text.split()[:4]) in text
    assert "Ring" in text and "¶" in text


def test_quotes_csv_rows_have_pinpoint_citations(tmp_path: Path, sample_corpus: Corpus) -> None:
    lines = [line for line in text_of(export(tmp_path, ["quotes"], "csv"), "csv").splitlines()
             if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    total = sum(len(find_quotes(article)) for article in sample_corpus.articles)
    assert len(rows) == total
    assert all("¶" in row["citation"] and row["citation"].startswith("“") for row in rows)


def test_facts_json_and_pdf_show_the_discrepancies(tmp_path: Path, sample_facts: list) -> None:
    payload = json.loads(export(tmp_path, ["facts"], "json").read_text(encoding="utf-8"))
    assert [fact["id"] for fact in payload["facts"]] == [fact.id for fact in sample_facts]
    disputed = [fact for fact in sample_facts if fact.discrepancies]
    assert disputed
    pdf_text = text_of(export(tmp_path, ["facts"], "pdf"), "pdf")
    for fact in disputed:
        assert f"Discrepancy ({fact.discrepancies[0].kind})" in pdf_text


def test_facts_csv_is_the_matrix(tmp_path: Path, sample_facts: list, sample_corpus: Corpus) -> None:
    lines = [line for line in text_of(export(tmp_path, ["facts"], "csv"), "csv").splitlines()
             if not line.startswith("#")]
    rows = list(csv.reader(lines))
    assert rows[0][2:2 + len(sample_corpus.articles)] == [a.display_label for a in sample_corpus.articles]
    assert len(rows) == len(sample_facts) + 1


def test_fact_comparison_across_outlets_with_a_chosen_base(tmp_path: Path, sample_facts: list) -> None:
    fact = max(sample_facts, key=lambda f: len(f.members))
    base = fact.members[-1].article_id
    html = text_of(export(tmp_path, ["compare", "--fact", fact.id, "--base", base], "html"), "html")
    assert f"Fact {fact.id} across outlets" in html
    assert html.count("→") >= len(fact.members) - 1


def test_compare_leaves_boilerplate_out_unless_asked(tmp_path: Path) -> None:
    plain = text_of(export(tmp_path, KINDS["compare"], "html"), "html")
    assert "ADVERTISEMENT" not in plain
    (tmp_path / "report.html").unlink()
    kept = text_of(export(tmp_path, KINDS["compare"], "html", "--include-boilerplate"), "html")
    assert "ADVERTISEMENT" in kept


def test_nothing_is_overwritten_without_force(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = export(tmp_path, ["quotes"], "json")
    before = target.read_bytes()
    assert main(["export", "quotes", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert main(["export", "quotes", "--party", "ftc", "-o", str(target), "--force"]) == 0
    assert target.read_bytes() != before


def test_unknown_format_and_fact_are_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "facts", "-o", str(tmp_path / "report.xlsx")]) == 1
    assert "pass --format" in capsys.readouterr().err
    assert main(["export", "compare", "--fact", "F999", "-o", str(tmp_path / "x.html")]) == 1
    assert "no fact 'F999'" in capsys.readouterr().err


@pytest.mark.parametrize("filler", range(0, 40, 3))
def test_pdf_pages_keep_headings_with_their_text_and_short_tables_whole(qapp, filler):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from ui.pdf_export import _page_of, _tables, keep_together

    rows = "".join(f"<tr><td>row {number}</td><td>value</td></tr>" for number in range(8))
    html = ("<p>lede</p>" * filler + "<h2>Changes</h2><table><tr><th>Change</th><th>Value</th></tr>"
            f"{rows}</table>" + "<h2>Articles</h2><p>text after</p>" * 3)
    document = QTextDocument()
    document.setHtml(html)
    document.setPageSize(QSizeF(400, 500))
    keep_together(document)
    layout, page = document.documentLayout(), 500
    for table in _tables(document.rootFrame()):
        box = layout.frameBoundingRect(table)
        assert _page_of(box.top(), page) == _page_of(box.bottom() - 1, page)
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.next().isValid():
            assert _page_of(layout.blockBoundingRect(block).top(), page) == \
                _page_of(layout.blockBoundingRect(block.next()).top(), page)
        block = block.next()
