"""One refund limit in Settings: a currency, an amount as the locale writes it, Remove.

The amount is read with the domain's `parse_amount`, in the row's currency (so JPY takes no
decimals and KWD three); the words under the row say what is wrong, as it is typed.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from ...domain.errors import AmountError
from ...domain.money import CURRENCY_EXPONENTS, Money, format_plain, parse_amount
from ..formatting import amount_separators
from ..messages import error_words
from ..metrics import TOUCH_HEIGHT
from ..restyle import restyle
from .touch import touch_button


class LimitRow(QWidget):
    changed = Signal()
    removeRequested = Signal(object)  # this row

    def __init__(self, number: int, currency: str = "", minor: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._point, self._group = amount_separators(self.locale())
        self.currency_edit = QLineEdit(currency.upper())
        self.currency_edit.setObjectName(f"limitCurrency{number}")
        self.currency_edit.setAccessibleName(
            self.tr("Currency of limit {number}").format(number=number))
        self.currency_edit.setPlaceholderText("CAD")  # a currency code, in any language
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self))
        self.currency_edit.setFixedWidth(96)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName(f"limitAmount{number}")
        self.amount_edit.setAccessibleName(
            self.tr("Amount of limit {number}").format(number=number))
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount_edit.setMaxLength(16)
        if currency and minor is not None:
            self.amount_edit.setText(format_plain(Money(minor, currency),
                                                  decimal_point=self._point))
        self.remove_button = touch_button(f"removeLimit{number}", self.tr("Remove"),
                                          self.tr("Remove limit {number}").format(number=number))
        for widget in (self.currency_edit, self.amount_edit):
            widget.setMinimumHeight(TOUCH_HEIGHT)
        self.error = QLabel()
        self.error.setObjectName(f"limitError{number}")
        self.error.setAccessibleName(
            self.tr("Problem with limit {number}").format(number=number))
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        self.error.setVisible(False)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.currency_edit, 0, 0)
        grid.addWidget(self.amount_edit, 0, 1)
        grid.addWidget(self.remove_button, 0, 2)
        grid.addWidget(self.error, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)

        self.currency_edit.textEdited.connect(self._upper)
        self.currency_edit.textChanged.connect(self.changed)
        self.amount_edit.textChanged.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))

    def _upper(self, text: str) -> None:
        if text != text.upper():
            position = self.currency_edit.cursorPosition()
            self.currency_edit.setText(text.upper())
            self.currency_edit.setCursorPosition(position)

    def currency(self) -> str:
        return self.currency_edit.text().strip().lower()

    def is_blank(self) -> bool:
        return not self.currency() and not self.amount_edit.text().strip()

    def parsed(self) -> tuple[Money | None, str]:
        """(the limit, "") or (None, what is wrong) — for a blank row (None, "")."""
        currency = self.currency()
        if self.is_blank():
            return None, ""
        if len(currency) != 3:
            return None, self.tr("Enter the currency's three-letter code, e.g. CAD.")
        if currency not in CURRENCY_EXPONENTS:
            return None, self.tr("Stripe does not know the currency {currency}.").format(
                currency=currency.upper())
        try:
            return parse_amount(self.amount_edit.text(), currency, decimal_point=self._point,
                                group_separator=self._group), ""
        except AmountError as error:
            return None, error_words(error)[1]

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if self.amount_edit.property("invalid") != bool(text):
            self.amount_edit.setProperty("invalid", bool(text))  # style.qss: red border
            restyle(self.amount_edit)
