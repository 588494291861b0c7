"""The layering the brief asks for, checked rather than hoped for."""
from __future__ import annotations

import importlib.metadata
import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_reader_and_index_never_import_qt() -> None:
    modules = [f"reader.{m.name}" for m in pkgutil.walk_packages([str(ROOT / "reader")]) if m.name != "__main__"]
    modules += [f"index.{m.name}" for m in pkgutil.walk_packages([str(ROOT / "index")])]
    code = (
        "import importlib, sys\n"
        f"for name in {['reader', 'index', *modules]!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_old_whoosh_distribution_is_not_installed() -> None:
    names = {dist.metadata["Name"].lower() for dist in importlib.metadata.distributions()}
    assert "whoosh-reloaded" in names
    assert "whoosh" not in names


LAYERS = {"reader": set(), "index": {"reader"}, "ui": {"reader", "index"}, "app": {"reader", "index", "ui"}}
"""Each top-level package and the packages it may import: nothing below `app/` reaches back up."""


def test_no_import_runs_back_up() -> None:
    import ast

    wrong = []
    for package, allowed in LAYERS.items():
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                    [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
                for name in names:
                    top = name.split(".")[0]
                    if top in LAYERS and top != package and top not in allowed:
                        wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []
