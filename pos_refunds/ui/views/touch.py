"""The one touch-sized push button. Every button on a till is made here, so a fingertip finds
the same target everywhere: at least metrics.TOUCH_HEIGHT tall, named for tests and screen
readers, and never pressed by Enter unless a dialog makes it its default."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton

from ..metrics import TOUCH_HEIGHT


class _RoomyButton(QPushButton):
    """A button that asks for `preferred` px of height and, on a small screen, gives up to its
    minimum (never under the touch height)."""

    def __init__(self, text: str, preferred: int) -> None:
        super().__init__(text)
        self._preferred = preferred

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._preferred))


def touch_button(name: str, text: str, accessible: str | None = None, *, min_width: int = 0,
                 height: int = TOUCH_HEIGHT, preferred: int = 0) -> QPushButton:
    """`accessible` defaults to the words on the button without its "&" mnemonic or a
    trailing "…"; `height` only ever grows the target (PIN keys, names to tap); `preferred`:
    the height it takes when there is room, shrinking to `height` when there is not."""
    if height < TOUCH_HEIGHT:
        raise ValueError(f"a touch button is at least {TOUCH_HEIGHT} px tall")
    button = _RoomyButton(text, preferred) if preferred > height else QPushButton(text)
    button.setObjectName(name)
    if accessible is None:
        accessible = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    button.setAccessibleName(accessible)
    button.setMinimumHeight(height)
    if min_width:
        button.setMinimumWidth(min_width)
    button.setAutoDefault(False)
    return button
