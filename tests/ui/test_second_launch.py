"""A second launch on a till whose app is already running opens nothing: no keychain, no
sandbox, no services, no window. It brings the first forward and exits 0, or, when the first
does not answer, says so and exits 1. `--self-test` still runs beside an open app."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

import pos_refunds.app as app_module
from pos_refunds.app import APP_LOCK, Application, LaunchOptions
from pos_refunds.domain.errors import TillInUse
from pos_refunds.domain.reasons import TillReason
from pos_refunds.services.till_lock import TillLock
from pos_refunds.ui.messages import error_words
from pos_refunds.ui.settings import SettingsStore
from pos_refunds.ui.single_instance import SingleInstance, ask_to_come_forward, server_name
from tests.ui.conftest import run_async

WAIT = 60000  # a child process imports Qt and the SDK first


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder, and nothing a first launch would open may be reached."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setattr(app_module, "data_dir", lambda: data)

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a second launch must not get this far")

    for reached in ("read_api_key", "start_training_sandbox", "open_services", "open_staff",
                    "MainWindow"):
        monkeypatch.setattr(app_module, reached, never)
    return data


@pytest.fixture
def held(folder: Path) -> Iterator[TillLock]:
    """The first app's hold on the data folder."""
    lock = TillLock(folder / APP_LOCK)
    lock.acquire()
    yield lock
    lock.release()


def second_launch(qtbot, prompts, tmp_path: Path) -> tuple[Application, int]:
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    application = Application(LaunchOptions(), store, prompts)
    run = asyncio.get_running_loop().create_task(application.run())
    qtbot.waitUntil(run.done, timeout=10000)
    return application, run.result()


def test_the_second_launch_brings_the_first_forward_and_opens_nothing(
        qtbot, qasync, prompts, folder, held, tmp_path) -> None:
    first = SingleInstance(server_name(folder))
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activationRequested, timeout=10000):
            application, code = second_launch(qtbot, prompts, tmp_path)
    finally:
        first.close()
    assert code == 0
    assert (application.services, application.window, application.sandbox) == (None,) * 3
    assert prompts.errors == []


def test_a_first_that_does_not_answer_is_said_in_words(qtbot, qasync, prompts, folder, held,
                                                       tmp_path) -> None:
    application, code = second_launch(qtbot, prompts, tmp_path)
    assert code == 1
    (error,) = prompts.errors
    assert isinstance(error, TillInUse) and error.reason is TillReason.NOT_ANSWERING
    assert "already open on this till but is not answering" in error_words(error)[1]
    assert application.services is None and application.window is None


def test_the_lock_is_free_again_when_the_app_has_given_up(qtbot, qasync, prompts, folder,
                                                          tmp_path, monkeypatch) -> None:
    """A first launch that cannot start lets go of the till: the next launch is the first."""

    def no_keychain() -> None:
        raise OSError("keychain gone")

    monkeypatch.setattr(app_module, "read_api_key", no_keychain)
    _application, code = second_launch(qtbot, prompts, tmp_path)
    assert code == 1 and len(prompts.errors) == 1  # said, through the prompts
    lock = TillLock(folder / APP_LOCK)
    lock.acquire()
    lock.release()


def test_the_running_app_brings_its_own_window_forward(qtbot, qasync, prompts, tmp_path,
                                                       monkeypatch) -> None:
    """The first launch, in full (training): listening from before its window exists, and
    its window, minimised at the counter, comes forward when a second launch asks."""
    folder = tmp_path / "data"
    monkeypatch.setattr(app_module, "data_dir", lambda: folder)
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    application = Application(LaunchOptions(training=True), store, prompts)
    run = asyncio.get_running_loop().create_task(application.run())
    qtbot.waitUntil(lambda: application.window is not None, timeout=WAIT)
    window = application.window
    window.showMinimized()
    assert run_async(qtbot, ask_to_come_forward(server_name(folder))) is True
    assert not window.isMinimized() and window.isVisible()
    window.close()
    qtbot.waitUntil(run.done, timeout=WAIT)
    assert run.result() == 0
    assert run_async(qtbot, ask_to_come_forward(server_name(folder))) is False  # not listening
    lock = TillLock(folder / APP_LOCK)
    lock.acquire()  # and the till is free for the next launch
    lock.release()


ROOT = Path(__file__).resolve().parents[2]


def child_env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
                XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "xdg"))


def child_data_dir(tmp_path: Path) -> Path:
    """Where `data_dir()` points in the child (Linux: XDG data home, organisation, app)."""
    folder = tmp_path / "xdg" / "POS Refunds" / "POS Refunds"
    folder.mkdir(parents=True)
    return folder


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the child's data folder is found through XDG_DATA_HOME")


@linux_only
def test_a_second_process_hands_over_and_exits_0(qtbot, qasync, tmp_path) -> None:
    folder = child_data_dir(tmp_path)
    lock = TillLock(folder / APP_LOCK)
    lock.acquire()
    first = SingleInstance(server_name(folder))
    assert first.listen()
    asked: list[bool] = []
    first.activationRequested.connect(lambda: asked.append(True))
    child = subprocess.Popen([sys.executable, "-m", "pos_refunds", "--training"],
                             env=child_env(tmp_path), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=WAIT)  # Qt events run
        _out, err = child.communicate()
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
        first.close()
        lock.release()
    assert child.returncode == 0, err
    assert asked == [True]
    assert "already open on this till; its window was brought forward" in err
    assert not (folder / "training-journal.sqlite3").exists()  # nothing was opened


@linux_only
def test_the_self_test_runs_beside_an_open_app(tmp_path) -> None:
    folder = child_data_dir(tmp_path)
    lock = TillLock(folder / APP_LOCK)
    lock.acquire()
    try:
        # a keychain that keeps secrets (in the child's memory): the self-test fails without
        env = dict(child_env(tmp_path), PYTHONPATH=str(ROOT),
                   PYTHON_KEYRING_BACKEND="tests.support.keyrings.MemoryKeyring")
        done = subprocess.run([sys.executable, "-m", "pos_refunds", "--self-test"],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        lock.release()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
