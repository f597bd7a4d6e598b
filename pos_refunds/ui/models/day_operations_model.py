"""The day's refunds, cancellations and captures, every till's (Stripe) and this till's own
attempts (journal): what, how much, which card, how it ended, where, who did it and who
approved it, newest first. One row per operation (its latest state)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from ...domain.day_operations import DayOperation
from .. import palette
from ..day_words import (
    approver_words,
    card_words,
    is_bad,
    kind_words,
    outcome_detail,
    outcome_words,
    staff_words,
    till_words,
)
from ..formatting import format_datetime, format_money, format_time
from .record_model import RIGHT, RecordTableModel


class DayOperationsModel(RecordTableModel[DayOperation]):
    class Column(IntEnum):
        TIME = 0
        KIND = 1
        AMOUNT = 2
        CARD = 3
        OUTCOME = 4
        TILL = 5
        STAFF = 6
        APPROVER = 7

    OPERATION_ROLE = RecordTableModel.ROW_ROLE

    CONTEXT = "DayOperationsModel"
    HEADERS = {
        Column.TIME: QT_TRANSLATE_NOOP("DayOperationsModel", "Time"),
        Column.KIND: QT_TRANSLATE_NOOP("DayOperationsModel", "Operation"),
        Column.AMOUNT: QT_TRANSLATE_NOOP("DayOperationsModel", "Amount"),
        Column.CARD: QT_TRANSLATE_NOOP("DayOperationsModel", "Card"),
        Column.OUTCOME: QT_TRANSLATE_NOOP("DayOperationsModel", "Outcome"),
        Column.TILL: QT_TRANSLATE_NOOP("DayOperationsModel", "Till"),
        Column.STAFF: QT_TRANSLATE_NOOP("DayOperationsModel", "Done by"),
        Column.APPROVER: QT_TRANSLATE_NOOP("DayOperationsModel", "Approved by"),
    }

    def _role_data(self, op: DayOperation, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.Column.TIME:
                return format_datetime(op.at)
            if column == self.Column.OUTCOME:
                return outcome_detail(op)
            if column == self.Column.CARD:
                return op.payment_id
        if role == Qt.ItemDataRole.ForegroundRole and column == self.Column.OUTCOME \
                and is_bad(op):
            return QColor(palette.ERROR)
        return None

    def _display(self, op: DayOperation, column: Column) -> str:
        c = self.Column
        values = {
            c.TIME: lambda: format_time(op.at),
            c.KIND: lambda: kind_words(op),
            c.AMOUNT: lambda: format_money(op.amount) if op.amount else "—",
            c.CARD: lambda: card_words(op),
            c.OUTCOME: lambda: outcome_words(op),
            c.TILL: lambda: till_words(op),
            c.STAFF: lambda: staff_words(op),
            c.APPROVER: lambda: approver_words(op),
        }
        return values[column]()

    def _sort_key(self, op: DayOperation, column: Column) -> Any:
        if column == self.Column.TIME:
            return op.at.timestamp()
        if column == self.Column.AMOUNT:
            return op.amount.minor if op.amount else -1
        return super()._sort_key(op, column)

    def _alignment(self, column: Column) -> Qt.AlignmentFlag | None:
        return RIGHT if column == self.Column.AMOUNT else super()._alignment(column)

    def operation(self, row: int) -> DayOperation:
        return self._rows[row]

    def set_operations(self, operations: Iterable[DayOperation]) -> None:
        self._reset_rows(sorted(operations, key=lambda op: op.at, reverse=True))
