"""The refund amount entry shared by the online and the reader refund dialogs.

Parsing happens once, here, through the domain's `parse_amount`, with the separators of the
widget's locale and the payment's refundable remainder as the ceiling: the dialogs never see
anything but a valid Money or None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from ...domain.errors import AmountError, PosError
from ...domain.money import Money, format_plain, parse_amount
from ...domain.reasons import AmountReason
from ..formatting import amount_separators, format_money
from ..messages import approval_words, error_words
from ..metrics import TOUCH_HEIGHT
from ..restyle import restyle
from ..views.touch import touch_button


class AmountField(QWidget):
    """Amount line edit, "Full amount" button, the error under the field, the partial-refund note.

    `amountChanged` carries the parsed Money, or None while the text is not a valid amount.
    """

    amountChanged = Signal(object)

    def __init__(self, remainder: Money, parent: QWidget | None = None, *,
                 approval: Callable[[Money], Sequence[object]] | None = None) -> None:
        """`approval(amount)`: why a manager must approve that amount, as the services say
        (empty: nobody need); announced under the field as the cashier types."""
        super().__init__(parent)
        self._remainder = remainder
        self._approval = approval
        self._amount: Money | None = None
        locale = self.locale()
        self._decimal_point, self._group_separator = amount_separators(locale)
        self._remainder_text = format_money(remainder, locale)

        self._label = QLabel(self.tr("Amount to refund"))
        self._edit = QLineEdit()
        self._edit.setObjectName("refundAmount")
        self._edit.setAccessibleName(self.tr("Amount to refund"))
        self._edit.setMinimumHeight(TOUCH_HEIGHT)
        self._edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._edit.setMaxLength(24)
        font = self._edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self._edit.setFont(font)
        self._label.setBuddy(self._edit)
        self._label.setText(self.tr("&Amount to refund"))
        code = QLabel(remainder.currency.upper())  # data: the ISO code
        code.setObjectName("amountCurrency")
        self._full = touch_button("fullAmountButton", self.tr("&Full amount"))
        self._error = QLabel()
        self._error.setObjectName("amountError")
        self._error.setAccessibleName(self.tr("Amount error"))
        self._error.setWordWrap(True)
        self._note = QLabel()
        self._note.setObjectName("partialNotice")
        self._note.setAccessibleName(self.tr("Refund kind"))
        self._note.setWordWrap(True)
        self._note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self._edit, 1)
        row.addWidget(code)
        row.addWidget(self._full)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.addWidget(self._label, 0, 0)
        grid.addLayout(row, 1, 0)
        grid.addWidget(self._error, 2, 0)
        grid.addWidget(self._note, 3, 0)
        grid.setRowMinimumHeight(4, 6)

        self._edit.textChanged.connect(self._validate)
        self._full.clicked.connect(self.fill_remainder)
        self.fill_remainder()

    def set_approval(self, approval: Callable[[Money], Sequence[object]]) -> None:
        """Ask `approval` (the services, through a flow) who must approve each amount."""
        self._approval = approval
        self._amount = None
        self._validate()

    @property
    def line_edit(self) -> QLineEdit:
        return self._edit

    def amount(self) -> Money | None:
        return self._amount

    def is_partial(self) -> bool:
        return self._amount is not None and self._amount < self._remainder

    def fill_remainder(self) -> None:
        """Put the whole refundable remainder in the field, as the locale writes it."""
        self._edit.setText(format_plain(self._remainder, decimal_point=self._decimal_point))
        self._validate()

    def set_inputs_enabled(self, enabled: bool) -> None:
        self._edit.setReadOnly(not enabled)
        self._edit.setEnabled(enabled)
        self._full.setEnabled(enabled)

    def _parse(self, text: str) -> Money:
        """The locale's way first; the other decimal mark when the text can only mean that
        ("5,50" in English, "5.50" in French: a group has three digits, never two)."""
        currency = self._remainder.currency
        try:
            return parse_amount(text, currency, decimal_point=self._decimal_point,
                                group_separator=self._group_separator, maximum=self._remainder)
        except AmountError as error:
            if error.reason is not AmountReason.NOT_AN_AMOUNT:
                raise
            other = "," if self._decimal_point == "." else "."
            try:
                return parse_amount(text, currency, decimal_point=other,
                                    group_separator="\u00a0", maximum=self._remainder)
            except AmountError:
                raise error from None

    def _validate(self) -> None:
        try:
            amount = self._parse(self._edit.text())
        except AmountError as error:
            said = error_words(error, self.locale())[1]
            if error.reason is AmountReason.NOT_AN_AMOUNT:  # say what it expects
                example = format_plain(self._remainder, decimal_point=self._decimal_point)
                said = self.tr("{error} Type it like {example}.",
                               "the amount's error, then an example of a valid amount").format(
                    error=said, example=example)
            self._show(None, said)
            return
        self._show(amount, "")

    def _needs_manager(self, amount: Money) -> str:
        """Why a manager must approve this amount, in words ("" when nobody need)."""
        if self._approval is None:
            return (self.tr("A manager must approve partial refunds.")
                    if amount < self._remainder else "")
        try:
            reasons = self._approval(amount)
        except PosError:
            return ""
        return approval_words(tuple(reasons)) if reasons else ""

    def _show(self, amount: Money | None, error: str) -> None:
        self._error.setText(error)
        self._error.setVisible(bool(error))
        if self._edit.property("invalid") != bool(error):
            self._edit.setProperty("invalid", bool(error))  # style.qss draws the red border
            restyle(self._edit)
        if amount is None:
            self._note.setText("")
            self._note.setVisible(False)
        else:
            manager = self._needs_manager(amount)
            if amount < self._remainder:
                text = self.tr("Partial refund: {amount} of the {left} left to refund.").format(
                    amount=format_money(amount, self.locale()), left=self._remainder_text)
            else:
                text = self.tr("Full refund of the {left} left to refund.").format(
                    left=self._remainder_text)
            if manager:
                text = self.tr("{refund} {approval}",
                               "the refund's kind, then why a manager must approve it").format(
                    refund=text, approval=manager)
            self._note.setText(text)
            restyle(self._note, tone="warning" if manager else "")
            self._note.setVisible(True)
        if amount != self._amount:
            self._amount = amount
            self.amountChanged.emit(amount)
