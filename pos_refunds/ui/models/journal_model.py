"""The audit journal as a table: one row per journal entry, newest first, in words.

Every entry is shown, not only each operation's latest state, so a manager sees the whole
trail (pending, then succeeded or failed). The proxy filters by local date and state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from ...clock import Clock, utc_now
from ...journal import Entry, OperationKind, OperationState
from ...services.operations import ERROR_PARAMS
from .. import palette
from ..day_words import failure_words
from ..formatting import format_datetime, format_money, format_time, format_when
from ..messages import journal_outcome_words
from .record_model import RIGHT, AnyIndex, RecordTableModel, TranslatedWords

translate = QCoreApplication.translate

# The kind of operation an entry is about (a noun in the journal, not a button).
KIND_WORDS = TranslatedWords("JournalTableModel", {
    OperationKind.REFUND_ONLINE: QT_TRANSLATE_NOOP("JournalTableModel", "Refund online"),
    OperationKind.REFUND_ON_READER: QT_TRANSLATE_NOOP("JournalTableModel", "Refund on reader"),
    OperationKind.CANCEL: QT_TRANSLATE_NOOP("JournalTableModel", "Cancel"),
    OperationKind.CAPTURE: QT_TRANSLATE_NOOP("JournalTableModel", "Capture"),
    OperationKind.SETTINGS: QT_TRANSLATE_NOOP("JournalTableModel", "Settings changed"),
})
STATE_WORDS = TranslatedWords("JournalTableModel", {
    OperationState.PENDING: QT_TRANSLATE_NOOP("JournalTableModel", "Pending"),
    OperationState.SUCCEEDED: QT_TRANSLATE_NOOP("JournalTableModel", "Succeeded"),
    OperationState.FAILED: QT_TRANSLATE_NOOP("JournalTableModel", "Failed"),
    OperationState.UNKNOWN: QT_TRANSLATE_NOOP("JournalTableModel", "Outcome unknown"),
})
_STATE_COLOURS = {
    OperationState.FAILED: QColor(palette.ERROR),
    OperationState.UNKNOWN: QColor(palette.WARNING),
    OperationState.PENDING: QColor(palette.MUTED),
}


def state_colour(state: OperationState) -> QColor | None:
    """Failed in red, unknown in amber, pending muted; succeeded in the normal text colour."""
    return _STATE_COLOURS.get(state)


# Which Stripe id says the most about an operation, first.
_ID_ORDER = ("refund", "payment_intent", "reader_action", "request_id")


def stripe_ids_text(ids: Mapping[str, str]) -> str:
    """The Stripe ids an operation left, the refund id first ("re_…, req_…")."""
    keys = sorted(ids, key=lambda k: (_ID_ORDER.index(k) if k in _ID_ORDER else 99, k))
    return ", ".join(ids[k] for k in keys)


def short_op_id(op_id: str) -> str:
    """Enough of the operation id to tell operations apart at a glance ("op_1a2b3c…")."""
    return op_id if len(op_id) <= 10 else op_id[:9] + "…"


def _esc(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def entry_detail_html(e: Entry) -> str:
    """Everything one entry says, in full: what the narrow columns elide (touch screens have
    no tooltips)."""
    def part(template: str, value: object) -> str:
        return template.format(value=_esc(value))

    first = [translate("JournalTableModel", "<b>Entry {seq}</b>").format(seq=e.seq),
             _esc(KIND_WORDS.get(e.kind, e.kind.value)), _esc(state_words(e)),
             _esc(f"{format_datetime(e.at)} ({format_time(e.at, seconds=True)})"),
             part(translate("JournalTableModel", "operation <b>{value}</b>"), e.op_id),
             part(translate("JournalTableModel", "payment <b>{value}</b>"), e.payment_id)]
    amount = (format_money(e.amount) if e.amount
              else translate("JournalTableModel", "none", "no amount"))
    second = [part(translate("JournalTableModel", "Amount <b>{value}</b>"), amount),
              part(translate("JournalTableModel", "staff <b>{value}</b>"), e.staff),
              part(translate("JournalTableModel", "approved by <b>{value}</b>"),
                   e.approver or translate("JournalTableModel", "nobody", "approved by nobody")),
              part(translate("JournalTableModel", "till <b>{value}</b>"), e.till)]
    if e.reader_id:
        second.append(part(translate("JournalTableModel", "reader <b>{value}</b>"), e.reader_id))
    ids = ", ".join(f"{k} {v}" for k, v in sorted(e.stripe_ids.items()))
    third = [part(translate("JournalTableModel", "Stripe <b>{value}</b>"),
                  ids or translate("JournalTableModel", "no ids yet"))]
    labels = {"reason": translate("JournalTableModel", "Reason <b>{value}</b>"),
              "note": translate("JournalTableModel", "Note <b>{value}</b>")}
    third += [part(labels[name], e.details[name]) for name in ("reason", "note")
              if e.details.get(name)]
    lines = [" · ".join(first), " · ".join(second), " · ".join(third)]
    if e.error:
        error = translate("JournalTableModel", "Error: {error}").format(error=_esc(_error(e)))
        lines.append(f'<span style="color:{palette.ERROR}">{error}</span>')
    return "<br>".join(lines)


def state_words(e: Entry) -> str:
    """"Succeeded", "Pending"; a failure in its few words when it has them ("Card declined",
    "Wrong card", "Left over and canceled"), never "Failed" alone when more is known."""
    if e.state is OperationState.FAILED:
        short = failure_words(e.error, e.details.get(ERROR_PARAMS))
        if short:
            return short
    return STATE_WORDS.get(e.state, e.state.value)


def history_html(history: Iterable[Entry]) -> str:
    """Each state the operation went through, oldest first, with its time and entry."""
    line = translate("JournalTableModel", "{when} ({time}) · <b>{state}</b> · entry {seq}")
    lines = [line.format(when=_esc(format_datetime(e.at)),
                         time=_esc(format_time(e.at, seconds=True)),
                         state=_esc(state_words(e)), seq=e.seq) for e in history]
    return translate("JournalTableModel", "History:") + "<br>" + "<br>".join(lines)


def operation_detail_html(history: list[Entry]) -> str:
    """The operation as its newest entry says it, in full, then its history."""
    return entry_detail_html(history[-1]) + "<br>" + history_html(history)


def _error(e: Entry) -> str:
    """The entry's error in words (an old journal's text as it was stored)."""
    return journal_outcome_words(e.error, e.details.get(ERROR_PARAMS))


class JournalTableModel(RecordTableModel[Entry]):
    class Column(IntEnum):
        TIME = 0
        OPERATION = 1
        KIND = 2
        PAYMENT = 3
        AMOUNT = 4
        STAFF = 5
        APPROVER = 6
        TILL = 7
        STATE = 8
        STRIPE_IDS = 9
        ERROR = 10

    ENTRY_ROLE = RecordTableModel.ROW_ROLE

    CONTEXT = "JournalTableModel"
    HEADERS = {
        Column.TIME: QT_TRANSLATE_NOOP("JournalTableModel", "Time"),
        Column.OPERATION: QT_TRANSLATE_NOOP("JournalTableModel", "Operation"),
        Column.KIND: QT_TRANSLATE_NOOP("JournalTableModel", "Kind"),
        Column.PAYMENT: QT_TRANSLATE_NOOP("JournalTableModel", "Payment"),
        Column.AMOUNT: QT_TRANSLATE_NOOP("JournalTableModel", "Amount"),
        Column.STAFF: QT_TRANSLATE_NOOP("JournalTableModel", "Staff"),
        Column.APPROVER: QT_TRANSLATE_NOOP("JournalTableModel", "Approved by"),
        Column.TILL: QT_TRANSLATE_NOOP("JournalTableModel", "Till"),
        Column.STATE: QT_TRANSLATE_NOOP("JournalTableModel", "Outcome"),
        Column.STRIPE_IDS: QT_TRANSLATE_NOOP("JournalTableModel", "Stripe ids"),
        Column.ERROR: QT_TRANSLATE_NOOP("JournalTableModel", "Error"),
    }

    def __init__(self, parent: QObject | None = None, *, clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self._history: dict[str, list[Entry]] = {}
        self._clock = clock  # "Today 18:31" depends on what day it is now

    def _role_data(self, entry: Entry, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.Column.STATE,
                                                                 self.Column.ERROR):
            return state_colour(entry.state)
        return None

    def _display(self, e: Entry, column: Column) -> str:
        c = self.Column
        values = {
            c.TIME: lambda: format_when(e.at, now=self._clock()),
            c.OPERATION: lambda: short_op_id(e.op_id),
            c.KIND: lambda: KIND_WORDS.get(e.kind, e.kind.value),
            c.PAYMENT: lambda: e.payment_id,
            c.AMOUNT: lambda: format_money(e.amount) if e.amount else "—",
            c.STAFF: lambda: e.staff,
            c.APPROVER: lambda: e.approver or "—",
            c.TILL: lambda: e.till,
            c.STATE: lambda: state_words(e),
            c.STRIPE_IDS: lambda: stripe_ids_text(e.stripe_ids) or "—",
            c.ERROR: lambda: _error(e) if e.error else "",
        }
        return values[column]()

    def _sort_key(self, e: Entry, column: Column) -> Any:
        if column == self.Column.TIME:
            return e.seq  # the order entries were written in: time order, without ties
        if column == self.Column.AMOUNT:
            return e.amount.minor if e.amount else -1
        return super()._sort_key(e, column)

    def _alignment(self, column: Column) -> Qt.AlignmentFlag | None:
        return RIGHT if column == self.Column.AMOUNT else super()._alignment(column)

    def _tooltip(self, e: Entry, column: Column) -> str | None:
        c = self.Column
        if column == c.TIME:
            return format_datetime(e.at)
        if column == c.OPERATION:
            return self.tr("{op_id} (entry {seq})").format(op_id=e.op_id, seq=e.seq)
        if column == c.STRIPE_IDS and e.stripe_ids:
            return "\n".join(f"{k}: {v}" for k, v in sorted(e.stripe_ids.items()))
        if column == c.ERROR and e.error:
            return _error(e)
        if column == c.AMOUNT and e.amount:
            return str(e.amount)
        if column == c.KIND:
            reason, note = e.details.get("reason"), e.details.get("note")
            parts = [p for p in (reason, note, e.reader_id) if p]
            return " — ".join(str(p) for p in parts) or None
        return None

    # --- rows ----------------------------------------------------------------------------
    def entry(self, row: int) -> Entry:
        return self._rows[row]

    def entries(self) -> list[Entry]:
        """Every entry, oldest first (the rows show each operation's newest)."""
        return sorted((e for h in self._history.values() for e in h), key=lambda e: e.seq)

    def history(self, op_id: str) -> list[Entry]:
        """The operation's entries, oldest first."""
        return list(self._history.get(op_id, ()))

    def set_entries(self, entries: Iterable[Entry]) -> None:
        """Replace everything (the journal is re-read as a whole): one row per operation, its
        newest entry (its latest state), newest first."""
        self._history = {}
        for e in sorted(entries, key=lambda e: e.seq):
            self._history.setdefault(e.op_id, []).append(e)
        latest = [h[-1] for h in self._history.values()]
        self._reset_rows(sorted(latest, key=lambda e: e.seq, reverse=True))


class JournalFilterProxy(QSortFilterProxyModel):
    """Entries of [first, last] (local calendar days, either end open) in one state."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._first: date | None = None
        self._last: date | None = None
        self._state: OperationState | None = None
        self.setSortRole(JournalTableModel.SORT_ROLE)

    def set_dates(self, first: date | None, last: date | None) -> None:
        self.beginFilterChange()
        self._first, self._last = first, last
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_state(self, state: OperationState | str | None) -> None:
        """A StrEnum comes back from a combo box's item data as a plain str: both work."""
        self.beginFilterChange()
        self._state = OperationState(state) if state else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, entry: Entry) -> bool:
        day = entry.at.astimezone().date()
        if self._first is not None and day < self._first:
            return False
        if self._last is not None and day > self._last:
            return False
        return self._state is None or entry.state == self._state

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        entry = index.data(JournalTableModel.ENTRY_ROLE)
        return entry is not None and self.accepts(entry)
