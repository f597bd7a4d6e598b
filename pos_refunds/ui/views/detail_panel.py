"""One payment in full, with its refunds and the four action buttons.

Each button is enabled only when the policy allows it; when it is not, the reason is written
under it (touch screens have no hover). The panel only emits what the cashier asked for.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...clock import Clock, utc_now
from ...domain.payments import Payment, network_name
from ...domain.policy import Action, actions_for
from ..formatting import format_datetime, format_duration, format_money, format_when
from ..messages import refusal_words
from ..models.network_badge import badge_pixmap
from ..models.payments_model import state_text
from .refund_history import META_STAFF, RefundHistory
from .touch import touch_button

translate = QCoreApplication.translate

CAPTURE_WARNING = timedelta(hours=12)

# Words marked for translation here, translated where they are shown (context DetailPanel).
BUTTONS: tuple[tuple[Action, str, str], ...] = (
    (Action.CANCEL, "cancelButton", QT_TRANSLATE_NOOP("DetailPanel", "Cancel payment")),
    (Action.CAPTURE, "captureButton", QT_TRANSLATE_NOOP("DetailPanel", "Capture")),
    (Action.REFUND_ONLINE, "refundButton", QT_TRANSLATE_NOOP("DetailPanel", "Refund online")),
    (Action.REFUND_ON_READER, "readerRefundButton",
     QT_TRANSLATE_NOOP("DetailPanel", "Refund on reader")),
)
AMOUNTS = (("amount", QT_TRANSLATE_NOOP("DetailPanel", "Amount")),
           ("received", QT_TRANSLATE_NOOP("DetailPanel", "Received")),
           ("refunded", QT_TRANSLATE_NOOP("DetailPanel", "Refunded")),
           ("refundable", QT_TRANSLATE_NOOP("DetailPanel", "Left to refund")))
FACTS = (("card", QT_TRANSLATE_NOOP("DetailPanel", "Card")),
         ("funding", QT_TRANSLATE_NOOP("DetailPanel", "Funding")),
         ("reader", QT_TRANSLATE_NOOP("DetailPanel", "Reader")),
         ("created", QT_TRANSLATE_NOOP("DetailPanel", "Created")),
         ("captureBy", QT_TRANSLATE_NOOP("DetailPanel", "Capture by")),
         ("description", QT_TRANSLATE_NOOP("DetailPanel", "Description")))


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def funding_words(account_type: str | None) -> str:
    """The card's account type as the receipt says it ("Credit"); one Stripe added later, as it
    sent it; "—" when the receipt has none."""
    if account_type is None:
        return "—"
    known = {
        "credit": translate("DetailPanel", "Credit", "account type"),
        "checking": translate("DetailPanel", "Checking", "account type"),
        "savings": translate("DetailPanel", "Savings", "account type"),
        "prepaid": translate("DetailPanel", "Prepaid", "account type"),
        "unknown": translate("DetailPanel", "Unknown", "account type"),
    }
    return known.get(account_type, account_type.capitalize())


def two_lines(words: str) -> str:
    """The words broken at the space nearest their middle ("Rembourser\nsur le lecteur")."""
    spaces = [i for i, ch in enumerate(words) if ch == " "]
    if not spaces:
        return words
    cut = min(spaces, key=lambda i: abs(len(words) - 2 * i))
    return f"{words[:cut]}\n{words[cut + 1:]}"


def _caption(text: str, buddy: QLabel) -> QLabel:
    """`text`: translated already."""
    label = QLabel(text)
    label.setObjectName("fieldCaption")
    buddy.setAccessibleName(text)
    return label


NO_REFUNDS = QT_TRANSLATE_NOOP("DetailPanel", "No refunds yet.")


def released_text(payment: Payment, now: datetime) -> str:
    """A canceled authorization: released, by whom and when; the customer was not charged."""
    if payment.status != "canceled" or payment.amount_received.minor:
        return ""
    held = format_money(payment.released if payment.released.minor else payment.amount)
    who = payment.metadata.get(META_STAFF)
    if payment.canceled_at is None:
        return translate("DetailPanel", "Authorization of {amount} released: the customer was "
                         "not charged.").format(amount=held)
    when = format_when(payment.canceled_at, now=now, sentence=True)
    if who:
        return translate("DetailPanel", "Authorization of {amount} released: the customer was "
                         "not charged. By {who}, {when}.").format(amount=held, who=who, when=when)
    return translate("DetailPanel", "Authorization of {amount} released: the customer was not "
                     "charged. {when}.").format(amount=held, when=when)


class DetailPanel(QWidget):
    cancelRequested = Signal(object)  # Payment
    captureRequested = Signal(object)
    refundRequested = Signal(object)
    readerRefundRequested = Signal(object)
    slipRequested = Signal(object, str)  # Payment, refund id: print or save its slip

    def __init__(self, parent: QWidget | None = None, *, clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self._clock = clock  # "Today 18:31" and the time left to capture depend on now
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("Payment details"))
        self._payment: Payment | None = None
        self._busy = False
        self._reader_labels: dict[str, str] = {}
        self._allowed: dict[Action, bool] = {}

        # From the outside in, each part built in its place (screen_fit.scroll_area).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._stack = QStackedWidget(self)
        layout.addWidget(self._stack)
        empty = QLabel(self.tr("Select a payment to see its details.\n\n"
                               "Scan a receipt or search above."), self._stack)
        empty.setObjectName("detailEmpty")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self._stack.addWidget(empty)
        self._stack.addWidget(self._build_details())
        self.set_payment(None)

    def _build_details(self) -> QWidget:
        """Facts and refunds scroll; the action buttons below them always stay in view."""
        page = QWidget(self._stack)
        scroll = QScrollArea(page)
        scroll.setObjectName("detailScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll.viewport())
        body.setObjectName("detailBody")
        self.headline = _value_label("detailHeadline")
        self.headline.setAccessibleName(self.tr("Amount and state"))
        self.payment_id = _value_label("detailPaymentId")
        self.payment_id.setAccessibleName(self.tr("Payment id"))
        self.badge = QLabel()
        self.badge.setObjectName("detailBadge")
        self.deadline = _value_label("captureDeadline")
        self.deadline.setAccessibleName(self.tr("Capture deadline"))
        self.deadline.setProperty("warning", True)
        self.fields: dict[str, QLabel] = {}
        self.refund_list = RefundHistory()
        self.refund_list.slipRequested.connect(self._slip)
        self.refunds = self.refund_list.rows  # one row per refund: amount, status, time, who…
        self.refunds_title = QLabel(self.tr("Refunds"))
        self.refunds_title.setObjectName("sectionTitle")
        self.no_refunds = QLabel(translate("DetailPanel", NO_REFUNDS))
        self.no_refunds.setWordWrap(True)
        self.no_refunds.setObjectName("noRefunds")

        top = QGridLayout()
        top.setHorizontalSpacing(10)
        top.addWidget(self.badge, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.headline, 0, 1)
        top.addWidget(self.payment_id, 1, 1)
        top.setColumnStretch(1, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.deadline)
        layout.addWidget(self._build_amounts())
        layout.addWidget(self.refunds_title)  # what was refunded matters more than the card
        layout.addWidget(self.no_refunds)
        layout.addWidget(self.refund_list)
        details_title = QLabel(self.tr("Details"))
        details_title.setObjectName("sectionTitle")
        layout.addWidget(details_title)
        layout.addLayout(self._build_facts())
        layout.addStretch(1)
        scroll.setWidget(body)

        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(scroll, 1)
        page_layout.addWidget(self._build_actions())
        return page

    def _build_amounts(self) -> QFrame:
        """The four amounts side by side: what was paid and what is left, at a glance."""
        tiles = QFrame()
        tiles.setObjectName("amountTiles")
        grid = QGridLayout(tiles)
        grid.setContentsMargins(10, 6, 10, 8)
        grid.setVerticalSpacing(0)
        for column, (key, title) in enumerate(AMOUNTS):
            value = _value_label(f"detail_{key}")
            value.setProperty("amount", True)
            self.fields[key] = value
            caption = _caption(translate("DetailPanel", title), value)
            caption.setObjectName("tileCaption")
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            grid.setColumnStretch(column, 1)
        return tiles

    def _build_facts(self) -> QFormLayout:
        self._facts = QFormLayout()
        self._facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self._facts.setHorizontalSpacing(14)
        self._facts.setVerticalSpacing(4)
        for key, title in FACTS:
            value = _value_label(f"detail_{key}")
            self.fields[key] = value
            self._facts.addRow(_caption(translate("DetailPanel", title), value), value)
        return self._facts

    def _build_actions(self) -> QWidget:
        box = QFrame()
        box.setObjectName("actionsBox")
        self._actions_box = box
        self._button_words: dict[Action, str] = {}
        box.installEventFilter(self)  # narrow, the buttons' words take two lines
        grid = QGridLayout(box)
        grid.setContentsMargins(10, 10, 10, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.buttons: dict[Action, QPushButton] = {}
        self.reasons: dict[Action, QLabel] = {}
        signals = {
            Action.CANCEL: self.cancelRequested,
            Action.CAPTURE: self.captureRequested,
            Action.REFUND_ONLINE: self.refundRequested,
            Action.REFUND_ON_READER: self.readerRefundRequested,
        }
        for i, (action, name, words) in enumerate(BUTTONS):
            text = translate("DetailPanel", words)
            button = touch_button(name, text)
            button.clicked.connect(lambda _c=False, s=signals[action]: self._emit(s))
            reason = QLabel()
            reason.setObjectName(f"{name}Reason")
            reason.setAccessibleName(
                self.tr("Why “{action}” is not available").format(action=text))
            reason.setWordWrap(True)
            reason.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.buttons[action] = button
            self._button_words[action] = text
            self.reasons[action] = reason
            grid.addWidget(button, (i // 2) * 2, i % 2)
            grid.addWidget(reason, (i // 2) * 2 + 1, i % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._actions_box and event.type() == QEvent.Type.Resize:
            self._fit_buttons()
        return super().eventFilter(watched, event)

    def _fit_buttons(self) -> None:
        """Each button's words on one line when the two columns have room for them, else every
        button's on two (a row of buttons stays one height): a longer language is never cut."""
        grid = self._actions_box.layout()
        margins = grid.contentsMargins()
        column = (self._actions_box.width() - margins.left() - margins.right()
                  - grid.horizontalSpacing()) // 2

        def width(button: QPushButton, text: str) -> int:
            metrics = button.fontMetrics()
            shown = button.text()
            padding = button.sizeHint().width() - max(
                metrics.horizontalAdvance(line) for line in shown.split("\n"))
            return max(metrics.horizontalAdvance(line) for line in text.split("\n")) + padding

        wrap = any(width(self.buttons[a], words) > column
                   for a, words in self._button_words.items())
        for action, words in self._button_words.items():
            text = two_lines(words) if wrap else words
            if self.buttons[action].text() != text:
                self.buttons[action].setText(text)

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
        now = now or self._clock()
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
        f["funding"].setText(funding_words(payment.receipt.get("account_type")))
        reader = payment.reader_id
        f["reader"].setText(self._reader_labels.get(reader, reader) if reader else "—")
        f["created"].setText(format_when(payment.created, now=now))
        f["created"].setToolTip(format_datetime(payment.created))
        waiting = payment.status == "requires_capture" and payment.capture_before is not None
        f["captureBy"].setText(format_when(payment.capture_before, now=now) if waiting else "—")
        self._facts.setRowVisible(f["captureBy"], waiting)
        f["description"].setText(payment.description or "—")
        self._show_deadline(payment, now)
        self._show_refunds(payment, now)
        self._allowed = {}
        for availability in actions_for(payment):
            self._allowed[availability.action] = availability.allowed
            self.reasons[availability.action].setText(
                refusal_words(availability.reason) if availability.reason else "")
        self._update_buttons()

    # --- glue ----------------------------------------------------------------------------
    def _show_deadline(self, payment: Payment, now: datetime) -> None:
        deadline = payment.capture_before
        if payment.status != "requires_capture" or deadline is None:
            self.deadline.hide()
            return
        left = deadline - now
        if left <= timedelta(0):
            text = self.tr("⚠ The authorization has expired: it can no longer be captured.")
        elif left <= CAPTURE_WARNING:
            text = self.tr("⚠ Capture or cancel within {duration} — the authorization then "
                           "expires.").format(duration=format_duration(left.total_seconds()))
        else:
            self.deadline.hide()
            return
        self.deadline.setText(text)
        self.deadline.show()

    def _show_refunds(self, payment: Payment, now: datetime) -> None:
        refunds = payment.refunds
        self.refund_list.set_refunds(refunds, now=now)
        self.refunds_title.setText(self.tr("Refunds ({count})").format(count=len(refunds))
                                   if refunds else self.tr("Refunds"))
        self.refund_list.setVisible(bool(refunds))
        self.no_refunds.setText(released_text(payment, now)
                                or translate("DetailPanel", NO_REFUNDS))
        self.no_refunds.setVisible(not refunds)

    def _update_buttons(self) -> None:
        for action, button in self.buttons.items():
            allowed = self._allowed.get(action, False)
            button.setEnabled(allowed and not self._busy)
            self.reasons[action].setVisible(not allowed and self._payment is not None)

    def _slip(self, refund_id: str) -> None:
        if self._payment is not None:
            self.slipRequested.emit(self._payment, refund_id)

    def _emit(self, signal: Signal) -> None:
        if self._payment is not None and not self._busy:
            signal.emit(self._payment)  # type: ignore[attr-defined]
