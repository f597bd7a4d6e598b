"""Settings inside the app: opened from the main window, the location filter applied to the
payments list and the readers at once; "Restart now" after a key change closes the window and
services and opens again in the mode of the key now in the keychain (here: training, then the
sandbox as a Stripe-compatible server with the new key)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt

import pos_refunds.app as app_module
from pos_refunds.app import Application, LaunchOptions
from pos_refunds.services.api import Mode
from pos_refunds.ui.settings import SettingsStore
from tests.support.keyrings import MemoryKeyring, using
from tests.ui.conftest import run_async, sign_in

KEY = "rk_test_51PosRefundsFakeRestartKey0004"
WAIT = 20000


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with using(MemoryKeyring()) as backend:
        yield backend


def test_opened_from_the_main_window_and_applied(live_window, qtbot, prompts,
                                                 memory_keyring) -> None:
    window = live_window
    assert window.settings_action.text() == "Settings…"
    dialog = window.open_settings()
    qtbot.waitUntil(lambda: dialog.location.count() == 3, timeout=WAIT)
    dialog.location.setCurrentIndex(1)
    chosen = dialog.location.currentData()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.save()
    proxy, model = window.payments_view.proxy, window.model
    shown = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    assert 0 < len(shown) < model.rowCount()
    assert {model.payment(r).location_id for r in shown} <= {chosen, None}
    readers = []
    task = window._window_tasks.start(window._services.readers.readers(), on_done=readers.extend)
    # the task is done a moment before its on_done callback has run (call_soon)
    qtbot.waitUntil(lambda: task.done() and bool(readers), timeout=WAIT)
    assert {r.location_id for r in readers} == {chosen}
    # new limits, saved by the signed-in manager, hold at once for the services and for the
    # approval prompt; they are journaled, and no longer in the settings file
    dialog = window.open_settings()
    rows = {row.currency(): row for row in dialog.limits.rows()}
    rows["cad"].amount_edit.setText("5")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.save()
    lower = window._services.guarded.limits()
    assert lower.limit_for("cad").minor == 500
    assert window._services.authorization.limits == lower  # the one place limits are kept
    entry = run_async(qtbot, window._services.journal.latest_settings())
    assert entry.details["refund_limits"]["cad"] == 500
    assert window.dialogs.settings.location_id == chosen  # the window writes its own settings on


def test_restart_now_opens_again_with_the_new_key(qtbot, qasync, sandbox, prompts, tmp_path,
                                                  monkeypatch) -> None:
    monkeypatch.setattr(app_module, "data_dir", lambda: tmp_path / "data")
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with using(MemoryKeyring()) as keyring:
        application = Application(LaunchOptions(api_base=sandbox.url), store, prompts)
        run = asyncio.get_running_loop().create_task(application.run())
        qtbot.waitUntil(lambda: application.window is not None
                        and application.window.payments_vm.loaded, timeout=WAIT)
        first = application.window
        assert application.services.mode is Mode.TRAINING  # no key yet
        staff = run_async(qtbot, application.staff.staff())
        manager = next(s for s in staff if s.name == "Training manager")
        sign_in(qtbot, first, manager.id, "2222")  # settings are a manager's
        dialog = first.open_settings()
        assert not dialog.stripe.restart_button.isVisible()
        dialog.stripe.key_edit.setText(KEY)
        qtbot.mouseClick(dialog.stripe.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.stripe.restart_button.isVisible, timeout=WAIT)
        assert keyring.secrets
        qtbot.mouseClick(dialog.stripe.restart_button, Qt.MouseButton.LeftButton)
        assert prompts.confirms[-1][0] == "Restart now?"
        qtbot.waitUntil(lambda: application.window is not first and application.window
                        is not None and application.window.payments_vm.loaded, timeout=WAIT)
        assert application.services.mode is Mode.CUSTOM  # the sandbox, with the new key
        assert application.sandbox is None  # the training sandbox was stopped
        application.window.close()
        qtbot.waitUntil(run.done, timeout=WAIT)
    assert run.result() == 0
