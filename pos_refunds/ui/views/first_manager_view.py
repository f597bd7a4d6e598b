"""First start of a till with nobody on its staff list: the first person becomes its manager.

Layout only; the staff session creates the manager and signs them in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.staff import NAME_MAX
from ..metrics import TOUCH_HEIGHT
from .pin_keypad import form_label, pin_field
from .screen_fit import scrolling
from .touch import touch_button


class FirstManagerView(QWidget):
    createRequested = Signal(str, str, str)  # name, PIN, PIN again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstManagerView")
        title = QLabel(self.tr("Welcome: set up the first manager"))
        title.setObjectName("firstManagerTitle")
        intro = QLabel(self.tr("Nobody is on this till's staff list yet. The first person is a "
                               "manager: they add everyone else with Staff › Manage staff. "
                               "The PIN is 4 to 8 digits; it is never stored as it is typed."))
        intro.setObjectName("firstManagerIntro")
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("firstManagerName")
        self.name.setAccessibleName(self.tr("Manager's name"))
        self.name.setMaxLength(NAME_MAX)
        self.name.setMinimumHeight(TOUCH_HEIGHT)
        self.pin = pin_field("firstManagerPin", self.tr("PIN"))
        self.again = pin_field("firstManagerPinAgain", self.tr("PIN again"))
        self.message = QLabel()
        self.message.setObjectName("firstManagerMessage")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        self.message.setProperty("error", True)
        self.create = touch_button("firstManagerButton", self.tr("Create manager and sign in"),
                                   height=TOUCH_HEIGHT + 8)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setSpacing(12)
        for text, field in ((self.tr("&Name"), self.name), (self.tr("&PIN"), self.pin),
                            (self.tr("PIN &again"), self.again)):
            form.addRow(form_label(text, field), field)
        card = QFrame()
        card.setObjectName("signInCard")
        card.setMaximumWidth(640)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 22, 28, 22)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.create)
        inner.addStretch(1)
        card.setMinimumWidth(560)
        page = QWidget()
        page.setObjectName("firstManagerPage")
        row = QHBoxLayout(page)
        row.setContentsMargins(24, 16, 24, 16)
        row.addStretch(1)
        row.addWidget(card, 4, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        outer = QVBoxLayout(self)  # a small (or scaled) screen: the card scrolls
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(page, "firstManagerScroll"))

        for field in (self.name, self.pin, self.again):
            field.textChanged.connect(self._refresh)
        self.again.returnPressed.connect(self._create)
        self.create.clicked.connect(self._create)
        self._refresh()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.name, self.pin, self.again):
            widget.setEnabled(not busy)
        self.create.setText(self.tr("Creating…") if busy
                            else self.tr("Create manager and sign in"))
        self._refresh()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _refresh(self, *_: object) -> None:
        self.create.setEnabled(self.name.isEnabled() and bool(self.name.text().strip())
                               and len(self.pin.text()) >= 4 and len(self.again.text()) >= 4)

    def _create(self) -> None:
        if not self.create.isEnabled():
            return
        name, pin, again = self.name.text(), self.pin.text(), self.again.text()
        self.pin.clear()
        self.again.clear()
        self.createRequested.emit(name, pin, again)
