"""Sorting and filtering the payments table over precomputed keys: the same rows in the same
order as the QSortFilterProxyModel it replaced, on a few hundred generated payments; the
selection and the open (pinned) payment kept across sorts, searches and updates."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from pos_refunds.domain.errors import AmountError
from pos_refunds.domain.money import Money, parse_amount
from pos_refunds.domain.payments import Payment, PaymentState
from pos_refunds.ui.formatting import amount_separators
from pos_refunds.ui.models.payments_filter import PaymentsFilterProxy
from pos_refunds.ui.models.payments_model import PaymentsTableModel
from pos_refunds.ui.views.payments_view import PaymentsView
from tests.support.builders import make_payment

Col = PaymentsTableModel.Column
ROLE = PaymentsTableModel.PAYMENT_ROLE
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
FRENCH = QLocale(QLocale.Language.French, QLocale.Country.Canada)


class OldProxy(QSortFilterProxyModel):
    """The proxy as it was (Python filterAcceptsRow, Qt sorting by SORT_ROLE): the oracle."""

    def __init__(self, *, locale: QLocale | None = None, text: str = "",
                 state: PaymentState | None = None, network: str | None = None,
                 location: str | None = None, pinned: str | None = None) -> None:
        super().__init__()
        self._locale, self._text = locale, text.strip()
        self._state, self._network, self._location = state, network or None, location or None
        self._pinned = pinned
        self._amounts: dict[str, Money | None] = {}
        self.setSortRole(PaymentsTableModel.SORT_ROLE)
        self.setDynamicSortFilter(True)

    def filterAcceptsRow(self, source_row: int, _parent) -> bool:  # noqa: ANN001, N802
        payment = self.sourceModel().payment(source_row)
        return payment.id == self._pinned or self._passes(payment)

    def _passes(self, payment: Payment) -> bool:
        if self._state is not None and payment.state is not self._state:
            return False
        if self._network is not None and payment.network != self._network:
            return False
        if (self._location is not None and payment.location_id not in (None, self._location)
                and payment.id != self._text):
            return False
        return self.matches(payment)

    def matches(self, payment: Payment) -> bool:
        text = self._text
        if not text:
            return True
        lowered = text.lower()
        if lowered in payment.id.lower():
            return True
        if lowered.startswith("ch_") and payment.charge_id and lowered in payment.charge_id.lower():
            return True
        if text.isdigit() and len(text) <= 4 and payment.last4 and text in payment.last4:
            return True
        return self._amount_in(payment.currency) in (payment.amount, payment.amount_received)

    def _amount_in(self, currency: str) -> Money | None:
        if currency not in self._amounts:
            point, group = amount_separators(self._locale)
            other = "," if point == "." else "."
            self._amounts[currency] = None
            for decimal_point, group_separator in ((point, group), (other, "\u00a0")):
                try:
                    self._amounts[currency] = parse_amount(
                        self._text, currency, decimal_point=decimal_point,
                        group_separator=group_separator)
                    break
                except AmountError:
                    continue
        return self._amounts[currency]


STATUSES = ("succeeded", "requires_capture", "canceled", "processing", "requires_payment_method",
            "requires_frobnication")
NETWORKS = ("visa", "mastercard", "interac", "amex", "jcb", "", "unionpay")
AMOUNTS = (100, 990, 1000, 1250, 3000, 12345, 125000, 5)


def generated(seed: int, n: int) -> list[Payment]:
    """`n` payments with many ties (amounts, times, networks) and every optional field empty
    somewhere."""
    rnd = random.Random(seed)
    payments = []
    for i in range(n):
        amount = rnd.choice(AMOUNTS)
        currency = rnd.choice(("cad", "cad", "usd", "jpy"))
        status = rnd.choice(STATUSES)
        payments.append(make_payment(
            f"pi_{rnd.choice('AbCd')}{i:04d}", status=status, amount=amount, currency=currency,
            refunded=rnd.choice((0, 0, amount // 2, amount)) if status == "succeeded" else 0,
            network=rnd.choice(NETWORKS), last4=rnd.choice((None, f"{rnd.randrange(10000):04d}")),
            minutes_ago=rnd.randrange(60), location_id=rnd.choice((None, "tml_shop", "tml_far")),
            charge_id=rnd.choice((None, f"ch_{i:04d}X")),
            description=rnd.choice((None, "", "Latte", "latte", "Croissant", f"Sale {i}")),
            reader_id=rnd.choice((None, "tmr_counter1", "tmr_pickup")),
        ))
    return payments


def loaded(payments: list[Payment]) -> PaymentsTableModel:
    model = PaymentsTableModel()
    model.set_reader_labels({"tmr_counter1": "Counter"})
    for start in range(0, len(payments), 100):  # pages, then polls inserting by time
        model.append(payments[start:start + 100])
    return model


def ids(proxy) -> list[str]:  # noqa: ANN001
    return [proxy.index(r, 0).data(ROLE).id for r in range(proxy.rowCount())]


TEXTS = st.one_of(
    st.sampled_from(["", "12.50", "12,50", "9,90 $", "$9.90", "1250", "1 250,00", "1,250.00",
                     "30", "0.05", "5", "12", "42", "0000", "12345", "pi_a", "PI_B00", "ch_00",
                     "ch_0012x", "b001", "x", "  12.50 "]),
    st.text(alphabet="0123456789.,$ pich_ABX", max_size=7),
)
CRITERIA = st.fixed_dictionaries({
    "text": TEXTS,
    "state": st.sampled_from([None, *PaymentState]),
    "network": st.sampled_from([None, "visa", "interac", ""]),
    "location": st.sampled_from([None, "tml_shop", "tml_far"]),
    "french": st.booleans(),
})


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**16), criteria=CRITERIA, column=st.sampled_from(list(Col)),
       order=st.sampled_from([ASC, DESC]), pinned=st.integers(0, 299) | st.none())
def test_same_rows_in_the_same_order_as_the_old_proxy(qapp, seed, criteria, column, order,
                                                      pinned) -> None:
    payments = generated(seed, 300)
    model = loaded(payments)
    locale = FRENCH if criteria["french"] else None
    pinned_id = payments[pinned].id if pinned is not None else None
    old = OldProxy(locale=locale, text=criteria["text"], state=criteria["state"],
                   network=criteria["network"], location=criteria["location"],
                   pinned=pinned_id)
    old.setSourceModel(model)
    old.sort(column, order)
    new = PaymentsFilterProxy(locale=locale)
    new.setSourceModel(model)
    new.sort(Col.TIME, DESC)  # another sort first: the result does not depend on it
    new.pin(pinned_id)
    new.set_search_text(criteria["text"])
    new.set_state_filter(criteria["state"])
    new.set_network_filter(criteria["network"])
    new.set_location_filter(criteria["location"])
    new.sort(column, order)
    assert ids(new) == ids(old)
    assert all(new.matches(p) == old.matches(p) for p in payments)
    # and the cells read through the new proxy are the model's
    for r in range(0, new.rowCount(), 37):
        for c in Col:
            for role in (Qt.ItemDataRole.DisplayRole, PaymentsTableModel.SORT_ROLE,
                         Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
                         Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
                assert new.index(r, c).data(role) == new.mapToSource(new.index(r, c)).data(role)


def test_updates_keep_the_sort_and_the_filter(qapp) -> None:
    """Polls (dataChanged, inserts) re-sort and re-filter as Qt's dynamic sort did."""
    payments = generated(7, 200)
    model = loaded(payments)
    new = PaymentsFilterProxy()
    new.setSourceModel(model)
    new.sort(Col.AMOUNT, ASC)
    new.set_search_text("12.50")
    changed = make_payment(payments[3].id, amount=1250, minutes_ago=1)
    model.upsert([changed, make_payment("pi_NEW1", amount=1250, minutes_ago=0),
                  make_payment("pi_NEW2", amount=999, minutes_ago=0)])
    old = OldProxy(text="12.50")
    old.setSourceModel(model)
    old.sort(Col.AMOUNT, ASC)
    assert ids(new) == ids(old) and "pi_NEW1" in ids(new) and payments[3].id in ids(new)
    model.clear()
    assert new.rowCount() == 0


def test_ties_keep_the_model_order_whatever_the_sort_before(qapp) -> None:
    model = loaded([make_payment(f"pi_T{i}", amount=500 if i % 2 else 700, minutes_ago=i)
                    for i in range(6)])
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Col.TIME, ASC)
    proxy.sort(Col.AMOUNT, ASC)
    assert ids(proxy) == ["pi_T1", "pi_T3", "pi_T5", "pi_T0", "pi_T2", "pi_T4"]
    proxy.sort(Col.AMOUNT, DESC)  # as Qt's: the ascending order backwards, ties too
    assert ids(proxy) == ["pi_T4", "pi_T2", "pi_T0", "pi_T5", "pi_T3", "pi_T1"]
    proxy.sort(-1, DESC)
    assert ids(proxy) == [f"pi_T{i}" for i in reversed(range(6))]
    proxy.sort(-1, ASC)
    assert ids(proxy) == [f"pi_T{i}" for i in range(6)]


def test_passes_the_model_tester_through_sorts_filters_and_updates(qtmodeltester) -> None:
    model = loaded(generated(3, 120))
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(Col.AMOUNT, DESC)
    proxy.set_search_text("12.50")
    proxy.set_state_filter(PaymentState.CAPTURED)
    model.upsert([make_payment("pi_ZZZ", amount=1250, minutes_ago=0)])
    proxy.set_search_text("")
    proxy.set_state_filter(None)
    model.append([make_payment("pi_YYY", minutes_ago=90)])
    model.set_reader_labels({"tmr_counter1": "Front"})
    proxy.sort(Col.READER, ASC)
    model.clear()
    qtmodeltester.check(proxy)


def table_on(proxy, qtbot) -> QTableView:  # noqa: ANN001
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    return view


def select(view: QTableView, row: int) -> None:
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def selected(view: QTableView) -> list[str]:
    return [i.data(ROLE).id for i in view.selectionModel().selectedRows()]


def test_the_selection_follows_its_payment_across_sorts_filters_and_updates(qtbot) -> None:
    payments = generated(11, 300)
    model = loaded(payments)
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(model)
    view = table_on(proxy, qtbot)
    view.sortByColumn(Col.TIME, DESC)
    target = next(p for p in payments if p.amount == Money(1250, "cad"))
    select(view, proxy.mapFromSource(model.index(model.row_of(target.id), 0)).row())
    kept = QPersistentModelIndex(view.selectionModel().currentIndex())
    for column, order in ((Col.AMOUNT, ASC), (Col.AMOUNT, DESC), (Col.TIME, ASC),
                          (Col.DESCRIPTION, DESC), (Col.STATE, ASC)):
        view.sortByColumn(column, order)
        assert selected(view) == [target.id]
        assert view.selectionModel().currentIndex().data(ROLE).id == target.id
        assert kept.data(ROLE).id == target.id
    proxy.set_search_text("12.50")  # it matches: still selected, among fewer rows
    assert proxy.rowCount() < len(payments) and selected(view) == [target.id]
    model.upsert([make_payment(target.id, amount=99999, minutes_ago=0)])
    assert proxy.rowCount() > 0 and selected(view) == []  # it left the search: no pin here
    assert not kept.isValid()
    proxy.set_search_text("")
    assert proxy.rowCount() == len(payments)


def test_the_open_payment_stays_pinned_and_selected_under_sort_and_search(qtbot) -> None:
    payments = generated(5, 300)
    model = loaded(payments)
    view = PaymentsView(model)
    qtbot.addWidget(view)
    target = next(p for p in payments if p.amount.minor == 3000)
    assert view.select_payment(target.id)
    view.search_box.setText("0.05")  # does not name it: listed only because it is open
    count, _row = view.proxy.matches_found()
    assert view.proxy.rowCount() == count + 1
    assert selected(view.table) == [target.id] and view.current_payment().id == target.id
    view.table.sortByColumn(Col.AMOUNT, ASC)
    assert selected(view.table) == [target.id]
    view.table.sortByColumn(Col.AMOUNT, DESC)
    assert ids(view.proxy)[0] == target.id  # 30.00 above every 0.05
    model.upsert([make_payment(target.id, amount=3000, status="canceled", minutes_ago=2)])
    assert selected(view.table) == [target.id]
    assert view.current_payment().state is PaymentState.CANCELED
    view.clear_selection()  # unpinned: it leaves the search's rows
    assert target.id not in ids(view.proxy) and view.proxy.rowCount() == count
    view.search_box.setText("")
    assert view.proxy.rowCount() == len(payments)
    assert view.proxy.mapFromSource(QModelIndex()) == QModelIndex()


def test_rows_removed_upstream_leave_and_their_indexes_are_invalidated(qtmodeltester) -> None:
    """PaymentsTableModel only clears (a reset); another model may remove rows."""
    model = QStandardItemModel()
    for word in "abcdef":
        model.appendRow(QStandardItem(word))
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(0, DESC)
    words = lambda: [proxy.index(r, 0).data() for r in range(proxy.rowCount())]  # noqa: E731
    assert words() == list("fedcba")
    kept, gone = QPersistentModelIndex(proxy.index(0, 0)), QPersistentModelIndex(proxy.index(3, 0))
    model.removeRows(1, 2)  # b, c
    assert words() == list("feda")
    assert kept.data() == "f" and not gone.isValid()
    model.removeRows(5, 0)  # nothing
    model.insertRow(0, QStandardItem("z"))
    assert words() == list("fedaz") and kept.row() == 0


@pytest.mark.parametrize("kept", [3, 40])  # a few indexes looked for in the order; many mapped
def test_persistent_indexes_follow_their_payment_through_a_new_order(kept: int) -> None:
    from pos_refunds.ui.models import payments_filter

    assert (kept <= payments_filter.FEW_INDEXES) == (kept == 3)
    model = PaymentsTableModel()
    model.append([make_payment(f"pi_{i:03d}", amount=100 + (i * 37) % 500, minutes_ago=i)
                  for i in range(60)])
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(model)
    held = [QPersistentModelIndex(proxy.index(r, 1)) for r in range(0, 60, 60 // kept)][:kept]
    ids = [proxy.data(i, PaymentsTableModel.PAYMENT_ROLE).id for i in held]
    proxy.sort(PaymentsTableModel.Column.AMOUNT, Qt.SortOrder.DescendingOrder)
    proxy.set_search_text("pi_0")  # pi_000-pi_059: every row still listed
    assert [proxy.data(i, PaymentsTableModel.PAYMENT_ROLE).id for i in held] == ids
    assert all(i.column() == 1 for i in held)
    proxy.set_search_text("pi_05")  # pi_050-pi_059 only: the others' indexes let go
    listed = {proxy.data(i, PaymentsTableModel.PAYMENT_ROLE).id for i in held if i.isValid()}
    assert listed == {pid for pid in ids if pid.startswith("pi_05")}
