"""Every loader on documents the tests build themselves, and every kind of bad input."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from document_builders import NEWS_HTML, docx_bomb_bytes, docx_bytes, pdf_bytes, write
from reader.articles import corpus as corpus_module
from reader.articles.corpus import load_corpus
from reader.articles import formats as formats_module

CP1252_TEXT = "Children\u2019s privacy \u2014 \u201cquoted\u201d caf\u00e9 costs \u20ac5.\n"


def only_article(folder: Path):
    loaded = load_corpus([folder])
    assert loaded.errors == [], loaded.errors
    assert len(loaded.articles) == 1
    return loaded.articles[0]


@pytest.mark.parametrize(
    "encoded",
    [
        CP1252_TEXT.encode("utf-8"),
        CP1252_TEXT.encode("utf-8-sig"),
        CP1252_TEXT.encode("utf-16"),
        b"\xfe\xff" + CP1252_TEXT.encode("utf-16-be"),
        CP1252_TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_text_encodings_decode_to_the_same_text(tmp_path: Path, encoded: bytes) -> None:
    write(tmp_path / "a.txt", encoded)
    assert only_article(tmp_path).text == CP1252_TEXT


def test_latin1_text_with_bytes_cp1252_leaves_undefined(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Se\u00f1or Mu\u00f1oz said \x81 nothing.".encode("latin-1"))
    assert only_article(tmp_path).text.startswith("Se\u00f1or Mu\u00f1oz said")


def test_line_endings_are_normalised(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"First paragraph here.\r\n\r\nSecond one.\rThird.")
    article = only_article(tmp_path)
    assert "\r" not in article.text
    assert [article.span_text(p) for p in article.paragraphs] == ["First paragraph here.", "Second one.", "Third."]


def test_markdown_heading_becomes_title_and_heading(tmp_path: Path) -> None:
    write(tmp_path / "story.md", "# Amazon settles with FTC\n\nAmazon will pay $25 million. The FTC said so.\n")
    article = only_article(tmp_path)
    assert article.title == "Amazon settles with FTC"
    assert article.metadata_sources["title"] == "document"
    assert [article.span_text(h) for h in article.headings] == ["# Amazon settles with FTC"]
    assert [article.span_text(s) for s in article.sentences] == ["Amazon will pay $25 million.", "The FTC said so."]


def test_html_main_text_and_metadata_without_script(tmp_path: Path) -> None:
    write(tmp_path / "page.html", NEWS_HTML)
    article = only_article(tmp_path)
    assert "SCRIPT_TEXT_MUST_NOT_APPEAR" not in article.text
    assert "Amazon will pay $25 million" in article.text
    assert article.title == "FTC fines Amazon over Alexa"
    assert article.outlet == "The Daily Ledger"
    assert article.date == dt.date(2023, 5, 31)
    assert article.url == "https://ledger.example/ftc-amazon"
    assert article.format == "html"


def test_pdf_text_layer(tmp_path: Path) -> None:
    write(tmp_path / "filing.pdf", pdf_bytes(["Amazon will pay $25 million.", "Ring will pay $5.8 million."]))
    article = only_article(tmp_path)
    assert "Amazon will pay $25 million." in article.text
    assert "Ring will pay $5.8 million." in article.text
    assert article.format == "pdf"


def test_docx_paragraphs_and_title(tmp_path: Path) -> None:
    data = docx_bytes(["Amazon will pay $25 million.", "The FTC announced it on Wednesday."], title="FTC order")
    write(tmp_path / "memo.docx", data)
    article = only_article(tmp_path)
    assert [article.span_text(p) for p in article.paragraphs] == [
        "Amazon will pay $25 million.",
        "The FTC announced it on Wednesday.",
    ]
    assert article.title == "FTC order"


def test_garbage_pdf_beside_good_text_gives_one_article_one_error(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Amazon will pay $25 million, the FTC said.")
    write(tmp_path / "bad.pdf", b"%PDF-1.7\nthis is not really a pdf at all\x00\x01")
    loaded = load_corpus([tmp_path])
    assert [a.id for a in loaded.articles] == ["good.txt"]
    assert len(loaded.errors) == 1
    assert loaded.errors[0].path.endswith("bad.pdf")
    assert "PDF" in loaded.errors[0].error


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("truncated.pdf", pdf_bytes(["Some text here."])[:120], "PDF"),
        ("notapdf.pdf", b"hello, I am plain text", "not a PDF"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("empty.txt", b"", "empty"),
        ("notzip.docx", b"plain text pretending", "not a valid zip"),
        ("scan.pdf", pdf_bytes([]), "no extractable text"),
    ],
)
def test_bad_files_get_specific_errors(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    write(tmp_path / name, data)
    write(tmp_path / "good.txt", "A good article. It loads.")
    loaded = load_corpus([tmp_path])
    assert [a.id for a in loaded.articles] == ["good.txt"]
    assert len(loaded.errors) == 1 and reason in loaded.errors[0].error, loaded.errors


def test_oversized_file_is_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_module, "MAX_FILE_BYTES", 1000)
    write(tmp_path / "huge.txt", "word " * 1000)
    loaded = load_corpus([tmp_path])
    assert loaded.articles == []
    assert "limit" in loaded.errors[0].error


def test_docx_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats_module, "MAX_UNCOMPRESSED_BYTES", 1_000_000)
    write(tmp_path / "bomb.docx", docx_bomb_bytes(5_000_000))
    loaded = load_corpus([tmp_path])
    assert loaded.articles == []
    assert "zip bomb" in loaded.errors[0].error


def test_unsupported_and_missing_paths_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "notes.odt", "PK not really")
    write(tmp_path / "a.txt", "Text. More text.")
    loaded = load_corpus([tmp_path, tmp_path / "does-not-exist.txt"])
    errors = {Path(error.path).name: error.error for error in loaded.errors}
    assert "unsupported file type '.odt'" in errors["notes.odt"]
    assert errors["does-not-exist.txt"] == "no such file or folder"
    assert [a.id for a in loaded.articles] == ["a.txt"]


def test_folders_load_recursively_without_following_symlink_loops(tmp_path: Path) -> None:
    write(tmp_path / "outer.txt", "Outer article. Done.")
    write(tmp_path / "sub" / "deeper" / "inner.txt", "Inner article. Done.")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    loaded = load_corpus([tmp_path])
    assert sorted(a.id for a in loaded.articles) == ["outer.txt", "sub/deeper/inner.txt"]
    assert loaded.errors == []


def test_hidden_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".DS_Store", b"\0\0\0")
    write(tmp_path / "a.txt", "Text.")
    assert only_article(tmp_path).id == "a.txt"


def test_loading_never_writes_into_the_source_folder(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "One. Two.")
    write(tmp_path / "b.html", NEWS_HTML)
    before = sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.rglob("*"))
    os.chmod(tmp_path, 0o555)
    try:
        loaded = load_corpus([tmp_path])
    finally:
        os.chmod(tmp_path, 0o755)
    assert len(loaded.articles) == 2
    assert sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.rglob("*")) == before


def test_non_latin_legacy_encoding_is_detected(tmp_path: Path) -> None:
    russian = "Федеральная торговая комиссия оштрафовала компанию Amazon на 25 миллионов долларов. " * 3
    write(tmp_path / "ru.txt", russian.encode("cp1251"))
    assert only_article(tmp_path).text == russian


def test_progress_is_reported_per_file_and_can_stop_the_load(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / name, f"Article {name}. Done.")
    seen: list[tuple[int, int, str]] = []
    load_corpus([tmp_path], progress=lambda done, total, article_id: seen.append((done, total, article_id)))
    assert seen == [(1, 3, "a.txt"), (2, 3, "b.txt"), (3, 3, "c.txt")]

    class Stop(Exception):
        pass

    def stop_after_first(done: int, total: int, article_id: str) -> None:
        raise Stop

    with pytest.raises(Stop):
        load_corpus([tmp_path], progress=stop_after_first)


def test_docx_text_is_python_docx_paragraph_text_without_tables(tmp_path: Path) -> None:
    """The reader walks the XML itself for speed; it must read what python-docx's `Paragraph.text`
    reads: runs, hyperlinked runs, tabs and breaks, body paragraphs only (not table cells)."""
    import io

    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    made = docx.Document()
    first = made.add_paragraph("Regulators said the fine")
    first.add_run("\twas final.")
    first.runs[-1].add_break()
    first.add_run("Appeals are expected.")
    linked = made.add_paragraph("Read the order at ")
    hyperlink = OxmlElement("w:hyperlink")
    link_run = OxmlElement("w:r")
    link_text = OxmlElement("w:t")
    link_text.text = "the agency's site"
    link_run.append(link_text)
    hyperlink.append(link_run)
    linked._p.append(hyperlink)
    made.add_paragraph("")
    made.add_table(rows=1, cols=1).cell(0, 0).text = "Table cell text"
    made.add_paragraph("The last paragraph.")
    buffer = io.BytesIO()
    made.save(buffer)
    write(tmp_path / "runs.docx", buffer.getvalue())

    article = load_corpus([tmp_path]).articles[0]
    expected = [paragraph.text.strip() for paragraph in docx.Document(io.BytesIO(buffer.getvalue())).paragraphs]
    assert article.text == "\n\n".join(text for text in expected if text)
    assert "the agency's site" in article.text and "Table cell text" not in article.text
    assert "\twas final.\nAppeals" in article.text


def _rewritten_docx(data: bytes, change: dict[str, bytes | None], renamed: dict[str, str] | None = None) -> bytes:
    """A copy of a Word package with some parts replaced (None: removed) or renamed."""
    import io
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = change.get(name, source.read(name))
            if content is not None:
                target.writestr((renamed or {}).get(name, name), content)
    return out.getvalue()


def test_docx_main_document_is_found_where_the_package_relationships_put_it(tmp_path: Path) -> None:
    data = docx_bytes(["Amazon will pay $25 million."], title="FTC order")
    import io
    import zipfile

    relationships = zipfile.ZipFile(io.BytesIO(data)).read("_rels/.rels").replace(b"word/document.xml", b"word/main.xml")
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").replace(b"/word/document.xml", b"/word/main.xml")
    write(tmp_path / "moved.docx", _rewritten_docx(data, {"_rels/.rels": relationships, "[Content_Types].xml": types},
                                                    {"word/document.xml": "word/main.xml"}))
    article = only_article(tmp_path)
    assert article.text == "Amazon will pay $25 million." and article.title == "FTC order"


def test_damaged_or_incomplete_docx_is_named_with_its_fault(tmp_path: Path) -> None:
    data = docx_bytes(["Amazon will pay $25 million."])
    write(tmp_path / "broken.docx", _rewritten_docx(data, {"word/document.xml": b"<w:document><w:body>"}))
    write(tmp_path / "hollow.docx", _rewritten_docx(data, {"word/document.xml": None}))
    write(tmp_path / "good.txt", "A good article. It loads.")
    loaded = load_corpus([tmp_path])
    assert [article.id for article in loaded.articles] == ["good.txt"]
    errors = {Path(error.path).name: error.error for error in loaded.errors}
    assert "damaged .docx" in errors["broken.docx"]
    assert "word/document.xml is missing" in errors["hollow.docx"]
