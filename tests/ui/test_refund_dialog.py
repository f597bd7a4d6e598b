"""RefundDialog: the amount is checked as it is typed, in the locale, against the remainder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import Payment
from pos_refunds.domain.reasons import ApprovalNeed, Coded
from pos_refunds.ui.dialogs.amount_field import AmountField
from pos_refunds.ui.dialogs.payment_summary import PaymentSummary
from pos_refunds.ui.dialogs.refund_dialog import RefundDialog
from tests.support import builders


def make_payment(
    minor: int = 1250, currency: str = "cad", refunded: int = 0, network: str = "visa"
) -> Payment:
    return builders.make_payment(
        "pi_test_1", amount=minor, currency=currency, refunded=refunded, network=network,
        reader_id=None, location_id=None, created=datetime(2026, 11, 29, 10, 0, tzinfo=UTC),
        description="Coffee beans", receipt={},
    )


@pytest.fixture
def french_canada() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    try:
        yield
    finally:
        QLocale.setDefault(previous)


def open_dialog(qtbot, payment: Payment) -> RefundDialog:
    dialog = RefundDialog(payment)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def parts(dialog: RefundDialog) -> tuple[QLineEdit, QLabel, QPushButton]:
    edit = dialog.findChild(QLineEdit, "refundAmount")
    error = dialog.findChild(QLabel, "amountError")
    submit = dialog.findChild(QPushButton, "refundSubmitButton")
    assert edit is not None and error is not None and submit is not None
    return edit, error, submit


def test_prefilled_with_the_remainder_and_ready(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment(2000, refunded=750))
    edit, error, submit = parts(dialog)
    assert edit.text() == "12.50"
    assert not error.isVisible()
    assert submit.isEnabled()
    assert submit.text() == "Refund $12.50"
    notice = dialog.findChild(QLabel, "partialNotice")
    assert "Full refund" in notice.text()
    assert dialog.findChild(QLabel, "summaryRemainder").text() == "$12.50"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter an amount."),
        ("   ", "Enter an amount."),
        ("-5", "without a minus sign"),
        ("0", "more than zero"),
        ("0.00", "more than zero"),
        ("1.234", "at most 2 decimals"),
        ("abc", "is not an amount"),
        ("12.5x", "is not an amount"),
        ("12.51", "At most $12.50 can be refunded."),
        ("100", "At most $12.50 can be refunded."),
    ],
)
def test_invalid_amounts_show_why_and_disable_refund(qtbot, typed: str, message: str) -> None:
    dialog = open_dialog(qtbot, make_payment())
    edit, error, submit = parts(dialog)
    edit.clear()
    qtbot.keyClicks(edit, typed)
    qtbot.waitUntil(lambda: not submit.isEnabled())
    assert error.isVisible()
    assert message in error.text()
    assert dialog.amount() is None


def test_fixing_the_amount_clears_the_error(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment())
    edit, error, submit = parts(dialog)
    edit.setText("abc")
    assert not submit.isEnabled()
    edit.setText("5")
    assert submit.isEnabled()
    assert not error.isVisible()
    assert dialog.amount() == Money(500, "cad")


def test_partial_refund_says_a_manager_must_approve(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment())
    edit, _error, submit = parts(dialog)
    edit.setText("5.25")
    notice = dialog.findChild(QLabel, "partialNotice")
    assert notice.isVisible()
    assert "Partial refund" in notice.text()
    assert "manager must approve" in notice.text()
    assert submit.text() == "Refund $5.25"


def test_full_amount_button_refills_the_remainder(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment())
    edit, _error, submit = parts(dialog)
    edit.setText("")
    qtbot.mouseClick(dialog.findChild(QPushButton, "fullAmountButton"), Qt.MouseButton.LeftButton)
    assert edit.text() == "12.50"
    assert submit.isEnabled()


def test_french_canadian_amounts(qtbot, french_canada: None) -> None:
    dialog = open_dialog(qtbot, make_payment())
    edit, error, submit = parts(dialog)
    assert edit.text() == "12,50"
    edit.setText("12,50")
    assert submit.isEnabled()
    assert dialog.amount() == Money(1250, "cad")
    edit.setText("5,25")
    assert dialog.amount() == Money(525, "cad")
    assert submit.text().startswith("Refund 5,25")
    edit.setText("5,255")
    assert not submit.isEnabled()
    assert "decimals" in error.text()


def test_yen_has_no_decimals(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment(1200, "jpy"))
    edit, error, submit = parts(dialog)
    assert edit.text() == "1200"
    edit.setText("12.5")
    assert not submit.isEnabled()
    assert error.text() == "JPY amounts have no decimals."
    edit.setText("500")
    assert dialog.amount() == Money(500, "jpy")


def test_submit_emits_amount_reason_and_note(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment())
    edit, _error, submit = parts(dialog)
    edit.setText("7")
    reason = dialog.findChild(QComboBox, "refundReason")
    reason.setCurrentIndex(reason.findData("duplicate"))
    dialog.findChild(QLineEdit, "refundNote").setText("  charged twice ")
    with qtbot.waitSignal(dialog.submitted) as blocker:
        qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    assert blocker.args == [Money(700, "cad"), "duplicate", "charged twice"]


def test_reason_none_is_sent_as_none(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment())
    _edit, _error, submit = parts(dialog)
    with qtbot.waitSignal(dialog.submitted) as blocker:
        qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    assert blocker.args == [Money(1250, "cad"), None, ""]


def test_busy_then_error_keeps_everything_typed(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment())
    edit, _error, submit = parts(dialog)
    edit.setText("3.10")
    note = dialog.findChild(QLineEdit, "refundNote")
    note.setText("wrong size")
    reason = dialog.findChild(QComboBox, "refundReason")
    reason.setCurrentIndex(1)
    dialog.set_busy(True)
    assert not submit.isEnabled() and submit.text() == "Refunding…"
    assert not edit.isEnabled() and not note.isEnabled() and not reason.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the outcome of a refund on its way must be seen
    dialog.show_error("No connection: the refund was not sent.")
    status = dialog.findChild(QLabel, "submitError")
    assert status.isVisible() and "No connection" in status.text()
    assert edit.text() == "3.10" and note.text() == "wrong size"
    assert reason.currentData() == "requested_by_customer"
    assert submit.isEnabled() and edit.isEnabled()


def test_escape_cancels(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment())
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_accept_done_closes(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment())
    dialog.set_busy(True)
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept_done()


def test_controls_are_touch_sized(qtbot) -> None:
    dialog = open_dialog(qtbot, make_payment())
    for name in ("refundAmount", "refundReason", "refundNote", "refundSubmitButton"):
        widget = dialog.findChild(QLineEdit, name) or dialog.findChild(QComboBox, name) or (
            dialog.findChild(QPushButton, name)
        )
        assert widget is not None, name
        assert widget.height() >= 44, name
        assert widget.accessibleName(), name


def test_summary_follows_a_refund_made_in_the_dialog(qtbot) -> None:
    summary = PaymentSummary(make_payment(2000))
    qtbot.addWidget(summary)
    summary.show()
    refunded = summary.findChild(QLabel, "summaryRefunded")
    assert not refunded.isVisibleTo(summary)
    summary.add_refund(Money(500, "cad"))
    assert refunded.isVisibleTo(summary) and refunded.text() == "$5.00"
    assert summary.findChild(QLabel, "summaryRemainder").text() == "$15.00"


def test_a_decimal_comma_is_read_and_a_refusal_says_what_it_expects(qtbot) -> None:
    """In English, "5,50" can only mean 5.50 (a group has three digits); what cannot be read
    is refused with an example of what the field expects."""
    field = AmountField(Money(1250, "cad"))
    qtbot.addWidget(field)
    field.line_edit.setText("5,50")
    assert field.amount() == Money(550, "cad")
    field.line_edit.setText("5,5x")
    error = field.findChild(QLabel, "amountError")
    assert field.amount() is None
    assert error.text().endswith("Type it like 12.50.")


def test_an_over_limit_refund_is_announced_as_it_is_typed(qtbot) -> None:
    field = AmountField(Money(50000, "cad"))
    qtbot.addWidget(field)
    over = Coded(ApprovalNeed.OVER_LIMIT, {"limit": Money(20000, "cad")})
    field.set_approval(lambda m: (over,) if m.minor > 20000 else ())
    field.line_edit.setText("250")
    note = field.findChild(QLabel, "partialNotice")
    assert note.text().endswith("Refunds over $200.00 need a manager's approval.")
    field.line_edit.setText("150")
    assert "manager" not in note.text()


def test_in_french_the_field_takes_the_locales_forms_and_says_what_it_expects(
        qtbot, french) -> None:
    dialog = open_dialog(qtbot, make_payment())
    edit, error, submit = parts(dialog)
    for typed in ("5,25", "5,25 $", "5.25", "5,25\u00a0$"):
        edit.setText(typed)
        assert dialog.amount() == Money(525, "cad"), typed
    assert submit.text().startswith("Rembourser 5,25")
    edit.setText("cinq")
    assert not submit.isEnabled()
    assert "12,50" in error.text() and "montant" in error.text()  # an example it takes
