"""The sign-in screen the till opens on and returns to when locked: tap your name, type your PIN.

Layout only; the staff session decides what happens with the PIN.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.staff import Staff
from .pin_pad import PinPad
from .screen_fit import hold, scroll_area
from .staff_picker import StaffPicker

translate = QCoreApplication.translate

# The training staff's names are data (staff/store.py): quoted as the picker shows them.
TRAINING_HINT = QT_TRANSLATE_NOOP(
    "SignInView", "Training staff: “Training cashier” with PIN 1111, and “Training manager” "
    "with PIN 2222. Real tills have their own staff and PINs.")


class SignInView(QWidget):
    signInRequested = Signal(str, str)  # staff id, PIN

    def __init__(self, training: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInView")
        # Built from the outside in, each widget in its place (screen_fit.scroll_area).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = scroll_area("signInScroll", self)
        outer.addWidget(scroll)
        page = QWidget(scroll.viewport())
        page.setObjectName("signInPage")
        card = QFrame(page)
        card.setObjectName("signInCard")
        card.setMinimumWidth(800)  # on a narrow screen the card takes the side margins
        card.setMaximumWidth(1060)
        title = QLabel(self.tr("Sign in", "screen title"), card)
        title.setObjectName("signInTitle")
        intro = QLabel(self.tr("Tap your name, then type your PIN."), card)
        intro.setObjectName("signInIntro")
        self.training_hint: QLabel | None = None
        self.picker = StaffPicker(card, name="signInStaff", columns=2)
        self.pad = PinPad(self.tr("Sign in", "button"), card, name="signInPad")
        # A small (or scaled) screen: the pad narrows to its keys' words, the names scroll, and
        # when even that is too tall the whole card scrolls.
        self.pad.setMaximumWidth(360)
        self.pad.ensurePolished()  # the keys' words in the style sheet's font are never cut
        self.pad.setMinimumWidth(min(360, self.pad.sizeHint().width()))
        self.picker.setMinimumWidth(340)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 22, 28, 22)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(intro)
        if training:
            self.training_hint = QLabel(translate("SignInView", TRAINING_HINT), card)
            self.training_hint.setObjectName("trainingStaffHint")
            self.training_hint.setAccessibleName(self.tr("Training staff"))
            self.training_hint.setWordWrap(True)
            self.training_hint.setProperty("warning", True)
            inner.addWidget(self.training_hint)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        columns.addWidget(self.picker, 3)
        columns.addWidget(self.pad, 2, Qt.AlignmentFlag.AlignTop)
        inner.addLayout(columns, 1)

        row = QHBoxLayout(page)
        row.setContentsMargins(24, 16, 24, 16)
        row.addStretch(1)
        row.addWidget(card, 6)
        row.addStretch(1)
        hold(scroll, page)

        self.picker.picked.connect(self._picked)
        self.pad.submitted.connect(self._submitted)

    def set_staff(self, staff: list[Staff]) -> None:
        """The names to choose from; a name still on the list stays chosen."""
        chosen = self.picker.selected()
        self.picker.set_staff(staff)
        if chosen is None or not self.picker.select(chosen.id):
            self.pad.set_ready(False, self.tr("Choose your name first."))

    def select(self, staff_id: str) -> bool:
        return self.picker.select(staff_id)

    def set_busy(self, busy: bool) -> None:
        self.picker.setEnabled(not busy)
        self.pad.set_busy(busy)

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.pad.show_message(text, error=error)

    def reset(self) -> None:
        """Back to an empty PIN and no message, as after locking."""
        self.pad.clear()
        self.pad.show_message("")

    def _picked(self, person: Staff) -> None:
        self.pad.clear()
        self.pad.show_message("")
        self.pad.set_ready(True, self.tr("PIN for {name}").format(name=person.name))
        self.pad.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submitted(self, pin: str) -> None:
        person = self.picker.selected()
        if person is not None:
            self.signInRequested.emit(person.id, pin)
