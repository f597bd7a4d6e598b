"""The payments table's cells kept painted: what it shows is what Qt's own delegate paints,
pixel for pixel, in every state a cell can be in; a cell that changes is painted afresh, and
one already painted is not painted twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyledItemDelegate, QTableView

from pos_refunds.app import load_stylesheet
from pos_refunds.ui.models.payments_filter import PaymentsFilterProxy
from pos_refunds.ui.models.payments_model import PaymentsTableModel
from pos_refunds.ui.views.cell_cache import CachedCellDelegate
from pos_refunds.ui.views.record_table import record_table
from tests.support.builders import NOW, make_payment

Col = PaymentsTableModel.Column


def rows() -> list:
    return [
        make_payment("pi_A1", amount=2430, minutes_ago=1, description="Americano"),
        make_payment("pi_B2", amount=450, network="interac", last4="1933", minutes_ago=2,
                     description="2 × Latte, croissant, a sourdough loaf and a tea sampler"),
        make_payment("pi_C3", amount=3370, network="interac", refunded=3370, minutes_ago=3,
                     description="Sourdough loaf"),  # refunded: the row is muted
        make_payment("pi_D4", status="requires_capture", amount=23780, network="amex",
                     last4="9713", minutes_ago=4),
        make_payment("pi_E5", amount=4705, currency="eur", network="girocard", refunded=3136,
                     minutes_ago=5, description="Catering order"),
        make_payment("pi_F6", status="canceled", amount=100, network="mastercard",
                     minutes_ago=6),
    ]


class Counting(CachedCellDelegate):
    """Counts the cells painted afresh (not drawn from the cache)."""

    rendered = 0

    def _render(self, *args):  # noqa: ANN002, ANN202
        self.rendered += 1
        return super()._render(*args)


def table(model: PaymentsTableModel, delegate: str, budget: float = float("inf")) -> QTableView:
    """`budget`: the cached delegate's rendering time a frame (unbounded: every cell kept at
    once, whatever this machine's speed)."""
    proxy = PaymentsFilterProxy()
    proxy.setSourceModel(model)
    view = record_table(proxy, "paymentsTable", "Payments", wrap=True)
    view.setStyleSheet(load_stylesheet())
    view.setIconSize(QSize(40, 24))
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    if delegate == "cached":
        view.setItemDelegate(Counting(proxy.face, view, budget_seconds=budget))
    else:
        view.setItemDelegate(QStyledItemDelegate(view))
    view.resize(900, 360)
    view.setColumnWidth(Col.DESCRIPTION, 150)  # the long description wraps, then elides
    view.setColumnWidth(Col.STATE, 90)  # "Partially refunded" on two lines
    view.selectRow(4)
    return view


def image(view: QTableView) -> QImage:
    return view.viewport().grab().toImage()


@pytest.fixture
def pair(qtbot):
    model = PaymentsTableModel(clock=lambda: NOW)
    model.append(rows())
    views = table(model, "qt"), table(model, "cached")
    for view in views:
        qtbot.addWidget(view)
        view.show()
    qtbot.waitUntil(lambda: all(v.isVisible() for v in views))
    return model, views


def test_cells_look_as_qt_paints_them(pair) -> None:
    _model, (qt, cached) = pair
    assert image(cached) == image(qt)
    assert cached.itemDelegate().rendered > 0


def test_a_cell_painted_once_is_drawn_from_the_cache(pair) -> None:
    _model, (_qt, cached) = pair
    image(cached)
    delegate = cached.itemDelegate()
    before = delegate.rendered
    image(cached)
    assert delegate.rendered == before


def test_a_change_is_painted_afresh(pair) -> None:
    model, (qt, cached) = pair
    image(cached)
    delegate = cached.itemDelegate()
    before = delegate.rendered
    model.upsert([make_payment("pi_A1", amount=2430, refunded=2430, minutes_ago=1,
                               description="Americano, returned")])  # now muted, new words
    assert image(cached) == image(qt)
    assert delegate.rendered > before


def test_selection_focus_and_a_narrower_column_look_as_qt_paints_them(pair, qtbot) -> None:
    _model, views = pair
    images = []
    for view in views:  # one window at a time has the focus
        view.selectRow(1)
        view.setColumnWidth(Col.DESCRIPTION, 110)
        view.activateWindow()
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        images.append(image(view))
    assert images[1] == images[0]


def test_a_restyled_view_paints_afresh(pair) -> None:
    _model, (qt, cached) = pair
    image(cached)
    for view in (qt, cached):
        view.setStyleSheet(load_stylesheet()
                           + "QTableView { selection-background-color: #0a7d32; }")
    assert image(cached) == image(qt)


def test_past_the_frames_budget_new_cells_wait_for_the_next_frame(qtbot) -> None:
    """A frame of new cells keeps what its rendering budget allows (at least one) and leaves
    the others bare, for the next frames: the screen fills in, then shows what Qt paints."""
    model = PaymentsTableModel(clock=lambda: NOW)
    model.append(rows())
    qt, spent = table(model, "qt"), table(model, "cached", budget=0.0)
    for view in (qt, spent):
        qtbot.addWidget(view)
        view.show()
    qtbot.waitUntil(spent.isVisible)
    delegate = spent.itemDelegate()
    delegate.rendered = 0
    first = image(spent)  # one frame: one cell kept, the rest left for the next frames
    assert delegate.rendered == 1
    assert delegate.waiting
    assert first != image(qt)
    qtbot.waitUntil(lambda: not delegate.waiting)  # one more cell each turn of the loop
    assert delegate.rendered > model.columnCount()  # frame after frame (alike cells: one)
    assert image(spent) == image(qt)
    assert not delegate.waiting


def test_a_frame_with_time_left_keeps_every_new_cell(qtbot) -> None:
    model = PaymentsTableModel(clock=lambda: NOW)
    model.append(rows())
    view = table(model, "cached")  # an unbounded budget
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(view.isVisible)
    image(view)
    assert not view.itemDelegate().waiting
