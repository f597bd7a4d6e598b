"""PIN entry with its keypad, the words about the last attempt, and the button that sends it.

Shared by the sign-in screen and the manager's approval: the same touch targets and the same
messages wherever a PIN is typed. The PIN is cleared after every attempt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..metrics import TOUCH_HEIGHT
from ..restyle import restyle
from .pin_keypad import PinKeypad, pin_field
from .touch import touch_button


class PinPad(QWidget):
    submitted = Signal(str)  # the PIN typed

    def __init__(self, submit_text: str, parent: QWidget | None = None,
                 *, name: str = "pinPad") -> None:
        """`submit_text`: the button's words, translated by the caller."""
        super().__init__(parent)
        self.setObjectName(name)
        self._submit_text = submit_text
        self._busy = False
        self._ready = False
        self.caption = QLabel(self.tr("Choose your name first."))
        self.caption.setObjectName(f"{name}Caption")
        self.caption.setWordWrap(True)
        self.caption.setProperty("lead", True)  # style.qss: a step larger, semi-bold
        self.field = pin_field("pinField", self.tr("PIN"))
        self.caption.setBuddy(self.field)
        self.keypad = PinKeypad(self.field, name=f"{name}Keys")
        self.message = QLabel()
        self.message.setObjectName(f"{name}Message")
        self.message.setAccessibleName(self.tr("PIN message"))
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.submit = touch_button(f"{name}Submit", submit_text, submit_text,
                                   height=TOUCH_HEIGHT + 8)
        self.submit.setProperty("primary", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.caption)
        layout.addWidget(self.field)
        layout.addWidget(self.keypad)
        layout.addWidget(self.message)
        layout.addWidget(self.submit)
        self.field.returnPressed.connect(self._submit)
        self.field.textChanged.connect(self._refresh)
        self.submit.clicked.connect(self._submit)
        self._refresh()

    def set_ready(self, ready: bool, caption: str) -> None:
        """A person is chosen (or not): what the caption says above the PIN."""
        self._ready = ready
        self.caption.setText(caption)
        self._refresh()

    def set_busy(self, busy: bool) -> None:
        """While the PIN is being checked: nothing to type or tap twice."""
        self._busy = busy
        self.field.setEnabled(not busy)
        self.keypad.setEnabled(not busy)
        self.submit.setText(self.tr("Checking…") if busy else self._submit_text)
        self._refresh()
        if not busy:
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error and bool(text))
        restyle(self.message)

    def clear(self) -> None:
        self.field.clear()

    def _refresh(self, *_: object) -> None:
        self.submit.setEnabled(self._ready and not self._busy and len(self.field.text()) >= 4)

    def _submit(self) -> None:
        pin = self.field.text()
        if not self.submit.isEnabled():
            return
        self.field.clear()
        self.submitted.emit(pin)
