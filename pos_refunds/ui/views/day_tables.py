"""Sections (b) and (c) of the end-of-day screen, one above the other: the day's totals per
network and currency (as tall as its rows: never scrolled), and the day's refunds,
cancellations and captures of every till with how each ended, who did it and who approved
it. Layout only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.day_operations import DayOperation
from ...domain.end_of_day import DayTotal
from ..models.day_operations_model import DayOperationsModel
from ..models.day_totals_model import DayTotalsModel
from .record_table import record_table

translate = QCoreApplication.translate

ROW_HEIGHT = 36  # read-only rows: nothing to tap, so denser than the payments list
TOTALS_ROW_HEIGHT = 30  # figures read at a glance: denser still, so they all show
NO_TOTALS = QT_TRANSLATE_NOOP("DayTablesView", "No payments collected and no refunds made today.")
NO_OPERATIONS = QT_TRANSLATE_NOOP("DayTablesView", "No refunds, cancellations or captures today.")
OPERATIONS_TITLE = QT_TRANSLATE_NOOP("DayTablesView",
                                     "Refunds, cancellations and captures of the day")


def _table(model: QAbstractTableModel, name: str, words: str,
           row_height: int = ROW_HEIGHT) -> QTableView:
    table = record_table(model, name, words, row_height=row_height)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _section(title: str, table: QTableView, empty: QLabel) -> QWidget:
    box = QWidget()
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addWidget(heading)
    layout.addWidget(empty)
    layout.addWidget(table, 1)
    return box


def _rows_height(table: QTableView, rows: int) -> int:
    frame = 2 * table.frameWidth()
    row = table.verticalHeader().defaultSectionSize()
    return table.horizontalHeader().sizeHint().height() + rows * row + frame


def _fit_rows(table: QTableView) -> None:
    """Up to as tall as its header and rows: the totals are read at a glance; only on a
    screen too small for all of them (many currencies) do they scroll, never below 3 rows."""
    rows = table.model().rowCount()
    table.setMaximumHeight(_rows_height(table, rows))
    table.setMinimumHeight(_rows_height(table, min(rows, 3)))


class DayTablesView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayTables")
        self.totals_model = DayTotalsModel(self)
        self.operations_model = DayOperationsModel(self)
        totals_title = self.tr("Totals of the day")
        operations_title = translate("DayTablesView", OPERATIONS_TITLE)
        self.totals = _table(self.totals_model, "dayTotalsTable", totals_title,
                             TOTALS_ROW_HEIGHT)
        self.operations = _table(self.operations_model, "dayOperationsTable", operations_title)
        totals_header = self.totals.horizontalHeader()
        totals_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        totals_header.setSectionResizeMode(DayTotalsModel.Column.NETWORK,
                                           QHeaderView.ResizeMode.Stretch)
        op_header = self.operations.horizontalHeader()
        op_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        op_header.setStretchLastSection(True)
        # The payment id does not fit beside who did and who approved: it is the card's
        # tooltip, and the CSV and the audit journal carry it.
        self.no_totals = QLabel(translate("DayTablesView", NO_TOTALS))
        self.no_totals.setObjectName("noTotals")
        self.no_operations = QLabel(translate("DayTablesView", NO_OPERATIONS))
        self.no_operations.setObjectName("noOperations")
        for label in (self.no_totals, self.no_operations):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setProperty("hint", True)
        self.totals.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        # The totals first, up to all their rows; the operations take what is left (they
        # scroll), never less than two rows.
        self._totals_box = _section(totals_title, self.totals, self.no_totals)
        layout.addWidget(self._totals_box, 4)
        layout.addWidget(_section(operations_title, self.operations, self.no_operations), 1)
        self.operations.setMinimumHeight(_rows_height(self.operations, 2))
        self.set_totals([], [])
        self.set_operations([])

    def set_totals(self, per_network: Sequence[DayTotal], per_currency: Sequence[DayTotal]) -> None:
        self.totals_model.set_totals(per_network, per_currency)
        _fit_rows(self.totals)
        self.no_totals.setVisible(not per_network)
        self.totals.setVisible(bool(per_network))
        # No taller than its heading and rows: the height left goes to the operations.
        heading = self._totals_box.findChild(QLabel, "sectionTitle")
        shown = self.totals.maximumHeight() if per_network else self.no_totals.sizeHint().height()
        self._totals_box.setMaximumHeight(heading.sizeHint().height() + 6 + shown)

    def set_operations(self, operations: Sequence[DayOperation]) -> None:
        self.operations_model.set_operations(operations)
        self.no_operations.setVisible(not operations)
        self.operations.setVisible(bool(operations))
