"""The shop's internet is down when the till opens: one clear message, then the app keeps
trying quietly and loads the payments as soon as Stripe answers."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from pos_refunds.services.api import Staff
from pos_refunds.ui.main_window import MainWindow
from pos_refunds.ui.settings import SettingsStore


def test_first_load_fails_then_recovers_by_itself(qtbot, qasync, prompts, services, sandbox,
                                                  tmp_path) -> None:
    # Three failures: the first request and the SDK's two retries of it.
    sandbox.inject_fault("error_before", method="GET", path="^/v1/payment_intents$", count=3,
                         status=503)
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(services, prompts, store, poll_seconds=0.1, page_size=25,
                        staff=Staff("m1", "Morgan Manager", "manager"))

    def close(w: MainWindow) -> None:
        if not w._closed:
            w.close()
            qtbot.waitUntil(lambda: w._closed, timeout=10000)

    qtbot.addWidget(window, before_close_func=close)
    window.show()
    window.start()
    status = window.findChild(QLabel, "connectionStatus")
    qtbot.waitUntil(lambda: "Offline" in status.text(), timeout=10000)
    assert len(prompts.errors) == 1  # said once, not at every retry
    qtbot.waitUntil(lambda: window.payments_vm.loaded, timeout=20000)
    assert window.model.rowCount() > 0
    assert status.text() == "Connected"
    assert len(prompts.errors) == 1
