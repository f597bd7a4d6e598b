"""Payments view: search, filters, and a receipt scanner typing an id followed by Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView

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
    view.search_box.clear()
    view.state_filter.setCurrentIndex(view.state_filter.findData(PaymentState.AUTHORIZED))
    assert view.proxy.rowCount() == 1
    view.state_filter.setCurrentIndex(0)
    view.network_filter.setCurrentIndex(view.network_filter.findData("interac"))
    assert view.proxy.rowCount() == 1


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
    scan(qtbot, view, "77.77")
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
