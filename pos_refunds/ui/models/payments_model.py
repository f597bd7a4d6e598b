"""The payments table: frozen Payment records as rows, newest first.

Updates from polling go through `upsert`, which emits dataChanged for the rows that changed and
inserts the new ones, so the selection and scroll position of the cashier stay where they are.

Each row also carries its `RowKeys`, computed once when the row is inserted or updated (and for
the reader column when readers' names arrive), never per comparison: a sort key per column
(`sort_keys(column)`: minor amounts, timestamps, lower-cased texts) and what the search looks at
(lower-cased ids, last 4, the amounts as (currency, minor), state, network, location). The
proxy (payments_filter.py) sorts and filters over these lists in single Python passes.

What a row shows is formatted once, when it is first painted, and kept until the row changes,
the readers' names change, the local day ends ("Today 18:31" becomes "Yesterday 18:31") or the
locale changes: a paint reads each visible cell's text for every frame, and formatting it anew
each time cost as much as the rest of the frame.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import datetime
from enum import IntEnum
from typing import Any, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from ...clock import Clock, utc_now
from ...domain.payments import Payment, PaymentState, network_name
from .. import palette
from ..formatting import format_datetime, format_money, format_when, local_day
from .network_badge import badge_icon
from .record_model import RIGHT, RecordTableModel, TranslatedWords

translate = QCoreApplication.translate

STATE_WORDS = TranslatedWords("PaymentsTableModel", {
    PaymentState.AUTHORIZED: QT_TRANSLATE_NOOP("PaymentsTableModel", "Authorized"),
    PaymentState.INCOMPLETE: QT_TRANSLATE_NOOP("PaymentsTableModel", "Incomplete"),
    PaymentState.CAPTURED: QT_TRANSLATE_NOOP("PaymentsTableModel", "Captured"),
    PaymentState.PARTIALLY_REFUNDED: QT_TRANSLATE_NOOP("PaymentsTableModel",
                                                       "Partially refunded"),
    PaymentState.REFUNDED: QT_TRANSLATE_NOOP("PaymentsTableModel", "Refunded"),
    PaymentState.PROCESSING: QT_TRANSLATE_NOOP("PaymentsTableModel", "Processing"),
    PaymentState.CANCELED: QT_TRANSLATE_NOOP("PaymentsTableModel", "Canceled"),
})
# Sorting by state groups what needs the cashier first.
_STATE_ORDER = {
    PaymentState.AUTHORIZED: 0,
    PaymentState.INCOMPLETE: 1,
    PaymentState.PROCESSING: 2,
    PaymentState.CAPTURED: 3,
    PaymentState.PARTIALLY_REFUNDED: 4,
    PaymentState.REFUNDED: 5,
    PaymentState.CANCELED: 6,
    PaymentState.UNKNOWN: 7,
}
_MUTED = QColor(palette.FAINT)
_ENDED = frozenset({PaymentState.CANCELED, PaymentState.REFUNDED})  # shown muted


def state_text(payment: Payment) -> str:
    """The payment's state in plain words; a status Stripe added later is shown as sent."""
    state = payment.state
    if state is PaymentState.UNKNOWN:
        return translate("PaymentsTableModel", "Unknown ({status})").format(
            status=payment.status)
    return STATE_WORDS[state]


class RowKeys(NamedTuple):
    """What sorting and searching read of one payment, computed when the row is set."""

    sort: tuple[Any, ...]  # one key per column, in Column order
    id: str
    id_lower: str
    charge_lower: str | None
    last4: str | None
    currency: str
    amount: tuple[str, int] | None  # (currency, minor) when in the payment's currency
    received: tuple[str, int] | None
    state: PaymentState
    network: str
    location_id: str | None


class KeyColumns(NamedTuple):
    """Every row's RowKeys by field ("" for a charge or last 4 Stripe did not give)."""

    id: list[str]
    id_lower: list[str]
    charge_lower: list[str]
    last4: list[str]
    amount: list[tuple[str, int] | None]
    received: list[tuple[str, int] | None]
    state: list[PaymentState]
    network: list[str]
    location_id: list[str | None]


def _amount_key(money: Any, currency: str) -> tuple[str, int] | None:
    """The amount as the search compares it: equal to Money(minor, currency) or not at all."""
    lowered = currency.lower()
    return (lowered, money.minor) if money.currency == lowered else None


def keys_of(p: Payment, sort: tuple[Any, ...] = (), state: PaymentState | None = None,
            ) -> RowKeys:
    """A payment's keys; `sort` is the model's (its reader column depends on its names);
    `state`, the payment's when already worked out."""
    return RowKeys(
        sort=sort,
        id=p.id,
        id_lower=p.id.lower(),
        charge_lower=p.charge_id.lower() if p.charge_id else None,
        last4=p.last4,
        currency=p.currency,
        amount=_amount_key(p.amount, p.currency),
        received=_amount_key(p.amount_received, p.currency),
        state=p.state if state is None else state,
        network=p.network,
        location_id=p.location_id,
    )


def _sort_tuple(p: Payment, state: PaymentState) -> tuple[Any, ...]:
    """Every column's sort key at once, in Column order; the reader's is its id (its name,
    which the model learns later, is looked up when the list is sorted by reader)."""
    return (p.created.timestamp(), p.amount.minor, network_name(p.network).lower(),
            p.last4 or "", _STATE_ORDER[state], p.amount_refunded.minor,
            p.reader_id, (p.description or "").lower())


def payment_keys(p: Payment) -> RowKeys:
    """The keys the model keeps for a payment (pure: they depend on nothing but it)."""
    state = p.state
    return keys_of(p, _sort_tuple(p, state), state)


def row_keys(payments: Iterable[Payment]) -> list[RowKeys]:
    """The keys of these payments: a worker thread works out those of a loaded page, which
    then goes into the model without a pass over it on the Qt thread."""
    return [payment_keys(p) for p in payments]


def key_columns_of(keys: list[RowKeys]) -> KeyColumns:
    """The rows' keys by field (pure; worked out off the Qt thread). The rows are turned into
    columns by `zip` in C (2-8 ms for 10,000 rows; field by field in Python, 9-43 ms: the
    worker held the interpreter that long, and the Qt thread waited for it)."""
    if not keys:
        return KeyColumns(*([] for _ in KeyColumns._fields))
    field = dict(zip(RowKeys._fields, zip(*keys, strict=True), strict=True))
    return KeyColumns(
        id=list(field["id"]), id_lower=list(field["id_lower"]),
        charge_lower=[c or "" for c in field["charge_lower"]],
        last4=[c or "" for c in field["last4"]],
        amount=list(field["amount"]), received=list(field["received"]),
        state=list(field["state"]), network=list(field["network"]),
        location_id=list(field["location_id"]))


class PaymentsTableModel(RecordTableModel[Payment]):
    class Column(IntEnum):
        TIME = 0
        AMOUNT = 1
        NETWORK = 2
        LAST4 = 3
        STATE = 4
        REFUNDED = 5
        READER = 6
        DESCRIPTION = 7

    PAYMENT_ROLE = RecordTableModel.ROW_ROLE

    CONTEXT = "PaymentsTableModel"
    HEADERS = {
        Column.TIME: QT_TRANSLATE_NOOP("PaymentsTableModel", "Time"),
        Column.AMOUNT: QT_TRANSLATE_NOOP("PaymentsTableModel", "Amount"),
        Column.NETWORK: QT_TRANSLATE_NOOP("PaymentsTableModel", "Network"),
        Column.LAST4: QT_TRANSLATE_NOOP("PaymentsTableModel", "Last 4"),
        Column.STATE: QT_TRANSLATE_NOOP("PaymentsTableModel", "State"),
        Column.REFUNDED: QT_TRANSLATE_NOOP("PaymentsTableModel", "Refunded"),
        Column.READER: QT_TRANSLATE_NOOP("PaymentsTableModel", "Reader"),
        Column.DESCRIPTION: QT_TRANSLATE_NOOP("PaymentsTableModel", "Description"),
    }

    def __init__(self, parent: QObject | None = None, *, clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self._clock = clock  # "Today 18:31" or "27 Nov 18:31" depends on what day it is now
        self._row_of: dict[str, int] = {}
        self._reader_labels: dict[str, str] = {}
        self._keys: list[RowKeys] = []  # parallel to self._rows
        self._columns: KeyColumns | None = None  # the keys by field (cache: None when stale)
        self._keys_generation = 0  # counts changes of the keys
        self._currencies: set[str] | None = None  # every row's currency (cache, with _columns)
        self._texts: dict[str, tuple[str, ...]] = {}  # payment id -> its cells' texts
        self._texts_for: tuple[datetime, datetime, str] | None = None  # day start, end, locale

    # --- reading -------------------------------------------------------------------------
    def _role_data(self, p: Payment, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == self.Column.NETWORK:
            return badge_icon(p.network) if p.network else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(p, column)
        if role == Qt.ItemDataRole.ForegroundRole and p.state in _ENDED:
            return _MUTED
        return None

    def _display(self, p: Payment, column: Column) -> str:
        c = self.Column
        if column == c.TIME:
            return format_when(p.created, now=self._clock())
        if column == c.AMOUNT:
            return format_money(p.amount)
        if column == c.NETWORK:
            return network_name(p.network) if p.network else "—"
        if column == c.LAST4:
            return p.last4 or "—"
        if column == c.STATE:
            return state_text(p)
        if column == c.REFUNDED:
            return format_money(p.amount_refunded) if p.amount_refunded.minor else "—"
        if column == c.READER:
            return self.reader_label(p.reader_id)
        return p.description or ""

    def _sort_key(self, p: Payment, column: Column) -> Any:
        if column == self.Column.READER:
            return self.reader_label(p.reader_id).lower()
        return _sort_tuple(p, p.state)[column]

    def _alignment(self, column: Column) -> Qt.AlignmentFlag | None:
        right = column in (self.Column.AMOUNT, self.Column.REFUNDED)
        return RIGHT if right else super()._alignment(column)

    def _tooltip(self, p: Payment, column: Column) -> str | None:
        """The full text of what a narrow column may elide, and the ids behind the words."""
        c = self.Column
        if column == c.TIME:
            return format_datetime(p.created)
        if column == c.STATE:
            return self.tr("{state} — Stripe status “{status}”").format(
                state=state_text(p), status=p.status)
        if column == c.NETWORK and p.network:
            return network_name(p.network)
        if column == c.READER and p.reader_id:
            label = self.reader_label(p.reader_id)
            return p.reader_id if label == p.reader_id else f"{label} ({p.reader_id})"
        if column == c.DESCRIPTION and p.description:
            return p.description
        return None

    def reader_label(self, reader_id: str | None) -> str:
        if not reader_id:
            return "—"
        return self._reader_labels.get(reader_id, reader_id)

    def payment(self, row: int) -> Payment:
        return self._rows[row]

    def row_of(self, payment_id: str) -> int | None:
        return self._row_of.get(payment_id)

    def payments(self) -> list[Payment]:
        return list(self._rows)

    def cell(self, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What data() answers for a valid (row, column), without an index to build and read:
        the proxy asks this way for every cell it paints."""
        if role not in _ANSWERED:
            return None  # font, background, check state, size hint...: the view's defaults
        p = self._rows[row]
        col = _COLUMNS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(p)[column]
        if role == self.SORT_ROLE:
            if col == self.Column.READER:
                return self.reader_label(p.reader_id).lower()
            return self._keys[row].sort[column]
        if role == self.ROW_ROLE:
            return p
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._aligned(col)
        if role == Qt.ItemDataRole.ForegroundRole:  # the row's state without working it out
            return _MUTED if self._keys[row].state in _ENDED else None
        return self._role_data(p, col, role)

    def face(self, row: int, column: int) -> tuple[str, bool, str | None]:
        """Everything a cell's look depends on, in one call (what `cell` answers for painting:
        its text, muted or not, its network's badge; alignment goes by column), for the
        delegate that keeps painted cells (views/cell_cache.py). A new role painted: here too."""
        p = self._rows[row]
        return (self._shown(p)[column], self._keys[row].state in _ENDED,
                p.network if column == self.Column.NETWORK else None)

    def _shown(self, p: Payment) -> tuple[str, ...]:
        """Every cell's text of the row, formatted once for the day and the locale in force."""
        now = self._clock()
        valid = self._texts_for
        locale = QLocale().name()
        if valid is None or not valid[0] <= now < valid[1] or valid[2] != locale:
            self._texts.clear()
            start, end = local_day(now)
            self._texts_for = (start, end, locale)
        texts = self._texts.get(p.id)
        if texts is None:
            texts = self._texts[p.id] = tuple(self._display(p, c) for c in _COLUMNS)
        return texts

    def row_keys(self) -> list[RowKeys]:
        """Every row's precomputed keys, by source row (the list itself: do not change it)."""
        return self._keys

    def sort_keys(self, column: int) -> list[Any]:
        """The sort key of every row in one column, by source row."""
        if column == self.Column.READER:  # by name, as the readers' names are now
            names = {rid: self.reader_label(rid).lower()
                     for rid in {k.sort[column] for k in self._keys}}
            return [names[k.sort[column]] for k in self._keys]
        return [k.sort[column] for k in self._keys]

    def key_columns(self) -> KeyColumns:
        """What the search and the filters read, one list per field, by source row: the
        proxy tests a criterion over every row in one comprehension, not a call per row."""
        if self._columns is None:
            self._columns = key_columns_of(self._keys)
        return self._columns

    def keys_snapshot(self) -> tuple[int, list[RowKeys]] | None:
        """The rows' keys as they are now, to work their `key_columns_of` out on a worker
        thread (a search's first keystroke then finds them ready); None when they are."""
        if self._columns is not None:
            return None
        return self._keys_generation, list(self._keys)

    def adopt_key_columns(self, generation: int, columns: KeyColumns) -> None:
        """Columns worked out from `keys_snapshot`, kept if no row changed meanwhile."""
        if generation == self._keys_generation and self._columns is None:
            self._columns = columns


    def currencies(self) -> set[str]:
        """Every currency a row is in (worked out once per change of rows, not per keystroke)."""
        if self._currencies is None:
            self._currencies = {k.currency for k in self._keys}
        return self._currencies

    # --- writing -------------------------------------------------------------------------
    def _keys_changed(self) -> None:
        """A row's keys changed, or rows came or went: what is worked out from them is stale."""
        self._keys_generation += 1
        self._columns = None
        self._currencies = None

    def set_reader_labels(self, labels: dict[str, str]) -> None:
        """Readers' names for the reader column (ids are shown until they are known)."""
        self._reader_labels = dict(labels)
        self._texts.clear()  # the keys hold readers' ids: only what is shown changes
        if self._rows:
            column = self.Column.READER
            self.dataChanged.emit(
                self.index(0, column), self.index(len(self._rows) - 1, column)
            )

    def append(self, payments: Iterable[Payment]) -> None:
        """Add a loaded page at the end (pages come newest first); known ids are updated."""
        self.append_pages([(list(payments), None)])

    def append_pages(self, pages: Iterable[tuple[list[Payment], list[RowKeys] | None]]) -> None:
        """Add loaded pages at the end, in the order they came, as one insertion (one change
        of rows for the views, not one a page); known ids are updated. Each page comes with
        its payments' `row_keys`, or None (worked out here then). A payment twice in one
        page: its first copy; in two pages: the later page's, where it first came."""
        fresh: dict[str, tuple[Payment, RowKeys | None]] = {}
        for page, keys in pages:
            here: set[str] = set()
            for i, payment in enumerate(page):
                if payment.id in here:
                    continue
                here.add(payment.id)
                row = self._row_of.get(payment.id)
                if row is not None:
                    self._replace(row, payment, keys[i] if keys is not None else None)
                else:
                    fresh[payment.id] = (payment, keys[i] if keys is not None else None)
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(p for p, _ in fresh.values())
        self._keys.extend(k if k is not None else payment_keys(p) for p, k in fresh.values())
        self._keys_changed()
        self._row_of.update(zip(fresh, range(first, first + len(fresh)), strict=True))
        self.endInsertRows()

    def upsert(self, payments: Iterable[Payment]) -> None:
        """Update known payments in place and insert new ones where their time puts them."""
        for payment in payments:
            row = self._row_of.get(payment.id)
            if row is not None:
                self._replace(row, payment)
            else:
                self._insert(payment)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._keys.clear()
        self._keys_changed()
        self._row_of.clear()
        self._texts.clear()
        self.endResetModel()

    def _replace(self, row: int, payment: Payment, keys: RowKeys | None = None) -> None:
        if self._rows[row] == payment:
            return
        self._rows[row] = payment
        self._keys[row] = keys if keys is not None else payment_keys(payment)
        self._keys_changed()
        self._texts.pop(payment.id, None)
        self._row_changed(row)

    def _insert(self, payment: Payment) -> None:
        time = self.Column.TIME
        keys = [-k.sort[time] for k in self._keys]
        row = bisect.bisect_right(keys, -payment.created.timestamp())
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, payment)
        self._keys.insert(row, payment_keys(payment))
        self._keys_changed()
        self._row_of = {p.id: i for i, p in enumerate(self._rows)}
        self.endInsertRows()


_COLUMNS = tuple(PaymentsTableModel.Column)
_ANSWERED = frozenset({
    Qt.ItemDataRole.DisplayRole, PaymentsTableModel.SORT_ROLE, PaymentsTableModel.ROW_ROLE,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
})  # the roles data() answers for a cell (_role_data: decoration, tooltip, foreground)
