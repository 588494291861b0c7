"""A filterable table of every command with its keys, shared by the shortcut help and editor."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QTreeView, QWidget

from ui.action_model import ActionTableModel
from ui.actions import ActionRegistry


class CommandListDialog(QDialog):
    def __init__(self, registry: ActionRegistry, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle("Keyboard shortcuts")
        self.model = ActionTableModel(registry, parent=self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter commands…")
        self.filter.textChanged.connect(self.model.set_query)
        self.table = QTreeView()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setModel(self.model)
        self.table.resizeColumnToContents(0)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)

    def close_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        return buttons
