"""Packaging: what build.spec ships, the icon and .desktop file, and the missing-X11 advice."""
from __future__ import annotations

import ast
import configparser
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMainWindow

from resources import resource_path
from ui.app import ICON_SIZES, create_application
from ui.first_paint import CORPUS_PAINTED, WINDOW_PAINTED, after_next_paint, watch_first_paint

ROOT = Path(__file__).resolve().parent.parent


class ReadySignal(QObject):
    ready = Signal()


def spec_function(name: str):
    """A top-level function of build.spec, compiled on its own (the spec runs only in PyInstaller)."""
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    node = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name)
    namespace: dict[str, object] = {"Path": Path}
    exec(compile(ast.Module(body=[node], type_ignores=[]), "build.spec", "exec"), namespace)
    return namespace[name]


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "babel/locale-data/root.dat",
    "babel/locale-data/en_GB.dat",
    "babel/global.dat",
    "resources/sample/manifest.toml",
    "resources/icons/corroborate-256.png",
    "trafilatura/settings.cfg",
    "currency_converter/eurofxref-hist.zip",
    "pypdf/generic/_base.pyc",
])
def test_spec_ships_what_the_app_uses(dest: str) -> None:
    assert spec_function("_shipped")(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
    "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
    "libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "babel/locale-data/de.dat",
])
def test_spec_drops_what_the_app_never_uses(dest: str) -> None:
    assert not spec_function("_shipped")(dest)


@pytest.mark.parametrize("platform, plugins", [
    ("linux", ("PySide6", "Qt", "plugins")),
    ("win32", ("PySide6", "plugins")),
])
def test_run_time_hook_points_qt_at_the_bundled_plugins_without_importing_it(platform, plugins) -> None:
    hook = ROOT / "packaging" / "qt_paths_hook.py"
    script = (f"import os, sys; sys._MEIPASS = '/app/_internal'; sys.platform = {platform!r}; "
              f"exec(open({str(hook)!r}).read()); "
              "print(os.environ['QT_PLUGIN_PATH'], 'PySide6.QtCore' in sys.modules)")
    environment = {key: value for key, value in os.environ.items() if key != "QT_PLUGIN_PATH"}
    completed = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                               check=True)
    assert completed.stdout.split() == [os.path.join("/app/_internal", *plugins), "False"]


def test_icon_pngs_are_rendered_at_their_named_sizes() -> None:
    assert QSvgRenderer(str(resource_path("icons", "corroborate.svg"))).isValid()
    for size in ICON_SIZES:
        image = QImage(str(resource_path("icons", f"corroborate-{size}.png")))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    assert resource_path("icons", "corroborate.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_application_carries_the_app_icon(qapp) -> None:
    app = create_application()
    sizes = {size.width() for size in app.windowIcon().availableSizes()}
    assert {16, 32, 256} <= sizes
    assert app.desktopFileName() == "corroborate"


def test_desktop_file_launches_the_app_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "corroborate.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "corroborate"
    assert desktop["Icon"] == "corroborate"
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")
    assert desktop["StartupWMClass"] == create_application().desktopFileName()


def test_first_paints_are_reported_for_the_window_and_then_its_corpus(qtbot, monkeypatch, capfd) -> None:
    monkeypatch.setenv("CORROBORATE_REPORT_FIRST_PAINT", "1")
    window = QMainWindow()
    qtbot.addWidget(window)
    ready = ReadySignal()
    watch_first_paint(window, ready.ready)
    seen: list[str] = []
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: seen.append(capfd.readouterr().err) or WINDOW_PAINTED in "".join(seen), timeout=3000)
    qtbot.wait(100)
    assert CORPUS_PAINTED not in "".join(seen + [capfd.readouterr().err])  # painted, but no corpus yet
    ready.ready.emit()
    qtbot.waitUntil(lambda: seen.append(capfd.readouterr().err) or CORPUS_PAINTED in "".join(seen), timeout=3000)
    window.repaint()
    qtbot.wait(50)
    lines = "".join(seen + [capfd.readouterr().err]).splitlines()
    assert lines.count(WINDOW_PAINTED) == 1 and lines.count(CORPUS_PAINTED) == 1


def test_a_callback_runs_after_the_windows_first_paint(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    painted: list[bool] = []
    after_next_paint(window, lambda: painted.append(window.isVisible()))
    qtbot.wait(50)
    assert painted == []  # not shown, not painted
    window.show()
    qtbot.waitUntil(lambda: painted == [True], timeout=3000)


MISSING_LIBRARY_SCRIPT = """
import ctypes, sys
real_loader = ctypes.CDLL
def loader(name, *args, **kwargs):
    if name in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0"):
        raise OSError(name + ": cannot open shared object file")
    return real_loader(name, *args, **kwargs)
ctypes.CDLL = loader
from app.cli import main
code = main([])
print("Qt imported:", "PySide6.QtWidgets" in sys.modules)
sys.exit(code)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 check is for Linux")
def test_missing_x11_libraries_are_named_before_qt_loads(tmp_path) -> None:
    """What `make run` does on a bare desktop: advice naming the Debian packages, no Qt abort."""
    env = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":99", CORROBORATE_HOME=str(tmp_path))
    completed = subprocess.run([sys.executable, "-c", MISSING_LIBRARY_SCRIPT], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 2
    advice = completed.stderr.partition("sudo apt-get install ")[2].split()
    assert {"libxcb-cursor0", "libxkbcommon-x11-0"} <= set(advice)  # a bare machine may lack others too
    assert "Qt imported: False" in completed.stdout


def test_qt_warnings_go_to_the_log_and_its_errors_to_stderr_too(qapp, caplog, capfd) -> None:
    from PySide6.QtCore import qCritical, qWarning

    from ui.qt_messages import route_qt_messages

    route_qt_messages()
    with caplog.at_level(logging.WARNING, logger="qt"):
        qWarning("This plugin does not support propagateSizeHints()")
    assert [(record.name, record.levelno) for record in caplog.records] == [("qt", logging.WARNING)]
    assert "propagateSizeHints" not in capfd.readouterr().err
    with caplog.at_level(logging.WARNING, logger="qt"):
        qCritical("Could not load the Qt platform plugin")
    assert caplog.records[-1].levelno == logging.ERROR
    assert "Could not load the Qt platform plugin" in capfd.readouterr().err


def test_a_bare_c_locale_is_coerced_to_utf8_before_qt_loads(monkeypatch) -> None:
    import locale

    from app.cli import coerce_c_locale

    previous = locale.setlocale(locale.LC_CTYPE)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_CTYPE", raising=False)
    try:
        locale.setlocale(locale.LC_CTYPE, "C")
        coerce_c_locale()
        assert os.environ["LC_CTYPE"] == "C.UTF-8"
        monkeypatch.delenv("LC_CTYPE")
        monkeypatch.setenv("LC_ALL", "C")
        coerce_c_locale()
        assert "LC_CTYPE" not in os.environ
    finally:
        locale.setlocale(locale.LC_CTYPE, previous)
