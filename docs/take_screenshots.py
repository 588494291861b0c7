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
    window.context.corpus.set_current("002_89cc7c77c4f9c577.txt")
    first_quote = window.analysis.quotes_of(window.context.corpus.current)[0]
    window.reader.reveal(first_quote.start)

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
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
