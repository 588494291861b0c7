"""A table of records chosen one row at a time (quotes, notes): one look and one set of keys;
as a tree when rows group under another (one quotation as each outlet printed it)."""
from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

View = TypeVar("View", QTableView, QTreeView)


def _rows_of(view: View, model: QAbstractItemModel, name: str, header: QHeaderView,
             column_chars: tuple[int, ...]) -> View:
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    width = view.fontMetrics().averageCharWidth()
    for column, chars in enumerate(column_chars):
        header.resizeSection(column, width * chars)
    return view


def row_table(model: QAbstractItemModel, name: str, column_chars: tuple[int, ...]) -> QTableView:
    """A read-only table selecting whole rows, Tab leaving it, columns `column_chars` characters
    wide (the last one stretching)."""
    table = QTableView()
    table.verticalHeader().hide()
    return _rows_of(table, model, name, table.horizontalHeader(), column_chars)


def row_tree(model: QAbstractItemModel, name: str, column_chars: tuple[int, ...]) -> QTreeView:
    """The same as a tree: Right and Left open and close a row's group; every row is one line
    high, so a long list scrolls quickly."""
    tree = QTreeView()
    tree.setUniformRowHeights(True)
    tree.setAllColumnsShowFocus(True)
    return _rows_of(tree, model, name, tree.header(), column_chars)
