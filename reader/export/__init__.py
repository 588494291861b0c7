"""Reports a researcher can file: comparisons, the fact matrix and quotes, as PDF, HTML, CSV, JSON.

Every export states its provenance (corpus, outlets, article dates and sources, export date,
tool version), leaves boilerplate out unless asked, never touches the network, and never
overwrites a file unless told to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from reader.export.tables import csv_bytes, json_bytes
from reader.storage import write_atomic

FORMATS = ("pdf", "html", "csv", "json", "docx")


class ExportError(Exception):
    """The export cannot be written as asked; the message says what to change."""


def write_export(path: Path, data: bytes, force: bool) -> None:
    """Write `data` to `path` atomically, refusing to replace an existing file unless forced."""
    if path.exists() and not force:
        raise ExportError(f"{path} already exists; choose another name or pass --force to overwrite it")
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name")
    write_atomic(path, data)


@dataclass(frozen=True)
class RowPassage:
    """The characters `start`..`end` of one article that a report's row shows."""

    article_id: str
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the passage shares a character with `start`..`end` of its article (an empty
        passage, an insertion's place, when it lies inside)."""
        if self.start == self.end:
            return start <= self.start < end
        return self.start < end and start < self.end


@dataclass
class Report:
    """One export, ready in every format: HTML (also the source of the PDF and, unless the report
    has a Word form of its own such as a redline, of the Word document), table rows, JSON."""

    info: dict
    html: str
    header: list[str]
    rows: list[list[Any]]
    data: dict[str, Any] = field(default_factory=dict)
    word: Callable[[], bytes] | None = None
    passages: list[tuple[RowPassage, ...]] = field(default_factory=list)
    """Each row's passages, so a note on one can stand beside its row (empty: rows show none)."""
    comments: list[str] = field(default_factory=list)
    """Lines the CSV states above its table, after the provenance."""

    def as_bytes(self, fmt: str) -> bytes:
        """HTML, CSV, JSON or Word bytes; PDF needs Qt's writer and is made by `ui.pdf_export`."""
        if fmt == "docx":
            if self.word is not None:
                return self.word()
            from reader.export.docx import docx_bytes  # python-docx loads in 0.1 s: only when asked

            return docx_bytes(self.info["title"], self.html)
        if fmt == "html":
            return self.html.encode("utf-8")
        if fmt == "csv":
            return csv_bytes(self.header, self.rows, self.info, self.comments)
        if fmt == "json":
            return json_bytes(self.info, **self.data)
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
