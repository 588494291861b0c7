"""Start the GUI from the `corroborate` command, or explain why it cannot start."""
from __future__ import annotations

from pathlib import Path

from app.cli.output import fail
from ui.display import display_problem


def launch(paths: list[Path] | None = None) -> int:
    problem = display_problem()
    if problem:
        return fail(problem, code=2)
    try:
        from ui.app import run
    except ImportError as error:
        return fail(f"the Qt libraries could not be loaded ({error}); reinstall Corroborate", code=2)
    return run(paths or [])
