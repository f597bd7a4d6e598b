"""What the cashier can do while a reader works on a refund, each button with its reason.

Part of ReaderProgressView: the buttons live here with the rule that says which of them apply
at each step; a disabled button always has its reason written beside it (touch screens have
no hover, so no tooltips).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QWidget

from ...services.api import Step, TestCard
from ..metrics import TOUCH_HEIGHT
from .touch import touch_button

translate = QCoreApplication.translate

CANCEL, CHECK, SIMULATE = "cancelActionButton", "checkStatusButton", "simulateTapButton"
# Words marked here, translated where they are shown (context ReaderActionsPanel).
TEST_CARDS = (
    (QT_TRANSLATE_NOOP("ReaderActionsPanel", "Interac test card (the right card)"),
     TestCard.INTERAC),
    (QT_TRANSLATE_NOOP("ReaderActionsPanel", "Another card (Visa: the wrong card)"),
     TestCard.OTHER_CARD),
    (QT_TRANSLATE_NOOP("ReaderActionsPanel", "A card that declines"), TestCard.DECLINED),
)
ENDED = QT_TRANSLATE_NOOP("ReaderActionsPanel", "The refund has ended.")
NOT_SENT = QT_TRANSLATE_NOOP("ReaderActionsPanel", "No refund sent yet.")
BUSY_WORDS = {
    "cancel": QT_TRANSLATE_NOOP("ReaderActionsPanel", "Canceling on the reader…"),
    "check": QT_TRANSLATE_NOOP("ReaderActionsPanel", "Checking…"),
    "simulate": QT_TRANSLATE_NOOP("ReaderActionsPanel", "Presenting the card…"),
}


@dataclass
class FlowState:
    """What the availability rule looks at."""

    step: Step | None = None
    ended: bool = True
    checkable: bool = False  # ended on an error, but the refund may be on the reader
    busy: set[str] = field(default_factory=set)  # side actions under way: cancel/check/simulate


def _busy(action: str) -> str:
    return translate("ReaderActionsPanel", BUSY_WORDS[action])


def unavailable(state: FlowState) -> dict[str, str | None]:
    """Why each action cannot be used now (None: it can), in words."""
    if state.ended:
        why = translate("ReaderActionsPanel", ENDED if state.step else NOT_SENT)
        reasons: dict[str, str | None] = {CANCEL: why, CHECK: why, SIMULATE: why}
        if state.checkable:
            reasons[CHECK] = _busy("check") if "check" in state.busy else None
        return reasons
    cancel = check = simulate = None
    if state.step == Step.SENDING:
        cancel = translate("ReaderActionsPanel", "Available once the reader has the refund.")
        simulate = translate("ReaderActionsPanel", "The reader is not asking for a card yet.")
    elif state.step == Step.PROCESSING:
        cancel = translate("ReaderActionsPanel",
                           "The card is being processed; it can no longer be canceled.")
        simulate = translate("ReaderActionsPanel", "The card has already been read.")
    if "cancel" in state.busy:
        cancel = _busy("cancel")
        simulate = simulate or translate("ReaderActionsPanel", "The refund is being canceled.")
    if "check" in state.busy:
        check = _busy("check")
    if "simulate" in state.busy:
        simulate = _busy("simulate")
    return {CANCEL: cancel, CHECK: check, SIMULATE: simulate}


class ReaderActionsPanel(QWidget):
    cancelRequested = Signal()
    checkRequested = Signal()
    simulateRequested = Signal(object)  # TestCard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = {
            CANCEL: touch_button(CANCEL, self.tr("Cancel on reader"), min_width=190),
            CHECK: touch_button(CHECK, self.tr("Check status"), min_width=190),
            SIMULATE: touch_button(SIMULATE, self.tr("Simulate card tap"), min_width=190),
        }
        self._reasons = {name: self._reason_label(name) for name in self._buttons}
        self._card = QComboBox(self)  # filled here: polished here, where it stays
        self._card.setObjectName("simulateCard")
        self._card.setAccessibleName(self.tr("Card to present"))
        self._card.setMinimumHeight(TOUCH_HEIGHT)
        for text, card in TEST_CARDS:
            self._card.addItem(translate("ReaderActionsPanel", text), card)

        self.simulate_box = QGroupBox(self.tr("Simulated reader: present a test card"))
        self.simulate_box.setObjectName("simulateBox")
        sim = QGridLayout(self.simulate_box)
        sim.setHorizontalSpacing(12)
        sim.setColumnStretch(1, 1)
        sim.addWidget(self._card, 0, 0, 1, 2)
        sim.addWidget(self._buttons[SIMULATE], 1, 0)
        sim.addWidget(self._reasons[SIMULATE], 1, 1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        for row, name in enumerate((CANCEL, CHECK)):
            grid.addWidget(self._buttons[name], row, 0)
            grid.addWidget(self._reasons[name], row, 1)
        grid.addWidget(self.simulate_box, 2, 0, 1, 2)

        self._buttons[CANCEL].clicked.connect(self.cancelRequested)
        self._buttons[CHECK].clicked.connect(self.checkRequested)
        self._buttons[SIMULATE].clicked.connect(
            lambda: self.simulateRequested.emit(self._card.currentData())
        )
        self.simulate_box.setVisible(False)
        self.apply(FlowState())

    def apply(self, state: FlowState) -> None:
        """Once the refund has ended nothing here applies, unless its status can be checked."""
        for name, reason in unavailable(state).items():
            self._buttons[name].setEnabled(reason is None)
            self._reasons[name].setText(reason or "")
        self._card.setEnabled(self._buttons[SIMULATE].isEnabled())
        self.setVisible(not state.ended or state.checkable)


    def _reason_label(self, button: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{button}Reason")
        label.setAccessibleName(self.tr("Why not available"))
        label.setWordWrap(True)
        label.setProperty("hint", True)  # style.qss: the muted words beside a button
        return label
