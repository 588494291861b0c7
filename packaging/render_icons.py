"""Render resources/icons/corroborate.svg into the PNG sizes desktops ask for, and a Windows .ico.

Run after editing the SVG: `.venv/bin/python packaging/render_icons.py`. PNGs are rendered
with Qt's SVG renderer (the same one the app would use); the .ico bundles several of them
through ImageMagick's `convert`. The outputs are committed so a build needs neither.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def png_path(size: int) -> Path:
    return ICONS / f"corroborate-{size}.png"


def render_png(renderer: QSvgRenderer, size: int) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    path = png_path(size)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs a GUI application
    renderer = QSvgRenderer(str(ICONS / "corroborate.svg"))
    if not renderer.isValid():
        print(f"{ICONS / 'corroborate.svg'} is not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        print(render_png(renderer, size))
    convert = shutil.which("convert")
    if convert is None:
        print("ImageMagick's convert is missing: corroborate.ico not rebuilt", file=sys.stderr)
        return 1
    subprocess.run([convert, *(str(png_path(size)) for size in ICO_SIZES), str(ICONS / "corroborate.ico")],
                   check=True)
    print(ICONS / "corroborate.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
