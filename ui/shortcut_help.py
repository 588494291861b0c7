"""F1 or ?: every command with its keys and the pane where they work, straight from the registry."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.actions import ActionRegistry
from ui.command_list import CommandListDialog


class ShortcutHelp(CommandListDialog):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(registry, "shortcutHelp", parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Change any key in Edit › Keyboard shortcuts…"))
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(self.close_buttons())

    def open_help(self) -> None:
        self.filter.clear()
        self.show()
        self.raise_()
        self.activateWindow()
        self.filter.setFocus()
