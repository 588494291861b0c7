"""Edit › Keyboard shortcuts…: give any command other keys; saved in settings at once, checked for clashes."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QKeySequenceEdit, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.action_model import command_title
from ui.actions import ActionId, ActionRegistry
from ui.command_list import CommandListDialog


class ShortcutEditor(CommandListDialog):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(registry, "shortcutEditor", parent)
        self._registry = registry
        self.key_edit = QKeySequenceEdit()
        self.key_edit.setClearButtonEnabled(True)
        self.assign = QPushButton("&Assign")
        self.reset = QPushButton("&Reset to default")
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("New &key:"))
        row.itemAt(0).widget().setBuddy(self.key_edit)
        row.addWidget(self.key_edit, 1)
        row.addWidget(self.assign)
        row.addWidget(self.reset)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.close_buttons())
        self.assign.clicked.connect(self._assign)
        self.reset.clicked.connect(self._reset)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._select(current.row()))

    def _current(self) -> ActionId | None:
        return self.model.action_at(self.table.currentIndex().row())

    def _select(self, row: int) -> None:
        action_id = self.model.action_at(row)
        shortcuts = self._registry.shortcuts(action_id) if action_id else []
        self.key_edit.setKeySequence(shortcuts[0] if shortcuts else QKeySequence())

    def assign_keys(self, action_id: ActionId, sequence: QKeySequence) -> None:
        """Give `action_id` this key alone; refused (with the reason shown) if another command has it."""
        previous = self._registry.shortcuts(action_id)
        self._registry.set_shortcuts(action_id, [sequence])
        clashes = [c for c in self._registry.clashes() if action_id in c[1:]]
        if clashes:
            self._registry.set_shortcuts(action_id, previous)
            key, first, second = clashes[0]
            other = second if first is action_id else first
            self.status.setText(f"{key} already runs “{command_title(other)}”; choose another key.")
            return
        self.status.setText(f"{command_title(action_id)}: {self._registry.shortcut_text(action_id) or 'no key'}")

    def _assign(self) -> None:
        action_id = self._current()
        if action_id is not None:
            self.assign_keys(action_id, self.key_edit.keySequence())

    def _reset(self) -> None:
        action_id = self._current()
        if action_id is None:
            return
        self._registry.set_shortcuts(action_id, self._registry.default_shortcuts(action_id))
        self._select(self.table.currentIndex().row())
        self.status.setText(f"{command_title(action_id)}: back to {self._registry.shortcut_text(action_id) or 'no key'}")
