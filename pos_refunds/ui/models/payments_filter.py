"""Search and filters over the payments table, as a cashier types them.

The search box takes an amount in the locale's format ("12.50" or "12,50"), the last 4 digits
of the card, or (part of) a payment id (pi_…) or charge id (ch_…) — including a whole id from a
scanned receipt.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from ...domain.errors import AmountError
from ...domain.money import Money, parse_amount
from ...domain.payments import Payment, PaymentState
from ..formatting import amount_separators
from .payments_model import PaymentsTableModel


class PaymentsFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None, *, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self._text = ""
        self._amounts: dict[str, Money | None] = {}  # currency -> what the text means there
        self._state: PaymentState | None = None
        self._network: str | None = None
        self._location: str | None = None
        self._pinned: str | None = None  # the payment the cashier has open: always listed
        self.setSortRole(PaymentsTableModel.SORT_ROLE)
        self.setDynamicSortFilter(True)

    # --- criteria ------------------------------------------------------------------------
    def set_search_text(self, text: str) -> None:
        text = text.strip()
        if text == self._text:
            return
        self.beginFilterChange()
        self._text = text
        self._amounts.clear()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def search_text(self) -> str:
        return self._text

    def set_state_filter(self, state: PaymentState | None) -> None:
        if state == self._state:
            return
        self.beginFilterChange()
        self._state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_network_filter(self, network: str | None) -> None:
        if network == self._network:
            return
        self.beginFilterChange()
        self._network = network or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_location_filter(self, location_id: str | None) -> None:
        """Only this Terminal location's payments (Settings). A payment whose location Stripe
        did not say stays listed, and a whole payment id in the search box (a scanned receipt
        from another shop) shows its payment anyway: none is out of the cashier's reach."""
        if (location_id or None) == self._location:
            return
        self.beginFilterChange()
        self._location = location_id or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def pin(self, payment_id: str | None) -> None:
        """Keep this payment listed whatever the filters say, until another is pinned: the one
        the cashier has open never vanishes under them (after an action, a filter change)."""
        if payment_id == self._pinned:
            return
        old, self._pinned = self._pinned, payment_id
        if old is not None and not self._accepts(old):
            self.beginFilterChange()  # the one it kept leaves now that it is not open
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def pinned(self) -> str | None:
        return self._pinned

    def matches_found(self) -> tuple[int, int | None]:
        """How many listed rows the filters and search match (the open payment not counted
        when it is listed only because it is open), and that row when there is one."""
        rows = self.rowCount()
        extra = self._kept_only_row()
        count = rows - (extra is not None)
        if count != 1:
            return count, None
        return 1, next(r for r in range(min(rows, 2)) if r != extra)

    def _kept_only_row(self) -> int | None:
        """The proxy row of the open payment when only the pin keeps it listed."""
        model = self.sourceModel()
        if self._pinned is None or not isinstance(model, PaymentsTableModel):
            return None
        source = model.row_of(self._pinned)
        if source is None or self._passes(model.payment(source)):
            return None
        index = self.mapFromSource(model.index(source, 0))
        return index.row() if index.isValid() else None

    def _accepts(self, payment_id: str) -> bool:
        model = self.sourceModel()
        row = model.row_of(payment_id) if isinstance(model, PaymentsTableModel) else None
        return row is None or self._passes(model.payment(row))

    # --- matching ------------------------------------------------------------------------
    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PaymentsTableModel):
            return True
        payment = model.payment(source_row)
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
        """Does the search text name this payment (amount, last 4 or id)?"""
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
        """The search text read as an amount of `currency` (cached per currency)."""
        if currency not in self._amounts:
            self._amounts[currency] = self._parse(currency)
        return self._amounts[currency]

    def _parse(self, currency: str) -> Money | None:
        point, group = amount_separators(self._locale)
        other = "," if point == "." else "."
        for decimal_point, group_separator in ((point, group), (other, "\u00a0")):
            try:
                return parse_amount(
                    self._text, currency, decimal_point=decimal_point,
                    group_separator=group_separator,
                )
            except AmountError:
                continue
        return None
