"""The registry's actions as a table (command, keys, where), optionally fuzzy-filtered.

The command palette, the shortcut help and the shortcut editor all show this one model,
so what they list is exactly what the menus hold.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.actions import ActionId, ActionRegistry, plain_text

COLUMNS = ("Command", "Keys", "Works in")
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def fuzzy_score(query: str, text: str) -> int | None:
    """Score a subsequence match (None: no match); consecutive letters and word starts score higher."""
    query, text = query.casefold().replace(" ", ""), text.casefold()
    if not query:
        return 0
    score, position, previous = 0, 0, -2
    for char in query:
        found = text.find(char, position)
        if found < 0:
            return None
        score += 1
        if found == previous + 1:
            score += 3
        if found == 0 or not text[found - 1].isalnum():
            score += 5
        previous, position = found, found + 1
    return score * 100 - len(text)


def command_title(action_id: ActionId) -> str:
    return f"{action_id.spec.menu} › {plain_text(action_id.spec.text).rstrip('…')}"


class ActionTableModel(QAbstractTableModel):
    def __init__(self, registry: ActionRegistry, enabled_only: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._registry = registry
        self._enabled_only = enabled_only
        self._query = ""
        self.rows: list[ActionId] = []
        self._rebuild()
        registry.shortcuts_changed.connect(self._keys_changed)

    def set_query(self, query: str) -> None:
        self._query = query
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        candidates = [a for a in ActionId if not self._enabled_only or self._registry.action(a).isEnabled()]
        scored = [(fuzzy_score(self._query, command_title(a)), a) for a in candidates]
        matches = [(score, a) for score, a in scored if score is not None]
        if self._query:
            matches.sort(key=lambda pair: -pair[0])
        self.rows = [a for _, a in matches]

    def _keys_changed(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        action_id = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (command_title(action_id), self._registry.shortcut_text(action_id),
                    action_id.spec.scope.value)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return action_id.spec.tip or None
        if role == ACTION_ID_ROLE:
            return action_id.name
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def action_at(self, row: int) -> ActionId | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
