"""The Help menu: "Copy diagnostics" for support, and the About box."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from .dialogs.about_dialog import AboutDialog
from .presenter import Presenter
from .support_info import SupportInfo, diagnostics_text, versions
from .views.status_bar import MODE_WORDS

COPIED = "Diagnostics copied to the clipboard: paste them into your message to support."


class HelpMenu(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu, info: SupportInfo,
                 presenter: Presenter) -> None:
        super().__init__(window)
        self._window, self._info, self._presenter = window, info, presenter
        self.diagnostics_action = QAction("Copy diagnostics", window)
        self.diagnostics_action.triggered.connect(self.copy_diagnostics)
        self.about_action = QAction("About POS Refunds…", window)
        self.about_action.triggered.connect(self.open_about)
        menu.addAction(self.diagnostics_action)
        menu.addAction(self.about_action)

    def copy_diagnostics(self) -> str:
        text = diagnostics_text(self._info)
        QGuiApplication.clipboard().setText(text)
        self._presenter.note(self._window, COPIED)
        return text

    def facts(self) -> list[tuple[str, str]]:
        info = self._info
        return [*versions()[:1], ("Mode", MODE_WORDS[info.mode]),
                ("Data folder", str(info.data_folder)), ("Log folder", str(info.log_folder)),
                ("Till id", info.till_id), *versions()[1:5]]

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self.facts(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
