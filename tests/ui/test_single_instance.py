"""The Qt side of "one app per till": a second launch finds the first by its socket name, the
first brings its window forward (even one that did not exist yet when asked), a name left by
a killed first does not block a new start, and a first that never answers is not taken for
one that did."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QWidget

from pos_refunds.ui.single_instance import SingleInstance, ask_to_come_forward, server_name
from tests.ui.conftest import run_async


@pytest.fixture
def name(tmp_path: Path) -> str:
    return server_name(tmp_path)  # one per test: tests never share a socket


@pytest.fixture
def first(name: str):
    instance = SingleInstance(name)
    assert instance.listen()
    yield instance
    instance.close()


def minimised_window(qtbot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    assert window.isMinimized()
    return window


def test_the_second_finds_the_first_and_its_window_comes_forward(qtbot, qasync, first,
                                                                 name) -> None:
    window = minimised_window(qtbot)
    first.set_window(window)
    with qtbot.waitSignal(first.activationRequested, timeout=5000):
        assert run_async(qtbot, ask_to_come_forward(name)) is True
    assert not window.isMinimized() and window.isVisible()


def test_asked_while_still_starting_the_window_comes_forward_once_it_exists(
        qtbot, qasync, first, name) -> None:
    with qtbot.waitSignal(first.activationRequested, timeout=5000):
        assert run_async(qtbot, ask_to_come_forward(name)) is True
    window = minimised_window(qtbot)
    first.set_window(window)
    assert not window.isMinimized() and window.isVisible()
    window.showMinimized()
    first.set_window(window)  # only once: a later window is left as the person put it
    assert window.isMinimized()


def test_nobody_listening_is_no_answer(qtbot, qasync, name) -> None:
    assert run_async(qtbot, ask_to_come_forward(name)) is False


def test_a_first_that_accepts_but_never_answers_is_no_answer(qtbot, qasync, name) -> None:
    hung = QLocalServer()
    assert hung.listen(name)  # the kernel accepts for it; nobody reads
    try:
        assert run_async(qtbot, ask_to_come_forward(name, timeout=0.2)) is False
    finally:
        hung.close()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_name_left_by_a_killed_first_does_not_block(qtbot, qasync, name) -> None:
    leftover = socket.socket(socket.AF_UNIX)
    path = Path(QDir.tempPath()) / name
    leftover.bind(str(path))  # what a process killed while listening leaves behind
    leftover.close()
    try:
        plain = QLocalServer()
        assert not plain.listen(name)  # the leftover would block a plain listen
        again = SingleInstance(name)
        assert again.listen()
        with qtbot.waitSignal(again.activationRequested, timeout=5000):
            assert run_async(qtbot, ask_to_come_forward(name)) is True
        again.close()
    finally:
        path.unlink(missing_ok=True)


def test_names_differ_per_data_folder_and_per_user(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    assert server_name(shop, "alex") == server_name(shop, "alex")
    assert server_name(shop, "alex") != server_name(shop, "morgan")
    assert server_name(shop, "alex") != server_name(tmp_path / "other", "alex")
    assert len(server_name(shop)) < 60  # a Unix socket path has little room
