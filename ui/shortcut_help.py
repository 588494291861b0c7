"""F1 or ?: every command with its keys and the pane where they work, straight from the registry."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ui.action_model import ActionTableModel
from ui.actions import ActionRegistry


class ShortcutHelp(QDialog):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutHelp")
        self.setWindowTitle("Keyboard shortcuts")
        self.model = ActionTableModel(registry, parent=self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter commands…")
        self.filter.textChanged.connect(self.model.set_query)
        self.table = QTreeView()
        self.table.setRootIsDecorated(False)
        self.table.setModel(self.model)
        self.table.setUniformRowHeights(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Change any key in Edit › Keyboard shortcuts…"))
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.resizeColumnToContents(0)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)

    def open_help(self) -> None:
        self.filter.clear()
        self.show()
        self.raise_()
        self.activateWindow()
        self.filter.setFocus()
