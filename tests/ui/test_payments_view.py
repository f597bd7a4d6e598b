"""Payments view: search, filters, and a receipt scanner typing an id followed by Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from pos_refunds.app import load_stylesheet
from pos_refunds.domain.payments import PaymentState
from pos_refunds.ui.models.payments_model import PaymentsTableModel
from pos_refunds.ui.views.payments_view import SEARCH_PLACEHOLDER, PaymentsView
from tests.support.builders import NOW, make_payment

from .test_models import sample


@pytest.fixture
def view(qtbot) -> PaymentsView:
    model = PaymentsTableModel()
    model.append(sample())
    widget = PaymentsView(model)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def selected_id(view: PaymentsView) -> str | None:
    rows = view.table.selectionModel().selectedRows()
    return rows[0].data(PaymentsTableModel.PAYMENT_ROLE).id if rows else None


def scan(qtbot, view: PaymentsView, text: str) -> None:
    """What a barcode scanner does: type the characters, then Enter."""
    box = view.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_controls_are_named_and_described(view: PaymentsView) -> None:
    box = view.findChild(QLineEdit, "searchBox")
    assert box.placeholderText() == SEARCH_PLACEHOLDER
    for name in ("stateFilter", "networkFilter"):
        assert view.findChild(QComboBox, name).accessibleName()
    table = view.findChild(QTableView, "paymentsTable")
    assert table.isSortingEnabled() and table.model().rowCount() == 6


def test_typing_filters_the_table(view: PaymentsView, qtbot) -> None:
    qtbot.keyClicks(view.search_box, "12.50")
    assert view.proxy.rowCount() == 1
    assert selected_id(view) == "pi_A1"  # the one match is picked as it is typed
    view.search_box.clear()
    view.state_filter.setCurrentIndex(view.state_filter.findData(PaymentState.AUTHORIZED))
    assert view.proxy.matches_found()[0] == 1  # pi_B2
    assert view.proxy.rowCount() == 2  # pi_B2, and pi_A1 which is open
    view.state_filter.setCurrentIndex(0)
    view.network_filter.setCurrentIndex(view.network_filter.findData("interac"))
    assert view.proxy.matches_found()[0] == 1


def test_scanned_id_and_enter_selects_the_payment(view: PaymentsView, qtbot) -> None:
    view.network_filter.setCurrentIndex(view.network_filter.findData("interac"))  # hides it
    with qtbot.waitSignal(view.paymentSelected, check_params_cb=lambda p: p.id == "pi_D4"):
        scan(qtbot, view, "pi_D4")
    assert selected_id(view) == "pi_D4"
    assert view.network_filter.currentData() is None


def test_scanned_unknown_id_asks_the_view_model(view: PaymentsView, qtbot) -> None:
    with qtbot.waitSignal(view.lookupRequested) as asked:
        scan(qtbot, view, "pi_Later")
    assert asked.args == ["pi_Later"]
    assert "Looking up pi_Later" in view.message.text()
    view.search_box.clear()
    view._model.upsert([make_payment("pi_Later", minutes_ago=0)])  # what the view-model does
    assert view.select_payment("pi_Later") and selected_id(view) == "pi_Later"


def test_enter_with_a_single_match_selects_it(view: PaymentsView, qtbot) -> None:
    scan(qtbot, view, "4444")
    assert selected_id(view) == "pi_B2"
    view.search_box.clear()
    qtbot.keyClicks(view.search_box, "77.77")
    assert "No payment matches “77.77”" in view.message.text()  # said as it is typed
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert "No payment matches" in view.message.text()


def test_selected_payment_is_refreshed_when_it_changes(view: PaymentsView, qtbot) -> None:
    view.select_payment("pi_A1")
    with qtbot.waitSignal(view.paymentSelected,
                          check_params_cb=lambda p: p.state is PaymentState.REFUNDED):
        view._model.upsert([make_payment("pi_A1", refunded=1250, minutes_ago=1)])
    assert selected_id(view) == "pi_A1"


def test_loading_indicator(view: PaymentsView) -> None:
    view.set_loading(300)
    assert view.progress.isVisible() and view.load_status.text() == "Loading… 300 payments"
    view.set_loading(320, done=True)
    assert not view.progress.isVisible()


def test_each_page_counted_leaves_the_layout_alone(view: PaymentsView) -> None:
    """The count's label keeps one size while the count grows (the window is not laid out
    again for each page), and the widest count still shows whole."""
    view.set_loading(0)
    size = view.load_status.size()
    for loaded in (100, 2_500, 99_999):
        view.set_loading(loaded)
        assert view.load_status.size() == size
        text = view.load_status.text()
        assert view.load_status.fontMetrics().horizontalAdvance(text) <= size.width()


def test_columns_fit_without_a_horizontal_scroll_bar(qtbot) -> None:
    """At 1366 px with the detail panel open the list is about 880 px wide: all of it shows."""
    model = PaymentsTableModel(clock=lambda: NOW)
    model.append([*sample(), make_payment("pi_Old", minutes_ago=60 * 30,
                                     description="Catering order for the office party")])
    widget = PaymentsView(model)
    qtbot.addWidget(widget)
    widget.resize(880, 600)
    widget.show()
    table = widget.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    description = header.sectionSize(PaymentsTableModel.Column.DESCRIPTION)
    assert description >= 80, "the description keeps a readable width"
    row = model.row_of("pi_Old")
    index = model.index(row, PaymentsTableModel.Column.DESCRIPTION)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "Catering order for the office party"
    time = model.data(model.index(row, PaymentsTableModel.Column.TIME))
    assert not time[0].isdigit(), "an older payment says its day, not only its time"


# --- the payment the cashier has open stays open ---------------------------------------------


def authorized_filter(view: PaymentsView) -> None:
    view.state_filter.setCurrentIndex(view.state_filter.findData(PaymentState.AUTHORIZED))


def test_an_acted_on_payment_stays_shown_when_it_leaves_the_filter(view: PaymentsView,
                                                                   qtbot) -> None:
    """With "Authorized" on, a cancelled authorization no longer matches: it stays in the list
    and in the detail (no jump to another customer's payment) until another is picked."""
    view._model.append([make_payment("pi_B3", status="requires_capture", amount=4100,
                                last4="1111", minutes_ago=7)])
    authorized_filter(view)
    assert view.proxy.rowCount() == 2
    view.select_payment("pi_B2")
    seen: list = []
    view.paymentSelected.connect(seen.append)
    view._model.upsert([make_payment("pi_B2", status="canceled", amount=3000, network="mastercard",
                                last4="4444", minutes_ago=2)])
    assert selected_id(view) == "pi_B2"
    assert view.current_payment().state is PaymentState.CANCELED
    assert [p.id for p in seen if p is not None] == ["pi_B2"]  # never another payment
    assert view.proxy.rowCount() == 2  # kept while it is open
    view.select_payment("pi_B3")  # the cashier picks another: the canceled one leaves
    assert view.proxy.rowCount() == 1 and selected_id(view) == "pi_B3"


def test_changing_a_filter_keeps_the_open_payment(view: PaymentsView) -> None:
    view.select_payment("pi_A1")
    authorized_filter(view)
    assert selected_id(view) == "pi_A1" and view.current_payment().id == "pi_A1"
    view.network_filter.setCurrentIndex(view.network_filter.findData("interac"))
    assert selected_id(view) == "pi_A1"


def test_tab_leaves_the_table_without_changing_the_payment(qtbot) -> None:
    model = PaymentsTableModel()
    model.append(sample())
    host = QWidget()
    layout = QVBoxLayout(host)
    view = PaymentsView(model)
    after = QPushButton("Next")
    layout.addWidget(view)
    layout.addWidget(after)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    view.select_payment("pi_B2")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert not view.table.hasFocus()
    assert selected_id(view) == "pi_B2"


def test_clearing_the_selection_shows_nothing(view: PaymentsView) -> None:
    view.select_payment("pi_A1")
    view.clear_selection()
    assert selected_id(view) is None and view.current_payment() is None


def test_a_charge_id_finds_its_payment(view: PaymentsView, qtbot) -> None:
    charge = view._model.payment(view._model.row_of("pi_C3")).charge_id
    assert charge and charge.startswith("ch_")
    qtbot.keyClicks(view.search_box, charge)
    assert selected_id(view) == "pi_C3"


def test_at_1024_px_columns_leave_rather_than_cut_the_network(qtbot) -> None:
    """At 1024 px the list is about 580 px wide: the reader, description and refunded columns
    (all in the detail panel too) leave the table; the network's name shows whole and the
    table never scrolls sideways. Wider again, they come back."""
    model = PaymentsTableModel(clock=lambda: NOW)
    model.append([*sample(), make_payment("pi_MC", network="mastercard", minutes_ago=8)])
    widget = PaymentsView(model)
    qtbot.addWidget(widget)
    widget.resize(580, 600)
    widget.show()
    table, header = widget.table, widget.table.horizontalHeader()
    Col = PaymentsTableModel.Column
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    assert table.isColumnHidden(Col.READER)
    assert not table.isColumnHidden(Col.NETWORK) and not table.isColumnHidden(Col.STATE)
    fm = table.fontMetrics()
    assert header.sectionSize(Col.NETWORK) >= fm.horizontalAdvance("Mastercard")
    widget.resize(1200, 600)
    qtbot.waitUntil(lambda: not table.isColumnHidden(Col.READER))
    assert not table.isColumnHidden(Col.DESCRIPTION)


def test_a_narrow_view_puts_the_filters_under_the_search(view: PaymentsView, qtbot) -> None:
    """1366×768 at 150 %: the search box keeps its width and the filters their words."""
    view.setStyleSheet(load_stylesheet())  # the app's padding: the filters' words need room
    qtbot.waitUntil(lambda: view.state_filter.sizeHint().width() > view.state_filter.minimumWidth())
    view.resize(view.minimumSizeHint().width(), 600)
    qtbot.waitUntil(lambda: view.state_filter.y() > view.search_box.y())
    assert view.network_filter.y() == view.state_filter.y()
    for combo in (view.state_filter, view.network_filter):
        assert combo.width() >= combo.sizeHint().width()
    view.resize(1000, 600)
    qtbot.waitUntil(lambda: view.state_filter.y() == view.search_box.y())
