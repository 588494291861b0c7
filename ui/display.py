"""Can Qt open a window here? Answer before importing Qt, so the user gets advice, not an abort.

Qt's X11 plugin aborts the process when system libraries are missing; a bare Debian
desktop may lack some. We try to load each one and name the package that provides it.
"""
from __future__ import annotations

import ctypes
import os
import sys

# (shared library, Debian/Ubuntu package)
X11_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xinerama.so.0", "libxcb-xinerama0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
)


def missing_x11_packages() -> list[str]:
    missing = []
    for library, package in X11_LIBRARIES:
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def display_problem() -> str | None:
    """A sentence saying why no window can open here, or None if it can."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return (
            "no graphical display is available (DISPLAY and WAYLAND_DISPLAY are unset). "
            "Run Corroborate from a desktop session, or use its sub-commands: corroborate --help"
        )
    missing = missing_x11_packages()
    if missing:
        return (
            "Qt cannot open a window because system libraries are missing. Install them with:\n"
            f"    sudo apt-get install {' '.join(missing)}"
        )
    return None
