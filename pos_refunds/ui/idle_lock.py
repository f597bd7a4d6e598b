"""Locks the till after a while without anyone touching it.

An event filter restarts one single-shot QTimer on every key, mouse, wheel or touch event,
wherever it happens (the main window, a dialog, a message box); when the timer runs out, `idle`
fires. The filter never consumes an event.

It watches the application's windows (QWindow), where the input arrives before Qt hands it to
a widget, not the whole application: an application-wide filter written in Python is called
for every event of every widget (each paint, polish, layout and timer), thousands while a
dialog is built. The windows are watched again each time the focus moves between them (a new
window takes it as it opens).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

ACTIVITY = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
})


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, interval_ms: int, source: QObject | None = None,
                 parent: QObject | None = None) -> None:
        """`source`: the one object to watch instead of the application's windows."""
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setObjectName("idleLockTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(int(interval_ms), 1))
        self._timer.timeout.connect(self.idle)
        self._source = source
        self._app = QGuiApplication.instance() if source is None else None
        if source is not None:
            source.installEventFilter(self)
        elif self._app is not None:
            self._app.focusWindowChanged.connect(self._watch_windows)
            self._watch_windows()

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval_ms(self, interval_ms: int) -> None:
        self._timer.setInterval(max(int(interval_ms), 1))
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Count from now (someone signed in, or something still running must finish)."""
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def detach(self) -> None:
        """Stop listening (the window is closing)."""
        self._timer.stop()
        if self._source is not None:
            self._source.removeEventFilter(self)
            self._source = None
        if self._app is not None:
            self._app.focusWindowChanged.disconnect(self._watch_windows)
            for window in QGuiApplication.topLevelWindows():
                window.removeEventFilter(self)
            self._app = None

    def _watch_windows(self, *_: object) -> None:
        # Installing a filter already installed only moves it to the front: no double calls.
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._timer.isActive() and event.type() in ACTIVITY:
            self._timer.start()
        return False
