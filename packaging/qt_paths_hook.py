"""PyInstaller run-time hook: tell Qt where the bundled plugins are, without importing Qt.

It replaces PyInstaller's own PySide6 hook (build.spec drops that one), which sets the same
variables and then imports PySide6.QtCore to register a `qt.conf` relocating Qt's prefix.
The PySide6 wheels register that `qt.conf` themselves when QtCore is first imported, so the
import only put Qt's start-up in front of everything: every sub-command paid it (a frozen
`corroborate articles` took 0.12–0.19 s with it, 0.07–0.10 s without), and shiboken's import
hook, installed with QtCore, then slowed each later import.
"""
import os
import sys


def _qt_paths() -> None:
    base = sys._MEIPASS
    qt_folder = os.path.join(base, "PySide6") if sys.platform.startswith("win") else os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_folder, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_folder, "qml")
    # Windows: QtNetwork-style DLL discovery looks on PATH; macOS (outside an .app): the
    # dynamic loader looks on DYLD_LIBRARY_PATH. The bundle's folder goes first on both.
    variable = {"win32": "PATH", "darwin": "DYLD_LIBRARY_PATH"}.get(sys.platform)
    if variable is not None and not (sys.platform == "darwin" and ".app/Contents/" in base):
        os.environ[variable] = os.pathsep.join(filter(None, [base, os.environ.get(variable)]))


_qt_paths()
del _qt_paths
