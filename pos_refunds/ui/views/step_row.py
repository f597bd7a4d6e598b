"""One line of the reader refund's step list: a state icon and the step's words."""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from .. import palette
from ..restyle import restyle

translate = QCoreApplication.translate

ICON_SIZE = 26


class StepState(enum.Enum):
    PENDING = "pending"
    ACTIVE = "active"
    DONE = "done"
    FAILED = "failed"
    STOPPED = "stopped"  # canceled: not an error, but not done either


COLOURS = {  # the icons; style.qss colours the words by [step]
    StepState.PENDING: QColor(palette.BORDER),
    StepState.ACTIVE: QColor(palette.ACCENT),
    StepState.DONE: QColor(palette.GOOD),
    StepState.FAILED: QColor(palette.ERROR),
    StepState.STOPPED: QColor(palette.WARNING),
}

# Words for screen readers, and a test hook that does not depend on pixels.
STATE_WORDS = {  # translated where they are read (context StepRow)
    StepState.PENDING: QT_TRANSLATE_NOOP("StepRow", "not yet"),
    StepState.ACTIVE: QT_TRANSLATE_NOOP("StepRow", "in progress"),
    StepState.DONE: QT_TRANSLATE_NOOP("StepRow", "done"),
    StepState.FAILED: QT_TRANSLATE_NOOP("StepRow", "failed"),
    StepState.STOPPED: QT_TRANSLATE_NOOP("StepRow", "stopped"),
}


def state_icon(state: StepState, size: int = ICON_SIZE) -> QPixmap:
    """Drawn, not a font glyph: it looks the same on every till, fonts or not."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = COLOURS[state]
    box = QRectF(2, 2, size - 4, size - 4)
    if state == StepState.PENDING:
        painter.setPen(QPen(colour, 2))
        painter.drawEllipse(box)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(box)
        mark = QPen(QColor(palette.WHITE), max(2.0, size / 9))
        mark.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(mark)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        s = size
        if state == StepState.ACTIVE:
            painter.setBrush(QColor(palette.WHITE))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(s / 2, s / 2), s / 7, s / 7)
        elif state == StepState.DONE:
            tick = [(0.30, 0.52), (0.45, 0.67), (0.71, 0.36)]
            painter.drawPolyline([QPointF(s * x, s * y) for x, y in tick])
        elif state == StepState.FAILED:
            painter.drawLine(QPointF(s * 0.35, s * 0.35), QPointF(s * 0.65, s * 0.65))
            painter.drawLine(QPointF(s * 0.65, s * 0.35), QPointF(s * 0.35, s * 0.65))
        else:
            painter.drawLine(QPointF(s * 0.32, s / 2), QPointF(s * 0.68, s / 2))
    painter.end()
    return pixmap


class StepRow(QWidget):
    def __init__(self, name: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._icon = QLabel()
        self._icon.setFixedSize(ICON_SIZE + 4, ICON_SIZE + 4)
        self._text = QLabel(text)
        self._text.setObjectName("stepText")
        self._text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(12)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self.state = StepState.PENDING
        self.set_state(StepState.PENDING, text)

    @property
    def text(self) -> str:
        return self._text.text()

    def set_state(self, state: StepState, text: str) -> None:
        self.state = state
        self._icon.setPixmap(state_icon(state))
        self._text.setText(text)
        restyle(self._text, step=state.value)
        self.setAccessibleName(self.tr("{step}: {state}").format(
            step=text, state=translate("StepRow", STATE_WORDS[state])))
