"""Table cells painted once, then shown from Qt's pixmap cache.

Qt's own delegate works each visible cell out afresh for every frame: seven data() calls back
into Python, the style sheet's rules, then the text laid out twice (wrapped, then elided): 9 to
13 ms for a screen of payments, most of a frame, each time the list loads a page, scrolls or
narrows to a search, though the cells a screen shows rarely change.

`CachedCellDelegate` asks the model for a cell's *face* in one call (a hashable value that
changes whenever what the cell shows changes: its text, its colour, its badge) and paints the
cell the first time exactly as the view and Qt's delegate would, into a pixmap kept in
`QPixmapCache` (Qt's bounded, least-recently-used cache); every later frame draws that pixmap
(4 ms for the screen). The pixmap holds the whole cell, background included (plain,
alternate, selected; active or not), so what is drawn is what Qt draws, pixel for pixel; the
key also holds the cell's size, the palette and the screen's pixel ratio, and a change of the
view's font, palette or style starts afresh. A cell with the keyboard focus, or one whose
model gives no face, is painted by Qt's delegate directly.

A frame never waits for a screen of new cells (the first page, a search that lists other
payments: 160 cells at 140 µs, two frames' time): once rendering the cells it keeps took
`budget_seconds`, the frame leaves the rest as the row's bare background and asks for them
again in the next turn of the event loop, which keeps more. Every frame keeps at least one, so
the screen fills in within a few frames, each short.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QTimer,
)
from PySide6.QtGui import QPainter, QPixmap, QPixmapCache, QRegion
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

AnyIndex = QModelIndex | QPersistentModelIndex
Face = Callable[[int, int], Hashable | None]  # (view row, column) -> the cell's face

# A frame's time for rendering new cells to keep (140 µs each); the others wait for the next,
# a timer later (not a posted event: the whole event loop turns between, timers and input too).
RENDER_BUDGET_SECONDS = 0.003
NEXT_FRAME_MS = 1
_State = QStyle.StateFlag
_FOCUS = _State.State_HasFocus.value
_KEPT_STATE = (_State.State_Selected | _State.State_Active | _State.State_Enabled
               | _State.State_MouseOver).value  # what else changes how a cell looks
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate.value
# What makes every kept cell stale: the view's font, palette or style changed.
_RESTYLED = frozenset({QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                       QEvent.Type.StyleChange})


class CachedCellDelegate(QStyledItemDelegate):
    """`face(row, column)`: the cell's look as a hashable value, or None (Qt's delegate paints
    it). Install it on one view, its parent: it watches the view's font, palette and style."""

    def __init__(self, face: Face, view: QWidget, *,
                 budget_seconds: float = RENDER_BUDGET_SECONDS) -> None:
        super().__init__(view)
        self._face = face
        self._budget = budget_seconds
        self._spent = 0.0  # rendering cells to keep, this frame (a paint of the viewport)
        self._rendered = 0  # ... and how many
        self._waiting = QRegion()  # the cells this frame left for the next one (theirs only)
        self._asked = False  # ... and asked for, not painted yet
        self._generation = 0
        self._prefix = ""
        self._restyled()
        view.installEventFilter(self)
        viewport = getattr(view, "viewport", None)
        self._surface = viewport() if viewport is not None else view  # where cells are painted
        if self._surface is not view:
            self._surface.installEventFilter(self)

    @property
    def waiting(self) -> bool:
        """Cells left for the next frame (not painted yet)."""
        return self._asked or not self._waiting.isEmpty()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Paint and watched is self._surface:
            self._spent, self._rendered = 0.0, 0  # a new frame of cells: a new budget
            self._asked = False
        elif kind in _RESTYLED:
            self._restyled()
        return False

    def _restyled(self) -> None:
        """Kept cells drawn before are not found again (the cache lets them go in time)."""
        self._generation += 1
        self._prefix = f"cell:{id(self):x}:{self._generation}:"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        state = option.state.value
        face = None if state & _FOCUS else self._face(index.row(), index.column())
        if face is None:
            super().paint(painter, option, index)
            return
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        key = self._prefix + repr((face, index.column(), rect.width(), rect.height(), ratio,
                                   state & _KEPT_STATE, option.features.value & _ALTERNATE,
                                   option.palette.cacheKey()))
        pixmap = QPixmapCache.find(key)
        if pixmap is None:
            if self._rendered and self._spent >= self._budget:  # this frame's time is spent
                self._wait(rect)
                return
            started = time.perf_counter()
            pixmap = self._render(option, index, ratio)
            QPixmapCache.insert(key, pixmap)
            self._spent += time.perf_counter() - started
            self._rendered += 1
        painter.drawPixmap(rect.x(), rect.y(), pixmap)

    def _wait(self, rect: QRect) -> None:
        """The cell painted in the next turn of the event loop (the first left asks for it)."""
        if self._waiting.isEmpty():
            QTimer.singleShot(NEXT_FRAME_MS, self, self._paint_waiting)
        self._waiting += rect  # not their bounding box: the kept cells among them stay as drawn

    def _paint_waiting(self) -> None:
        waiting, self._waiting = self._waiting, QRegion()
        self._asked = True
        self._surface.update(waiting)

    def _render(self, option: QStyleOptionViewItem, index: AnyIndex, ratio: float) -> QPixmap:
        """The cell as the view paints it at (0, 0): its base colour, the row's background (the
        view draws it, alternate rows their own colour), then Qt's delegate."""
        size = option.rect.size()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(option.palette.base().color())
        at_origin = QStyleOptionViewItem(option)
        at_origin.rect = QRect(QPoint(0, 0), size)
        view = option.widget
        style = view.style() if view is not None else QApplication.style()
        painter = QPainter(pixmap)
        try:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, at_origin, painter,
                                view)
            super().paint(painter, at_origin, index)
        finally:
            painter.end()
        return pixmap
