"""One payment in full, with its refunds and the four action buttons.

Each button is enabled only when the policy allows it; when it is not, the reason is written
under it (touch screens have no hover). The panel only emits what the cashier asked for.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.payments import Payment, RefundRecord, network_name
from ...domain.policy import Action, actions_for
from ..formatting import format_datetime, format_duration, format_money, format_when
from ..models.network_badge import badge_pixmap
from ..models.payments_model import state_text

TOUCH_HEIGHT = 44
CAPTURE_WARNING = timedelta(hours=12)
META_STAFF = "pos_staff"  # written by the services on every refund they send
META_APPROVER = "pos_approved_by"

BUTTONS: tuple[tuple[Action, str, str], ...] = (
    (Action.CANCEL, "cancelButton", "Cancel payment"),
    (Action.CAPTURE, "captureButton", "Capture"),
    (Action.REFUND_ONLINE, "refundButton", "Refund online"),
    (Action.REFUND_ON_READER, "readerRefundButton", "Refund on reader"),
)


def refund_who(refund: RefundRecord) -> str:
    who = refund.metadata.get(META_STAFF, "")
    approver = refund.metadata.get(META_APPROVER)
    if approver and approver != who:
        return f"{who or '—'} (approved by {approver})"
    return who or "—"


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class DetailPanel(QWidget):
    cancelRequested = Signal(object)  # Payment
    captureRequested = Signal(object)
    refundRequested = Signal(object)
    readerRefundRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName("Payment details")
        self._payment: Payment | None = None
        self._busy = False
        self._reader_labels: dict[str, str] = {}
        self._allowed: dict[Action, bool] = {}

        empty = QLabel("Select a payment to see its details.\n\nScan a receipt or search above.")
        empty.setObjectName("detailEmpty")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self._stack = QStackedWidget()
        self._stack.addWidget(empty)
        self._stack.addWidget(self._build_details())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.set_payment(None)

    def _build_details(self) -> QWidget:
        self.headline = _value_label("detailHeadline")
        self.payment_id = _value_label("detailPaymentId")
        self.badge = QLabel()
        self.badge.setObjectName("detailBadge")
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows = (
            ("amount", "Amount"), ("received", "Received"), ("refunded", "Refunded"),
            ("refundable", "Left to refund"), ("card", "Card"), ("funding", "Funding"),
            ("reader", "Reader"), ("created", "Created"), ("captureBy", "Capture by"),
            ("description", "Description"),
        )
        for key, title in rows:
            value = _value_label(f"detail_{key}")
            value.setAccessibleName(title)
            self.fields[key] = value
            form.addRow(f"{title}:", value)
        self.deadline = _value_label("captureDeadline")
        self.deadline.setProperty("warning", True)

        self.refunds = QTableWidget(0, 4)
        self.refunds.setObjectName("refundsList")
        self.refunds.setAccessibleName("Refunds of this payment")
        self.refunds.setHorizontalHeaderLabels(["Amount", "Status", "Time", "Who"])
        self.refunds.verticalHeader().hide()
        self.refunds.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refunds.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.refunds.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.refunds.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.refunds.setMinimumHeight(90)
        self.no_refunds = QLabel("No refunds yet.")
        self.no_refunds.setObjectName("noRefunds")

        body = QWidget()
        body.setObjectName("detailBody")
        body_layout = QVBoxLayout(body)
        top = QGridLayout()
        top.addWidget(self.badge, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.headline, 0, 1)
        top.addWidget(self.payment_id, 1, 1)
        top.setColumnStretch(1, 1)
        body_layout.addLayout(top)
        body_layout.addWidget(self.deadline)
        body_layout.addLayout(form)
        refunds_title = QLabel("Refunds")
        refunds_title.setObjectName("sectionTitle")
        body_layout.addWidget(refunds_title)
        body_layout.addWidget(self.no_refunds)
        body_layout.addWidget(self.refunds)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("detailScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(scroll, 1)
        page_layout.addWidget(self._build_actions())
        return page

    def _build_actions(self) -> QWidget:
        box = QFrame()
        box.setObjectName("actionsBox")
        grid = QGridLayout(box)
        self.buttons: dict[Action, QPushButton] = {}
        self.reasons: dict[Action, QLabel] = {}
        signals = {
            Action.CANCEL: self.cancelRequested,
            Action.CAPTURE: self.captureRequested,
            Action.REFUND_ONLINE: self.refundRequested,
            Action.REFUND_ON_READER: self.readerRefundRequested,
        }
        for i, (action, name, text) in enumerate(BUTTONS):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAccessibleName(text)
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.clicked.connect(lambda _c=False, s=signals[action]: self._emit(s))
            reason = QLabel()
            reason.setObjectName(f"{name}Reason")
            reason.setAccessibleName(f"Why “{text}” is not available")
            reason.setWordWrap(True)
            reason.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.buttons[action] = button
            self.reasons[action] = reason
            grid.addWidget(button, (i // 2) * 2, i % 2)
            grid.addWidget(reason, (i // 2) * 2 + 1, i % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return box

    # --- what the window calls -----------------------------------------------------------
    def set_reader_labels(self, labels: dict[str, str]) -> None:
        self._reader_labels = dict(labels)
        if self._payment is not None:
            self.set_payment(self._payment)

    def set_busy(self, busy: bool) -> None:
        """While an action runs on this payment, no second one can be started."""
        self._busy = busy
        self._update_buttons()

    def payment(self) -> Payment | None:
        return self._payment

    def set_payment(self, payment: Payment | None, *, now: datetime | None = None) -> None:
        self._payment = payment
        if payment is None:
            self._stack.setCurrentIndex(0)
            self._allowed = {}
            self._update_buttons()
            return
        self._stack.setCurrentIndex(1)
        self.badge.setPixmap(badge_pixmap(payment.network))
        self.headline.setText(f"{format_money(payment.amount)} · {state_text(payment)}")
        self.payment_id.setText(payment.id)
        f = self.fields
        f["amount"].setText(format_money(payment.amount))
        f["received"].setText(format_money(payment.amount_received))
        f["refunded"].setText(format_money(payment.amount_refunded))
        f["refundable"].setText(format_money(payment.refundable))
        card = network_name(payment.network)
        if payment.brand and network_name(payment.brand) != card:
            card += f" ({network_name(payment.brand)})"
        if payment.last4:
            card += f" •••• {payment.last4}"
        f["card"].setText(card)
        f["funding"].setText(payment.receipt.get("account_type", "—").capitalize())
        reader = payment.reader_id
        f["reader"].setText(self._reader_labels.get(reader, reader) if reader else "—")
        f["created"].setText(format_datetime(payment.created))
        waiting = payment.status == "requires_capture" and payment.capture_before is not None
        f["captureBy"].setText(format_datetime(payment.capture_before) if waiting else "—")
        f["description"].setText(payment.description or "—")
        self._show_deadline(payment, now or datetime.now(UTC))
        self._show_refunds(payment.refunds)
        self._allowed = {}
        for availability in actions_for(payment):
            self._allowed[availability.action] = availability.allowed
            self.reasons[availability.action].setText(availability.reason)
        self._update_buttons()

    # --- glue ----------------------------------------------------------------------------
    def _show_deadline(self, payment: Payment, now: datetime) -> None:
        deadline = payment.capture_before
        if payment.status != "requires_capture" or deadline is None:
            self.deadline.hide()
            return
        left = deadline - now
        if left <= timedelta(0):
            text = "⚠ The authorization has expired: it can no longer be captured."
        elif left <= CAPTURE_WARNING:
            text = (f"⚠ Capture or cancel within {format_duration(left.total_seconds())} "
                    "— the authorization then expires.")
        else:
            self.deadline.hide()
            return
        self.deadline.setText(text)
        self.deadline.show()

    def _show_refunds(self, refunds: tuple[RefundRecord, ...]) -> None:
        self.refunds.setRowCount(len(refunds))
        for row, refund in enumerate(refunds):
            status = refund.status.replace("_", " ").capitalize()
            if refund.failure_reason:
                status += f" ({refund.failure_reason.replace('_', ' ')})"
            cells = (format_money(refund.amount), status, format_when(refund.created),
                     refund_who(refund))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(refund.id if column == 0 else text)
                self.refunds.setItem(row, column, item)
        self.refunds.setVisible(bool(refunds))
        self.no_refunds.setVisible(not refunds)

    def _update_buttons(self) -> None:
        for action, button in self.buttons.items():
            allowed = self._allowed.get(action, False)
            button.setEnabled(allowed and not self._busy)
            self.reasons[action].setVisible(not allowed and self._payment is not None)

    def _emit(self, signal: Signal) -> None:
        if self._payment is not None and not self._busy:
            signal.emit(self._payment)  # type: ignore[attr-defined]
