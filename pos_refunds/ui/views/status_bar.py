"""The window's status bar: which money is real (mode), whether Stripe answers, how fresh."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ...services.api import Mode
from ..formatting import format_time
from ..restyle import restyle

MODE_WORDS = {
    Mode.TRAINING: "TRAINING",
    Mode.TEST: "TEST",
    Mode.LIVE: "LIVE",
    Mode.CUSTOM: "CUSTOM SERVER",
}
MODE_HINTS = {
    Mode.TRAINING: "Training: a simulated Stripe on this computer; no real money moves.",
    Mode.TEST: "Test mode: Stripe test data; no real money moves.",
    Mode.LIVE: "Live mode: real money moves.",
    Mode.CUSTOM: "A Stripe-compatible server given with --api-base.",
}


class AppStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appStatusBar")
        self.mode_badge = QLabel()
        self.mode_badge.setObjectName("modeBadge")
        self.connection = QLabel("Connecting…")
        self.connection.setObjectName("connectionStatus")
        self.connection.setAccessibleName("Connection")
        self.last_refresh = QLabel("Not updated yet")
        self.last_refresh.setObjectName("lastRefresh")
        self.last_refresh.setAccessibleName("Last update")
        for label in (self.connection, self.last_refresh, self.mode_badge):
            self.addPermanentWidget(label)
        self.setSizeGripEnabled(False)

    def set_mode(self, mode: Mode, account_name: str = "") -> None:
        self.mode_badge.setText(MODE_WORDS[mode])
        self.mode_badge.setProperty("mode", mode.value)
        hint = MODE_HINTS[mode] + (f"\nAccount: {account_name}" if account_name else "")
        self.mode_badge.setToolTip(hint)
        self.mode_badge.setAccessibleName(f"Mode: {MODE_WORDS[mode]}")
        restyle(self.mode_badge)

    def set_connection(self, online: bool, message: str = "") -> None:
        text = "Connected" if online else "Offline — retrying"
        self.connection.setText(text)
        self.connection.setToolTip(message or text)
        self.connection.setProperty("online", online)
        restyle(self.connection)

    def set_refreshed(self, when: datetime) -> None:
        self.last_refresh.setText(f"Updated {format_time(when, seconds=True)}")
