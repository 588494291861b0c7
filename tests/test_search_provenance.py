"""`spun:` and `copyof:` search filters, answered from the verdicts the corpus analysis wrote into the index."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index_helpers import open_index
from index import CorpusIndex, SearchFilters
from resources import sample_dir
from reuse_texts import CHEMISTRY, HARBOUR, ORCHARD, dated


def ids(corpus_index: CorpusIndex, query: str, filters: SearchFilters | None = None) -> set[str]:
    return {hit.id.split("_")[0].removesuffix(".txt") for hit in corpus_index.search(query, filters=filters).hits}


@pytest.fixture
def sample_index(tmp_path: Path) -> CorpusIndex:
    folder = tmp_path / "sample"
    shutil.copytree(sample_dir(), folder)
    return open_index([folder])


def test_only_000_of_the_sample_is_spun(sample_index):
    assert ids(sample_index, "spun:yes") == {"000"}
    assert ids(sample_index, "spun:no") == {"001", "002", "003", "004"}
    assert ids(sample_index, "alexa spun:yes") == {"000"}
    assert ids(sample_index, "settlement -spun:yes") == ids(sample_index, "settlement spun:no") == {"001", "003", "004"}


def test_spun_filter_does_not_change_scores(sample_index):
    plain = {hit.id: hit.score for hit in sample_index.search("alexa").hits}
    filtered = {hit.id: hit.score for hit in sample_index.search("alexa spun:no").hits}
    assert filtered and all(filtered[key] == pytest.approx(plain[key]) for key in filtered)


def test_spun_facet_and_filter(sample_index):
    assert sample_index.search("alexa").facets["spun"] == {"yes": 1, "no": 4}
    assert ids(sample_index, "alexa", SearchFilters(spun=True)) == {"000"}
    assert ids(sample_index, "alexa", SearchFilters(spun=False)) == {"001", "002", "003", "004"}


def test_a_spun_value_other_than_yes_or_no_is_reported_and_left_out(sample_index):
    results = sample_index.search("spun:maybe alexa")
    assert "spun:yes or spun:no" in results.problems[0].message
    assert results.total == 5


def test_the_sample_has_no_copies(sample_index):
    assert ids(sample_index, "copyof:000_f0d0c7c1b1ea7f32") == set()


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def test_copyof_by_article_and_by_outlet_and_after_the_source_is_added(tmp_path):
    folder = tmp_path / "newsroom"
    write(folder, "harbour-wire", dated(HARBOUR.replace("eight months", "8 months"), "2024-03-05"))
    write(folder, "orchard", ORCHARD)
    write(folder, "chemistry", CHEMISTRY)
    (folder / "manifest.toml").write_text('[articles."harbour.txt"]\noutlet = "Harbour Herald"\n', encoding="utf-8")
    before = open_index([folder])
    assert ids(before, "copyof:harbour") == set()
    assert ids(before, "spun:no") == {"harbour-wire", "orchard", "chemistry"}
    before.close()

    write(folder, "harbour", dated(HARBOUR, "2024-03-04"))
    after = open_index([folder])
    assert (after.report.added, after.report.changed, after.report.unchanged) == (1, 1, 2)  # the copy learns its source
    assert ids(after, "copyof:harbour") == ids(after, "copyof:harbour.txt") == {"harbour-wire"}
    assert ids(after, 'copyof:"harbour herald"') == {"harbour-wire"}
    assert ids(after, "bridge -copyof:harbour") == {"harbour"}
    assert ids(after, "copyof:orchard") == set()
    after.close()

    (folder / "harbour.txt").unlink()
    gone = open_index([folder])
    assert ids(gone, "copyof:harbour") == set()
