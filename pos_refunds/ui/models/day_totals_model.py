"""The day's totals as a table: each network of a currency, then that currency's sum in bold.

Currencies are never summed together, so each group ends with its own "All CAD" row.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...domain.end_of_day import DayTotal
from ...domain.payments import network_name
from ..formatting import format_money

AnyIndex = QModelIndex | QPersistentModelIndex


def total_label(total: DayTotal) -> str:
    return f"All {total.currency.upper()}" if total.network is None else network_name(
        total.network)


class DayTotalsModel(QAbstractTableModel):
    class Column(IntEnum):
        NETWORK = 0
        PAYMENTS = 1
        COLLECTED = 2
        REFUNDS = 3
        REFUNDED = 4
        NET = 5

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    TOTAL_ROLE = Qt.ItemDataRole.UserRole + 2

    HEADERS = {
        Column.NETWORK: "Network",
        Column.PAYMENTS: "Sales",
        Column.COLLECTED: "Collected",
        Column.REFUNDS: "Refunds",
        Column.REFUNDED: "Refunded",
        Column.NET: "Net",
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DayTotal] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[self.Column(section)]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self._alignment(self.Column(section)))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        total = self._rows[index.row()]
        column = self.Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(total, column)
        if role == self.SORT_ROLE:
            return self._sort_key(total, column)
        if role == self.TOTAL_ROLE:
            return total
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._alignment(column))
        if role == Qt.ItemDataRole.FontRole and total.network is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, t: DayTotal, column: Column) -> str:
        c = self.Column
        if column == c.NETWORK:
            return total_label(t)
        if column == c.PAYMENTS:
            return str(t.collected_count)
        if column == c.COLLECTED:
            return format_money(t.collected)
        if column == c.REFUNDS:
            return str(t.refunded_count)
        if column == c.REFUNDED:
            return format_money(t.refunded)
        return format_money(t.net)

    def _sort_key(self, t: DayTotal, column: Column) -> Any:
        c = self.Column
        keys = {c.NETWORK: total_label(t).lower(), c.PAYMENTS: t.collected_count,
                c.COLLECTED: t.collected.minor, c.REFUNDS: t.refunded_count,
                c.REFUNDED: t.refunded.minor, c.NET: t.net.minor}
        return keys[column]

    def _alignment(self, column: Column) -> Qt.AlignmentFlag:
        if column == self.Column.NETWORK:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

    def total(self, row: int) -> DayTotal:
        return self._rows[row]

    def set_totals(self, per_network: Sequence[DayTotal], per_currency: Sequence[DayTotal]) -> None:
        """Each currency's networks, then its sum: every group ends with its currency named."""
        rows: list[DayTotal] = []
        for summed in per_currency:
            rows += [t for t in per_network if t.currency == summed.currency]
            rows.append(summed)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
