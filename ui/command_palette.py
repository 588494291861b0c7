"""Ctrl+Shift+P: type part of any command's name, Up/Down to choose, Enter to run, Esc to leave."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ui.action_model import ActionTableModel
from ui.actions import ActionRegistry

_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class CommandPalette(QDialog):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setWindowTitle("Command palette")
        self._registry = registry
        self.model = ActionTableModel(registry, enabled_only=True, parent=self)
        self.query = QLineEdit()
        self.query.setPlaceholderText("Type a command…")
        self.query.setClearButtonEnabled(True)
        self.list = QTreeView()
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.hideColumn(2)
        self.list.activated.connect(lambda index: self._run(index.row()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        self.query.textChanged.connect(self._filter)
        self.query.installEventFilter(self)
        self.query.returnPressed.connect(lambda: self._run(self.list.currentIndex().row()))
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().height() * 22)

    def open_palette(self) -> None:
        self.query.clear()
        self._filter("")
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()

    def _filter(self, text: str) -> None:
        self.model.set_query(text)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.resizeColumnToContents(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            if event.key() in _NAVIGATION_KEYS:
                QApplication.sendEvent(self.list, event)
                return True
        return super().eventFilter(watched, event)

    def _run(self, row: int) -> None:
        action_id = self.model.action_at(row)
        if action_id is None:
            return
        self.accept()
        self._registry.action(action_id).trigger()
