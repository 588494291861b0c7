"""News-database exports split into their articles, with the export's own fields and place."""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from document_builders import write
from export_builders import (Story, factiva_coded_html, factiva_coded_paragraphs, factiva_html, factiva_paragraphs,
                             nexis_classic_txt, nexis_uni_docx, nexis_uni_paragraphs, proquest_html, proquest_txt,
                             rtf, stories, word_rtf)
from reader.articles.corpus import load_corpus
from reader.articles.corrections import Corrections
from reader.export.citation import cite

TEN = stories(10)


def exports() -> dict[str, bytes]:
    return {
        "nexis-uni.docx": nexis_uni_docx(TEN),
        "nexis-uni.rtf": rtf(nexis_uni_paragraphs(TEN)),
        "nexis-uni-word-style.rtf": word_rtf(nexis_uni_paragraphs(TEN), extras=False),
        "nexis-classic.txt": nexis_classic_txt(TEN).encode("utf-8"),
        "factiva.rtf": rtf(factiva_paragraphs(TEN)),
        "factiva.html": factiva_html(TEN),
        "factiva-indexed.rtf": rtf(factiva_coded_paragraphs(TEN)),
        "factiva-indexed.html": factiva_coded_html(TEN),
        "proquest.txt": proquest_txt(TEN).encode("utf-8"),
        "proquest.html": proquest_html(TEN),
    }


@pytest.mark.parametrize("name", list(exports()))
def test_an_export_gives_each_article_with_its_fields(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, exports()[name])
    loaded = load_corpus([tmp_path])
    assert loaded.errors == []
    assert [article.id for article in loaded.articles] == [f"{name}#{number}" for number in range(1, 11)]
    for story, article in zip(TEN, loaded.articles):
        assert (article.title, article.outlet, article.date) == (story.title, story.outlet, story.date)
        assert article.byline == story.byline
        assert article.text == "\n\n".join(story.body)
        assert article.metadata_sources["outlet"] == "document"
        assert article.path == str(tmp_path / name)
    third = loaded.articles[2]
    assert (third.place.number, third.place.total, third.place.describe()) == (3, 10, "3 of 10")
    assert [third.span_text(sentence) for sentence in third.sentences][0].startswith("The Riverton council voted 3")


@pytest.mark.parametrize("name", ["nexis-uni.docx", "nexis-uni.rtf", "nexis-uni-word-style.rtf", "nexis-classic.txt"])
def test_nexis_fields_and_no_cover_page_or_page_headers(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, exports()[name])
    article = load_corpus([tmp_path]).articles[0]
    assert article.section.lower() == "local news; pg. a3"
    assert article.details["length"] == f"{TEN[0].words} words"
    assert article.details["copyright"].startswith(f"Copyright 2024 {TEN[0].outlet}")
    assert article.details["language"] == "ENGLISH"
    everything = " ".join(article.text for article in load_corpus([tmp_path]).articles)
    for header_text in ("User Name", "Job Number", "Search Terms", "Page header", "Page 1 of 9", "End of Document",
                        "Load-Date", "LOAD-DATE", "Copyright", "Byline", "BYLINE"):
        assert header_text not in everything


@pytest.mark.parametrize("name", ["factiva.rtf", "factiva.html", "factiva-indexed.rtf", "factiva-indexed.html"])
def test_factiva_articles_keep_their_document_id(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, exports()[name])
    articles = load_corpus([tmp_path]).articles
    assert [article.place.document_id for article in articles] == [story.document_id for story in TEN]
    assert articles[0].details["length"] == f"{TEN[0].words} words"


@pytest.mark.parametrize("name", ["proquest.txt", "proquest.html"])
def test_proquest_articles_keep_their_document_id_and_section(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, exports()[name])
    articles = load_corpus([tmp_path]).articles
    assert [article.place.document_id for article in articles] == [str(880000 + n) for n in range(1, 11)]
    assert articles[4].section == TEN[4].section


def test_ids_are_stable_across_reloads_and_single_files_keep_theirs(tmp_path: Path) -> None:
    write(tmp_path / "export.docx", nexis_uni_docx(TEN))
    write(tmp_path / "note.txt", "A single article. It stays one.")
    first = [(article.id, article.text) for article in load_corpus([tmp_path]).articles]
    again = [(article.id, article.text) for article in load_corpus([tmp_path]).articles]
    assert first == again
    assert [article_id for article_id, _ in first][-1] == "note.txt"
    assert load_corpus([tmp_path]).articles[-1].place is None


def test_each_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "export.docx", nexis_uni_docx(TEN))
    reads: list[str] = []
    original = Path.read_bytes

    def counting(path: Path) -> bytes:
        reads.append(path.name)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    assert len(load_corpus([tmp_path]).articles) == 10
    assert reads == ["export.docx"]


def test_a_correction_changes_one_article_of_an_export(tmp_path: Path) -> None:
    write(tmp_path / "export.txt", nexis_classic_txt(TEN))
    third = load_corpus([tmp_path]).articles[2]
    Corrections().set(third.key, "outlet", "Riverton Herald (print)")
    articles = load_corpus([tmp_path]).articles
    assert articles[2].outlet == "Riverton Herald (print)" and articles[2].metadata_sources["outlet"] == "user"
    assert [article.outlet for article in articles[:2] + articles[3:]] == [s.outlet for s in TEN[:2] + TEN[3:]]


def test_citation_names_the_export_file_and_document_number(tmp_path: Path) -> None:
    write(tmp_path / "factiva.rtf", rtf(factiva_paragraphs(TEN)))
    article = load_corpus([tmp_path]).articles[6]
    start, end = article.sentences[0]
    citation = cite(article, start, end)
    assert f"{tmp_path / 'factiva.rtf'}, document 7 of 10, {TEN[6].document_id}" in citation
    assert f"{TEN[6].outlet}, {TEN[6].date.day} March 2024, ¶ 1" in citation


def test_a_damaged_document_is_named_and_the_others_load(tmp_path: Path) -> None:
    lines = nexis_uni_paragraphs(TEN)
    fourth_body = [index for index, line in enumerate(lines) if line == "Body"][3]
    del lines[fourth_body]
    write(tmp_path / "export.rtf", rtf(lines))
    loaded = load_corpus([tmp_path])
    assert [article.place.number for article in loaded.articles] == [1, 2, 3, 5, 6, 7, 8, 9, 10]
    assert len(loaded.errors) == 1
    assert loaded.errors[0].path == str(tmp_path / "export.rtf")
    assert "document 4 of 10" in loaded.errors[0].error and "Body" in loaded.errors[0].error


def test_two_articles_run_together_are_reported_never_merged(tmp_path: Path) -> None:
    lines = nexis_uni_paragraphs(TEN)
    lines.remove("End of Document")
    write(tmp_path / "export.rtf", rtf(lines))
    loaded = load_corpus([tmp_path])
    assert len(loaded.articles) == 8
    assert "holds two articles" in loaded.errors[0].error and "document 1 of 10" in loaded.errors[0].error
    assert "cover page lists 10 documents but only 9" in loaded.errors[1].error
    assert all(article.text.count("The Riverton council voted") == 1 for article in loaded.articles)


def test_missing_documents_of_a_classic_export_are_named(tmp_path: Path) -> None:
    kept = [story for number, story in enumerate(TEN, start=1) if number not in (5, 6)]
    write(tmp_path / "export.txt", nexis_classic_txt(kept, numbers=[1, 2, 3, 4, 7, 8, 9, 10]).replace(
        "of 8 DOCUMENTS", "of 10 DOCUMENTS"))
    loaded = load_corpus([tmp_path])
    assert [article.place.number for article in loaded.articles] == [1, 2, 3, 4, 7, 8, 9, 10]
    assert ["document(s) 5, 6 of 10 are missing from the file"] == [error.error for error in loaded.errors]


def test_an_export_whose_articles_all_fail_is_one_error_per_document(tmp_path: Path) -> None:
    text = nexis_classic_txt(TEN[:2]).replace("BYLINE:", "NAME -").replace("SECTION:", "PART -").replace(
        "LENGTH:", "SIZE -")
    write(tmp_path / "export.txt", text)
    write(tmp_path / "other.txt", "Another article. It loads.")
    loaded = load_corpus([tmp_path])
    assert [article.id for article in loaded.articles] == ["other.txt"]
    assert "document 1 of 2: no BYLINE:" in loaded.errors[0].error
    assert "document 2 of 2: no BYLINE:" in loaded.errors[0].error


def test_pdf_exports_are_split_and_their_page_numbers_dropped(tmp_path: Path) -> None:
    from document_builders import pdf_bytes

    plain = stories(2)
    for story in plain:
        story.body = [paragraph.replace("\u201c", '"').replace("\u201d", '"') for paragraph in story.body]
    nexis = [line.replace("\u00a0", " ") for line in nexis_uni_paragraphs(plain)]
    nexis.insert(nexis.index("Body") + 2, "Page 2 of 3")
    write(tmp_path / "nexis.pdf", pdf_bytes(nexis))
    write(tmp_path / "factiva.pdf", pdf_bytes(factiva_paragraphs(plain)))
    loaded = load_corpus([tmp_path])
    assert loaded.errors == []
    assert [(a.id, a.title, a.outlet, a.date) for a in loaded.articles] == [
        (f"{name}#{n}", story.title, story.outlet, story.date)
        for name in ("factiva.pdf", "nexis.pdf") for n, story in enumerate(plain, start=1)]
    assert all("Page 2 of 3" not in article.text for article in loaded.articles)
    assert loaded.articles[3].place.document_id is None and loaded.articles[1].place.document_id == plain[1].document_id


def test_a_plain_word_file_with_no_export_markers_is_one_article(tmp_path: Path) -> None:
    from document_builders import docx_bytes

    write(tmp_path / "memo.docx", docx_bytes(["The council met on Tuesday.", "It voted to settle."]))
    article = load_corpus([tmp_path]).articles[0]
    assert article.id == "memo.docx" and article.place is None


def test_dates_in_exports_are_read_from_the_vendor_date_lines(tmp_path: Path) -> None:
    write(tmp_path / "export.txt", nexis_classic_txt(TEN[:1]))
    article = load_corpus([tmp_path]).articles[0]
    assert article.date == dt.date(2024, 3, 2) and article.details["load-date"] == "March 3, 2024"


def test_an_article_that_merely_mentions_a_marker_stays_one_article(tmp_path: Path) -> None:
    write(tmp_path / "memo.txt", "The clerk's file ends with a line.\n\nEnd of Document\n\nFull text: none was given.\n")
    article = load_corpus([tmp_path]).articles[0]
    assert (article.id, article.place) == ("memo.txt", None)
    assert article.text.startswith("The clerk's file")


def test_nexis_fields_are_read_with_or_without_a_space_after_the_colon(tmp_path: Path) -> None:
    lines = [line.replace("Length:\u00a0", "Length:").replace("Byline:\u00a0", "Byline:  ")
             for line in nexis_uni_paragraphs(TEN[:2])]
    write(tmp_path / "export.rtf", rtf(lines))
    articles = load_corpus([tmp_path]).articles
    assert [(a.byline, a.details["length"]) for a in articles] == [(s.byline, f"{s.words} words") for s in TEN[:2]]


def test_a_manifest_entry_can_label_one_article_of_an_export(tmp_path: Path) -> None:
    write(tmp_path / "export.txt", nexis_classic_txt(TEN[:3]))
    write(tmp_path / "manifest.toml", '[articles."export.txt#2"]\nlabel = "Courier, 3 March"\n'
                                      'outlet = "Lakeside Courier (print)"\n'
                                      '[articles."export.txt"]\noutlet = "Not applied to the articles"\n')
    articles = load_corpus([tmp_path]).articles
    assert [a.outlet for a in articles] == [TEN[0].outlet, "Lakeside Courier (print)", TEN[2].outlet]
    assert articles[1].display_label == "Courier, 3 March" and articles[1].metadata_sources["outlet"] == "manifest"


def test_a_classic_nexis_text_wrapped_at_80_columns_joins_each_paragraph(tmp_path: Path) -> None:
    long = [Story(title="Riverton council approves a $4.2 million settlement over the failed water plant after years of delay",
                  outlet=story.outlet, date=story.date, byline=story.byline, section=story.section,
                  body=[paragraph + " " + paragraph for paragraph in story.body] + ["Short closing line."])
            for story in stories(3)]
    wrapped = nexis_classic_txt(long, width=80)
    first = textwrap.fill(long[0].body[0], 80)
    assert max(len(line) for line in wrapped.splitlines()) <= 80 and "\n" in first and first in wrapped
    write(tmp_path / "classic.txt", wrapped)
    loaded = load_corpus([tmp_path])
    assert loaded.errors == []
    assert len(loaded.articles) == 3
    for story, article in zip(long, loaded.articles):
        assert article.text == "\n\n".join(story.body)
        assert [article.span_text(span) for span in article.paragraphs] == story.body
        assert (article.title, article.outlet, article.date) == (story.title, story.outlet, story.date)
        assert article.details["copyright"] == f"Copyright {story.date.year} {story.outlet} All Rights Reserved"
        assert article.details["publication-type"] == "Newspaper"
        assert article.details["edition"] == "Final Edition"
