"""The read-only list of records every screen uses: whole rows, one at a time, no editing,
no grid, alternating rows, touch-tall rows, no row numbers."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ..metrics import TOUCH_HEIGHT


def record_table(
    model: QAbstractItemModel, name: str, words: str, *, row_height: int = TOUCH_HEIGHT,
    wrap: bool = False, parent: QWidget | None = None,
) -> QTableView:
    """`name` is the objectName tests and tools find it by; `words` its accessible name."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(words)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Rows are picked with the arrows; Tab leaves the table for the next control (a row
    # table has no cells to walk, and walking them changed the selected record).
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(wrap)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.horizontalHeader().setHighlightSections(False)
    return table
