"""The refund limits in Settings: one row per currency, rows added and removed by touch.

`limits()` answers the whole table or None (each wrong row then says why under itself), so the
dialog saves either every limit or none.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .limit_row import LimitRow
from .touch import touch_button


class LimitsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("limitsEditor")
        self._rows: list[LimitRow] = []
        self._numbers = 0
        heading = QHBoxLayout()
        currency = QLabel(self.tr("Currency"))
        amount = QLabel(self.tr("Refunds above this need a manager"))
        currency.setFixedWidth(96)
        for label in (currency, amount):
            label.setProperty("hint", True)
        heading.addWidget(currency)
        heading.addWidget(amount, 1)
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 4, 0)
        self._list.setSpacing(6)
        holder = QWidget()
        holder.setObjectName("limitRows")
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._list)
        outer.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("limitsScroll")
        self._scroll.setWidget(holder)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.viewport().setAutoFillBackground(False)  # the group box's white shows
        holder.setAutoFillBackground(False)
        self.add_button = touch_button("addLimitButton", self.tr("Add a currency"))
        self.add_button.clicked.connect(self._add_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self._scroll, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)

    def rows(self) -> list[LimitRow]:
        return list(self._rows)

    def set_limits(self, limits: Mapping[str, int]) -> None:
        for row in list(self._rows):
            self._remove(row)
        for currency, minor in sorted(limits.items()):
            self.add_row(currency, minor)

    def add_row(self, currency: str = "", minor: int | None = None) -> LimitRow:
        self._numbers += 1
        row = LimitRow(self._numbers, currency, minor)
        row.changed.connect(self._validate)
        row.removeRequested.connect(self._remove)
        self._rows.append(row)
        self._list.addWidget(row)
        self._validate()
        return row

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.currency_edit.setFocus()
        self._scroll.ensureWidgetVisible(row)

    def _remove(self, row: LimitRow) -> None:
        if row in self._rows:
            self._rows.remove(row)
            self._list.removeWidget(row)
            row.deleteLater()
            self._validate()

    def _validate(self) -> bool:
        """Say under each row what is wrong; True when every row is right or blank."""
        seen: set[str] = set()
        ok = True
        for row in self._rows:
            money, error = row.parsed()
            if money is not None and money.currency in seen:
                error = self.tr("{currency} is listed twice.").format(
                    currency=money.currency.upper())
            if money is not None:
                seen.add(money.currency)
            row.show_error(error)
            ok = ok and not error
        self.changed.emit()
        return ok

    def limits(self) -> dict[str, int] | None:
        """Every limit in minor units, or None while a row is wrong (blank rows are left out)."""
        if not self._validate():
            return None
        found = (row.parsed()[0] for row in self._rows)
        return {m.currency: m.minor for m in found if m is not None}
