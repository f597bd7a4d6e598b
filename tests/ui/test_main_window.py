"""The main window over in-memory services: layout, loading, polling, lookups, cancel, close."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from pos_refunds.domain.errors import NetworkDown
from pos_refunds.domain.payments import PaymentState
from pos_refunds.domain.reasons import StripeReason
from pos_refunds.services.api import Mode, Staff
from pos_refunds.ui.main_window import TRAINING_TEXT, MainWindow
from pos_refunds.ui.settings import SettingsStore
from tests.support.builders import make_payment

from .fakes import FakeServices, fake_services
from .test_models import sample

TRAINING_MANAGER = Staff("training", "Training manager", "manager")  # signed in already


def open_window(qtbot, prompts, tmp_path, services: FakeServices, *,
                start: bool = True) -> MainWindow:
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(services, prompts, store, poll_seconds=0.02, settle_seconds=0.02,
                        staff=TRAINING_MANAGER)
    # pytest-qt closes and deletes registered widgets before fixtures end: close it properly
    # (tasks cancelled, services closed) first.
    qtbot.addWidget(window, before_close_func=lambda w: close_window(qtbot, w))
    window.show()
    if start:
        window.start()
    return window


def close_window(qtbot, window: MainWindow) -> None:
    """Close and wait until the services are closed too (the window's `closed` flag)."""
    if not window._closed:
        window.close()
        qtbot.waitUntil(lambda: window._closed)


@pytest.fixture
def services() -> FakeServices:
    return fake_services(sample())


@pytest.fixture
def window(qtbot, qasync, prompts, tmp_path, services):
    window = open_window(qtbot, prompts, tmp_path, services)
    return window


def loaded(qtbot, window: MainWindow, count: int = 6) -> None:
    qtbot.waitUntil(lambda: window.model.rowCount() == count and window.payments_vm.loaded)


def select(qtbot, window: MainWindow, payment_id: str) -> None:
    assert window.payments_view.select_payment(payment_id)
    qtbot.waitUntil(lambda: (p := window.detail.payment()) is not None and p.id == payment_id)


def test_training_layout(window: MainWindow, qtbot) -> None:
    assert window.windowTitle() == "POS Refunds"
    assert window.findChild(QLabel, "trainingBanner").text() == TRAINING_TEXT
    assert window.findChild(QLabel, "modeBadge").text() == "TRAINING"
    loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "connectionStatus").text() == "Connected")
    assert window.findChild(QLabel, "lastRefresh").text().startswith("Updated ")
    qtbot.waitUntil(lambda: window.model.data(window.model.index(0, 6)) == "Counter 1")


def test_no_banner_in_test_mode(qtbot, qasync, prompts, tmp_path) -> None:
    window = open_window(qtbot, prompts, tmp_path, fake_services(sample(), mode=Mode.TEST))
    assert window.findChild(QLabel, "trainingBanner") is None
    assert window.findChild(QLabel, "modeBadge").text() == "TEST"
    close_window(qtbot, window)


def test_pages_arrive_one_by_one(qtbot, qasync, prompts, tmp_path, services) -> None:
    window = open_window(qtbot, prompts, tmp_path, services, start=False)
    pages: list[int] = []
    shown: list[str] = []
    window.payments_vm.pageLoaded.connect(lambda page: pages.append(len(page)))
    window.payments_vm.loadProgress.connect(
        lambda _n: shown.append(window.payments_view.load_status.text()))
    window.start()
    loaded(qtbot, window)
    assert pages == [2, 2, 2]
    assert shown[1:] == ["Loading… 2 payments", "Loading… 4 payments", "Loading… 6 payments"]
    assert not window.payments_view.progress.isVisible()
    # what a search reads is ready before the first keystroke, worked out off the Qt thread
    qtbot.waitUntil(lambda: window.model.keys_snapshot() is None)
    close_window(qtbot, window)


def test_the_first_use_dialogs_are_imported_once_the_list_has_loaded(
        qtbot, qasync, prompts, tmp_path, services, monkeypatch) -> None:
    import pos_refunds.ui.window_dialogs as window_dialogs

    monkeypatch.setattr(window_dialogs, "PRELOAD_AFTER_MS", 30)
    imported: list[tuple[str, ...]] = []
    monkeypatch.setattr(window_dialogs, "import_all", lambda: imported.append(
        window_dialogs.ON_FIRST_USE))
    window = open_window(qtbot, prompts, tmp_path, services, start=False)
    window.start()
    assert window.dialogs._preload is None  # not at start-up
    loaded(qtbot, window)
    qtbot.waitUntil(lambda: imported == [window_dialogs.ON_FIRST_USE])
    thread = window.dialogs._preload
    window.dialogs.preload()  # loaded again (a new key): once is enough
    assert window.dialogs._preload is thread and len(imported) == 1
    close_window(qtbot, window)


def test_the_preloaded_names_are_the_modules_imported_on_first_use(caplog) -> None:
    import importlib
    import inspect

    from pos_refunds.gateway.client import TYPED_ANSWER_MODULES
    from pos_refunds.ui.window_dialogs import ON_FIRST_USE, import_all

    for name in ON_FIRST_USE + TYPED_ANSWER_MODULES:  # the SDK's too: it renamed none
        assert importlib.import_module(name).__name__ == name
    default = inspect.signature(import_all).parameters["names"].default
    assert default == ON_FIRST_USE + TYPED_ANSWER_MODULES
    import_all(("pos_refunds.ui.dialogs.no_such_dialog",))  # logged, never raised
    assert "could not preload pos_refunds.ui.dialogs.no_such_dialog" in caplog.text


def test_change_from_another_till_appears(window: MainWindow, services, qtbot) -> None:
    loaded(qtbot, window)
    select(qtbot, window, "pi_A1")
    services.payments.change(make_payment("pi_NEW", amount=4200, minutes_ago=0))
    services.payments.change(make_payment("pi_A1", refunded=1250, minutes_ago=1))
    qtbot.waitUntil(lambda: window.model.row_of("pi_NEW") is not None)
    qtbot.waitUntil(lambda: window.detail.payment().state is PaymentState.REFUNDED)
    assert window.detail.payment().id == "pi_A1"


def test_offline_then_back(window: MainWindow, services, prompts, qtbot) -> None:
    loaded(qtbot, window)
    status = window.findChild(QLabel, "connectionStatus")
    services.payments.fail_changes = NetworkDown(StripeReason.NETWORK_DOWN)
    qtbot.waitUntil(lambda: status.text() == "Offline — retrying")
    services.payments.fail_changes = None
    qtbot.waitUntil(lambda: status.text() == "Connected")
    assert prompts.errors == []  # polling says it in the status bar, not in boxes


def test_scanned_id_not_loaded_is_fetched_and_selected(window, services, qtbot) -> None:
    loaded(qtbot, window)
    services.payments.payments["pi_OLD"] = make_payment("pi_OLD", minutes_ago=60 * 24 * 40)
    box = window.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "pi_OLD")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (p := window.detail.payment()) is not None and p.id == "pi_OLD")
    box.clear()
    qtbot.keyClicks(box, "pi_Nowhere")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    message = window.findChild(QLabel, "searchMessage")
    qtbot.waitUntil(lambda: message.text() == "No payment pi_Nowhere was found.")


def test_cancel_asks_first_then_cancels(window: MainWindow, services, prompts, qtbot) -> None:
    loaded(qtbot, window)
    select(qtbot, window, "pi_B2")
    qtbot.mouseClick(window.findChild(QPushButton, "cancelButton"), Qt.MouseButton.LeftButton)
    assert prompts.confirms[0][0] == "Cancel this payment?"
    qtbot.waitUntil(lambda: window.detail.payment().state is PaymentState.CANCELED)
    assert services.actions.calls == [("cancel", "pi_B2", "training")]
    assert prompts.notices[-1] == "Payment of $30.00 canceled."


def test_refusing_the_confirmation_sends_nothing(window, services, prompts, qtbot) -> None:
    prompts.accept = False
    loaded(qtbot, window)
    select(qtbot, window, "pi_B2")
    qtbot.keyClick(window, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(prompts.confirms) == 1 and services.actions.calls == []


def test_close_cancels_tasks_and_closes_services(qtbot, qasync, prompts, tmp_path) -> None:
    services = fake_services(sample())
    window = open_window(qtbot, prompts, tmp_path, services)
    loaded(qtbot, window)
    closed: list[bool] = []
    window.shutDown.connect(lambda: closed.append(True))
    close_window(qtbot, window)
    assert closed == [True]
    assert services.closed and not window.isVisible()
    assert window.tasks.active == 0
    again = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)).load()
    assert again.window_geometry


def left_over_reader_refund(op_id: str):  # noqa: ANN201 - a journal Operation
    """A $5.90 refund on reader Counter 1 that settling closed as not carried out: its reader
    action was left over and canceled (the journal's code for it)."""
    from datetime import UTC, datetime

    from pos_refunds.domain.money import Money
    from pos_refunds.domain.reasons import RecoveryReason
    from pos_refunds.journal import Operation, OperationKind, OperationState

    return Operation(
        op_id=op_id, kind=OperationKind.REFUND_ON_READER, payment_id="pi_C3",
        amount=Money(590, "cad"), staff="Alex", approver=None, till="till-1",
        reader_id="tmr_counter1", idempotency_key=f"posr_{op_id}", state=OperationState.FAILED,
        error=RecoveryReason.LEFT_OVER.value, created_at=datetime(2026, 11, 29, tzinfo=UTC))


def test_an_operation_left_open_is_settled_and_the_cashier_told(qtbot, window, services,
                                                                prompts) -> None:
    """A refund on a reader whose request landed after the flow gave up: the window's next
    settling closes it, says what happened in words, and refreshes that payment."""
    loaded(qtbot, window)
    services.settled = [left_over_reader_refund("op_1")]
    qtbot.waitUntil(lambda: bool(prompts.notices))
    said = prompts.notices[-1]
    assert said.startswith("The refund of $5.90 on the reader that was not confirmed earlier")
    assert "not carried out" in said and "Nothing moved" in said
    assert "op_1" not in said and "posr_" not in said
    qtbot.waitUntil(lambda: services.payments.refreshed.count("pi_C3") >= 1)


def test_a_refund_a_crash_interrupted_is_told_at_start(qtbot, qasync, prompts, tmp_path,
                                                       services) -> None:
    """The till died during a refund on a reader; start-up settled it. The cashier is told
    what happened to that refund, on which reader, and that nothing was refunded."""
    services.settled_at_start = [left_over_reader_refund("op_9")]
    open_window(qtbot, prompts, tmp_path, services)
    qtbot.waitUntil(lambda: bool(prompts.informs))
    ((title, text),) = prompts.informs
    assert title == "Interrupted operations checked"
    assert "The refund of $5.90 on reader Counter 1 was not carried out." in text
    assert "Nothing was refunded" in text
    assert "op_9" not in text and "posr_" not in text and "tmr_" not in text


def test_back_up_and_restore_are_for_a_manager(window: MainWindow, prompts, qtbot) -> None:
    """The menu's Back up and Restore: a signed-in manager goes on to the file; a cashier is
    told, in a box, that a manager must do it, and nothing else happens."""
    asked: list[str] = []
    window.backup.back_up = lambda parent: asked.append("back up")  # type: ignore[method-assign]
    window.backup.restore = lambda parent: asked.append("restore")  # type: ignore[method-assign]
    window.backup_action.trigger()
    window.restore()
    assert asked == ["back up", "restore"] and prompts.informs == []
    window._staff = Staff("alex", "Alex Cashier", "cashier")
    window.back_up()
    window.restore()
    assert asked == ["back up", "restore"]
    assert prompts.informs == [("Not possible", "Only a manager can back up the till's data."),
                               ("Not possible", "Only a manager can restore the till's data.")]


def test_the_window_speaks_french(french, qtbot, qasync, prompts, tmp_path, services) -> None:
    """In French: the banner, the menus (each with its own accelerator) and their actions."""
    window = open_window(qtbot, prompts, tmp_path, services)
    banner = window.findChild(QLabel, "trainingBanner").text()
    assert banner.startswith("MODE FORMATION") and banner != TRAINING_TEXT
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Paiements", "P&ersonnel", "&Rapports", "&Aide"]
    keys = [t[t.index("&") + 1].lower() for t in menus]
    assert len(set(keys)) == len(keys)
    assert window.refund_action.text() == "Rembourser"
    assert window.cancel_action.text() == "Annuler la transaction"
    assert window.session.lock_action.text() == "Verrouiller"
    assert window.help.about_action.text() == "À propos de POS Refunds…"
    assert window.find_action.toolTip().startswith("Rechercher un paiement (")
