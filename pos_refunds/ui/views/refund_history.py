"""The refunds of one payment: how much, status, when, who did it (and who approved), and why.

The detail panel is narrow, so each refund is drawn as a small card of two or three lines rather
than a row of five squeezed columns. The data stay a table (`model`: one row per refund, one
column per fact) for assistive technology and tests. The list is as tall as its cards: the
panel scrolls as a whole, never a scroll area inside a scroll area. Who and approver come from
the metadata our services write on every refund (pos_staff, pos_approved_by, pos_note).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.payments import RefundRecord
from .. import palette
from ..formatting import format_datetime, format_money, format_when
from ..metrics import TOUCH_HEIGHT
from .touch import touch_button

translate = QCoreApplication.translate

META_STAFF = "pos_staff"  # written by the services on every refund they send
META_APPROVER = "pos_approved_by"
META_NOTE = "pos_note"
# Stripe's refund reasons, as short as a card line wants them (context RefundHistory).
REASON_WORDS = {
    "requested_by_customer": QT_TRANSLATE_NOOP("RefundHistory", "Customer asked"),
    "duplicate": QT_TRANSLATE_NOOP("RefundHistory", "Duplicate"),
    "fraudulent": QT_TRANSLATE_NOOP("RefundHistory", "Fraudulent"),
    "expired_uncaptured_charge": QT_TRANSLATE_NOOP("RefundHistory", "Authorization expired"),
}
COLUMNS = (QT_TRANSLATE_NOOP("RefundHistory", "Amount"),
           QT_TRANSLATE_NOOP("RefundHistory", "Status"),
           QT_TRANSLATE_NOOP("RefundHistory", "Time"),
           QT_TRANSLATE_NOOP("RefundHistory", "Who"),
           QT_TRANSLATE_NOOP("RefundHistory", "Reason"))
AMOUNT, STATUS, TIME, WHO, REASON = range(len(COLUMNS))
STATUS_COLOURS = {"succeeded": palette.GOOD, "pending": palette.WARNING,
                  "requires_action": palette.WARNING, "failed": palette.ERROR,
                  "canceled": palette.ERROR}
MUTED, TEXT, CARD, EDGE = palette.MUTED, palette.TEXT, palette.BACKGROUND, palette.EDGE_LIGHT
PAD, GAP = 10, 3
SLIP_HEIGHT, SLIP_WIDTH = TOUCH_HEIGHT, 120  # the card's "Slip…" button (succeeded refunds)
AnyIndex = QModelIndex | QPersistentModelIndex


def refund_who(refund: RefundRecord) -> str:
    """Who sent it, and who approved it when that was someone else."""
    who = refund.metadata.get(META_STAFF, "")
    approver = refund.metadata.get(META_APPROVER)
    if approver and approver != who:
        return translate("RefundHistory", "{who} (approved by {approver})").format(
            who=who or "—", approver=approver)
    return who or "—"


def refund_reason(refund: RefundRecord) -> str:
    """Stripe's reason in words, then the cashier's note."""
    reason = refund.reason or ""
    words = (translate("RefundHistory", REASON_WORDS[reason]) if reason in REASON_WORDS
             else reason.replace("_", " ").capitalize())
    note = refund.metadata.get(META_NOTE, "").strip()
    if words and note:
        return f"{words} — {note}"
    return words or note or "—"


def status_words(status: str) -> str:
    """A refund's status in words ("Succeeded"); one Stripe added later, as it sent it."""
    known = {
        "succeeded": translate("RefundHistory", "Succeeded"),
        "pending": translate("RefundHistory", "Pending"),
        "requires_action": translate("RefundHistory", "Requires action"),
        "failed": translate("RefundHistory", "Failed"),
        "canceled": translate("RefundHistory", "Canceled"),
    }
    return known.get(status, status.replace("_", " ").capitalize())


def failure_reason_words(code: str) -> str:
    """Why Stripe says a refund failed ("lost or stolen card"); another code as it sent it."""
    known = {
        "lost_or_stolen_card": translate("RefundHistory", "lost or stolen card"),
        "expired_or_canceled_card": translate("RefundHistory", "expired or canceled card"),
        "charge_for_pending_refund_disputed": translate(
            "RefundHistory", "charge for pending refund disputed"),
        "insufficient_funds": translate("RefundHistory", "insufficient funds"),
        "declined": translate("RefundHistory", "declined"),
        "merchant_request": translate("RefundHistory", "merchant request"),
        "unknown": translate("RefundHistory", "unknown"),
    }
    return known.get(code, code.replace("_", " "))


def refund_status(refund: RefundRecord) -> str:
    status = status_words(refund.status)
    if refund.failure_reason:
        return translate("RefundHistory", "{status} ({failure})").format(
            status=status, failure=failure_reason_words(refund.failure_reason))
    return status


def refund_row(refund: RefundRecord, now: datetime) -> list[QStandardItem]:
    texts = (format_money(refund.amount), refund_status(refund),
             format_when(refund.created, now=now),
             refund_who(refund), refund_reason(refund))
    items = [QStandardItem(text) for text in texts]
    items[AMOUNT].setToolTip(refund.id)
    items[AMOUNT].setData(refund.status, Qt.ItemDataRole.UserRole)
    items[STATUS].setData(status_words(refund.status), Qt.ItemDataRole.UserRole)
    items[REASON].setData(refund.failure_reason, Qt.ItemDataRole.UserRole)
    items[TIME].setToolTip(format_datetime(refund.created))
    items[AMOUNT].setData(
        translate("RefundHistory", "{amount} {status}, {time}, by {who}, reason: {reason}").format(
            amount=texts[AMOUNT], status=texts[STATUS], time=texts[TIME], who=texts[WHO],
            reason=texts[REASON]),
        Qt.ItemDataRole.AccessibleTextRole)
    for item in items:
        item.setEditable(False)
    return items


class RefundCardDelegate(QStyledItemDelegate):
    """Line 1: amount, status (coloured), time. Line 2: who. Line 3: reason and note."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.Bold)
        return bold, QFont(option.font)

    def _lines(self, index: AnyIndex) -> list[str]:
        who = index.siblingAtColumn(WHO).data()
        reason = index.siblingAtColumn(REASON).data()
        failure = index.siblingAtColumn(REASON).data(Qt.ItemDataRole.UserRole)
        lines = [self.tr("By {who}").format(who=who) if who != "—"
                 else self.tr("By: not recorded (made outside this app)"),
                 self.tr("Reason: {reason}").format(reason=reason) if reason != "—"
                 else self.tr("Reason: none given")]
        if failure:
            lines.append(self.tr("Why it failed: {failure}").format(
                failure=failure_reason_words(failure)))
        return lines

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        bold, plain = self._fonts(option)
        view = option.widget
        full = view.viewport().width() - 2 * view.spacing() if isinstance(view, QListView) else 0
        width = max(full or option.rect.width(), 200) - 2 * PAD
        height = QFontMetrics(bold).height() + 2 * PAD
        metrics = QFontMetrics(plain)
        for line in self._lines(index):
            box = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, line)
            height += GAP + box.height()
        if index.data(Qt.ItemDataRole.UserRole) == "succeeded":
            height += GAP + SLIP_HEIGHT
        return QSize(width + 2 * PAD, height)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: AnyIndex) -> None:
        """The card's Slip button (an index widget) sits in its bottom right corner."""
        card = option.rect.adjusted(PAD, PAD, -PAD - 1, -PAD - 1)
        editor.setGeometry(card.right() - SLIP_WIDTH + 1, card.bottom() - SLIP_HEIGHT + 1,
                           SLIP_WIDTH, SLIP_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        bold, plain = self._fonts(option)
        card = option.rect.adjusted(0, 0, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = option.state & QStyle.StateFlag.State_HasFocus
        painter.setPen(QColor(palette.ACCENT if focused else EDGE))
        painter.setBrush(QColor(CARD))
        painter.drawRoundedRect(card, 6, 6)
        inner = card.adjusted(PAD, PAD, -PAD, -PAD)
        top = QFontMetrics(bold).height()
        time = index.siblingAtColumn(TIME).data()
        painter.setFont(plain)
        painter.setPen(QColor(MUTED))
        time_width = QFontMetrics(plain).horizontalAdvance(time)
        painter.drawText(QRect(inner.right() - time_width, inner.top(), time_width, top),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, time)
        amount = index.siblingAtColumn(AMOUNT).data()
        painter.setFont(bold)
        painter.setPen(QColor(TEXT))
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), top),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, amount)
        left = inner.left() + QFontMetrics(bold).horizontalAdvance(amount) + 12
        room = inner.right() - time_width - 12 - left
        status = QFontMetrics(bold).elidedText(  # the failure reason has its own line
            index.siblingAtColumn(STATUS).data(Qt.ItemDataRole.UserRole),
            Qt.TextElideMode.ElideRight, max(room, 0))
        painter.setPen(QColor(STATUS_COLOURS.get(index.data(Qt.ItemDataRole.UserRole), TEXT)))
        painter.drawText(QRect(left, inner.top(), max(room, 0), top),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, status)
        painter.setFont(plain)
        painter.setPen(QColor(MUTED))
        y = inner.top() + top
        for line in self._lines(index):
            box = QFontMetrics(plain).boundingRect(
                QRect(inner.left(), y + GAP, inner.width(), 10_000), Qt.TextFlag.TextWordWrap, line)
            painter.drawText(box, Qt.TextFlag.TextWordWrap, line)
            y = box.bottom() + 1
        painter.restore()


class RefundHistory(QListView):
    """The cards; `rows` holds one row per refund with the columns of COLUMNS.

    Each succeeded refund's card has a "Slip…" button: `slipRequested(refund id)`.
    """

    slipRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundsList")
        self.setAccessibleName(self.tr("Refunds of this payment"))
        self.rows = QStandardItemModel(0, len(COLUMNS), self)
        self.rows.setHorizontalHeaderLabels([translate("RefundHistory", c) for c in COLUMNS])
        self.setModel(self.rows)
        self.setItemDelegate(RefundCardDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader user can walk the cards
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSpacing(3)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_refunds(self, refunds: tuple[RefundRecord, ...], *, now: datetime) -> None:
        self.rows.removeRows(0, self.rows.rowCount())
        for refund in refunds:
            self.rows.appendRow(refund_row(refund, now))
            if refund.status == "succeeded":
                self.setIndexWidget(self.rows.index(self.rows.rowCount() - 1, AMOUNT),
                                    self._slip_button(refund))
        self._fit_height()

    def _slip_button(self, refund: RefundRecord) -> QPushButton:
        button = touch_button("refundSlipButton", self.tr("Slip…"),
                              self.tr("Refund slip for {amount} ({refund_id})").format(
                                  amount=format_money(refund.amount), refund_id=refund.id))
        button.setProperty("refundId", refund.id)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(lambda _c=False, rid=refund.id: self.slipRequested.emit(rid))
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped lines change height with the width: keep every card whole."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def _fit_height(self) -> None:
        self.doItemsLayout()
        rows = range(self.rows.rowCount())
        cards = sum(self.sizeHintForRow(r) + 2 * self.spacing() for r in rows)
        self.setFixedHeight(cards + 2 * self.frameWidth())
