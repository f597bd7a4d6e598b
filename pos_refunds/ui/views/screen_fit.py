"""Dialogs that fit the screen they open on: 1366×768 with a taskbar and a title bar, or less."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

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


def scroll_area(name: str, parent: QWidget | None = None) -> QScrollArea:
    """An empty frameless scroll area: what it holds looks the same where it fits and scrolls
    where the screen is too small for it (1366×768 at 150 %). Filled with `hold`.

    Widgets are polished with the style sheet as they are built (a table's scroll bars, a
    filled combo box) and all over again each time they move to another parent: a dialog
    that opens often places the area first and builds its content on `area.viewport()`, so
    each widget is polished once, where it stays."""
    scroll = QScrollArea(parent)
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus stays on what is inside it
    scroll.viewport().setAutoFillBackground(False)
    return scroll


def hold(scroll: QScrollArea, content: QWidget) -> QScrollArea:
    scroll.setWidget(content)
    content.setAutoFillBackground(False)
    return scroll


def scrolling(content: QWidget, name: str) -> QScrollArea:
    """`content` in a new scroll_area."""
    return hold(scroll_area(name), content)


def scroll_body(layout: QBoxLayout, name: str, *, keep: int = 1) -> QScrollArea:
    """Everything in a dialog's `layout` but its last `keep` rows (the buttons) moves into a
    scroll area, so the buttons stay in reach however small the screen; stretch factors kept."""
    body = QWidget()
    body.setObjectName(f"{name}Body")
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(layout.spacing())
    while layout.count() > keep:
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        if item.widget() is not None:
            inner.addWidget(item.widget(), stretch, item.alignment())
        elif item.layout() is not None:
            inner.addLayout(item.layout(), stretch)
        else:
            inner.addItem(item)
            inner.setStretch(inner.count() - 1, stretch)
    scroll = scrolling(body, name)
    layout.insertWidget(0, scroll, 1)
    return scroll


def too_tall(widget: QWidget) -> bool:
    """`widget` (a dialog being built) needs more height than its screen has room for."""
    room = room_for(widget)
    layout = widget.layout()
    if room is None or layout is None:
        return False
    widget.ensurePolished()  # the style sheet's fonts and paddings count
    return layout.totalMinimumSize().height() > room.height()


def scroll_when_tall(dialog: QWidget, layout: QBoxLayout, name: str, *, keep: int = 1) -> None:
    """A dialog sized by its contents: as it was where it fits; where it does not, its body
    scrolls above its last `keep` rows (its buttons) and it takes the screen's room at most."""
    if not too_tall(dialog):
        return
    want = layout.totalSizeHint()
    scroll_body(layout, name, keep=keep)
    fit_to_screen(dialog, want.width(), want.height(), cap=True)
