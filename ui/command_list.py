"""A filterable table of every command with its keys, shared by the shortcut help and editor."""
from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLineEdit, QTreeView, QWidget

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
        header = self.table.header()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)

    def showEvent(self, event: QShowEvent) -> None:
        """Wide enough for every column in full (keys lists can be long), within the screen."""
        super().showEvent(event)
        wanted = self.table.header().length() + self.table.verticalScrollBar().sizeHint().width() \
            + self.width() - self.table.viewport().width()
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(wanted, screen.width() - 40) if screen else wanted
        if width > self.width():
            self.resize(width, self.height())

    def close_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        return buttons
