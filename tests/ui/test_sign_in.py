"""Signing in and locking: the window opens locked, PINs by keypad or keyboard, wrong PINs and
lockouts in words, the first manager of a new till, the idle lock and Ctrl+L."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView

from pos_refunds.domain.errors import ActionNotAllowed
from pos_refunds.domain.payments import PaymentState
from pos_refunds.services.api import Mode, Step
from pos_refunds.staff import AsyncStaffStore
from pos_refunds.ui.idle_lock import IdleLock
from pos_refunds.ui.main_window import MainWindow
from pos_refunds.ui.messages import error_words
from pos_refunds.ui.settings import SettingsStore

from .conftest import MANAGER_NAME, MANAGER_PIN, run_async, sign_in
from .fakes import fake_services
from .test_accessibility import _check
from .test_models import sample


def open_locked(qtbot, prompts, tmp_path, services, directory) -> MainWindow:
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(services, prompts, store, poll_seconds=0.5, page_size=25,
                        staff_directory=directory)

    def close(w: MainWindow) -> None:
        if not w._closed:
            w.close()
            qtbot.waitUntil(lambda: w._closed, timeout=10000)

    qtbot.addWidget(window, before_close_func=close)
    window.resize(1366, 768)
    window.show()
    return window


@pytest.fixture
def locked(qtbot, qasync, prompts, services, tmp_path, staff_store, live_manager) -> MainWindow:
    """The real window on the sandbox with a manager and a cashier on its staff list."""
    run_async(qtbot, staff_store.add("Alex Cashier", "cashier", "1357", "1357", by=live_manager))
    window = open_locked(qtbot, prompts, tmp_path, services, staff_store)
    window.start()
    return window


def names(window: MainWindow) -> list[str]:
    return [s.name for s in window.session.lock_screen.sign_in.picker.staff()]


def staff_id(window: MainWindow, name: str) -> str:
    return next(s.id for s in window.session.lock_screen.sign_in.picker.staff() if s.name == name)


def tap_pin(qtbot, window: MainWindow, name: str, pin: str) -> None:
    """Tap the name, the digits on the keypad, then Sign in — as at the counter."""
    view = window.session.lock_screen.sign_in
    qtbot.mouseClick(view.picker.button_for(staff_id(window, name)), Qt.MouseButton.LeftButton)
    for digit in pin:
        qtbot.mouseClick(view.pad.keypad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.findChild(QPushButton, "signInPadSubmit"), Qt.MouseButton.LeftButton)


def message(window: MainWindow) -> str:
    return window.findChild(QLabel, "signInPadMessage").text()


def test_the_window_opens_locked_and_signs_in_by_keypad(locked: MainWindow, qtbot) -> None:
    window = locked
    session = window.session
    qtbot.waitUntil(lambda: names(window) == ["Alex Cashier", MANAGER_NAME])
    assert session.locked and window.flows.staff is None
    assert session.stack.currentWidget() is session.lock_screen
    assert not window.menuBar().isVisible()
    assert not window.refresh_action.isEnabled() and not window.refund_action.isEnabled()
    assert window.findChild(QLabel, "trainingStaffHint") is not None  # training mode
    _check(session.lock_screen)
    qtbot.waitUntil(lambda: window.payments_vm.loaded, timeout=20000)  # loads behind the lock
    tap_pin(qtbot, window, "Alex Cashier", "1357")
    qtbot.waitUntil(lambda: not session.locked)
    assert window.flows.staff.name == "Alex Cashier"
    assert session.stack.currentWidget() is not session.lock_screen
    assert window.menuBar().isVisible() and window.refresh_action.isEnabled()
    assert window.findChild(QLabel, "signedInAs").text() == "Alex Cashier · Cashier"
    assert not session.staff_action.isVisible()  # cashiers do not manage staff


def test_the_keyboard_works_too(locked: MainWindow, qtbot) -> None:
    qtbot.waitUntil(lambda: len(names(locked)) == 2)
    view = locked.session.lock_screen.sign_in
    view.select(staff_id(locked, MANAGER_NAME))
    field = view.findChild(QLineEdit, "pinField")
    qtbot.keyClicks(field, "24x68")  # a stray letter is dropped
    assert field.text() == "2468"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not locked.session.locked)
    assert locked.session.staff_action.isVisible()


def test_wrong_pins_count_down_then_lock_out(locked: MainWindow, qtbot) -> None:
    qtbot.waitUntil(lambda: len(names(locked)) == 2)
    tap_pin(qtbot, locked, "Alex Cashier", "0000")
    qtbot.waitUntil(lambda: message(locked).startswith("Wrong PIN"))
    assert message(locked) == ("Wrong PIN. 4 tries left before Alex Cashier is locked out "
                               "for a while.")
    assert locked.findChild(QLineEdit, "pinField").text() == ""  # cleared after each try
    for left in ("3 tries", "2 tries", "1 try"):
        tap_pin(qtbot, locked, "Alex Cashier", "0000")
        qtbot.waitUntil(lambda left=left: f"{left} left" in message(locked))
    tap_pin(qtbot, locked, "Alex Cashier", "0000")
    qtbot.waitUntil(lambda: message(locked).startswith("Too many wrong PINs"))
    assert "Alex Cashier is locked out until " in message(locked)
    tap_pin(qtbot, locked, "Alex Cashier", "1357")  # the right PIN does not open a lock
    qtbot.waitUntil(lambda: not locked.session.vm.busy)
    qtbot.waitUntil(lambda: message(locked).startswith("Too many wrong PINs"))
    assert locked.session.locked
    tap_pin(qtbot, locked, MANAGER_NAME, MANAGER_PIN)  # someone else still can
    qtbot.waitUntil(lambda: not locked.session.locked)


def test_first_run_creates_the_first_manager(qtbot, qasync, prompts, tmp_path) -> None:
    empty = run_async(qtbot, AsyncStaffStore.open(tmp_path / "staff.sqlite3"))
    try:
        window = open_locked(qtbot, prompts, tmp_path, fake_services(sample(), mode=Mode.TEST),
                             empty)
        screen = window.session.lock_screen
        qtbot.waitUntil(lambda: screen.currentWidget() is screen.first_manager)
        assert window.findChild(QLabel, "trainingStaffHint") is None  # not in training
        view = screen.first_manager
        _check(view)
        qtbot.keyClicks(view.name, "Morgan")
        qtbot.keyClicks(view.pin, "2468")
        qtbot.keyClicks(view.again, "2469")
        qtbot.mouseClick(view.create, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "not the same" in view.message.text())
        assert window.session.locked
        qtbot.keyClicks(view.pin, "2468")
        qtbot.keyClicks(view.again, "2468")
        qtbot.mouseClick(view.create, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.session.locked)
        assert window.session.staff.is_manager and window.session.staff.name == "Morgan"
        people = run_async(qtbot, empty.staff())
        assert [(p.name, p.role) for p in people] == [("Morgan", "manager")]
        window.session.lock()  # next time: the sign-in screen with that name
        qtbot.waitUntil(lambda: screen.currentWidget() is screen.sign_in
                        and names(window) == ["Morgan"])
        window.close()
        qtbot.waitUntil(lambda: window._closed)
    finally:
        run_async(qtbot, empty.aclose())


def test_training_seeds_its_two_people_and_says_so(qtbot, qasync, prompts, tmp_path) -> None:
    from pos_refunds.app import open_staff

    training = run_async(qtbot, open_staff(tmp_path, Mode.TRAINING))
    try:
        assert (tmp_path / "training-staff.sqlite3").exists()
        assert not (tmp_path / "staff.sqlite3").exists()  # never the real list
        window = open_locked(qtbot, prompts, tmp_path, fake_services(sample()), training)
        qtbot.waitUntil(lambda: names(window) == ["Training cashier", "Training manager"])
        hint = window.findChild(QLabel, "trainingStaffHint")
        assert "PIN 1111" in hint.text() and "PIN 2222" in hint.text() and hint.isVisible()
        tap_pin(qtbot, window, "Training manager", "2222")
        qtbot.waitUntil(lambda: not window.session.locked)
        window.close()
        qtbot.waitUntil(lambda: window._closed)
    finally:
        run_async(qtbot, training.aclose())


# --- the idle lock ----------------------------------------------------------------------------


def test_idle_lock_fires_after_its_interval(qtbot, qapp) -> None:
    lock = IdleLock(60, source=qapp)
    try:
        with qtbot.waitSignal(lock.idle, timeout=3000):
            lock.start()
        assert not lock.armed
    finally:
        lock.detach()


def _restarted_by(qtbot, timer, touch) -> None:
    """`touch()` restarts the coarse timer: it had less than 1,700 ms left, then 1,800 or more."""
    qtbot.waitUntil(lambda: timer.remainingTime() < 1_700, timeout=3000)
    touch()
    assert timer.remainingTime() > 1_800


def test_any_key_or_mouse_restarts_the_count(qtbot, qapp) -> None:
    """As input arrives from the screen: at the window, which hands it to its widget."""
    target = QLineEdit()
    qtbot.addWidget(target)
    target.show()
    qtbot.waitActive(target)
    lock = IdleLock(2_000)  # a coarse timer: restarted, it has 1,900 ms or more
    try:
        lock.start()
        timer = lock._timer
        window = target.windowHandle()
        _restarted_by(qtbot, timer, lambda: QTest.keyClick(window, Qt.Key.Key_A))
        assert target.text() == "a"  # passed on, not consumed
        _restarted_by(qtbot, timer, lambda: QTest.mouseClick(window, Qt.MouseButton.LeftButton))
        # a window opened later (a dialog) is watched once it has the focus
        dialog = QLineEdit()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitActive(dialog)
        _restarted_by(qtbot, timer,
                      lambda: QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_B))
        lock.stop()
        QTest.keyClick(window, Qt.Key.Key_C)
        assert not lock.armed  # a locked till does not count
    finally:
        lock.detach()
    lock.start()  # detached (the window closed): keys no longer restart it
    qtbot.waitUntil(lambda: timer.remainingTime() < 1_700, timeout=3000)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_D)
    assert timer.remainingTime() < 1_700
    lock.stop()


def test_the_window_locks_when_idle(live_window: MainWindow, qtbot) -> None:
    session = live_window.session
    assert session.idle_lock.armed and session.idle_lock.interval_ms == 5 * 60_000  # default
    session.idle_lock.set_interval_ms(80)
    with qtbot.waitSignal(session.staffChanged, timeout=5000) as changed:
        pass
    assert changed.args == [None]
    assert session.locked and live_window.flows.staff is None
    assert session.stack.currentWidget() is session.lock_screen
    assert not session.idle_lock.armed


def pick_reader(qtbot, dialog) -> None:
    """The first simulated reader that can take the refund."""
    table = dialog.findChild(QTableView, "readerPicker")
    readers = table.model()
    qtbot.waitUntil(lambda: readers.rowCount() > 0, timeout=15000)
    reader = next(readers.reader(r) for r in range(readers.rowCount())
                  if readers.reader(r).simulated
                  and readers.flags(readers.index(r, 0)) & Qt.ItemFlag.ItemIsSelectable)
    assert dialog.select_reader(reader.id)
    qtbot.waitUntil(dialog.findChild(QPushButton, "startButton").isEnabled, timeout=5000)


def test_idle_waits_for_a_refund_on_the_reader(live_window: MainWindow, qtbot) -> None:
    model = live_window.model
    payment = next(model.payment(r) for r in range(model.rowCount())
                   if model.payment(r).network == "interac"
                   and model.payment(r).state is PaymentState.CAPTURED)
    dialog = live_window.open_reader_refund(payment)
    pick_reader(qtbot, dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.step == Step.WAITING_FOR_CARD, timeout=15000)
    vm = live_window.payments_vm
    assert vm._following and vm.interval() == vm._idle_seconds  # the budget is the follow's
    session = live_window.session
    idles: list[bool] = []
    session.idle_lock.idle.connect(lambda: idles.append(True))
    session.idle_lock.set_interval_ms(50)
    qtbot.waitUntil(lambda: len(idles) >= 3, timeout=5000)
    assert not session.locked and dialog.isVisible()  # the refund's outcome stays in sight
    dialog.vm.cancel_action()
    with qtbot.waitSignal(session.staffChanged, timeout=15000):
        pass
    assert session.locked and not dialog.isVisible()
    qtbot.waitUntil(lambda: not vm._following)  # the refund ended: the pace is the list's


def test_ctrl_l_locks_and_closes_open_dialogs(live_window: MainWindow, qtbot) -> None:
    model = live_window.model
    payment = next(model.payment(r) for r in range(model.rowCount())
                   if model.payment(r).state is PaymentState.CAPTURED
                   and model.payment(r).network == "visa")
    dialog = live_window.open_refund(payment)
    qtbot.waitExposed(dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    live_window.activateWindow()
    qtbot.keyClick(live_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: live_window.session.locked)
    assert not live_window.session.lock_action.isEnabled()
    qtbot.keyClick(live_window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert live_window.refund_dialog is None  # shortcuts are off while locked
    sign_in(qtbot, live_window, live_window.session.lock_screen.sign_in.picker.staff()[0].id,
            MANAGER_PIN)
    assert live_window.session.lock_action.isEnabled()


def test_a_cashier_cannot_open_the_staff_dialog(locked: MainWindow, qtbot, prompts) -> None:
    qtbot.waitUntil(lambda: len(names(locked)) == 2)
    sign_in(qtbot, locked, staff_id(locked, "Alex Cashier"), "1357")
    session = locked.session
    assert not session.staff_action.isVisible() and not session.staff_action.isEnabled()
    assert session.open_staff_dialog() is None
    assert isinstance(prompts.errors[-1], ActionNotAllowed)
    assert error_words(prompts.errors[-1])[1] == "Only a manager can manage staff."


def test_the_next_person_does_not_see_the_previous_ones_payment(live_window, qtbot) -> None:
    window = live_window
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10000)
    first = window.model.payment(0)
    assert window.payments_view.select_payment(first.id)
    assert window.detail.payment() is not None
    window.session.lock()
    qtbot.waitUntil(lambda: window.session.locked)
    assert window.detail.payment() is None
    assert window.payments_view.current_payment() is None
