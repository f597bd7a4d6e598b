"""Detail panel: the right buttons for each row of the rule table, and the words for the rest."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListView, QPushButton

from pos_refunds.ui.views.detail_panel import DetailPanel
from tests.support.builders import NOW, make_payment, make_refund

WAIT = "Payment is still processing; wait a moment and refresh."
NAMES = ("cancelButton", "captureButton", "refundButton", "readerRefundButton")


@pytest.fixture
def panel(qtbot) -> DetailPanel:
    widget = DetailPanel()
    qtbot.addWidget(widget)
    widget.resize(520, 700)
    widget.show()
    return widget


def state_of(panel: DetailPanel) -> dict[str, tuple[bool, str]]:
    """name -> (enabled, reason shown under it, "" when hidden)."""
    out = {}
    for name in NAMES:
        button = panel.findChild(QPushButton, name)
        reason = panel.findChild(QLabel, f"{name}Reason")
        shown = reason.text() if reason.isVisibleTo(panel) else ""
        out[name] = (button.isEnabled(), shown)
    return out


def enabled(panel: DetailPanel) -> set[str]:
    return {name for name, (on, _) in state_of(panel).items() if on}


CASES = [
    # id, payment, enabled buttons, (button, words in its reason)
    ("card captured", make_payment(), {"refundButton"},
     ("cancelButton", "Already captured: refund it instead.")),
    ("card authorized", make_payment(status="requires_capture"), {"cancelButton", "captureButton"},
     ("refundButton", "Not captured")),
    ("interac captured", make_payment(network="interac", last4="0016"), {"readerRefundButton"},
     ("refundButton", "Interac payments cannot be refunded online")),
    ("eftpos captured", make_payment(network="eftpos_au"), {"refundButton"},
     ("readerRefundButton", "Only Interac payments are refunded on a reader")),
    ("other network authorized", make_payment(status="requires_capture", network="jcb"),
     {"captureButton"}, ("cancelButton", "Canceling is not supported for JCB")),
    ("incomplete", make_payment(status="requires_payment_method"), {"cancelButton"},
     ("captureButton", "Not authorized yet")),
    ("processing", make_payment(status="processing"), set(), ("refundButton", WAIT)),
    ("canceled", make_payment(status="canceled"), set(), ("cancelButton", "Already canceled.")),
    ("refunded", make_payment(refunded=1250), set(), ("refundButton", "Already fully refunded.")),
    ("partially refunded", make_payment(refunded=250), {"refundButton"},
     ("captureButton", "Already captured.")),
    ("unknown status", make_payment(status="requires_frobnication"), set(),
     ("refundButton", "does not know (“requires_frobnication”)")),
]


@pytest.mark.parametrize(("p", "on", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_buttons_follow_the_policy_and_say_why(panel: DetailPanel, p, on, reason) -> None:
    panel.set_payment(p, now=NOW)
    states = state_of(panel)
    assert enabled(panel) == on
    for name, (is_on, shown) in states.items():
        assert bool(shown) is (not is_on), f"{name}: reason shown exactly when disabled"
    name, words = reason
    assert words in states[name][1]


def test_clicks_emit_the_payment_and_busy_blocks_them(panel: DetailPanel, qtbot) -> None:
    p = make_payment(status="requires_capture")
    panel.set_payment(p, now=NOW)
    with qtbot.waitSignal(panel.captureRequested) as captured:
        qtbot.mouseClick(panel.findChild(QPushButton, "captureButton"), Qt.MouseButton.LeftButton)
    assert captured.args == [p]
    panel.set_busy(True)
    assert enabled(panel) == set()
    panel.set_busy(False)
    assert enabled(panel) == {"cancelButton", "captureButton"}


def test_details_amounts_card_and_refunds(panel: DetailPanel) -> None:
    p = make_payment(amount=2000, refunded=500,
                refunds=(make_refund("re_1", 500, staff="Training manager"),))
    panel.set_reader_labels({"tmr_counter1": "Counter 1"})
    panel.set_payment(p, now=NOW)

    def field(key: str) -> str:
        return panel.findChild(QLabel, f"detail_{key}").text()

    assert field("amount") == "$20.00" and field("refunded") == "$5.00"
    assert field("refundable") == "$15.00"
    assert field("card") == "Visa •••• 4242" and field("funding") == "Credit"
    assert field("reader") == "Counter 1"
    assert panel.findChild(QLabel, "detailHeadline").text() == "$20.00 · Partially refunded"
    assert panel.refunds.rowCount() == 1
    assert [panel.refunds.item(0, c).text() for c in (0, 1, 3)] == [
        "$5.00", "Succeeded", "Training manager"]


def test_capture_deadline_warns_within_12_hours(panel: DetailPanel) -> None:
    warning = panel.findChild(QLabel, "captureDeadline")
    panel.set_payment(make_payment(status="requires_capture", capture_hours=40), now=NOW)
    assert not warning.isVisibleTo(panel)
    panel.set_payment(make_payment(status="requires_capture", capture_hours=5), now=NOW)
    assert warning.isVisibleTo(panel) and "within 5 h" in warning.text()
    panel.set_payment(make_payment(status="requires_capture", capture_hours=-1), now=NOW)
    assert "expired" in warning.text()


def test_nothing_selected_shows_a_hint(panel: DetailPanel) -> None:
    panel.set_payment(None)
    assert panel.findChild(QLabel, "detailEmpty").isVisibleTo(panel)
    assert enabled(panel) == set()


def test_refunds_say_who_approved_and_why(panel: DetailPanel) -> None:
    approved = dataclasses.replace(
        make_refund("re_2", 250, staff="Alex"), reason="duplicate",
        metadata={"pos_staff": "Alex", "pos_approved_by": "Sam", "pos_note": "Receipt 1042"})
    outside = dataclasses.replace(make_refund("re_3", 100), reason=None, metadata={})
    panel.set_payment(make_payment(amount=2000, refunded=350, refunds=(approved, outside)), now=NOW)
    rows = panel.refunds
    assert [rows.item(0, c).text() for c in (3, 4)] == [
        "Alex (approved by Sam)", "Duplicate — Receipt 1042"]
    assert [rows.item(1, c).text() for c in (3, 4)] == ["—", "—"]


def test_many_refunds_scroll_and_the_buttons_stay_in_view(panel: DetailPanel, qtbot) -> None:
    refunds = tuple(make_refund(f"re_{i}", 100) for i in range(8))
    panel.resize(450, 616)  # the panel at 1366×768
    panel.set_payment(make_payment(amount=2000, refunded=800, refunds=refunds), now=NOW)
    cards = panel.findChild(QListView, "refundsList")
    qtbot.waitUntil(lambda: cards.height() >= 8 * cards.sizeHintForRow(0))
    for name in NAMES:
        button = panel.findChild(QPushButton, name)
        bottom = button.mapTo(panel, button.rect().bottomLeft()).y()
        assert button.isVisible() and bottom < panel.height()
