"""Who is at the till: the lock screen in front of the window, signing in, locking (Ctrl+L, the
Lock button, or idle time), and the managers' Staff… dialog.

A controller: it owns the lock screen, the sign-in view-model and the idle timer, and tells
the window who acts through `staffChanged` (a Staff, or None while locked). While locked, the
window's menus, toolbars and shortcuts are off and its content is out of sight; open dialogs
are closed, unless a money operation is still running: then the idle lock waits for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ..domain.errors import ActionNotAllowed
from ..domain.reasons import AccessReason
from ..domain.staff import Staff
from ..staff import StaffDirectory
from .dialogs.staff_dialog import StaffDialog
from .idle_lock import IdleLock
from .messages import role_words
from .presenter import Presenter, inline_text
from .prompts import Prompts
from .tasks import TaskRegistry
from .viewmodels.sign_in_vm import SignInViewModel
from .views.lock_screen import LockScreen

log = logging.getLogger(__name__)


class StaffSession(QObject):
    staffChanged = Signal(object)  # Staff, or None when the till locks

    def __init__(
        self,
        window: QMainWindow,
        prompts: Prompts,
        directory: StaffDirectory | None,
        *,
        staff: Staff | None,
        training: bool,
        idle_minutes: float,
        tasks: TaskRegistry,
        busy: Callable[[], bool],
        host: QWidget | None = None,  # where the stack goes (built there, polished once)
    ) -> None:
        super().__init__(window)
        if directory is None and staff is None:
            raise ValueError("sign-in needs a staff list, or the staff signed in already")
        self._window, self._prompts, self._directory = window, prompts, directory
        self._presenter = Presenter(prompts)
        self._staff = staff
        self._busy = busy
        self._disabled: list[QAction] = []
        self._hidden: list[QWidget] = []
        self.stack = QStackedWidget(host)
        self.stack.setObjectName("sessionStack")
        self.lock_screen = LockScreen(training, self.stack)
        self.stack.addWidget(self.lock_screen)
        self._registry = tasks
        self.vm = (SignInViewModel(directory, tasks=tasks.scope("sign in", owner=self),
                                   parent=self)
                   if directory is not None else None)
        self.idle_lock = IdleLock(int(idle_minutes * 60_000), parent=self)
        self.idle_lock.idle.connect(self._idle)
        self.lock_action = QAction(self.tr("Lock", "lock the till"), window)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.setToolTip(self.tr("Lock the till (Ctrl+L)"))
        self.lock_action.setEnabled(directory is not None)
        self.lock_action.triggered.connect(self.lock)
        window.addAction(self.lock_action)
        self.staff_action = QAction(self.tr("Manage staff…"), window)
        self.staff_action.setObjectName("staffAction")
        self.staff_action.triggered.connect(self.open_staff_dialog)
        self.signed_in_label = QLabel()
        self.signed_in_label.setObjectName("signedInAs")
        self.signed_in_label.setAccessibleName(self.tr("Signed in"))
        self._wire_lock_screen()

    def set_idle_minutes(self, minutes: float) -> None:
        """A manager changed the idle lock: it holds from now."""
        self.idle_lock.set_interval_ms(int(minutes * 60_000))

    # --- building ----------------------------------------------------------------------------

    def wrap(self, content: QWidget) -> QStackedWidget:
        """The window's content behind the lock screen."""
        self.stack.addWidget(content)
        self._content = content
        return self.stack

    def install(self, toolbar: QToolBar, menu_bar_menu: QMenu) -> None:
        """Who is signed in and a Lock button on the toolbar; Lock and Manage staff… in a menu."""
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.signed_in_label)
        toolbar.addAction(self.lock_action)
        menu_bar_menu.addAction(self.lock_action)
        menu_bar_menu.addAction(self.staff_action)

    def begin(self) -> None:
        """Show the lock screen, or the content when someone is signed in already."""
        if self._staff is not None:
            self._unlock(self._staff)
        else:
            self._lock_now()

    # --- state -------------------------------------------------------------------------------
    @property
    def staff(self) -> Staff | None:
        return self._staff

    @property
    def locked(self) -> bool:
        return self._staff is None

    def sign_in(self, staff_id: str, pin: str) -> None:
        """What the sign-in screen does with a PIN (also for tests and scripts)."""
        if self.vm is not None:
            self.vm.sign_in(staff_id, pin)

    def lock(self) -> None:
        """Ctrl+L or the Lock button: at once, unless a money operation is still running."""
        if self.locked or self._directory is None:
            return
        if self._busy_now():
            self._presenter.note(self._window, self.tr(
                "A refund is still running: the till locks when it has finished."))
            return
        self._lock_now()

    def stop(self) -> None:
        """The window is closing: no more idle locks."""
        self.idle_lock.detach()

    def open_staff_dialog(self) -> StaffDialog | None:
        staff = self._staff
        if self._directory is None or staff is None or not staff.is_manager:
            self._presenter.error(self._window,
                                  ActionNotAllowed(AccessReason.MANAGER_ONLY_STAFF))
            return None
        dialog = StaffDialog(self._directory, staff, self._prompts, self._registry, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- locking -----------------------------------------------------------------------------
    def _idle(self) -> None:
        if self.locked:
            return
        if self._busy_now():
            self.idle_lock.start()  # try again later: a refund's outcome must stay in sight
            return
        self._lock_now()

    def _busy_now(self) -> bool:
        return self._busy() or any(getattr(d, "busy", False) for d in self._open_dialogs())

    def _open_dialogs(self) -> list[QDialog]:
        """Visible dialogs of the window, innermost first (a PIN prompt before its refund)."""
        return [d for d in reversed(self._window.findChildren(QDialog)) if d.isVisible()]

    def _lock_now(self) -> None:
        for dialog in self._open_dialogs():
            dialog.reject()
        was = self._staff
        self._staff = None
        self.idle_lock.stop()
        self._set_window_enabled(False)
        self.lock_screen.sign_in.reset()
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.sign_in.pad.field.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.vm is not None:
            self.vm.load()
        if was is not None:
            log.info("till locked")
            self.staffChanged.emit(None)

    def _unlock(self, staff: Staff) -> None:
        self._staff = staff
        self.signed_in_label.setText(self.tr("{name} · {role}", "who is signed in, and their role")
                                     .format(name=staff.name, role=role_words(staff.role)))
        self.staff_action.setVisible(staff.is_manager)
        self.staff_action.setEnabled(staff.is_manager)
        self._set_window_enabled(True)
        self.stack.setCurrentWidget(self._content)
        if self._directory is not None:
            self.idle_lock.start()
        log.info("signed in: %s (%s)", staff.name, staff.role)
        self.staffChanged.emit(staff)

    def _set_window_enabled(self, enabled: bool) -> None:
        """Menus, toolbars and every shortcut of the window off while locked, back after."""
        if enabled:
            for action in self._disabled:
                action.setEnabled(True)
            for widget in self._hidden:
                widget.setVisible(True)
            self._disabled, self._hidden = [], []
            return
        bars: list[QWidget] = [self._window.menuBar(), *self._window.findChildren(QToolBar)]
        self._hidden += [bar for bar in bars if bar.isVisibleTo(self._window)]
        for bar in self._hidden:
            bar.setVisible(False)
        actions = list(self._window.actions())
        for menu in self._window.menuBar().findChildren(QMenu):
            actions += menu.actions()
        for bar in self._window.findChildren(QToolBar):
            actions += bar.actions()
        seen: set[int] = set()
        for action in actions:
            if id(action) not in seen and action.isEnabled():
                seen.add(id(action))
                action.setEnabled(False)
                self._disabled.append(action)

    # --- the lock screen -----------------------------------------------------------------------
    def _wire_lock_screen(self) -> None:
        screen, vm = self.lock_screen, self.vm
        if vm is None:
            return
        screen.sign_in.signInRequested.connect(vm.sign_in)
        screen.first_manager.createRequested.connect(vm.create_first_manager)
        vm.staffLoaded.connect(self._names)
        vm.needsFirstManager.connect(screen.show_first_manager)
        vm.busyChanged.connect(screen.set_busy)
        vm.signedIn.connect(self._signed_in)
        vm.refused.connect(screen.sign_in.show_message)
        vm.failed.connect(self._failed)
        vm.loadFailed.connect(self._load_failed)

    def _names(self, staff: list[Staff]) -> None:
        self.lock_screen.sign_in.set_staff(staff)
        self.lock_screen.show_sign_in()

    def _signed_in(self, staff: Staff) -> None:
        if self.locked:
            self.lock_screen.sign_in.reset()
            self._unlock(staff)

    def _failed(self, error: BaseException) -> None:
        text = inline_text(error)
        if self.lock_screen.currentWidget() is self.lock_screen.first_manager:
            self.lock_screen.first_manager.show_message(text)
        else:
            self.lock_screen.sign_in.show_message(text)

    def _load_failed(self, error: BaseException) -> None:
        self._presenter.error(self._window, error)
        self.lock_screen.sign_in.show_message(self.tr(
            "The staff list could not be read. Restart the app; if it happens again, "
            "call for help."))
