"""The one place errors are shown and confirmations asked.

Every box is opened with `.open()` and answers through a callback, so no coroutine ever sits
inside a nested event loop. Tests swap this class for one that records and auto-accepts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from ..domain.approvals import Approval, ApprovalRequest
from ..domain.errors import ApprovalRequired, PosError, UserCancelled

if TYPE_CHECKING:
    from ..staff import StaffDirectory
    from .tasks import TaskRegistry

log = logging.getLogger(__name__)

UNEXPECTED_TITLE = "Unexpected error"
UNEXPECTED_TEXT = (
    "Something unexpected happened. Nothing more was sent. "
    "Please try again; if it happens again, tell your manager."
)


def error_text(error: BaseException) -> tuple[str, str, str]:
    """(title, message, reference line) for an error, as the cashier should read it."""
    if isinstance(error, PosError):
        reference = f"Reference: {error.request_id}" if error.request_id else ""
        return error.title, error.message, reference
    return UNEXPECTED_TITLE, UNEXPECTED_TEXT, ""


def is_silent(error: BaseException) -> bool:
    """Cancellation by the person or by closing the window shows nothing."""
    return isinstance(error, UserCancelled | asyncio.CancelledError)


class Prompts:
    _staff_directory: StaffDirectory | None = None
    _tasks: TaskRegistry | None = None

    def set_tasks(self, tasks: TaskRegistry) -> None:
        """The window's task registry: a prompt's own work (checking a PIN) runs in it."""
        self._tasks = tasks

    def set_staff_directory(self, directory: StaffDirectory | None) -> None:
        """The staff list managers approve from; handed over by the composition root once
        it is open (until then, an approval cannot be given and says so)."""
        self._staff_directory = directory

    def ask_manager_pin(
        self,
        parent: QWidget,
        request: ApprovalRequest,
        on_approved: Callable[[Approval], None],
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        """A manager approves one operation with their PIN; `on_approved` gets the approval
        the staff list issued for `request` alone (the services take it once).

        Non-blocking (the dialog is opened with `.open()`); `on_cancelled` runs when nobody
        approved. The approval is never remembered: the next operation asks again.
        """
        directory = self._staff_directory
        if directory is None:
            self.show_error(parent, ApprovalRequired(
                f"{request.reason} No staff list is open on this till, so no manager can "
                "approve."))
            if on_cancelled is not None:
                on_cancelled()
            return
        from .dialogs.manager_approval import ManagerApprovalDialog  # it uses error_text

        if self._tasks is None:
            raise RuntimeError("no window has handed over its task registry (set_tasks)")
        dialog = ManagerApprovalDialog(directory, request, self._tasks, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.approved.connect(on_approved)
        if on_cancelled is not None:
            dialog.rejected.connect(on_cancelled)
        dialog.open()

    def confirm(
        self,
        parent: QWidget,
        title: str,
        text: str,
        accept_text: str,
        on_accept: Callable[[], None],
    ) -> None:
        """Ask before a money movement; `on_accept` runs only if the person agrees."""
        box = QMessageBox(parent)
        box.setObjectName("confirmBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(f"<b>{_escape(title)}</b>")  # many window managers hide the title bar text
        box.setInformativeText(_escape(text))
        accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Go back", QMessageBox.ButtonRole.RejectRole)
        accept.setAccessibleName(accept_text)
        back.setAccessibleName("Go back")
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            if box.clickedButton() is accept:
                on_accept()

        box.finished.connect(finished)
        box.open()

    def show_error(self, parent: QWidget, error: BaseException) -> None:
        """Show a failure in words; never a traceback (bugs go to the log instead)."""
        if is_silent(error):
            return
        if not isinstance(error, PosError):
            log.error("unexpected error", exc_info=error)
        self._error_box(parent, error)

    def show_uncaught(self, parent: QWidget | None, error: BaseException) -> None:
        """An exception nobody caught (the crash hooks logged it with its traceback already):
        the same words as any unexpected error, in a box."""
        self._error_box(parent, error)

    def _error_box(self, parent: QWidget | None, error: BaseException) -> None:
        title, message, reference = error_text(error)
        box = QMessageBox(parent)
        box.setObjectName("errorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(f"<b>{_escape(title)}</b>")
        detail = _escape(message)
        if reference:
            detail += f"<br><br>{_escape(reference)}"
        box.setInformativeText(detail)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def notify(self, parent: QWidget, text: str) -> None:
        """A short status line in the window's status bar; nothing to dismiss."""
        window = parent.window() if parent is not None else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)
        else:
            log.info("%s", text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
