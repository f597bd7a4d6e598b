"""The Help menu: "Copy diagnostics" for support, and the About box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from ..services.api import Mode
from .dialogs.about_dialog import AboutDialog
from .presenter import Presenter
from .support_info import SupportInfo, diagnostics_text, versions

translate = QCoreApplication.translate


class HelpMenu(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu, info: SupportInfo,
                 presenter: Presenter) -> None:
        super().__init__(window)
        self._window, self._info, self._presenter = window, info, presenter
        self.diagnostics_action = QAction(self.tr("Copy diagnostics"), window)
        self.diagnostics_action.triggered.connect(self.copy_diagnostics)
        self.about_action = QAction(self.tr("About POS Refunds…"), window)
        self.about_action.triggered.connect(self.open_about)
        menu.addAction(self.diagnostics_action)
        menu.addAction(self.about_action)

    def copy_diagnostics(self) -> str:
        text = diagnostics_text(self._info)
        QGuiApplication.clipboard().setText(text)
        self._presenter.note(self._window, self.tr(
            "Diagnostics copied to the clipboard: paste them into your message to support."))
        return text

    def facts(self) -> list[tuple[str, str]]:
        """What the About box lists, in the cashier's language (the diagnostics for support
        stay in English)."""
        info = self._info
        named = [(translate("SupportInfo", name), value) for name, value in versions()]
        return [*named[:1], (self.tr("Mode"), self._mode_words(info.mode)),
                (self.tr("Data folder"), str(info.data_folder)),
                (self.tr("Log folder"), str(info.log_folder)),
                (self.tr("Till id"), info.till_id), *named[1:5]]

    def _mode_words(self, mode: Mode) -> str:
        return {
            Mode.TRAINING: self.tr("TRAINING", "the mode: practice with the sandbox"),
            Mode.TEST: self.tr("TEST", "the mode: a Stripe test key"),
            Mode.LIVE: self.tr("LIVE", "the mode: real money"),
            Mode.CUSTOM: self.tr("CUSTOM SERVER", "the mode: another Stripe-compatible server"),
        }[mode]

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self.facts(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
