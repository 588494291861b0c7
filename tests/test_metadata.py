"""Metadata precedence: user correction > manifest > document > file name."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from document_builders import NEWS_HTML, write
from reader.articles.corpus import load_corpus
from reader.articles.corrections import Corrections


def test_date_from_file_name_when_nothing_else_says(tmp_path: Path) -> None:
    write(tmp_path / "2023-05-31-ftc-amazon.txt", "Amazon will pay. The FTC said so.")
    article = load_corpus([tmp_path]).articles[0]
    assert article.date == dt.date(2023, 5, 31)
    assert article.metadata_sources["date"] == "filename"


def test_document_date_stamp_beats_file_name(tmp_path: Path) -> None:
    write(tmp_path / "2020-01-01-story.txt", " date 2023-06-01 Amazon will pay. The FTC said so.")
    article = load_corpus([tmp_path]).articles[0]
    assert article.date == dt.date(2023, 6, 1)
    assert article.metadata_sources["date"] == "document"


def test_manifest_beats_document(tmp_path: Path) -> None:
    write(tmp_path / "page.html", NEWS_HTML)
    write(tmp_path / "manifest.toml", '[articles."page.html"]\noutlet = "Ledger (print)"\ndate = 2023-06-02\nlabel = "Ledger A"\n')
    article = load_corpus([tmp_path]).articles[0]
    assert (article.outlet, article.date, article.display_label) == ("Ledger (print)", dt.date(2023, 6, 2), "Ledger A")
    assert article.title == "FTC fines Amazon over Alexa"
    assert article.metadata_sources == {"outlet": "manifest", "date": "manifest", "title": "document", "url": "document"}


def test_user_correction_beats_manifest_and_lives_outside_the_source(tmp_path: Path, corroborate_home: Path) -> None:
    source = tmp_path / "corpus"
    write(source / "page.html", NEWS_HTML)
    write(source / "manifest.toml", '[articles."page.html"]\noutlet = "Ledger (print)"\n')
    path = str(source / "page.html")
    Corrections().set(path, "outlet", "The Daily Ledger (web)")
    Corrections().set(path, "date", dt.date(2023, 5, 30))
    article = load_corpus([source]).articles[0]
    assert article.outlet == "The Daily Ledger (web)"
    assert article.date == dt.date(2023, 5, 30)
    assert article.metadata_sources["outlet"] == "user"
    assert (corroborate_home / "data" / "corrections.json").exists()
    assert sorted(p.name for p in source.iterdir()) == ["manifest.toml", "page.html"]


def test_clearing_a_correction_restores_the_manifest_value(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Text here. More.")
    write(tmp_path / "manifest.toml", '[articles."a.txt"]\noutlet = "Manifest Outlet"\n')
    corrections = Corrections()
    corrections.set(str(tmp_path / "a.txt"), "outlet", "Mine")
    corrections.set(str(tmp_path / "a.txt"), "outlet", None)
    assert load_corpus([tmp_path]).articles[0].outlet == "Manifest Outlet"


def test_broken_manifest_is_reported_and_articles_still_load(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Text here. More.")
    write(tmp_path / "manifest.toml", "[articles\nthis is not toml")
    loaded = load_corpus([tmp_path])
    assert [a.id for a in loaded.articles] == ["a.txt"]
    assert loaded.errors[0].path.endswith("manifest.toml")
    assert "manifest ignored" in loaded.errors[0].error


def test_manifest_with_unknown_field_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Text here.")
    write(tmp_path / "manifest.toml", '[articles."a.txt"]\noutlett = "typo"\n')
    loaded = load_corpus([tmp_path])
    assert "unknown field(s): outlett" in loaded.errors[0].error
