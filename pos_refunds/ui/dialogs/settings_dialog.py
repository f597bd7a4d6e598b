"""Settings: the Stripe key and Connect account, the location, refund limits, the language.

A new key has its own button: it is checked with Stripe and kept in the keychain at once (a
live key is confirmed first). The rest is saved together with Save. Opened with `.open()`;
closing clears the key field and cancels whatever is still running.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...clock import Clock, utc_now
from ...domain.account import Location
from ...domain.guarded import GuardedSettings
from .. import i18n
from ..metrics import TOUCH_HEIGHT
from ..presenter import Presenter
from ..prompts import Prompts
from ..restyle import restyle
from ..settings import AppSettings, SettingsStore
from ..tasks import TaskRegistry
from ..viewmodels.settings_vm import AccountSetup, SettingsViewModel
from ..viewmodels.slip_printer_vm import SlipPrinter, sample_slip
from ..views.limits_editor import LimitsEditor
from ..views.receipt_printer_box import PrinterChoice, ReceiptPrinterBox
from ..views.stripe_key_box import StripeKeyBox, make_label
from ..views.touch import touch_button

translate = QCoreApplication.translate

# Marked here, translated where shown (nothing is translated at import).
SYSTEM_LANGUAGE = QT_TRANSLATE_NOOP("SettingsDialog", "System language")
# Each language is named in its own language, whatever the app speaks: NOT translated.
LANGUAGES = (("English", "en"), ("Français (Canada)", "fr"))
ALL_LOCATIONS = QT_TRANSLATE_NOOP("SettingsDialog", "All locations")
LIVE_TEXT = QT_TRANSLATE_NOOP(
    "SettingsDialog", "This is a LIVE key: with it, refunds and cancellations made on this till "
    "move real money. Check it with Stripe and keep it in the keychain?")
REMOVE_TEXT = QT_TRANSLATE_NOOP(
    "SettingsDialog", "The key is removed from this computer's keychain. The app starts in "
    "training mode next time, until a new key is entered.")
PRINTER_HINT = QT_TRANSLATE_NOOP(
    "SettingsDialog", "Slips print here without a dialog: from a slip's \"Print on receipt "
    "printer\", and after every refund when that is ticked. A printer installed on this "
    "computer prints through its driver; a network receipt printer without one is reached "
    "directly (ESC/POS, port 9100 on most). Print a test slip to check the address and the "
    "paper width before saving.")
LANGUAGE_RESTART_TEXT = QT_TRANSLATE_NOOP(
    "SettingsDialog", "The settings are saved. The screens speak the language chosen from the "
    "next start; restarting now closes the window and opens it again in that language. "
    "Anything a reader was doing is checked again on opening.")
RESTART_TEXT = QT_TRANSLATE_NOOP(
    "SettingsDialog", "The window closes and opens again with the key now stored. Anything a "
    "reader was doing is checked again on opening.")


def _combo(name: str, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setMinimumHeight(TOUCH_HEIGHT)
    return combo


class SettingsDialog(QDialog):
    settingsChanged = Signal(object)  # AppSettings, each time they are written
    guardedChanged = Signal(object)  # GuardedSettings, journaled by a manager
    restartRequested = Signal()

    def __init__(self, setup: AccountSetup, store: SettingsStore, settings: AppSettings,
                 prompts: Prompts, tasks: TaskRegistry, parent: QWidget | None = None, *,
                 can_restart: bool = False, guarded: GuardedSettings | None = None,
                 save_guarded: Callable[[GuardedSettings], Awaitable[GuardedSettings]]
                 | None = None, slip_printer: SlipPrinter | None = None,
                 system_printers: list[str] | None = None, clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self._prompts, self._can_restart = prompts, can_restart
        self._clock = clock  # the test slip's time
        self.vm = SettingsViewModel(setup, store, settings, tasks.scope("settings", owner=self),
                                    self, guarded=guarded,
                                    save_guarded=save_guarded)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(1000)  # inside a 1024×768 screen
        self.resize(1180, 690)  # fits a 1366×768 screen with its title bar
        title = QLabel(self.tr("Settings"))
        title.setObjectName("dialogTitle")
        self.stripe = StripeKeyBox()
        self.stripe.account_edit.setText(settings.stripe_account or "")

        self.location = _combo("locationFilter", self.tr("Location"))
        self.location.addItem(translate("SettingsDialog", ALL_LOCATIONS), None)
        self._locations_note = make_label("locationNote", self.tr("Location note"), role="hint")
        self._locations_note.setText(self.tr("Reading this account's locations…"))
        self.language = _combo("languageChoice", self.tr("Language"))
        self.language.addItem(translate("SettingsDialog", SYSTEM_LANGUAGE), "auto")
        for text, code in LANGUAGES:
            self.language.addItem(text, code)  # in its own language: not translated
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.limits = LimitsEditor()
        self.limits.set_limits(self.vm.guarded.refund_limits)
        self.slip_printer = slip_printer or SlipPrinter(
            tasks.scope("receipt printer", owner=self), self)
        self.receipt = ReceiptPrinterBox(system_printers if system_printers is not None
                                         else QPrinterInfo.availablePrinterNames())
        self.receipt.show_choice(PrinterChoice(
            settings.printer_kind, settings.printer_name, settings.printer_host,
            settings.printer_port, settings.paper_mm, settings.print_after_refund))

        self.save_error = make_label("saveError", self.tr("Why settings were not saved"),
                                     role="error")
        self.close_button = touch_button("settingsCloseButton", self.tr("Close"), min_width=140)
        self.save_button = touch_button("settingsSaveButton", self.tr("&Save"), min_width=140)
        self.save_button.setDefault(True)
        self._build(title)

        vm = self.vm
        vm.summaryChanged.connect(self.stripe.show_summary)
        vm.keychainProblem.connect(self._keychain_problem)
        vm.busyChanged.connect(self._set_busy)
        vm.keyStatus.connect(lambda text: self.stripe.show_text(self.stripe.status, text))
        vm.keyError.connect(lambda text: self.stripe.show_text(self.stripe.key_error, text))
        vm.accountError.connect(lambda text: self.stripe.show_text(self.stripe.account_error,
                                                                   text))
        vm.keyChanged.connect(self._key_changed)
        vm.locationsLoaded.connect(self._show_locations)
        vm.locationsFailed.connect(self._locations_failed)
        vm.settingsChanged.connect(self.settingsChanged)
        vm.guardedChanged.connect(self.guardedChanged)
        vm.saveDone.connect(self._saved)
        vm.saveError.connect(self.save_error.setText)
        vm.failed.connect(lambda error: Presenter(self._prompts).error(self, error))
        self.stripe.check_button.clicked.connect(self.check_key)
        self.stripe.remove_button.clicked.connect(self._remove_key)
        self.stripe.restart_button.clicked.connect(self._restart)
        self.stripe.key_edit.returnPressed.connect(self.check_key)
        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.receipt.test_button.clicked.connect(self.print_test_slip)
        self._select_location(settings.location_id)
        vm.load()

    def _build(self, title: QLabel) -> None:
        till = QGroupBox(self.tr("This till"))
        till.setObjectName("tillBox")
        grid = QGridLayout(till)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        location_label = QLabel(self.tr("&Location: payments and readers of"))
        location_label.setBuddy(self.location)
        language_label = QLabel(self.tr("Lan&guage"))
        language_label.setBuddy(self.language)
        language_note = make_label("languageNote", self.tr("When the language applies"),
                                   role="hint")
        language_note.setText(self.tr("The language applies from the next start: the screens, "
                                      "the amounts and the dates."))
        grid.addWidget(location_label, 0, 0)
        grid.addWidget(language_label, 0, 1)
        grid.addWidget(self.location, 1, 0)
        grid.addWidget(self.language, 1, 1)
        grid.addWidget(self._locations_note, 2, 0)
        grid.addWidget(language_note, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        limits = QGroupBox(self.tr("Refund limits"))
        limits.setObjectName("limitsBox")
        limits_layout = QVBoxLayout(limits)
        limits_hint = make_label("limitsHint", self.tr("About refund limits"), role="hint")
        limits_hint.setText(self.tr("A refund above its currency's limit needs a manager's "
                                    "approval; in a currency not listed here, every refund "
                                    "does. New limits apply from the next refund."))
        limits_layout.addWidget(limits_hint)
        limits_layout.addWidget(self.limits, 1)
        # Long messages under the key must never be squeezed: the Stripe side scrolls instead.
        stripe_scroll = QScrollArea()
        stripe_scroll.setObjectName("stripeScroll")
        stripe_scroll.setWidgetResizable(True)
        stripe_scroll.setFrameShape(QFrame.Shape.NoFrame)
        stripe_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        stripe_scroll.setWidget(self.stripe)
        stripe_scroll.viewport().setAutoFillBackground(False)
        left = QVBoxLayout()
        left.addWidget(stripe_scroll, 1)
        left.addWidget(till)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 3)
        columns.addWidget(limits, 2)
        # Two pages: the dialog has no height left for the receipt printer beside the rest.
        general = QWidget()
        general.setObjectName("settingsGeneralPage")
        general_layout = QVBoxLayout(general)
        general_layout.setContentsMargins(0, 10, 0, 0)
        general_layout.addLayout(columns, 1)
        printer_page = QWidget()
        printer_page.setObjectName("settingsPrinterPage")
        printer_layout = QVBoxLayout(printer_page)
        printer_layout.setContentsMargins(0, 10, 0, 0)
        printer_hint = make_label("printerHint", self.tr("About the receipt printer"),
                                  role="hint")
        printer_hint.setText(translate("SettingsDialog", PRINTER_HINT))
        printer_layout.addWidget(printer_hint)
        printer_layout.addWidget(self.receipt)
        printer_layout.addStretch(1)
        self.pages = QTabWidget()
        self.pages.setObjectName("settingsPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(general, self.tr("Stripe, &till and limits"))
        self.pages.addTab(printer_page, self.tr("&Receipt printer"))
        footer = QHBoxLayout()
        footer.addWidget(self.save_error, 1)
        for button in (self.close_button, self.save_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            footer.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.pages, 1)
        layout.addLayout(footer)

    # --- the key -------------------------------------------------------------------------
    def check_key(self) -> None:
        key = self.stripe.key_edit.text()
        if not self.vm.needs_live_confirmation(key):
            self._send_key(key)
            return
        self._prompts.confirm(self, self.tr("Use a live key?"),
                              translate("SettingsDialog", LIVE_TEXT),
                              self.tr("Check and save live key"), lambda: self._send_key(key))

    def _send_key(self, key: str) -> None:
        self.vm.check_and_save(key, self.stripe.account_edit.text())

    def _remove_key(self) -> None:
        self._prompts.confirm(self, self.tr("Remove the Stripe key?"),
                              translate("SettingsDialog", REMOVE_TEXT), self.tr("Remove key"),
                              self.vm.remove_key)

    def _key_changed(self) -> None:
        self.stripe.key_edit.setText("")
        self.stripe.restart_button.setVisible(self._can_restart)
        self._select_location(self.vm.settings.location_id)

    def _restart(self) -> None:
        self._prompts.confirm(self, self.tr("Restart now?"),
                              translate("SettingsDialog", RESTART_TEXT),
                              self.tr("Restart now", "the button"), self._restart_now)

    def _saved(self) -> None:
        """Saved. A new language speaks from the next start: offer that start now."""
        chosen = i18n.resolve(self.language.currentData())
        if chosen == i18n.current_code() or not self._can_restart:
            self.accept()
            return
        self._prompts.confirm(self, self.tr("Restart in the new language?"),
                              translate("SettingsDialog", LANGUAGE_RESTART_TEXT),
                              self.tr("Restart now", "the button"), self._restart_now)

    def _restart_now(self) -> None:
        self.accept()
        self.restartRequested.emit()

    def _keychain_problem(self, text: str) -> None:
        self.stripe.summary.setText(self.tr("The keychain cannot be used: the till runs in "
                                            "training mode."))
        self.stripe.show_text(self.stripe.keychain_problem, text)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.stripe.check_button, self.save_button):
            button.setEnabled(not busy)
        self.stripe.remove_button.setEnabled(not busy and self.vm.summary is not None)

    # --- location, save ------------------------------------------------------------------
    def _show_locations(self, locations: list[Location]) -> None:
        chosen = self.location.currentData()
        self.location.clear()
        self.location.addItem(translate("SettingsDialog", ALL_LOCATIONS), None)
        for loc in sorted(locations, key=lambda loc: loc.name.casefold()):
            self.location.addItem(loc.name, loc.id)
        self.stripe.show_text(self._locations_note,
                              "" if locations
                              else self.tr("This account has no Terminal locations."))
        self._select_location(chosen)

    def _locations_failed(self, text: str) -> None:
        self.stripe.show_text(self._locations_note, text)
        self._locations_note.setProperty("hint", False)
        self._locations_note.setProperty("error", True)
        restyle(self._locations_note)

    def _select_location(self, location_id: str | None) -> None:
        index = self.location.findData(location_id)
        if index < 0 and location_id:  # saved, but not (or not yet) among the account's
            self.location.addItem(self.tr("Saved location {id}").format(id=location_id),
                                  location_id)
            index = self.location.count() - 1
        self.location.setCurrentIndex(max(0, index))

    def save(self) -> None:
        self.save_error.setText("")
        limits = self.limits.limits()
        if limits is None:
            self.save_error.setText(self.tr("Some refund limits need fixing (in red)."))
            return
        self.vm.save(account=self.stripe.account_edit.text(),
                     location_id=self.location.currentData(), limits=limits,
                     language=self.language.currentData(), printer=self._printer_fields())

    # --- receipt printer -----------------------------------------------------------------
    def _printer_fields(self) -> dict[str, object]:
        choice = self.receipt.choice()
        return {"printer_kind": choice.kind, "printer_name": choice.name,
                "printer_host": choice.host, "printer_port": choice.port,
                "paper_mm": choice.paper_mm, "print_after_refund": choice.after_refund}

    def print_test_slip(self) -> None:
        """A test slip on the printer as the form shows it (saved or not)."""
        fields = self._printer_fields()
        if fields["printer_kind"] == "network" and not fields["printer_host"]:
            self.receipt.show_status(self.tr("Enter the network printer's address first."),
                                     error=True)
            return
        settings = replace(self.vm.settings, **fields)
        self.receipt.test_button.setEnabled(False)
        self.receipt.show_status(self.tr("Printing a test slip…"))
        self.slip_printer.print_slip(sample_slip("", self._clock()), settings, self,
                                     self._tested)

    def _tested(self, ok: bool, text: str) -> None:
        self.receipt.test_button.setEnabled(self.receipt.choice().kind != "")
        self.receipt.show_status(text, good=ok, error=not ok)

    def done(self, result: int) -> None:
        """However the dialog closes: the key field is emptied (its tasks stop with it)."""
        self.stripe.key_edit.setText("")
        super().done(result)
