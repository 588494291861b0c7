"""Export from the window: choose a file, confirm before replacing one, write the report.

The reports themselves come from `reader.export` (the same ones the CLI writes); PDF goes
through Qt's own writer in `ui.pdf_export`. The format follows the chosen file's suffix.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.export import FORMATS, ExportError, Report, write_export
from ui.pdf_export import pdf_bytes

log = logging.getLogger(__name__)

FILTERS = {"pdf": "PDF report (*.pdf)", "html": "HTML page (*.html)", "csv": "CSV table (*.csv)",
           "json": "JSON data (*.json)", "docx": "Word document (*.docx)"}


def report_bytes(report: Report, fmt: str) -> bytes:
    return pdf_bytes(report) if fmt == "pdf" else report.as_bytes(fmt)


def choose_export_file(parent: QWidget, title: str, stem: str) -> Path | None:
    """Ask where to save; the suffix (added from the chosen filter if missing) picks the format."""
    filters = ";;".join(FILTERS[fmt] for fmt in FORMATS)
    name, chosen = QFileDialog.getSaveFileName(parent, title, str(Path.home() / f"{stem}.pdf"), filters,
                                               options=QFileDialog.Option.DontConfirmOverwrite)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower().lstrip(".") not in FORMATS:
        fmt = next((fmt for fmt, label in FILTERS.items() if label == chosen), "pdf")
        path = path.with_name(f"{path.name}.{fmt}")
    return path


def save_report(parent: QWidget, report: Report, path: Path) -> bool:
    """Write `report` to `path`, asking first if that would replace a file; True when written."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(f"{path.name}: unknown export format; use one of {', '.join('.' + f for f in FORMATS)}")
    if path.exists():
        answer = QMessageBox.question(parent, "Replace file?", f"{path} already exists. Replace it?",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
    write_export(path, report_bytes(report, fmt), force=True)
    log.info("exported %s to %s", report.info["title"], path)
    return True
