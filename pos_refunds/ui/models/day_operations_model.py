"""The day's refunds and cancellations at this till, from the journal: what, how much, who did
it and who approved it, newest first. One row per operation (its latest state)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from ...journal import Operation
from ..formatting import format_datetime, format_money, format_time
from ..messages import operation_error_words
from .journal_model import KIND_WORDS, STATE_WORDS, state_colour
from .record_model import RIGHT, RecordTableModel


class DayOperationsModel(RecordTableModel[Operation]):
    class Column(IntEnum):
        TIME = 0
        KIND = 1
        AMOUNT = 2
        STATE = 3
        STAFF = 4
        APPROVER = 5
        PAYMENT = 6

    OPERATION_ROLE = RecordTableModel.ROW_ROLE

    HEADERS = {
        Column.TIME: "Time",
        Column.KIND: "Operation",
        Column.AMOUNT: "Amount",
        Column.STATE: "State",
        Column.STAFF: "Done by",
        Column.APPROVER: "Approved by",
        Column.PAYMENT: "Payment",
    }

    def _role_data(self, op: Operation, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.Column.TIME:
                return format_datetime(op.created_at)
            if column == self.Column.STATE and op.error:
                return operation_error_words(op)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.Column.STATE:
            return state_colour(op.state)
        return None

    def _display(self, op: Operation, column: Column) -> str:
        c = self.Column
        values = {
            c.TIME: lambda: format_time(op.created_at),
            c.KIND: lambda: KIND_WORDS.get(op.kind, op.kind.value),
            c.AMOUNT: lambda: format_money(op.amount) if op.amount else "—",
            c.STATE: lambda: STATE_WORDS.get(op.state, op.state.value),
            c.STAFF: lambda: op.staff,
            c.APPROVER: lambda: op.approver or "—",
            c.PAYMENT: lambda: op.payment_id,
        }
        return values[column]()

    def _sort_key(self, op: Operation, column: Column) -> Any:
        if column == self.Column.TIME:
            return op.created_at.timestamp()
        if column == self.Column.AMOUNT:
            return op.amount.minor if op.amount else -1
        return super()._sort_key(op, column)

    def _alignment(self, column: Column) -> Qt.AlignmentFlag | None:
        return RIGHT if column == self.Column.AMOUNT else super()._alignment(column)

    def operation(self, row: int) -> Operation:
        return self._rows[row]

    def set_operations(self, operations: Iterable[Operation]) -> None:
        self._reset_rows(sorted(operations, key=lambda op: op.created_at, reverse=True))
