"""Notices and errors shown inside the window (never a dialog storm): a list model of messages."""
from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from reader.articles.model import LoadError

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Notice:
    level: Level
    text: str
    detail: str = ""


class NoticeModel(QAbstractListModel):
    """Newest last. `posted` carries the headline the banner shows for a batch of notices."""

    posted = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notices: list[Notice] = []

    def post(self, level: Level, text: str, detail: str = "") -> None:
        self._append([Notice(level, text, detail)])
        self.posted.emit(text, level)

    def post_load_errors(self, errors: list[LoadError]) -> None:
        """One headline for many unreadable files; each file is listed with its reason."""
        if not errors:
            return
        self._append([Notice(Level.WARNING, f"{error.path}: {error.error}") for error in errors])
        noun = "file" if len(errors) == 1 else "files"
        self.posted.emit(f"{len(errors)} {noun} could not be read", Level.WARNING)

    def _append(self, notices: list[Notice]) -> None:
        for notice in notices:
            log.log(logging.WARNING if notice.level is not Level.INFO else logging.INFO, "notice: %s", notice.text)
        first = len(self.notices)
        self.beginInsertRows(QModelIndex(), first, first + len(notices) - 1)
        self.notices.extend(notices)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.notices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        notice = self.notices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{notice.level.value}: {notice.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return notice.detail or notice.text
        return None
