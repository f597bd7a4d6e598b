"""The day's refunds and cancellations at this till, from the journal: what, how much, who did
it and who approved it, newest first. One row per operation (its latest state)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...journal import Operation
from ..formatting import format_datetime, format_money, format_time
from .journal_model import KIND_WORDS, STATE_WORDS, state_colour

AnyIndex = QModelIndex | QPersistentModelIndex


class DayOperationsModel(QAbstractTableModel):
    class Column(IntEnum):
        TIME = 0
        KIND = 1
        AMOUNT = 2
        STATE = 3
        STAFF = 4
        APPROVER = 5
        PAYMENT = 6

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    OPERATION_ROLE = Qt.ItemDataRole.UserRole + 2

    HEADERS = {
        Column.TIME: "Time",
        Column.KIND: "Operation",
        Column.AMOUNT: "Amount",
        Column.STATE: "State",
        Column.STAFF: "Done by",
        Column.APPROVER: "Approved by",
        Column.PAYMENT: "Payment",
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Operation] = []

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
        op = self._rows[index.row()]
        column = self.Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(op, column)
        if role == self.SORT_ROLE:
            return self._sort_key(op, column)
        if role == self.OPERATION_ROLE:
            return op
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._alignment(column))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.Column.TIME:
                return format_datetime(op.created_at)
            if column == self.Column.STATE and op.error:
                return op.error
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
        return self._display(op, column).lower()

    def _alignment(self, column: Column) -> Qt.AlignmentFlag:
        if column == self.Column.AMOUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def operation(self, row: int) -> Operation:
        return self._rows[row]

    def set_operations(self, operations: Iterable[Operation]) -> None:
        self.beginResetModel()
        self._rows = sorted(operations, key=lambda op: op.created_at, reverse=True)
        self.endResetModel()
