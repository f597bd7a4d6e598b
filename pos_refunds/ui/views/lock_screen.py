"""What covers the till while nobody is signed in: the sign-in screen, or on a brand-new till
the first manager's set-up. Layout only."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from .first_manager_view import FirstManagerView
from .sign_in_view import SignInView


class LockScreen(QStackedWidget):
    def __init__(self, training: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.sign_in = SignInView(training, self)  # built in place (screen_fit.scroll_area)
        self.first_manager = FirstManagerView(self)
        self.addWidget(self.sign_in)
        self.addWidget(self.first_manager)

    def show_sign_in(self) -> None:
        self.setCurrentWidget(self.sign_in)

    def show_first_manager(self) -> None:
        self.setCurrentWidget(self.first_manager)
        self.first_manager.name.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.sign_in.set_busy(busy)
        self.first_manager.set_busy(busy)
