"""The window's status bar: which money is real (mode), whether Stripe answers, how fresh."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ...services.api import Mode
from ..formatting import format_time
from ..restyle import restyle

translate = QCoreApplication.translate

# Translated where they are shown (context AppStatusBar).
MODE_WORDS = {
    Mode.TRAINING: QT_TRANSLATE_NOOP("AppStatusBar", "TRAINING"),
    Mode.TEST: QT_TRANSLATE_NOOP("AppStatusBar", "TEST"),
    Mode.LIVE: QT_TRANSLATE_NOOP("AppStatusBar", "LIVE"),
    Mode.CUSTOM: QT_TRANSLATE_NOOP("AppStatusBar", "CUSTOM SERVER"),
}
MODE_HINTS = {
    Mode.TRAINING: QT_TRANSLATE_NOOP(
        "AppStatusBar", "Training: a simulated Stripe on this computer; no real money moves."),
    Mode.TEST: QT_TRANSLATE_NOOP("AppStatusBar",
                                 "Test mode: Stripe test data; no real money moves."),
    Mode.LIVE: QT_TRANSLATE_NOOP("AppStatusBar", "Live mode: real money moves."),
    Mode.CUSTOM: QT_TRANSLATE_NOOP("AppStatusBar",
                                   "A Stripe-compatible server given with --api-base."),
}


class AppStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appStatusBar")
        self.mode_badge = QLabel()
        self.mode_badge.setObjectName("modeBadge")
        self.connection = QLabel(self.tr("Connecting…"))
        self.connection.setObjectName("connectionStatus")
        self.connection.setAccessibleName(self.tr("Connection"))
        self.last_refresh = QLabel(self.tr("Not updated yet"))
        self.last_refresh.setObjectName("lastRefresh")
        self.last_refresh.setAccessibleName(self.tr("Last update"))
        for label in (self.connection, self.last_refresh, self.mode_badge):
            self.addPermanentWidget(label)
        self.setSizeGripEnabled(False)

    def set_mode(self, mode: Mode, account_name: str = "") -> None:
        words = translate("AppStatusBar", MODE_WORDS[mode])
        self.mode_badge.setText(words)
        self.mode_badge.setProperty("mode", mode.value)
        hint = translate("AppStatusBar", MODE_HINTS[mode])
        if account_name:
            hint += "\n" + self.tr("Account: {account}").format(account=account_name)
        self.mode_badge.setToolTip(hint)
        self.mode_badge.setAccessibleName(self.tr("Mode: {mode}").format(mode=words))
        restyle(self.mode_badge)

    def set_connection(self, online: bool, message: str = "") -> None:
        text = self.tr("Connected") if online else self.tr("Offline — retrying")
        self.connection.setText(text)
        self.connection.setToolTip(message or text)
        self.connection.setProperty("online", online)
        restyle(self.connection)

    def set_refreshed(self, when: datetime) -> None:
        self.last_refresh.setText(self.tr("Updated {time}").format(
            time=format_time(when, seconds=True)))
