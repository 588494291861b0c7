"""The search index holds every article of an export and follows the export when it changes."""
from __future__ import annotations

from pathlib import Path

from document_builders import write
from export_builders import nexis_classic_txt, stories
from index_helpers import open_index


def test_each_article_of_an_export_is_indexed_and_an_edited_export_replaces_them(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "export.txt", nexis_classic_txt(stories(4)))
    write(folder / "single.txt", "A zeppelin landed in Riverton. Nobody saw it.")
    corpus_index = open_index([folder])
    assert corpus_index.article_count == 5
    assert {hit.id for hit in corpus_index.search('"meeting 3"').hits} == {"export.txt#3"}

    write(folder / "export.txt", nexis_classic_txt(stories(3, start=11)))
    corpus_index = open_index([folder])
    report = corpus_index.report
    assert (report.changed, report.removed, report.added, report.unchanged) == (3, 1, 0, 1)
    assert corpus_index.article_count == 4
    assert {hit.id for hit in corpus_index.search('"meeting 12"').hits} == {"export.txt#2"}
    assert not corpus_index.search('"meeting 3"').hits

    again = open_index([folder]).report
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 4)
