"""One analysis of the corpus: every article file is read once, and each result has one home."""
from __future__ import annotations

import shutil
import sys
from collections import Counter
from pathlib import Path

from reader.analysis import steps
from reader.analysis.pipeline import analyse_corpus
from reader.analysis.store import AnalysisStore
from reader.articles.corpus import load_corpus
from resources import sample_dir

_watched: list[tuple[str, Counter[str]]] = []


def _count_opens(event: str, args: tuple) -> None:
    if event == "open" and _watched and isinstance(args[0], (str, Path)):
        folder, seen = _watched[-1]
        path = str(args[0])
        if path.startswith(folder):
            seen[Path(path).name] += 1


sys.addaudithook(_count_opens)  # audit hooks stay for the process: it counts only while a test watches


def test_opening_a_corpus_in_the_window_reads_each_article_file_once(qtbot, ui_context, tmp_path):
    from ui.main_window import MainWindow

    folder = tmp_path / "sample"
    shutil.copytree(sample_dir(), folder)
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    opened: Counter[str] = Counter()
    _watched.append((str(folder), opened))
    try:
        with qtbot.waitSignal(window.search.index_ready, timeout=60_000):
            window.open_corpus([folder])
        qtbot.waitUntil(lambda: window.analysis.facts_complete and not ui_context.tasks.busy, timeout=60_000)
    finally:
        _watched.pop()
    articles = sorted(path.name for path in folder.glob("*.txt"))
    assert {name: opened[name] for name in articles} == {name: 1 for name in articles}
    assert window.search.index.article_count == len(articles) and window.analysis.all_quotes()


def test_a_second_analysis_is_answered_from_the_store(corroborate_home):
    articles = load_corpus([sample_dir()]).articles
    first = analyse_corpus(articles)
    store = AnalysisStore()
    registry_key = steps.registry_signature(first.registry)
    stored = store.get_many(steps.QUOTES.name, [steps.quote_key(article, registry_key) for article in articles])
    assert len(stored) == len(articles)
    assert store.get(steps.PROVENANCE.name, steps.provenance_key(articles)) == first.provenance
    second = analyse_corpus(articles)
    assert second.quotes == first.quotes and second.provenance == first.provenance
    assert [fact.as_json() for fact in second.facts] == [fact.as_json() for fact in first.facts]


def test_a_changed_article_is_the_only_one_whose_quotes_are_found_again(corroborate_home, monkeypatch):
    from dataclasses import replace

    articles = load_corpus([sample_dir()]).articles
    analyse_corpus(articles, with_facts=False)
    found: list[str] = []
    real = steps.find_quotes
    monkeypatch.setattr(steps, "find_quotes", lambda article, registry: found.append(article.id) or real(article, registry))
    edited = replace(articles[2], text=articles[2].text + " ", content_hash="edited")
    analyse_corpus([*articles[:2], edited, *articles[3:]], with_facts=False)
    assert found == [edited.id]


def test_facts_read_the_spin_reports_provenance_settled_instead_of_working_them_out(corroborate_home, monkeypatch):
    from reader.facts import text

    def again(article):
        raise AssertionError(f"spin worked out a second time for {article.id}")

    monkeypatch.setattr(text, "spin_report", again)
    analysis = analyse_corpus(load_corpus([sample_dir()]).articles)
    assert analysis.facts and any(item.spin.spun for item in analysis.provenance.articles)
