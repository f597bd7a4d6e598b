"""A touch keypad for PINs: ten digits, Clear and a back-space, typing into one PIN field.

The field stays the place where the PIN lives (so the keyboard works as well); after each tap
the focus goes back to it, so typing and tapping can be mixed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from .touch import touch_button

translate = QCoreApplication.translate

KEY_SIZE = 64
PIN_MAX_DIGITS = 8

_LAYOUT = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("clear", "0", "back"))
# (on the key, for screen readers), translated where the keys are made (context PinKeypad)
_WORDS = {"clear": (QT_TRANSLATE_NOOP("PinKeypad", "Clear"),
                    QT_TRANSLATE_NOOP("PinKeypad", "Clear the PIN")),
          "back": ("⌫", QT_TRANSLATE_NOOP("PinKeypad", "Delete the last digit"))}


def pin_field(name: str, accessible: str) -> QLineEdit:
    """A PIN entry: dots, digits only, at most eight; `accessible` translated by the caller."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(PIN_MAX_DIGITS)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                              | Qt.InputMethodHint.ImhSensitiveData
                              | Qt.InputMethodHint.ImhNoPredictiveText)
    field.setMinimumHeight(52)
    field.setAlignment(Qt.AlignmentFlag.AlignCenter)
    field.setProperty("pin", True)  # style.qss: large, spaced dots
    field.textEdited.connect(lambda text, f=field: _digits_only(f, text))
    return field


def form_label(text: str, field: QWidget) -> QLabel:
    """A form's label, as tall as its (touch-sized) field so the words sit level with it;
    `text` translated by the caller."""
    label = QLabel(text)
    label.setBuddy(field)
    label.setMinimumHeight(field.minimumHeight())
    return label


def _digits_only(field: QLineEdit, text: str) -> None:
    """Keep what a keyboard typed to ASCII digits (a validator would swallow keys silently)."""
    digits = "".join(ch for ch in text if "0" <= ch <= "9")
    if digits != text:
        field.setText(digits)


class PinKeypad(QWidget):
    keyPressed = Signal(str)  # "0"-"9", "clear" or "back"

    def __init__(self, field: QLineEdit, parent: QWidget | None = None,
                 *, name: str = "pinKeypad") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(self.tr("PIN keypad"))
        self._field = field
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for row, keys in enumerate(_LAYOUT):
            for column, key in enumerate(keys):
                if key in _WORDS:
                    text, accessible = (translate("PinKeypad", words) for words in _WORDS[key])
                else:
                    text, accessible = key, self.tr("Digit {digit}").format(digit=key)
                button = touch_button(f"{name}_{key}", text, accessible,
                                      min_width=KEY_SIZE + 24, height=KEY_SIZE)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.setProperty("keypadKey", True)  # style.qss: large digits
                button.clicked.connect(lambda _checked=False, k=key: self.press(k))
                grid.addWidget(button, row, column)
                self.keys[key] = button

    def press(self, key: str) -> None:
        text = self._field.text()
        if key == "clear":
            self._field.clear()
        elif key == "back":
            self._field.setText(text[:-1])
        elif len(text) < PIN_MAX_DIGITS:
            self._field.setText(text + key)
        self._field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.keyPressed.emit(key)
