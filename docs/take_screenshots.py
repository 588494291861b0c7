"""Screenshots of the window's main views for the README, taken from the real app on the sample.

Run under a virtual display so they look like a desktop session, once per screen size:
`xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/take_screenshots.py 1600x1000` and
`xvfb-run -a -s "-screen 0 1024x700x24" .venv/bin/python docs/take_screenshots.py 1024x700`
(QT_QPA_PLATFORM=offscreen works too, with plainer fonts). The window fills the screen, as a
researcher's would; the smaller size's pictures get a `-1024x700` suffix. Writes PNGs next to
this file, using a throwaway CORROBORATE_HOME so your own settings are neither used nor changed.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


SIZES = {"1600x1000": "", "1024x700": "-1024x700"}


def main() -> int:
    size = sys.argv[1] if len(sys.argv) > 1 else "1600x1000"
    if size not in SIZES:
        print(f"take_screenshots.py: size must be one of {', '.join(SIZES)}", file=sys.stderr)
        return 2
    width, height = map(int, size.split("x"))
    suffix = SIZES[size]
    os.environ["CORROBORATE_HOME"] = tempfile.mkdtemp(prefix="corroborate-shots-")
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.actions import ActionId
    from ui.app import create_application
    from ui.context import AppContext
    from ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(AppContext())
    window.resize(width, height)
    window.show()
    loop = QEventLoop()
    window.open_initial_corpus()
    while window.context.tasks.busy or window.search.index is None:  # quotes, facts, provenance, index
        app.processEvents()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    def settle() -> None:
        for _ in range(3):
            app.processEvents()
            QTimer.singleShot(50, loop.quit)
            loop.exec()

    def shoot(widget, name: str) -> None:
        settle()
        name = name.replace(".png", f"{suffix}.png")
        widget.grab().save(str(HERE / name))
        print(f"wrote docs/{name}")

    def finish(signal) -> None:
        signal.connect(loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    window.context.actions.action(ActionId.SHOW_OVERVIEW).trigger()
    shoot(window, "window-overview.png")
    window.context.corpus.set_current("002_89cc7c77c4f9c577.txt")
    window.focus_reader()
    first_quote = window.analysis.quotes_of(window.context.corpus.current)[0]
    window.reader.reveal(first_quote.start)
    shoot(window, "window-reader.png")
    quotes = window.quotes_panel
    window.context.actions.action(ActionId.SHOW_QUOTES).trigger()
    window.context.actions.action(ActionId.NEXT_PARTY).trigger()
    quotes.table.setCurrentIndex(quotes.model.index(1, 0))
    window.context.actions.action(ActionId.OPEN_QUOTE).trigger()
    shoot(window, "window-quotes.png")
    window.context.actions.action(ActionId.PREVIOUS_PARTY).trigger()
    window.context.actions.action(ActionId.SHOW_FACTS).trigger()
    matrix = window.fact_matrix
    disputed = next(row for row, fact in enumerate(matrix.matrix.facts) if len(fact.discrepancies) and len(fact.members) > 3)
    matrix.setCurrentIndex(matrix.matrix.index(disputed, 0))
    matrix.scrollTo(matrix.currentIndex())
    shoot(window, "window-fact-matrix.png")
    window.context.actions.action(ActionId.OPEN_FACT_CELL).trigger()
    finish(window.comparisons.finished)
    window.compare_view.next_change()
    shoot(window, "window-compare-fact.png")
    window.context.actions.action(ActionId.FOCUS_SEARCH).trigger()
    window.search_panel.query.setText("authentication OR multifactor")
    finish(window.search.results_ready)
    window.context.actions.action(ActionId.OPEN_HIT).trigger()
    window.context.actions.action(ActionId.NEXT_MATCH).trigger()
    shoot(window, "window-search.png")
    window.context.actions.action(ActionId.COMMAND_PALETTE).trigger()
    window.palette_dialog.query.setText("open")
    shoot(window.palette_dialog, "command-palette.png")
    window.palette_dialog.close()
    window.context.actions.action(ActionId.SHORTCUT_HELP).trigger()
    shoot(window.shortcut_help, "shortcut-help.png")
    window.shortcut_help.close()
    window.context.actions.action(ActionId.THEME_DARK).trigger()
    shoot(window, "window-reader-dark.png")
    window.context.actions.action(ActionId.THEME_LIGHT).trigger()
    def wait_until(done) -> None:
        while not done():
            app.processEvents()
            QTimer.singleShot(50, loop.quit)
            loop.exec()

    record_shots(window, shoot, finish, wait_until)
    window.close()
    return 0


def record_shots(window, shoot, finish, wait_until) -> None:
    """Notes, a misquote and a revision history, on the seawall story the tests use (three
    outlets, one misquoting the mayor, and a corrected version of the first article)."""
    from PySide6.QtCore import Qt

    sys.path.insert(0, str(HERE.parent / "tests"))
    from record_texts import write_story
    from ui.actions import ActionId
    from ui.quotes_panel import GROUP_ROLE

    folder = write_story(Path(tempfile.mkdtemp(prefix="corroborate-story-")) / "seawall", updated=True)
    actions, corpus = window.context.actions, window.context.corpus
    window.open_corpus([folder])
    finish(corpus.loaded)
    wait_until(lambda: not window.context.tasks.busy)
    notes = iter(["Wire rounds the vote as \"five votes to two\"; check the minutes.",
                  "Metro gives the mayor's words to Ortega: ask Metro for a correction.",
                  "Cost: $40 million here, $42 million in the updated version."])
    window.record.ask_text = lambda *args: next(notes)
    for article_id, passage in (("wire.txt", "five votes to two"), ("metro.txt", "council member Ray Ortega"),
                                ("ledger.txt", "$40 million")):
        corpus.set_current(article_id)
        start = corpus.current.text.index(passage)
        window.focus_reader()
        window.reader.reveal(start, start + len(passage))
        actions.action(ActionId.ADD_NOTE).trigger()
    (folder / "ledger.txt").write_text((folder / "ledger.txt").read_text(encoding="utf-8")
                                       .replace("$40 million", "$41 million"), encoding="utf-8")
    actions.action(ActionId.RELOAD_CORPUS).trigger()
    finish(corpus.loaded)
    wait_until(lambda: not window.context.tasks.busy)
    window.resizeDocks([window.docks["notes"]], [230], Qt.Orientation.Vertical)
    actions.action(ActionId.FOCUS_SEARCH).trigger()
    window.search_panel.query.setText("note:ortega")
    finish(window.search.results_ready)
    actions.action(ActionId.SHOW_NOTES).trigger()
    window.record.panel.table.selectRow(2)
    actions.action(ActionId.OPEN_NOTE).trigger()
    window.record.panel.table.selectRow(0)  # so the changed note's shading shows
    shoot(window, "window-notes.png")
    actions.action(ActionId.SHOW_QUOTATIONS).trigger()
    wait_until(lambda: window.record.quotations.items)
    shoot(window, "window-misquote.png")
    actions.action(ActionId.SHOW_QUOTES).trigger()
    quotes = window.quotes_panel
    flagged = next(row for row in range(quotes.model.rowCount())
                   if quotes.model.index(row, 0).data(GROUP_ROLE) is not None
                   and quotes.model.index(row, 0).data(GROUP_ROLE).flagged)
    quotes.model.open_group(flagged)
    quotes.table.setCurrentIndex(next(quotes.model.index(row, 0) for row in range(flagged, quotes.model.rowCount())
                                      if quotes.model.index(row, 0).data().strip() == "Bay Wire"))
    shoot(window, "window-quotes-grouped.png")
    corpus.set_current("ledger-updated.txt")
    actions.action(ActionId.SHOW_REVISIONS).trigger()
    wait_until(lambda: window.record.revisions.items)
    shoot(window, "window-revisions.png")


if __name__ == "__main__":
    sys.exit(main())
