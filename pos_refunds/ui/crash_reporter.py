"""Carries an uncaught exception from whichever thread raised it to the presenter's box on the
Qt thread (a queued signal), once the crash hooks have logged it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .presenter import Presenter


class CrashReporter(QObject):
    uncaught = Signal(object)  # the exception

    def __init__(self, presenter: Presenter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._presenter = presenter
        self.uncaught.connect(self._say)

    def report(self, error: BaseException) -> None:
        """Safe from any thread: the box opens on the Qt thread."""
        self.uncaught.emit(error)

    def _say(self, error: BaseException) -> None:
        self._presenter.uncaught(error)
