"""The one place errors are shown and confirmations asked.

Every box is opened with `.open()` and answers through a callback, so no coroutine ever sits
inside a nested event loop. Tests swap this class for one that records and auto-accepts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from ..domain.approvals import Approval, ApprovalRequest
from ..domain.errors import ActionNotAllowed, ApprovalRequired, PosError
from ..domain.payments import Payment
from ..domain.reasons import AccessReason, ApprovalReason
from ..domain.staff import Staff
from .dialogs.manager_approval import ManagerApprovalDialog
from .messages import error_words, is_silent, words

if TYPE_CHECKING:
    from ..staff import StaffDirectory
    from .tasks import TaskRegistry

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

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
        *,
        payment: Payment | None = None,
    ) -> None:
        """A manager approves one operation with their PIN; `on_approved` gets the approval
        the staff list issued for `request` alone (the services take it once).

        Non-blocking (the dialog is opened with `.open()`); `on_cancelled` runs when nobody
        approved. The approval is never remembered: the next operation asks again.
        """
        directory = self._staff_directory
        if directory is None:
            self.show_error(parent, ApprovalRequired(ApprovalReason.NO_STAFF_LIST,
                                                     needs=request.reasons))
            if on_cancelled is not None:
                on_cancelled()
            return
        if self._tasks is None:
            raise RuntimeError("no window has handed over its task registry (set_tasks)")
        dialog = ManagerApprovalDialog(directory, request, self._tasks, parent, payment=payment)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.approved.connect(on_approved)
        if on_cancelled is not None:
            dialog.rejected.connect(on_cancelled)
        dialog.open()

    def ask_manager(
        self,
        parent: QWidget,
        why: AccessReason,
        on_signed_in: Callable[[Staff], None],
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        """A manager signs in with their PIN for one task (closing the day, the journal,
        settings) while the till stays signed in as it is; `on_signed_in` gets that manager."""
        directory = self._staff_directory
        if directory is None or self._tasks is None:
            self.show_error(parent, ActionNotAllowed(why))
            if on_cancelled is not None:
                on_cancelled()
            return
        dialog = ManagerApprovalDialog(directory, None, self._tasks, parent, why=words(why))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.approved.connect(on_signed_in)
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
        go_back = translate("Prompts", "Go back", "leave without doing it")
        back = box.addButton(go_back, QMessageBox.ButtonRole.RejectRole)
        accept.setAccessibleName(accept_text)
        back.setAccessibleName(go_back)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            if box.clickedButton() is accept:
                on_accept()

        box.finished.connect(finished)
        box.open()

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        """A box the cashier reads and closes (what start-up found, for instance)."""
        box = QMessageBox(parent)
        box.setObjectName("informBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(f"<b>{_escape(title)}</b>")
        box.setInformativeText(_escape(text).replace("\n", "<br>"))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        title, message, reference = error_words(error)
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
