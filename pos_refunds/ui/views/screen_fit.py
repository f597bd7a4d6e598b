"""Dialogs that fit the screen they open on: 1366×768 with a taskbar and a title bar, or less."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# What a window manager's title bar and frame take, beside the screen's available area.
FRAME_W, FRAME_H = 20, 40


def room_for(widget: QWidget) -> QSize | None:
    """The room a top-level window has on its screen (taskbar excluded), frame excluded."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return None
    room = screen.availableGeometry().size()
    return QSize(room.width() - FRAME_W, room.height() - FRAME_H)


def fit_to_screen(widget: QWidget, width: int, height: int, *, cap: bool = False) -> None:
    """Size `widget` to `width`×`height`, or to the screen's room when that is less. `cap`:
    never grow past the room either (content that appears later scrolls or squeezes)."""
    room = room_for(widget)
    if room is None:
        widget.resize(width, height)
        return
    widget.resize(min(width, room.width()), min(height, room.height()))
    if cap:
        widget.setMaximumSize(room)


def keep_on_screen(widget: QWidget) -> None:
    """A window that grew (a slip offered, a message) moves up rather than off the screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None or not widget.isVisible():
        return
    room = screen.availableGeometry()
    frame = widget.frameGeometry()
    if frame.bottom() > room.bottom():
        widget.move(frame.x(), max(room.top(), room.bottom() - frame.height()))


def scrolling(content: QWidget, name: str) -> QScrollArea:
    """`content` in a frameless scroll area: it looks the same where it fits and scrolls where
    the screen is too small for it (1366×768 at 150 %)."""
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    scroll.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return scroll
