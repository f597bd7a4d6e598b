"""The one touch-sized push button. Every button on a till is made here, so a fingertip finds
the same target everywhere: at least metrics.TOUCH_HEIGHT tall, named for tests and screen
readers, and never pressed by Enter unless a dialog makes it its default."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from ..metrics import TOUCH_HEIGHT


def touch_button(name: str, text: str, accessible: str | None = None, *, min_width: int = 0,
                 height: int = TOUCH_HEIGHT) -> QPushButton:
    """`accessible` defaults to the words on the button without its "&" mnemonic or a
    trailing "…"; `height` only ever grows the target (PIN keys, names to tap)."""
    if height < TOUCH_HEIGHT:
        raise ValueError(f"a touch button is at least {TOUCH_HEIGHT} px tall")
    button = QPushButton(text)
    button.setObjectName(name)
    if accessible is None:
        accessible = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    button.setAccessibleName(accessible)
    button.setMinimumHeight(height)
    if min_width:
        button.setMinimumWidth(min_width)
    button.setAutoDefault(False)
    return button
