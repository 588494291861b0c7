"""A table of records chosen one row at a time (quotes, notes): one look and one set of keys."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def row_table(model: QAbstractItemModel, name: str, column_chars: tuple[int, ...]) -> QTableView:
    """A read-only table selecting whole rows, each one line high (a dozen show in a quarter of a
    1000-pixel window), Tab leaving it, columns `column_chars` characters wide (the last one
    stretching)."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + table.fontMetrics().height() // 2)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    width = table.fontMetrics().averageCharWidth()
    for column, chars in enumerate(column_chars):
        header.resizeSection(column, width * chars)
    return table
