"""Shared fixtures for the UI tests: offscreen Qt, a qasync loop qtbot can drive, prompts
that answer by themselves, and (when the back end is present) a sandbox with open services."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio  # noqa: E402
from collections.abc import Callable, Coroutine, Iterator  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
import qasync as _qasync  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from pos_refunds.domain.approvals import Approval, ApprovalRequest  # noqa: E402
from pos_refunds.domain.staff import Staff  # noqa: E402
from pos_refunds.ui.i18n import Language
from pos_refunds.ui.messages import approval_words  # noqa: E402
from pos_refunds.ui.prompts import Prompts, is_silent  # noqa: E402
from tests.support.staff_list import StaffList  # noqa: E402


class AutoPrompts(Prompts):
    """Records every prompt; confirms are accepted (or refused) at once, nothing is shown.

    A manager's PIN is answered by `manager` (that Staff approves, with an approval issued by
    `issuer`, the services' staff list when they are open; None: nobody approves)."""

    def __init__(self, accept: bool = True) -> None:
        self.accept = accept
        self.confirms: list[tuple[str, str, str]] = []
        self.errors: list[BaseException] = []
        self.notices: list[str] = []
        self.informs: list[tuple[str, str]] = []
        self.manager: Staff | None = None
        self.approvals: list[str] = []  # the reasons a manager's PIN was asked for
        self.requests: list[ApprovalRequest] = []  # what each approval was asked for
        self.issuer = StaffList()
        self.manager_sign_ins: list[str] = []  # why a manager was asked to sign in

    def ask_manager_pin(
        self,
        parent: QWidget,
        request: ApprovalRequest,
        on_approved: Callable[[Approval], None],
        on_cancelled: Callable[[], None] | None = None,
        *,
        payment=None,  # noqa: ANN001
    ) -> None:
        self.approvals.append(approval_words(request.reasons))
        self.requests.append(request)
        if self.manager is not None:
            on_approved(self.issuer.issue(self.manager, request))
        elif on_cancelled is not None:
            on_cancelled()

    def ask_manager(self, parent: QWidget, why: str, on_signed_in: Callable[[Staff], None],
                    on_cancelled: Callable[[], None] | None = None) -> None:
        self.manager_sign_ins.append(why)
        if self.manager is not None:
            on_signed_in(self.manager)
        elif on_cancelled is not None:
            on_cancelled()

    def confirm(
        self,
        parent: QWidget,
        title: str,
        text: str,
        accept_text: str,
        on_accept: Callable[[], None],
    ) -> None:
        self.confirms.append((title, text, accept_text))
        if self.accept:
            on_accept()

    def show_error(self, parent: QWidget, error: BaseException) -> None:
        if not is_silent(error):
            self.errors.append(error)

    def notify(self, parent: QWidget, text: str) -> None:
        self.notices.append(text)

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        self.informs.append((title, text))


@pytest.fixture(autouse=True, scope="session")
def _canadian_english(qapp) -> Iterator[Language]:
    """As the app in English: its catalogue installed (the forms of its plurals), amounts and
    separators the tests spell out ("$12.50") in en_CA."""
    language = Language()
    language.apply("en")
    yield language
    language.apply("en")


@pytest.fixture
def french(_canadian_english: Language) -> Iterator[Language]:
    """The app in French (Canada) for one test: its catalogue and Qt's, fr_CA amounts."""
    _canadian_english.apply("fr")
    yield _canadian_english
    _canadian_english.apply("en")


@pytest.fixture(autouse=True, scope="session")
def _ui_garbage_on_the_gui_thread(_gc_on_gui_thread: None) -> None:
    """Every UI test, one without qtbot too (tests/conftest.py)."""


@pytest.fixture(autouse=True)
def _windows_do_not_quit(qapp) -> None:
    """Closing the last window must not quit the test application: QApplication.quit()
    leaves a flag that makes every later nested event loop (qtbot waits) return at once."""
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture
def prompts() -> AutoPrompts:
    return AutoPrompts()


@pytest.fixture
def qasync(qapp, qtbot) -> Iterator[_qasync.QEventLoop]:
    """A qasync loop marked as running, so qtbot's waits drive the test's coroutines.

    Teardown cancels what is left, lets it unwind, then unmarks the loop by hand:
    `loop.stop()` would call QApplication.exit(), after which every nested QEventLoop
    (and so every later qtbot wait) returns at once.
    """
    loop = _qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        _close_loop(qapp, qtbot, loop)


def _close_loop(qapp, qtbot, loop: _qasync.QEventLoop) -> None:
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        qtbot.waitUntil(lambda: all(t.done() for t in pending), timeout=5000)
    loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
    asyncio.events._set_running_loop(None)
    try:
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
    except (RuntimeError, TypeError):
        pass
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def qasync_loop(qasync: _qasync.QEventLoop) -> _qasync.QEventLoop:
    """Alias of `qasync` for tests that keep the module name free."""
    return qasync


def run_async(qtbot, coro: Coroutine[Any, Any, Any], timeout: int = 20000) -> Any:
    """Run `coro` on the test's qasync loop, waiting the qtbot way (never a sleep)."""
    task = asyncio.get_running_loop().create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


# Who the services' staff list knows besides the test's own staff store (see `services`).
UI_MANAGER = Staff("m1", "Maria Manager", "manager")


@pytest.fixture
def services(qasync, qtbot, sandbox, tmp_path, staff_store, prompts):
    """The app's services opened on the (freshly reset) training sandbox, inside this test's
    loop: the SDK's HTTP client belongs to the loop it first ran on. Their staff list knows
    UI_MANAGER and everyone on the test's staff store; approvals the prompts give are its."""
    opened = _open_services(qtbot, sandbox, tmp_path, staff_store, prompts)
    yield opened
    run_async(qtbot, opened.aclose())  # harmless when a window closed them already


def _open_services(qtbot, sandbox, folder, staff_store, prompts):
    from pos_refunds.services.api import Mode
    from pos_refunds.services.factory import ServiceConfig, open_services
    from tests.services.helpers import NO_PAUSES, QUICK

    config = ServiceConfig(
        mode=Mode.TRAINING, api_key=sandbox.api_key, api_base=sandbox.url,
        stripe_account=None, journal_path=folder / "journal.sqlite3", till="till-ui",
        settle_delays=NO_PAUSES, live_settle_delays=NO_PAUSES, **QUICK,
    )
    people = StaffList([UI_MANAGER], fallback=staff_store)
    prompts.issuer = people
    return run_async(qtbot, open_services(config, staff=people, sandbox=sandbox))


LIVE_PAGE = 25
MANAGER_NAME, MANAGER_PIN = "Morgan Manager", "2468"


@pytest.fixture
def staff_store(qasync, qtbot, tmp_path):
    """A staff list of its own for the test (staff.sqlite3 in tmp_path), opened in its loop."""
    from pos_refunds.staff import AsyncStaffStore

    store = run_async(qtbot, AsyncStaffStore.open(tmp_path / "staff.sqlite3"))
    yield store
    run_async(qtbot, store.aclose())


@pytest.fixture
def live_manager(qtbot, staff_store) -> Staff:
    """The till's first manager (PIN MANAGER_PIN)."""
    return run_async(qtbot, staff_store.create_first_manager(MANAGER_NAME, MANAGER_PIN,
                                                             MANAGER_PIN))


def sign_in(qtbot, window, staff_id: str, pin: str) -> None:
    """Sign in through the window's own sign-in (the PIN checked by the store)."""
    window.session.sign_in(staff_id, pin)
    qtbot.waitUntil(lambda: window.session.staff is not None, timeout=10000)


@pytest.fixture
def app_clock():
    """The clock the app's composition root hands the window (tests/ui/test_frozen_clock.py
    freezes it)."""
    from pos_refunds.clock import utc_now

    return utc_now


@pytest.fixture
def live_window(qtbot, qasync, prompts, services, tmp_path, staff_store, live_manager, app_clock):
    """The real main window on the training sandbox, loaded, at the smallest supported size,
    with the manager signed in."""
    window = _open_window(qtbot, services, prompts, tmp_path, staff_store, app_clock)
    qtbot.addWidget(window, before_close_func=lambda w: _close_window(qtbot, w))
    _start_window(qtbot, window, live_manager)
    return window


def _open_window(qtbot, services, prompts, folder, staff_store, clock):
    from PySide6.QtCore import QSettings

    from pos_refunds.ui.main_window import MainWindow
    from pos_refunds.ui.settings import SettingsStore

    store = SettingsStore(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    prompts.set_staff_directory(staff_store)
    return MainWindow(services, prompts, store, poll_seconds=0.1, page_size=LIVE_PAGE,
                      staff_directory=staff_store, clock=clock)


def _start_window(qtbot, window, manager: Staff) -> None:
    window.resize(1366, 768)
    window.show()
    window.start()
    sign_in(qtbot, window, manager.id, MANAGER_PIN)
    qtbot.waitUntil(lambda: window.payments_vm.loaded, timeout=20000)


def _close_window(qtbot, window) -> None:
    if not window._closed:
        window.close()
        qtbot.waitUntil(lambda: window._closed, timeout=10000)


@pytest.fixture(scope="module")
def shared_window(qapp, request, sandbox_session, tmp_path_factory):
    """One real main window for the read-only tests of a module (see `read_only_window`), built
    as `live_window` builds its own: the training sandbox, loaded, the manager signed in. Its
    loop, services and staff list live as long as the module's tests; every answer the sandbox
    gives meanwhile is checked against Stripe's schema, as for any sandbox test."""
    from pytestqt.qtbot import QtBot

    from pos_refunds.clock import utc_now
    from pos_refunds.staff import AsyncStaffStore

    qtbot = QtBot(request)
    box, recorder = sandbox_session
    box.reset()
    recorder.take(box)
    recorder.tests += 1
    loop = _qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    folder = tmp_path_factory.mktemp("shared-window")
    prompts = AutoPrompts()
    staff = run_async(qtbot, AsyncStaffStore.open(folder / "staff.sqlite3"))
    manager = run_async(qtbot, staff.create_first_manager(MANAGER_NAME, MANAGER_PIN,
                                                          MANAGER_PIN))
    services = _open_services(qtbot, box, folder, staff, prompts)
    window = _open_window(qtbot, services, prompts, folder, staff, utc_now)
    try:
        _start_window(qtbot, window, manager)
        yield window, prompts, recorder
    finally:
        _close_window(qtbot, window)
        run_async(qtbot, services.aclose())
        run_async(qtbot, staff.aclose())
        window.deleteLater()
        _close_loop(qapp, qtbot, loop)
        box.clear_faults()
    problems = recorder.take(box)
    assert not problems, "responses outside the Stripe schema:\n" + "\n".join(problems[:20])


@pytest.fixture
def read_only_window(shared_window, qtbot):
    """The module's shared window, for a test that only looks (and may open and close dialogs).

    It must leave Stripe's state alone: a test whose window sent anything but a read fails.
    Afterwards whatever it opened is closed and the prompts forget it, so the next test starts
    from the window as loaded."""
    from PySide6.QtWidgets import QDialog

    window, prompts, recorder = shared_window
    writes = recorder.writes
    assert window.session.staff is not None and window.payments_vm.loaded
    yield window
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            dialog.reject()
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in window.findChildren(QDialog)))
    prompts.confirms.clear()
    prompts.errors.clear()
    prompts.notices.clear()
    assert recorder.writes == writes, "a test on the shared window changed Stripe's state"
