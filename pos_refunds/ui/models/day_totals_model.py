"""The day's totals as a table: each network of a currency, then that currency's sum in bold.

Currencies are never summed together, so each group ends with its own "All CAD" row.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from ...domain.end_of_day import DayTotal
from ...domain.payments import network_name
from ..formatting import format_money
from .record_model import LEFT, RIGHT, RecordTableModel

translate = QCoreApplication.translate


def total_label(total: DayTotal) -> str:
    if total.network is None:
        return translate("DayTotalsModel", "All {currency}").format(
            currency=total.currency.upper())
    return network_name(total.network)


class DayTotalsModel(RecordTableModel[DayTotal]):
    class Column(IntEnum):
        NETWORK = 0
        PAYMENTS = 1
        COLLECTED = 2
        REFUNDS = 3
        REFUNDED = 4
        NET = 5

    TOTAL_ROLE = RecordTableModel.ROW_ROLE

    CONTEXT = "DayTotalsModel"
    HEADERS = {
        Column.NETWORK: QT_TRANSLATE_NOOP("DayTotalsModel", "Network"),
        Column.PAYMENTS: QT_TRANSLATE_NOOP("DayTotalsModel", "Sales"),
        Column.COLLECTED: QT_TRANSLATE_NOOP("DayTotalsModel", "Collected"),
        Column.REFUNDS: QT_TRANSLATE_NOOP("DayTotalsModel", "Refunds"),
        Column.REFUNDED: QT_TRANSLATE_NOOP("DayTotalsModel", "Refunded"),
        Column.NET: QT_TRANSLATE_NOOP("DayTotalsModel", "Net"),
    }

    def _role_data(self, total: DayTotal, column: Column, role: int) -> Any:
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

    def _alignment(self, column: Column) -> Qt.AlignmentFlag | None:
        return LEFT if column == self.Column.NETWORK else RIGHT

    def total(self, row: int) -> DayTotal:
        return self._rows[row]

    def set_totals(self, per_network: Sequence[DayTotal], per_currency: Sequence[DayTotal]) -> None:
        """Each currency's networks, then its sum: every group ends with its currency named."""
        rows: list[DayTotal] = []
        for summed in per_currency:
            rows += [t for t in per_network if t.currency == summed.currency]
            rows.append(summed)
        self._reset_rows(rows)
