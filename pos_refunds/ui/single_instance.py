"""A second launch on the same till brings the first window forward instead of starting.

Who is first is decided by the data folder's till lock (`services/till_lock.py`), which the
OS gives back when a process dies; this module only carries the message, over a local socket
(a named pipe on Windows) named after the data folder and the user. The lock is the judge
because a socket name can outlive a killed process, while the lock cannot: the first launch
takes the lock, clears whatever name a killed predecessor left, then listens. A second launch
that finds the lock held asks on the socket and waits for an answer, so a first that is hung
(its socket accepts, nobody reads) is told apart from one that came forward.
"""

from __future__ import annotations

import asyncio
import getpass
import hashlib
import logging
import os
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

ASK = b"come-forward\n"
ANSWER = b"coming\n"
ANSWER_SECONDS = 5.0  # a live first answers within a frame, even while it is still starting


def server_name(folder: Path, user: str | None = None) -> str:
    """Short, and different for each data folder and each OS user on the machine."""
    if user is None:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name in the environment nor the password file
            user = str(Path.home())
    where = os.path.normcase(str(folder.resolve()))
    digest = hashlib.sha256(f"{user}\0{where}".encode()).hexdigest()[:24]
    return f"pos-refunds-{digest}"


def bring_forward(window: QWidget) -> None:
    """Un-minimise (keeping maximised or full screen as it was), raise and activate.

    Window managers may refuse to hand focus to a background process; they then flash the
    window's taskbar entry instead, which is still the right hint."""
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """The first launch's side: listens, and brings its window forward when asked."""

    activationRequested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._window: QWidget | None = None
        self._pending = False  # asked before the window existed

    def listen(self) -> bool:
        """Only while holding the data folder's lock: the name is then ours, and anything
        left under it is a killed first's leftover."""
        QLocalServer.removeServer(self.name)
        if not self._server.listen(self.name):
            # The app still works; a second launch will say this one is not answering.
            log.warning("cannot listen for a second launch: %s", self._server.errorString())
            return False
        return True

    def set_window(self, window: QWidget | None) -> None:
        """The window to bring forward (None while there is none); a request that came
        while the app was still starting is carried out now."""
        self._window = window
        if window is not None and self._pending:
            self._pending = False
            bring_forward(window)

    def close(self) -> None:
        self._window = None
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(partial(self._read, socket))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not shiboken6.isValid(socket) or not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == ASK:
            socket.write(ANSWER)
            self._come_forward()
        socket.disconnectFromServer()  # after the answer is written

    def _come_forward(self) -> None:
        log.info("a second launch asked this window to come forward")
        self.activationRequested.emit()
        window = self._window
        if window is None or not shiboken6.isValid(window):
            self._pending = True
            return
        bring_forward(window)


async def ask_to_come_forward(name: str, timeout: float = ANSWER_SECONDS) -> bool:
    """The second launch's side: True once the first answered that it comes forward."""
    socket = QLocalSocket()
    answered: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def read() -> None:
        if not answered.done() and socket.canReadLine():
            answered.set_result(bytes(socket.readLine().data()) == ANSWER)

    def ended(*_args: object) -> None:
        read()  # an answer and the hang-up can arrive together
        if not answered.done():
            answered.set_result(False)

    socket.connected.connect(lambda: socket.write(ASK))
    socket.readyRead.connect(read)
    socket.errorOccurred.connect(ended)
    socket.disconnected.connect(ended)
    socket.connectToServer(name)
    try:
        return await asyncio.wait_for(answered, timeout)
    except TimeoutError:
        return False
    finally:
        socket.abort()
        socket.deleteLater()
