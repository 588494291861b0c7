"""Header lines of plain-text articles are metadata, not sentences; the outlet is guessed, visibly."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from document_builders import write
from reader.articles.corpus import load_corpus

COPIED = """Riverton settles water claims for $4.2 million

By Clare Duffy and Brian Fung, CNN
Published 9:14 AM EST, Tue March 5, 2024
Updated 11:02 AM EST, Wed March 6, 2024
Source: https://edition.cnn.example/2024/03/05/riverton-water

RIVERTON, Ohio (CNN) — The council voted 5 to 2 on Tuesday to settle. "This closes a chapter," the mayor said.

Residents will receive letters within 30 days.
"""


def only(folder: Path):
    loaded = load_corpus([folder])
    assert loaded.errors == []
    return loaded.articles[0]


def test_byline_dates_and_source_address_become_metadata_not_sentences(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", COPIED)
    article = only(tmp_path)
    assert article.byline == "Clare Duffy and Brian Fung, CNN"
    assert article.date == dt.date(2024, 3, 5) and article.metadata_sources["date"] == "document"
    assert article.url == "https://edition.cnn.example/2024/03/05/riverton-water"
    assert article.details["dateline"] == "RIVERTON, Ohio (CNN)"
    sentences = [article.span_text(s) for s in article.sentences]
    assert sentences == ["The council voted 5 to 2 on Tuesday to settle.", '"This closes a chapter," the mayor said.',
                         "Residents will receive letters within 30 days."]
    kinds = {article.text[b.start:b.end]: b.kind for b in article.boilerplate}
    assert kinds["By Clare Duffy and Brian Fung, CNN"] == "byline"
    assert kinds["Updated 11:02 AM EST, Wed March 6, 2024"] == "publication-date"
    assert kinds["RIVERTON, Ohio (CNN) — "] == "dateline"


def test_wire_datelines_are_set_aside(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "WASHINGTON (AP) — The agency fined the company. It will appeal.\n")
    write(tmp_path / "b.txt", "RIVERTON — Officials met on Monday. Nothing was decided.\n")
    articles = {article.id: article for article in load_corpus([tmp_path]).articles}
    assert articles["a.txt"].span_text(articles["a.txt"].sentences[0]) == "The agency fined the company."
    assert articles["b.txt"].details["dateline"] == "RIVERTON"
    assert articles["b.txt"].span_text(articles["b.txt"].sentences[0]) == "Officials met on Monday."


def test_ordinary_opening_sentences_are_not_datelines_or_bylines(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "By Tuesday the council had voted. The FTC - not the city - objected.\n")
    article = only(tmp_path)
    assert article.byline is None and "dateline" not in article.details
    assert article.span_text(article.sentences[0]) == "By Tuesday the council had voted."


def test_outlet_is_guessed_from_the_address_then_the_file_name(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", COPIED)
    write(tmp_path / "riverton-herald.txt", "The council voted. It was close.")
    write(tmp_path / "lakeside-courier" / "2024-03-05.txt", "The council voted. It was close.")
    write(tmp_path / "a.txt", "No name to guess from. None at all.")
    articles = {article.id: article for article in load_corpus([tmp_path]).articles}
    assert articles["story.txt"].outlet == "CNN"
    assert articles["story.txt"].metadata_sources["outlet"] == "guessed-from-address"
    assert articles["riverton-herald.txt"].outlet == "Riverton Herald"
    assert articles["riverton-herald.txt"].metadata_sources["outlet"] == "guessed-from-name"
    assert articles["lakeside-courier/2024-03-05.txt"].outlet == "Lakeside Courier"
    assert articles["a.txt"].outlet is None


def test_the_site_is_named_as_the_article_names_it_else_by_its_registrable_domain(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Source: https://www.riverton-herald.com/2024/03/05/water\n\n"
                              "The council voted on Tuesday. It was close.\n\n"
                              "Copyright 2024 The Riverton Herald. All rights reserved.\n")
    write(tmp_path / "b.txt", "Source: https://news.riverton-herald.com/2024/03/05/water\n\n"
                              "The council voted on Tuesday. It was close.\n")
    write(tmp_path / "c.txt", "https://www.bbc.co.uk/news/articles/c0water\n\nThe council voted. It was close.\n")
    write(tmp_path / "d.txt", "Council votes on the water deal | Lakeside Courier\n\n"
                              "Source: https://lakesidecourier.com/water\n\nThe council voted. It was close.\n")
    articles = {article.id: article for article in load_corpus([tmp_path]).articles}
    assert [articles[name].outlet for name in ("a.txt", "b.txt", "c.txt", "d.txt")] == [
        "The Riverton Herald", "Riverton Herald", "BBC", "Lakeside Courier"]
    assert {article.metadata_sources["outlet"] for article in articles.values()} == {"guessed-from-address"}


def test_a_manifest_outlet_beats_the_guess(tmp_path: Path) -> None:
    write(tmp_path / "riverton-herald.txt", "The council voted. It was close.")
    write(tmp_path / "manifest.toml", '[articles."riverton-herald.txt"]\noutlet = "The Riverton Herald"\n')
    article = only(tmp_path)
    assert (article.outlet, article.metadata_sources["outlet"]) == ("The Riverton Herald", "manifest")
