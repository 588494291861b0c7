"""The index as a cache: incremental updates, damaged or outdated indexes rebuilt, one writer at a time."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from index_helpers import open_index
from index import CorpusIndex, IndexBusy, IndexCancelled
from index import store
from index.schema import SCHEMA_VERSION
from resources import sample_dir

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(sample_dir(), folder)
    return folder


def hit_ids(corpus_index: CorpusIndex, query: str) -> set[str]:
    return {hit.id[:3] for hit in corpus_index.search(query).hits}


def test_index_lives_in_the_cache_never_in_the_corpus(corpus, corroborate_home):
    before = sorted(path.name for path in corpus.rglob("*"))
    corpus_index = open_index([corpus])
    assert corpus_index.location.is_relative_to(corroborate_home / "cache" / "indexes")
    assert sorted(path.name for path in corpus.rglob("*")) == before
    assert corpus_index.report.added == 5 and corpus_index.article_count == 5


def test_reopening_an_unchanged_corpus_touches_nothing(corpus):
    open_index([corpus])
    report = open_index([corpus]).report
    assert (report.added, report.changed, report.removed, report.unchanged) == (0, 0, 0, 5)
    assert not report.rebuilt and not report.notices


def test_edit_add_and_delete_are_each_picked_up(corpus):
    open_index([corpus])
    edited = next(corpus.glob("003_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA zeppelin was also mentioned.\n", encoding="utf-8")
    (corpus / "005_new.txt").write_text("Ring cameras and a marmalade factory.\n", encoding="utf-8")
    next(corpus.glob("004_*.txt")).unlink()
    corpus_index = open_index([corpus])
    report = corpus_index.report
    assert (report.added, report.changed, report.removed, report.unchanged) == (1, 1, 1, 3)
    assert hit_ids(corpus_index, "zeppelin") == {"003"}
    assert hit_ids(corpus_index, "marmalade") == {"005"}
    assert "004" not in hit_ids(corpus_index, "cnbc")
    assert corpus_index.article_count == 5
    edited_hit = corpus_index.search("zeppelin").hits[0]
    text = edited.read_text(encoding="utf-8")
    assert [text[start:end] for start, end in edited_hit.highlights] == ["zeppelin"]


def test_an_unreadable_file_is_reported_and_the_rest_indexed(corpus):
    (corpus / "broken.pdf").write_bytes(b"not a pdf at all")
    corpus_index = open_index([corpus])
    assert corpus_index.article_count == 5
    assert [Path(error.path).name for error in corpus_index.report.errors] == ["broken.pdf"]
    assert [Path(error.path).name for error in open_index([corpus]).report.errors] == ["broken.pdf"]


def test_a_manifest_edit_re_indexes_the_article_it_names(corpus):
    assert open_index([corpus]).search("outlet:entrepreneur").total == 1
    manifest = corpus / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('outlet = "Entrepreneur"', 'outlet = "Inc."'),
                        encoding="utf-8")
    corpus_index = open_index([corpus])
    assert (corpus_index.report.changed, corpus_index.report.unchanged) == (1, 4)
    assert corpus_index.search("outlet:entrepreneur").total == 0
    assert {hit.id[:3] for hit in corpus_index.search("outlet:inc").hits} == {"003"}


def test_progress_is_reported_and_cancel_commits_nothing(corpus):
    seen = []
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            cancel.set()

    with pytest.raises(IndexCancelled):
        open_index([corpus], progress=progress, cancel=cancel)
    assert seen[:2] == [(1, 5), (2, 5)]
    assert not store.index_location([corpus]).exists()
    assert open_index([corpus]).article_count == 5


def test_a_new_schema_version_rebuilds_with_a_notice(corpus):
    location = open_index([corpus]).location
    (location / store.STATE_FILE).write_text(json.dumps({"schema": SCHEMA_VERSION - 1}), encoding="utf-8")
    corpus_index = open_index([corpus])
    assert corpus_index.report.rebuilt
    assert "another version of Corroborate" in corpus_index.report.notices[0]
    assert hit_ids(corpus_index, "geolocation") == {"000", "001", "002", "003"}


@pytest.mark.parametrize("damage", ["truncate", "remove"])
def test_a_damaged_index_is_rebuilt_with_a_notice(corpus, damage):
    location = open_index([corpus]).location
    segments = [path for path in location.iterdir() if path.suffix in (".seg", ".toc")]
    assert segments
    for path in segments:
        if damage == "truncate":
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
        else:
            path.unlink()
    corpus_index = open_index([corpus])
    assert corpus_index.report.rebuilt
    assert corpus_index.report.notices[0].startswith("The search index was rebuilt because")
    assert corpus_index.article_count == 5
    assert hit_ids(corpus_index, "cnbc") == {"004"}
    assert not list(location.parent.glob("*.rebuild-*")) and not list(location.parent.glob("*.old-*"))


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    import whoosh.index
    sys.path.insert(0, "tests")
    from index_helpers import open_index
    def stalled_toc(*args, **kwargs):
        print("writing the table of contents", flush=True)
        time.sleep(60)
    whoosh.index.TOC.write = stalled_toc
    open_index([sys.argv[1]])
""")


def test_a_writer_killed_mid_commit_leaves_an_index_that_opens(corpus, corroborate_home):
    """kill -9 in the middle of a commit (segment written, not yet listed): the next open works and is complete."""
    open_index([corpus])
    (corpus / "005_new.txt").write_text("A report about a marmalade factory.\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(corpus)], cwd=REPO, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "CORROBORATE_HOME": str(corroborate_home)})
    try:
        assert child.stdout.readline().strip() == "writing the table of contents"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    corpus_index = open_index([corpus])
    assert corpus_index.article_count == 6
    assert hit_ids(corpus_index, "marmalade") == {"005"}
    assert hit_ids(corpus_index, "cnbc") == {"004"}


FIRST_BUILD_KILLED = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, "tests")
    from index_helpers import open_index
    def progress(done, total):
        if done == 3:
            print("building", flush=True)
            time.sleep(60)
    open_index([sys.argv[1]], progress=progress)
""")


def test_a_first_build_killed_half_way_leaves_nothing_half_built(corpus, corroborate_home):
    child = subprocess.Popen([sys.executable, "-c", FIRST_BUILD_KILLED, str(corpus)], cwd=REPO, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "CORROBORATE_HOME": str(corroborate_home)})
    try:
        assert child.stdout.readline().strip() == "building"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    location = store.index_location([corpus])
    assert not location.exists() and list(location.parent.glob("*.rebuild-*"))
    corpus_index = open_index([corpus])
    assert corpus_index.article_count == 5
    assert not list(location.parent.glob("*.rebuild-*"))


LOCK_HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from index import store
    with store.write_lock(store.index_location([Path(sys.argv[1])]), wait=5):
        print("locked", flush=True)
        time.sleep(60)
""")


@pytest.fixture
def other_writer(corpus, corroborate_home):
    """Another process holding the corpus's writer lock, as a second window indexing would."""
    child = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(corpus)], cwd=REPO, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "CORROBORATE_HOME": str(corroborate_home)})
    assert child.stdout.readline().strip() == "locked"
    yield child
    child.kill()
    child.wait()


def test_a_second_writer_without_an_index_gets_a_clear_message(corpus, other_writer):
    started = time.monotonic()
    with pytest.raises(IndexBusy, match="another Corroborate window or process is updating"):
        open_index([corpus], wait=0.5)
    assert 0.5 <= time.monotonic() - started < 5


def test_a_second_writer_with_an_index_searches_it_as_saved(corpus, corroborate_home):
    open_index([corpus])
    (corpus / "005_new.txt").write_text("A marmalade factory.\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(corpus)], cwd=REPO, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "CORROBORATE_HOME": str(corroborate_home)})
    try:
        assert child.stdout.readline().strip() == "locked"
        corpus_index = open_index([corpus], wait=0.2)
    finally:
        child.kill()
        child.wait()
    assert "searching the index as it was last saved" in corpus_index.report.notices[0]
    assert corpus_index.article_count == 5 and not hit_ids(corpus_index, "marmalade")
    assert open_index([corpus]).article_count == 6


def test_a_writer_waits_briefly_for_the_other_to_finish(corpus):
    location = store.index_location([corpus])
    holder = threading.Thread(target=lambda: _hold(location, 0.4))
    holder.start()
    time.sleep(0.1)
    try:
        assert open_index([corpus], wait=5).article_count == 5
    finally:
        holder.join()


def _hold(location: Path, seconds: float) -> None:
    with store.write_lock(location, wait=1):
        time.sleep(seconds)


def test_the_corpus_key_ignores_order_and_spelling(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert store.corpus_key([first, second]) == store.corpus_key([second, tmp_path / "x" / ".." / "a"])
    assert store.corpus_key([first]) != store.corpus_key([second])


def test_the_index_package_never_imports_qt():
    code = "import sys, index, index.corpus_index, app.cli.search, app.cli.index; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


class Said:
    """A quote-like object: the first sentence of the article, attributed to Ring."""

    def __init__(self, article):
        self.start, self.end = article.sentences[0]
        self.text, self.entity = article.text[self.start:self.end], "ring"


def first_sentence_quoted(article):
    return [Said(article)] if article.sentences else []


def test_new_quotes_re_write_the_documents_they_change(corpus):
    assert open_index([corpus]).search("speaker:ring").total == 0
    corpus_index = open_index([corpus], quote_finder=first_sentence_quoted)
    assert not corpus_index.report.rebuilt and corpus_index.report.changed == 5
    assert corpus_index.search("speaker:ring").total == 5
    assert open_index([corpus], quote_finder=first_sentence_quoted).report.unchanged == 5


def test_an_empty_or_missing_corpus_opens_and_searches(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    for paths in ([empty], [tmp_path / "missing"]):
        for _ in range(2):
            corpus_index = open_index(paths)
            assert corpus_index.article_count == 0 and not corpus_index.report.notices
            results = corpus_index.search("alexa~ OR privacy*")
            assert results.total == 0 and results.suggestion is None
    assert [error.error for error in open_index([tmp_path / "missing"]).report.errors] == ["no such file or folder"]


def test_a_researchers_correction_is_searchable_and_re_indexes_only_its_article(corpus):
    from reader.articles.corrections import Corrections

    open_index([corpus])
    article = next(corpus.glob("002_*.txt"))
    Corrections().set(str(article), "outlet", "Metro Herald")
    corpus_index = open_index([corpus])
    assert (corpus_index.report.changed, corpus_index.report.unchanged) == (1, 4)
    assert {hit.id[:3] for hit in corpus_index.search('outlet:"metro herald"').hits} == {"002"}
    assert corpus_index.search("amazon").facets["outlet"]["Metro Herald"] == 1


def test_an_empty_corpus_can_be_searched_repeatedly(tmp_path) -> None:
    sys.path.insert(0, "tests")
    from index_helpers import open_index

    corpus_index = open_index([tmp_path])
    try:
        assert corpus_index.search("privacy").total == 0
        assert corpus_index.search('"federal trade commission"').total == 0
    finally:
        corpus_index.close()
