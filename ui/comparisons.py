"""Feeds the compare view: two articles, N articles against a base, or one fact across outlets.

Every comparison is computed on the task runner; a generation counter drops the answer for a
comparison the researcher has already replaced (git-cola's diff loading). Quotes and spun-word
substitutions from `AnalysisModel` are painted in both panes.
"""
from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from reader.compare.diff import Collation, Comparison, collate, compare_articles
from reader.articles.model import Article, Span
from reader.tokens import CompareOptions
from ui.analysis import AnalysisModel
from ui.compare_view import LOCAL_COMPARE_CHARS, CompareView
from ui.corpus_model import CorpusModel
from ui.tasks import Generation, TaskRunner

class Comparisons(QObject):
    started = Signal(str)
    finished = Signal()
    failed = Signal(str)

    def __init__(self, view: CompareView, corpus: CorpusModel, analysis: AnalysisModel, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self._corpus = corpus
        self._analysis = analysis
        self._tasks = tasks
        self._generation = Generation()
        self.title = ""
        view.baseRequested.connect(self._base_requested)
        view.optionsChanged.connect(self._options_changed)
        analysis.quotes_ready.connect(self.refresh_annotations)

    def compare_pair(self, a: Article, b: Article) -> None:
        self.title = f"{a.display_label} and {b.display_label}"
        options = self.view.options()
        self._start(f"Comparing {self.title}", lambda: compare_articles(a, b, options), [a, b])

    def compare_members(self, members: Sequence[tuple[Article, Span | None]], base: int = 0, title: str = "") -> None:
        """A collation: the members (whole articles, or one sentence span each) against `base`."""
        members = list(members)
        self.title = title or f"{len(members)} articles"
        options = self.view.options()
        self._start(f"Comparing {self.title}", lambda: collate(members, base, options),
                    [article for article, _ in members])

    def step_base(self, step: int) -> None:
        """Make the next (1) or previous (-1) member the base of the collation on show."""
        collation = self.view.collation()
        if collation is None:
            return
        base = (collation.base + step) % len(collation.members)
        self.compare_members(collation.members, base, self.title)

    def comparisons(self) -> list[Comparison]:
        """What is on show, for export: every comparison of a collation, or the one pair."""
        collation = self.view.collation()
        if collation is not None:
            return [collation.comparisons[index] for index in sorted(collation.comparisons)]
        comparison = self.view.comparison()
        return [comparison] if comparison is not None else []

    def clear(self) -> None:
        """Another corpus opened: drop what is being computed and what is on show."""
        self._generation.next()
        self.title = ""
        self.view.clear()
        self.finished.emit()

    def cancel(self) -> None:
        """Drop the comparison being computed; the one on show stays."""
        self._generation.next()
        self.finished.emit()

    def _start(self, message: str, work: Callable[[], Comparison | Collation], articles: list[Article]) -> None:
        self._generation.next()
        self.started.emit(message)
        self._tasks.start("compare", lambda task: work(),
                          on_success=self._generation.bind(lambda result: self._show(result, articles)),
                          on_failure=self._generation.bind(self._fail))

    def _fail(self, message: str) -> None:
        self.finished.emit()
        self.failed.emit(message)

    def _show(self, result: Comparison | Collation, articles: list[Article]) -> None:
        annotations = self._annotations(articles)
        if isinstance(result, Collation):
            self.view.show_collation(result, **annotations)
        else:
            self.view.show_comparison(result, *articles, **annotations)
        self.finished.emit()

    def _annotations(self, articles: list[Article]) -> dict:
        analysis = self._analysis
        return {"quotes": {article.id: analysis.quotes_of(article) for article in articles},
                "registry": analysis.parties,
                "substitutions": {article.id: analysis.substitutions(article) for article in articles}}

    def _on_show(self) -> list[Article]:
        collation = self.view.collation()
        if collation is not None:
            return [article for article, _ in collation.members]
        comparison = self.view.comparison()
        if comparison is None:
            return []
        return [self._corpus.article(comparison.a_id), self._corpus.article(comparison.b_id)]

    def refresh_annotations(self) -> None:
        """Quotes or spun words became known: paint them on the comparison on show."""
        articles = self._on_show()
        if articles:
            self.view.set_annotations(**self._annotations(articles))

    def _too_big_for_the_view(self, articles: list[Article]) -> bool:
        return sum(len(article.text) for article in articles) > LOCAL_COMPARE_CHARS

    def _base_requested(self, base: int) -> None:
        """The researcher chose a base in the view; small collations the view rebases itself."""
        collation = self.view.collation()
        if collation is not None and self._too_big_for_the_view([a for a, _ in collation.members]):
            self.compare_members(collation.members, base, self.title)

    def _options_changed(self, _options: CompareOptions) -> None:
        """New options: recompute, unless the view redoes a small collation itself."""
        articles = self._on_show()
        collation = self.view.collation()
        if collation is not None and self._too_big_for_the_view(articles):
            self.compare_members(collation.members, collation.base, self.title)
        elif collation is None and articles:
            self.compare_pair(*articles)
