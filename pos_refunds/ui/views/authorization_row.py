"""One uncaptured authorization on the end-of-day screen: amount and card, when it was taken,
how long is left before Stripe releases the hold, how it ended, and its two buttons.

Layout only: the buttons say which payment through their signals; the view-model decides.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ...domain.end_of_day import Urgency
from ...domain.policy import Action
from ..end_of_day_report import deadline_words
from ..formatting import card_words, format_age, format_money, format_when
from ..restyle import restyle
from ..viewmodels.authorization_rows import AuthRow, RowState
from .touch import touch_button

translate = QCoreApplication.translate

# style.qss colours the deadline by its [urgency]: amber under a day left, red under six hours.
RESULT_TONE = {  # style.qss: QLabel[tone=...]
    RowState.READY: "muted",
    RowState.WORKING: "working",
    RowState.CAPTURED: "good",
    RowState.CANCELED: "good",
    RowState.CHANGED: "warning",
    RowState.FAILED: "error",
}
# The columns' widths when the row has room (they line up from row to row); a narrower row
# (a 1024 px screen, a longer language) narrows them all alike, never below this share.
WIDTHS = {"authAmount": 210, "authTaken": 170, "authDeadline": 250, "authResult": 160}
LEAST_SHARE = 0.5
URGENCY_WORDS = {  # translated where they are read (context AuthorizationRow)
    Urgency.SOON: QT_TRANSLATE_NOOP("AuthorizationRow", "less than a day left"),
    Urgency.URGENT: QT_TRANSLATE_NOOP("AuthorizationRow", "less than 6 hours left"),
    Urgency.EXPIRED: QT_TRANSLATE_NOOP("AuthorizationRow", "expired"),
}


def _label(name: str, width: int | None = None) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if width:
        label.setFixedWidth(width)
    return label


class AuthorizationRow(QFrame):
    captureRequested = Signal(str)  # payment id
    cancelRequested = Signal(str)

    def __init__(self, row: AuthRow, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authorizationRow")
        self.payment_id = row.payment.id
        self._row = row
        self.amount = _label("authAmount", WIDTHS["authAmount"])
        self.taken = _label("authTaken", WIDTHS["authTaken"])
        self.deadline = _label("authDeadline", WIDTHS["authDeadline"])
        self.result = _label("authResult")
        self.result.setMinimumWidth(WIDTHS["authResult"])
        self.capture_button = touch_button("authCaptureButton",
                                           self.tr("Capture", "capture the payment"),
                                           min_width=110)
        self.cancel_button = touch_button("authCancelButton",
                                          self.tr("Cancel", "cancel the payment"), min_width=110)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(12)
        for label in (self.amount, self.taken, self.deadline):
            layout.addWidget(label)
        layout.addWidget(self.result, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.capture_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.capture_button.clicked.connect(lambda: self.captureRequested.emit(self.payment_id))
        self.cancel_button.clicked.connect(lambda: self.cancelRequested.emit(self.payment_id))
        self.set_row(row, now)

    @property
    def row(self) -> AuthRow:
        return self._row

    def fit_width(self, width: int) -> None:
        """The row `width` px wide (the list's): the columns as wide as WIDTHS when the buttons
        keep their whole words beside them, all narrower alike when not (their words wrap)."""
        layout = self.layout()
        margins = layout.contentsMargins()
        buttons = sum(b.sizeHint().width() for b in (self.capture_button, self.cancel_button))
        spacing = layout.spacing() * 4 + 8  # between the five parts, and between the buttons
        room = width - margins.left() - margins.right() - buttons - spacing
        share = max(LEAST_SHARE, min(1.0, room / sum(WIDTHS.values())))
        for label in (self.amount, self.taken, self.deadline):
            width = int(WIDTHS[label.objectName()] * share)
            if label.width() != width or label.minimumWidth() != width:
                label.setFixedWidth(width)
        self.result.setMinimumWidth(int(WIDTHS["authResult"] * share))


    def set_row(self, row: AuthRow, now: datetime, *, busy: bool = False) -> None:
        self._row = row
        p = row.payment
        self.amount.setText(f"<b>{format_money(p.amount)}</b><br>{card_words(p)}")
        amount, card = format_money(p.amount), card_words(p)
        self.amount.setAccessibleName(self.tr("{amount} on {card}").format(amount=amount,
                                                                          card=card))
        self.taken.setText(self.tr("Taken {when}<br>{age}").format(
            when=format_when(p.created, now=now, sentence=True),
            age=format_age(p.created, now=now)))
        self.result.setText(self._result_words(row))
        restyle(self.result, tone=RESULT_TONE[row.state])
        self.result.setAccessibleName(self.tr("Result: {result}").format(
            result=self.result.text()))
        self.capture_button.setAccessibleName(
            self.tr("Capture {amount} on {card}").format(amount=amount, card=card))
        self.cancel_button.setAccessibleName(
            self.tr("Cancel {amount} on {card}").format(amount=amount, card=card))
        self.set_busy(busy)
        self.tick(now)

    def _result_words(self, row: AuthRow) -> str:
        if row.message or row.state is not RowState.READY:
            return row.message
        # Every disabled button says why, on the screen (touch screens have no hover).
        return row.why_not(Action.CANCEL) or row.why_not(Action.CAPTURE)

    def set_busy(self, busy: bool) -> None:
        """While any capture or cancel runs, no second one starts from this screen."""
        row = self._row
        self.capture_button.setEnabled(not busy and row.can(Action.CAPTURE))
        self.cancel_button.setEnabled(not busy and row.can(Action.CANCEL))
        self.capture_button.setVisible(not row.state.final)
        self.cancel_button.setVisible(not row.state.final)

    def tick(self, now: datetime) -> None:
        """The time left moves on while the screen is open."""
        auth = self._row.auth
        if self._row.state.final:  # nothing is due any more: the result says what happened
            self.deadline.setText("")
            self.deadline.setAccessibleName(self.tr("No deadline"))
            return
        urgency = auth.urgency(now)
        when, left = format_when(auth.deadline, now=now, sentence=True), deadline_words(auth, now)
        self.deadline.setText(
            (self.tr("Capture by about {when}<br>{left}") if auth.estimated
             else self.tr("Capture by {when}<br>{left}")).format(when=when, left=left))
        restyle(self.deadline, urgency=urgency.value)
        self.deadline.setAccessibleName(self.tr("Capture by {when}, {urgency}").format(
            when=when, urgency=translate("AuthorizationRow", URGENCY_WORDS[urgency])
            if urgency in URGENCY_WORDS else self.tr("in time")))
        self.deadline.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
