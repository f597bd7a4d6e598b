"""Table models: Qt's model contract, the words shown, targeted updates, search and filters."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTableView

from pos_refunds.domain.payments import PaymentState
from pos_refunds.ui.models.payments_filter import PaymentsFilterProxy
from pos_refunds.ui.models.payments_model import PaymentsTableModel, state_text
from pos_refunds.ui.models.readers_model import ReadersTableModel
from tests.support.builders import NOW, make_payment, make_reader

Col = PaymentsTableModel.Column


def sample() -> list:
    return [
        make_payment("pi_A1", amount=1250, last4="4242", minutes_ago=1),
        make_payment("pi_B2", status="requires_capture", amount=3000, network="mastercard",
                last4="4444", minutes_ago=2),
        make_payment("pi_C3", amount=990, network="interac", last4="0016", refunded=400,
                minutes_ago=3),
        make_payment("pi_D4", status="canceled", amount=500, network="amex", last4="0005",
                minutes_ago=4),
        make_payment("pi_E5", amount=1200, currency="jpy", network="jcb", last4="0000",
                minutes_ago=5),
        make_payment("pi_F6", status="requires_frobnication", amount=100, minutes_ago=6),
    ]


def loaded() -> PaymentsTableModel:
    model = PaymentsTableModel()
    model.append(sample())
    return model


def test_payments_model_passes_qt_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(loaded())


def test_filter_proxy_passes_qt_model_tester(qtmodeltester) -> None:
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(loaded())
    proxy.set_search_text("12.50")
    qtmodeltester.check(proxy)


def test_display_words_and_roles(qapp) -> None:
    model = loaded()

    def text(row: int, col: Col) -> str:
        return model.data(model.index(row, col))

    assert text(0, Col.AMOUNT) == "$12.50"
    assert text(4, Col.AMOUNT) == "JP¥1,200"
    assert text(0, Col.NETWORK) == "Visa"
    assert text(0, Col.LAST4) == "4242"
    assert [text(r, Col.STATE) for r in range(6)] == [
        "Captured", "Authorized", "Partially refunded", "Canceled", "Captured",
        "Unknown (requires_frobnication)",
    ]
    assert text(2, Col.REFUNDED) == "$4.00"
    assert text(0, Col.REFUNDED) == "—"
    assert isinstance(model.data(model.index(0, Col.NETWORK), Qt.ItemDataRole.DecorationRole),
                      QIcon)
    assert model.data(model.index(1, 0), PaymentsTableModel.PAYMENT_ROLE).id == "pi_B2"
    assert model.data(model.index(1, Col.AMOUNT), PaymentsTableModel.SORT_ROLE) == 3000
    assert model.row_of("pi_C3") == 2 and model.row_of("pi_nope") is None
    assert model.payment(3).id == "pi_D4"


def test_every_state_has_plain_words() -> None:
    words = {
        "requires_capture": "Authorized", "requires_payment_method": "Incomplete",
        "processing": "Processing", "canceled": "Canceled", "succeeded": "Captured",
    }
    for status, word in words.items():
        assert state_text(make_payment(status=status)) == word
    assert state_text(make_payment(refunded=1250)) == "Refunded"


def test_upsert_updates_in_place_and_inserts_newest_first(qtbot) -> None:
    model = loaded()
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    model.upsert([make_payment("pi_C3", amount=990, network="interac", last4="0016",
                          refunded=990, minutes_ago=3)])
    assert changed == [(2, 2)]
    assert model.data(model.index(2, Col.STATE)) == "Refunded"

    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.upsert([make_payment("pi_NEW", amount=700, minutes_ago=0)])
    assert inserted.args[1:] == [0, 0]
    assert model.payment(0).id == "pi_NEW" and model.row_of("pi_C3") == 3

    model.upsert([make_payment("pi_MID", amount=700, minutes_ago=3)])  # between C3(3) and D4(4)
    assert [model.payment(r).id for r in range(model.rowCount())][3:6] == [
        "pi_C3", "pi_MID", "pi_D4"]


def test_upsert_keeps_the_selection(qtbot) -> None:
    model = loaded()
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(Col.TIME, Qt.SortOrder.DescendingOrder)
    row = proxy.mapFromSource(model.index(model.row_of("pi_C3"), 0)).row()
    view.selectionModel().select(
        proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.upsert([make_payment("pi_NEW", minutes_ago=0),
                  make_payment("pi_C3", amount=990, network="interac", last4="0016", refunded=990,
                          minutes_ago=3)])
    selected = view.selectionModel().selectedRows()
    assert len(selected) == 1
    assert selected[0].data(PaymentsTableModel.PAYMENT_ROLE).id == "pi_C3"
    assert selected[0].data(PaymentsTableModel.PAYMENT_ROLE).state is PaymentState.REFUNDED


def visible_ids(proxy: PaymentsFilterProxy) -> list[str]:
    return [proxy.index(r, 0).data(PaymentsTableModel.PAYMENT_ROLE).id
            for r in range(proxy.rowCount())]


def test_search_by_amount_last4_and_id() -> None:
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(loaded())
    proxy.set_search_text("12.50")
    assert visible_ids(proxy) == ["pi_A1"]
    proxy.set_search_text("12,50")  # the other habit also finds it
    assert visible_ids(proxy) == ["pi_A1"]
    proxy.set_search_text("30")
    assert visible_ids(proxy) == ["pi_B2"]
    proxy.set_search_text("1200")  # 1,200 JPY
    assert visible_ids(proxy) == ["pi_E5"]
    proxy.set_search_text("4444")
    assert visible_ids(proxy) == ["pi_B2"]
    proxy.set_search_text("pi_d4")
    assert visible_ids(proxy) == ["pi_D4"]
    proxy.set_search_text("")
    assert len(visible_ids(proxy)) == 6


def test_search_in_a_french_canadian_locale() -> None:
    proxy = PaymentsFilterProxy(locale=QLocale(QLocale.Language.French, QLocale.Country.Canada))
    proxy.setSourceModel(loaded())
    proxy.set_search_text("12,50")
    assert visible_ids(proxy) == ["pi_A1"]
    proxy.set_search_text("9,90 $")
    assert visible_ids(proxy) == ["pi_C3"]


def test_state_and_network_filters() -> None:
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(loaded())
    proxy.set_state_filter(PaymentState.AUTHORIZED)
    assert visible_ids(proxy) == ["pi_B2"]
    proxy.set_state_filter(None)
    proxy.set_network_filter("interac")
    assert visible_ids(proxy) == ["pi_C3"]
    proxy.set_search_text("4242")
    assert visible_ids(proxy) == []


def test_readers_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = ReadersTableModel(clock=lambda: NOW)
    model.set_readers([make_reader(), make_reader("tmr_2", label="Back office", status="offline"),
                       make_reader("tmr_3", label="Patio", busy=True)])
    qtmodeltester.check(model)


def test_unusable_readers_are_shown_but_not_selectable() -> None:
    model = ReadersTableModel(clock=lambda: NOW)
    model.set_readers([
        make_reader(), make_reader("tmr_2", label="Back office", status="offline"),
        make_reader("tmr_3", label="Patio", busy=True),
        make_reader("tmr_4", label="Pocket", device="stripe_m2"),
    ])
    status = ReadersTableModel.Column.STATUS
    texts = [model.data(model.index(r, status)) for r in range(4)]
    assert texts[0] == "Online"
    assert texts[1].startswith("Offline") and texts[2].startswith("Busy")
    assert "cannot take in-person refunds" in texts[3]
    selectable = Qt.ItemFlag.ItemIsSelectable
    enabled = Qt.ItemFlag.ItemIsEnabled
    assert model.flags(model.index(0, 0)) & selectable
    for row in (1, 2, 3):
        assert not model.flags(model.index(row, 0)) & (selectable | enabled)
    assert model.data(model.index(1, 0), ReadersTableModel.READER_ROLE).id == "tmr_2"
    assert model.data(model.index(0, ReadersTableModel.Column.LAST_SEEN)) == "2 mins ago"
    assert model.row_of("tmr_3") == 2


def test_painted_texts_follow_the_day_the_row_the_readers_and_the_locale(qapp) -> None:
    """What the table paints is formatted once and kept, until what it says has changed."""
    from datetime import datetime, timedelta

    from tests.ui.test_formatting import local

    clock = {"now": local(datetime(2026, 11, 29, 23, 59))}
    model = PaymentsTableModel(clock=lambda: clock["now"])
    model.append([make_payment("pi_A1", created=local(datetime(2026, 11, 29, 18, 31)),
                               reader_id="tmr_1", amount=1250)])

    def shown(column: Col) -> str:
        return model.cell(0, column)  # what the proxy hands the view for each frame

    assert shown(Col.TIME) == "Today 18:31"
    clock["now"] += timedelta(minutes=2)  # past midnight
    assert shown(Col.TIME) == "Yesterday 18:31"
    clock["now"] -= timedelta(minutes=2)  # a clock set back
    assert shown(Col.TIME) == "Today 18:31"

    assert shown(Col.READER) == "tmr_1"
    model.set_reader_labels({"tmr_1": "Front counter"})
    assert shown(Col.READER) == "Front counter"

    model.upsert([make_payment("pi_A1", created=local(datetime(2026, 11, 29, 18, 31)),
                               reader_id="tmr_1", amount=1250, refunded=250)])
    assert shown(Col.REFUNDED) == "$2.50" and shown(Col.STATE) == "Partially refunded"

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    try:
        assert shown(Col.AMOUNT) == "12,50\u00a0$"
    finally:
        QLocale.setDefault(before)
    assert shown(Col.AMOUNT) == "$12.50"


def test_search_columns_worked_out_elsewhere_are_kept_only_if_no_row_changed() -> None:
    from pos_refunds.ui.models.payments_model import key_columns_of

    model = loaded()
    generation, keys = model.keys_snapshot()
    columns = key_columns_of(keys)  # as a worker thread works them out
    model.upsert([make_payment("pi_Z9", minutes_ago=0)])  # meanwhile a row came
    model.adopt_key_columns(generation, columns)
    assert len(model.key_columns().id) == 7  # worked out afresh, the new row in it
    assert model.keys_snapshot() is None  # ready: nothing to work out
    model.upsert([make_payment("pi_Y8", minutes_ago=0)])
    generation, keys = model.keys_snapshot()
    model.adopt_key_columns(generation, key_columns_of(keys))
    assert model.keys_snapshot() is None
    assert model.key_columns() == key_columns_of(model.row_keys())


def test_key_columns_hold_each_rows_keys_by_field() -> None:
    from pos_refunds.ui.models.payments_model import key_columns_of, row_keys

    payments = [make_payment("pi_A1", amount=2430, network="interac", last4="1933"),
                make_payment("pi_B2", amount=450, last4=None, minutes_ago=2),
                make_payment("pi_C3", status="canceled", amount=100, minutes_ago=3)]
    keys = row_keys(payments)
    columns = key_columns_of(keys)
    for name in columns._fields:
        expected = [getattr(k, name) for k in keys]
        if name in ("charge_lower", "last4"):  # what Stripe did not give: ""
            expected = [v or "" for v in expected]
        assert getattr(columns, name) == expected, name
    assert key_columns_of([]) == tuple([] for _ in columns._fields)
