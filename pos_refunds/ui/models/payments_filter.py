"""Search, filters and sorting over the payments table, as a cashier types them.

The search box takes an amount in the locale's format ("12.50" or "12,50"), the last 4 digits
of the card, or (part of) a payment id (pi_…) or charge id (ch_…) — including a whole id from a
scanned receipt.

How it stays fast on 10,000 payments: the proxy never calls back into Python per row or per
comparison from C++ (as a QSortFilterProxyModel does through filterAcceptsRow and data() for
each comparison). It holds its rows as one list, `_order` (proxy row → source row), worked out
in Python from the keys the source model precomputed per row (`PaymentsTableModel.row_keys`):

- sorting: all source rows once `sorted(range(n), key=sort_keys(column).__getitem__)` (C-speed
  comparisons), reversed for a descending sort, kept until the model or the sort changes. Equal
  keys keep the model's order (newest first), reversed when descending: what Qt's proxy gives
  a list it sorts afresh (it, unlike this, also kept ties in the order of the sort before);
- filtering: each criterion tested over every row in one list comprehension on the model's
  keys by field (`_passing`, the amount text parsed once per currency), then one pass over
  that permutation keeping the rows that pass; `_predicate` says the same of one row.

Any change (criteria, sort, a row inserted or updated upstream) recomputes `_order`; when it
differs, the change is told as a layout change (layoutAboutToBeChanged,
changePersistentIndexList, layoutChanged), so the selection, the current row and every
persistent index follow their payment, and those of rows that left are invalidated. The
payment open in the detail panel is pinned: listed whatever the criteria say.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress
from operator import and_, or_
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ...domain.errors import AmountError
from ...domain.money import Money, parse_amount
from ...domain.payments import Payment, PaymentState
from ..formatting import amount_separators
from .payments_model import KeyColumns, PaymentsTableModel, RowKeys, keys_of

AnyIndex = QModelIndex | QPersistentModelIndex
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemNeverHasChildren)  # QAbstractTableModel's, every cell
# Persistent indexes (the selection, the current cell: a row's eight) found again after a new
# order by looking in it; more than this, by the map of every listed row.
FEW_INDEXES = 24


class PaymentsFilterProxy(QAbstractProxyModel):
    def __init__(self, parent: QObject | None = None, *, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self._text = ""
        self._amounts: dict[str, Money | None] = {}  # currency -> what the text means there
        self._state: PaymentState | None = None
        self._network: str | None = None
        self._location: str | None = None
        self._pinned: str | None = None  # the payment the cashier has open: always listed
        self._sort_column = -1  # -1: the source's order
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order: list[int] = []  # proxy row -> source row
        self._rows_of: dict[int, int] | None = {}  # source row -> proxy row (None: not made)
        self._sorted: list[int] | None = None  # every source row in sort order (cache)
        self._model: PaymentsTableModel | None = None
        self._columns = 0
        self._passes: Callable[[RowKeys], bool] | None = None  # the criteria's (cache)

    # --- criteria ------------------------------------------------------------------------
    def set_search_text(self, text: str) -> None:
        text = text.strip()
        if text == self._text:
            return
        self._text = text
        self._amounts.clear()
        self._refresh()

    def search_text(self) -> str:
        return self._text

    def set_state_filter(self, state: PaymentState | None) -> None:
        if state == self._state:
            return
        self._state = state
        self._refresh()

    def set_network_filter(self, network: str | None) -> None:
        if network == self._network:
            return
        self._network = network or None
        self._refresh()

    def set_location_filter(self, location_id: str | None) -> None:
        """Only this Terminal location's payments (Settings). A payment whose location Stripe
        did not say stays listed, and a whole payment id in the search box (a scanned receipt
        from another shop) shows its payment anyway: none is out of the cashier's reach."""
        if (location_id or None) == self._location:
            return
        self._location = location_id or None
        self._refresh()

    def pin(self, payment_id: str | None) -> None:
        """Keep this payment listed whatever the filters say, until another is pinned: the one
        the cashier has open never vanishes under them (after an action, a filter change)."""
        if payment_id == self._pinned:
            return
        old, self._pinned = self._pinned, payment_id
        if old is not None and not self._accepts(old):
            self._refresh()  # the one it kept leaves now that it is not open

    def pinned(self) -> str | None:
        return self._pinned

    def matches_found(self) -> tuple[int, int | None]:
        """How many listed rows the filters and search match (the open payment not counted
        when it is listed only because it is open), and that row when there is one."""
        rows = self.rowCount()
        extra = self._kept_only_row()
        count = rows - (extra is not None)
        if count != 1:
            return count, None
        return 1, next(r for r in range(min(rows, 2)) if r != extra)

    def _kept_only_row(self) -> int | None:
        """The proxy row of the open payment when only the pin keeps it listed."""
        model = self._model
        if self._pinned is None or model is None:
            return None
        source = model.row_of(self._pinned)
        if source is None or self._criteria()(model.row_keys()[source]):
            return None
        return self._row_of.get(source)

    def _accepts(self, payment_id: str) -> bool:
        model = self._model
        row = model.row_of(payment_id) if model is not None else None
        return row is None or self._criteria()(model.row_keys()[row])

    # --- matching ------------------------------------------------------------------------
    def matches(self, payment: Payment) -> bool:
        """Does the search text name this payment (amount, last 4 or id)?"""
        return self._predicate(search_only=True)(keys_of(payment))

    def _criteria(self) -> Callable[[RowKeys], bool]:
        """The predicate of every criterion, built once until one changes."""
        if self._passes is None:
            self._passes = self._predicate()
        return self._passes

    def _predicate(self, *, search_only: bool = False) -> Callable[[RowKeys], bool]:
        """Whether a row's keys pass the filters and the search, as a function built once."""
        state = None if search_only else self._state
        network = None if search_only else self._network
        location = None if search_only else self._location
        text = self._text
        lowered = text.lower()
        charge = lowered.startswith("ch_")
        last4 = text if text.isdigit() and len(text) <= 4 else None
        amounts = self._amount_keys() if text else set()

        def passes(k: RowKeys) -> bool:
            if state is not None and k.state is not state:
                return False
            if network is not None and k.network != network:
                return False
            if location is not None and k.location_id not in (None, location) and k.id != text:
                return False
            if not text or lowered in k.id_lower:
                return True
            if charge and k.charge_lower and lowered in k.charge_lower:
                return True
            if last4 and k.last4 and last4 in k.last4:
                return True
            return k.amount in amounts or k.received in amounts

        return passes

    def _passing(self, cols: KeyColumns) -> list[bool]:
        """Whether each row passes: `_predicate`'s tests, each over every row in one
        comprehension (a tenth of the time of calling the predicate row by row)."""
        state, network, location, text = self._state, self._network, self._location, self._text
        keep: list[bool] | None = None

        def both(passes: list[bool]) -> None:
            nonlocal keep
            keep = passes if keep is None else list(map(and_, keep, passes))

        if state is not None:
            both([s is state for s in cols.state])
        if network is not None:
            both([n == network for n in cols.network])
        if location is not None:
            both([where is None or where == location or pid == text
                  for where, pid in zip(cols.location_id, cols.id, strict=True)])
        if text:
            lowered = text.lower()
            hit = [lowered in s for s in cols.id_lower]
            if lowered.startswith("ch_"):
                hit = list(map(or_, hit, [lowered in s for s in cols.charge_lower]))
            if text.isdigit() and len(text) <= 4:
                hit = list(map(or_, hit, [text in s for s in cols.last4]))
            if amounts := self._amount_keys():
                hit = list(map(or_, hit, [
                    a in amounts or r in amounts
                    for a, r in zip(cols.amount, cols.received, strict=True)]))
            both(hit)
        return keep if keep is not None else [True] * len(cols.id)

    def _amount_keys(self) -> set[tuple[str, int]]:
        """The search text read as an amount of each currency listed, as (currency, minor)."""
        currencies = self._model.currencies() if self._model is not None else set()
        read = (self._amount_in(c) for c in currencies)
        return {(m.currency, m.minor) for m in read if m is not None}

    def _amount_in(self, currency: str) -> Money | None:
        """The search text read as an amount of `currency` (cached per currency)."""
        if currency not in self._amounts:
            self._amounts[currency] = self._parse(currency)
        return self._amounts[currency]

    def _parse(self, currency: str) -> Money | None:
        point, group = amount_separators(self._locale)
        other = "," if point == "." else "."
        for decimal_point, group_separator in ((point, group), (other, "\u00a0")):
            try:
                return parse_amount(
                    self._text, currency, decimal_point=decimal_point,
                    group_separator=group_separator,
                )
            except AmountError:
                continue
        return None

    # --- sorting -------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self._sort_column, self._sort_order):
            return
        self._sort_column, self._sort_order = column, order
        self._sorted = None
        self._refresh()

    def sortColumn(self) -> int:  # noqa: N802 (as QSortFilterProxyModel names it)
        return self._sort_column

    def sortOrder(self) -> Qt.SortOrder:  # noqa: N802
        return self._sort_order

    def _sorted_rows(self) -> list[int]:
        if self._sorted is None:
            model, source = self._model, self.sourceModel()
            rows = list(range(source.rowCount() if source is not None else 0))
            if self._sort_column >= 0 and model is not None:  # another model: its order
                rows.sort(key=model.sort_keys(self._sort_column).__getitem__)
            if self._sort_order == Qt.SortOrder.DescendingOrder:
                rows.reverse()  # as Qt's proxy: descending is ascending backwards, ties too
            self._sorted = rows
        return self._sorted

    # --- the rows listed -----------------------------------------------------------------
    def _listed(self) -> list[int]:
        """Source rows listed, in order: the sorted rows that pass, and the pinned one."""
        rows = self._sorted_rows()
        if self._model is None or not (self._text or self._state or self._network
                                       or self._location):
            return list(rows)
        keep = self._passing(self._model.key_columns())  # by source row
        pinned = self._model.row_of(self._pinned) if self._pinned is not None else None
        if pinned is not None:
            keep[pinned] = True
        return list(compress(rows, map(keep.__getitem__, rows)))

    def _refresh(self) -> None:
        self._passes = None  # the criteria or the rows' currencies may have changed
        order = self._listed()
        if order == self._order:
            return
        old = len(self._order)
        if len(order) > old and order[:old] == self._order:
            # Rows only added at the end (a page loaded, the newest first): told as such,
            # which costs a view far less than a change of layout.
            self.beginInsertRows(QModelIndex(), old, len(order) - 1)
            self._order = order
            if self._rows_of is not None:
                self._rows_of.update(zip(order[old:], range(old, len(order)), strict=True))
            self.endInsertRows()
        else:
            self._relayout(order)

    def _relayout(self, order: list[int]) -> None:
        """Show `order`: persistent indexes (selection, current row) follow their payment."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        sources = [self._order[i.row()] if 0 <= i.row() < len(self._order) else -1
                   for i in before]
        self._set_order(order)
        after = []
        for index, source in zip(before, sources, strict=True):
            row = self._proxy_row(source, few=len(before) <= FEW_INDEXES)
            after.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _set_order(self, order: list[int]) -> None:
        self._order = order
        self._rows_of = None  # made when first asked (a keystroke need not: 1-2 ms for 10k)

    @property
    def _row_of(self) -> dict[int, int]:
        if self._rows_of is None:
            self._rows_of = dict(zip(self._order, range(len(self._order)), strict=True))
        return self._rows_of

    def _proxy_row(self, source: int, *, few: bool) -> int | None:
        """Where a source row is listed; for a few lookups, looked for in the order itself
        (in C) rather than by making the whole map."""
        if self._rows_of is not None or not few:
            return self._row_of.get(source)
        try:
            return self._order.index(source)
        except ValueError:
            return None

    # --- the source model's signals ------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        self.beginResetModel()
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._connections(old):
                signal.disconnect(slot)
        super().setSourceModel(model)
        self._model = model if isinstance(model, PaymentsTableModel) else None
        self._columns = model.columnCount() if model is not None else 0
        if model is not None:
            for signal, slot in self._connections(model):
                signal.connect(slot)
        self._sorted, self._passes = None, None
        self._set_order(self._listed())
        self.endResetModel()

    def _connections(self, model: QAbstractItemModel) -> list[tuple[Any, Any]]:
        return [
            (model.dataChanged, self._source_data_changed),
            (model.headerDataChanged, self.headerDataChanged),
            (model.rowsInserted, self._source_rows_inserted),
            (model.rowsRemoved, self._source_rows_removed),
            (model.modelAboutToBeReset, self.beginResetModel),
            (model.modelReset, self._source_reset),
            (model.layoutAboutToBeChanged, self.beginResetModel),
            (model.layoutChanged, self._source_reset),
        ]

    def _source_data_changed(self, top: AnyIndex, bottom: AnyIndex,
                             roles: list[int] | None = None) -> None:
        rows = [self._row_of[r] for r in range(top.row(), bottom.row() + 1) if r in self._row_of]
        if rows:
            self.dataChanged.emit(self.index(min(rows), top.column()),
                                  self.index(max(rows), bottom.column()), roles or [])
        self._sorted = None  # a key may have changed: the order, or what passes
        self._refresh()

    def _source_rows_inserted(self, _parent: AnyIndex, first: int, last: int) -> None:
        count = last - first + 1
        if first < self.sourceModel().rowCount() - count:  # not at the end: rows move down
            self._set_order([r + count if r >= first else r for r in self._order])
        self._sorted = None
        self._refresh()

    def _source_rows_removed(self, _parent: AnyIndex, first: int, last: int) -> None:
        count = last - first + 1
        order = [-1 if first <= r <= last else r - count if r > last else r
                 for r in self._order]  # -1: gone, its indexes invalidated
        if -1 in order:
            self._order = order  # the relayout to come tells the views which left
        else:
            self._set_order(order)
        self._sorted = None
        self._refresh()

    def _source_reset(self) -> None:
        self._sorted, self._passes = None, None
        self._set_order(self._listed())
        self.endResetModel()

    # --- Qt's proxy contract -------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._order) and 0 <= column < self._columns):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: AnyIndex | None = None) -> QModelIndex:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        return QModelIndex()

    def sibling(self, row: int, column: int, index: AnyIndex) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._columns

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and bool(self._order)

    def mapToSource(self, index: AnyIndex) -> QModelIndex:  # noqa: N802
        model = self.sourceModel()
        if model is None or not index.isValid() or not 0 <= index.row() < len(self._order):
            return QModelIndex()
        return model.index(self._order[index.row()], index.column())

    def mapFromSource(self, index: AnyIndex) -> QModelIndex:  # noqa: N802
        if not index.isValid():
            return QModelIndex()
        row = self._row_of.get(index.row())
        return QModelIndex() if row is None else self.createIndex(row, index.column())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for seven roles of every cell each frame: the fewest calls back into Qt.
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._order):
            return None
        if self._model is not None:  # straight to the row, no source index built
            return self._model.cell(self._order[row], index.column(), role)
        return self.sourceModel().data(self.mapToSource(index), role)

    def face(self, row: int, column: int) -> tuple[str, bool, str | None] | None:
        """A listed cell's look (`PaymentsTableModel.face`); None for another model's."""
        if self._model is None or not 0 <= row < len(self._order):
            return None
        return self._model.face(self._order[row], column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """What a table model's rows are (QAbstractProxyModel would map each painted cell to
        the source to ask it)."""
        if not 0 <= index.row() < len(self._order):
            return Qt.ItemFlag.NoItemFlags
        if self._model is not None:
            return _ROW_FLAGS
        return self.sourceModel().flags(self.mapToSource(index))

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self.sourceModel()
        if model is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._order):
                return None
            section = self._order[section]
        return model.headerData(section, orientation, role)
