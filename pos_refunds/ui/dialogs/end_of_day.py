"""End of day: what is still authorized (capture or cancel it), the day's totals, the day's
refunds and cancellations, and the report on paper, as PDF or as CSV.

Layout and glue only; EndOfDayViewModel does the work. Opened with `.open()`; every dialog it
opens (confirmations, print, file) is opened the same way. It cannot be closed while a
capture or cancel is on its way (its outcome must show), and the window closing stops it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...clock import Clock, utc_now
from ...domain.payments import Payment
from ...journal import AsyncJournal, VerifyReport
from ...services.api import Mode, MoneyActions, PaymentsSource, Staff
from ..end_of_day_report import report_html
from ..file_export import SaveFailed
from ..metrics import TOUCH_HEIGHT
from ..printing import open_print_dialog, write_pdf
from ..prompts import Prompts
from ..viewmodels.authorization_rows import AuthRow
from ..viewmodels.end_of_day_vm import EndOfDayViewModel
from ..views.authorizations_section import AuthorizationsSection
from ..views.day_tables import DayTablesView
from .save_file import ask_save_path

WIDTH, HEIGHT = 1340, 720
TICK_MS = 30_000  # the time left before each deadline moves on


def _button(name: str, text: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.setMinimumWidth(150)
    button.setAutoDefault(False)
    return button


class EndOfDayDialog(QDialog):
    paymentUpdated = Signal(object)  # a fresh Payment, for the main list

    def __init__(
        self,
        payments: Iterable[Payment],
        source: PaymentsSource,
        actions: MoneyActions,
        journal: AsyncJournal,
        prompts: Prompts,
        staff: Staff,
        *,
        mode: Mode,
        shop: str = "",
        clock: Clock = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("endOfDayDialog")
        self.setWindowTitle("End of day")
        self._prompts = prompts
        self.vm = EndOfDayViewModel(payments, source, actions, journal, prompts, staff,
                                    mode=mode, shop=shop, clock=clock, parent=self)
        day = self.locale().toString(QDate(self.vm.day.year, self.vm.day.month, self.vm.day.day),
                                     QLocale.FormatType.LongFormat)
        title = QLabel(f"End of day — {day}")
        title.setObjectName("dialogTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: 700;")
        self.authorizations = AuthorizationsSection(clock=clock)
        self.tables = DayTablesView()
        self.journal_status = QLabel("Checking the journal…")
        self.journal_status.setObjectName("journalStatus")
        self.journal_status.setAccessibleName("Journal check")
        self.journal_status.setProperty("hint", True)
        self.status = QLabel()
        self.status.setObjectName("endOfDayStatus")
        self.status.setAccessibleName("Saved")
        self.status.setWordWrap(True)
        self.status.hide()
        self.print_button = _button("printButton", "Print…", "Print the report")
        self.pdf_button = _button("savePdfButton", "Save as PDF…", "Save the report as PDF")
        self.csv_button = _button("exportDayCsvButton", "Export CSV…", "Export the day as CSV")
        self.close_button = _button("endOfDayCloseButton", "Close", "Close")

        buttons = QHBoxLayout()
        for button in (self.print_button, self.pdf_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        notes = QVBoxLayout()
        notes.setSpacing(2)
        notes.addWidget(self.status)
        notes.addWidget(self.journal_status)
        buttons.addLayout(notes, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.authorizations, 1)
        layout.addWidget(self.tables, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(lambda: self.authorizations.tick(self.vm.clock()))
        self._wire()
        if parent is not None:
            parent.installEventFilter(self)  # the window closing stops what runs here
        self._fit_screen()
        self.close_button.setFocus()  # no batch is one stray Enter away
        self.vm.load()
        self._timer.start()

    def _wire(self) -> None:
        vm, section = self.vm, self.authorizations
        vm.rowsChanged.connect(lambda rows: section.set_rows(rows, vm.clock()))
        vm.rowChanged.connect(self._row_changed)
        vm.totalsChanged.connect(self.tables.set_totals)
        vm.operationsChanged.connect(self.tables.set_operations)
        vm.journalChecked.connect(self._journal_checked)
        vm.paymentUpdated.connect(self.paymentUpdated)
        vm.progress.connect(section.set_progress)
        vm.busyChanged.connect(self._busy_changed)
        vm.failed.connect(lambda error: self._prompts.show_error(self, error))
        vm.exported.connect(self._saved)
        section.captureRequested.connect(lambda pid: vm.capture(pid, self))
        section.cancelRequested.connect(lambda pid: vm.cancel_payment(pid, self))
        section.captureAllRequested.connect(lambda: vm.capture_all(self))
        section.cancelAllRequested.connect(lambda: vm.cancel_all(self))
        section.stopRequested.connect(self._stop)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self.choose_pdf_file)
        self.csv_button.clicked.connect(self.choose_csv_file)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(self._finished)

    def _fit_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else None
        width = min(WIDTH, room.width() - 20) if room is not None else WIDTH
        height = min(HEIGHT, room.height() - 40) if room is not None else HEIGHT
        self.resize(width, height)

    @property
    def busy(self) -> bool:
        """A capture or cancel is on its way: the idle lock waits for it, Esc is ignored."""
        return self.vm.busy

    # --- glue ----------------------------------------------------------------------------
    def _row_changed(self, row: AuthRow) -> None:
        self.authorizations.update_row(row, self.vm.clock())

    def _busy_changed(self, busy: bool) -> None:
        self.authorizations.set_busy(busy)
        self.close_button.setEnabled(not busy)
        self.close_button.setText("Wait…" if busy else "Close")

    def _stop(self) -> None:
        self.vm.stop()
        self.authorizations.stopping()

    def _journal_checked(self, report: VerifyReport) -> None:
        if report.ok:
            self.journal_status.setText(f"Journal verified: {report.checked} entries intact.")
        else:
            self.journal_status.setText("The journal does not verify: see Reports → Audit "
                                        "journal.")
            self.journal_status.setStyleSheet("color: #b91c1c; font-weight: 600;")

    def _saved(self, path: str) -> None:
        self.status.setText(f"Saved {path}")
        self.status.setStyleSheet("color: #166534; font-weight: 600;")
        self.status.show()

    def reject(self) -> None:
        """Esc and Close wait while a capture or cancel is on its way."""
        if self.vm.busy:
            return
        super().reject()

    def _finished(self, _result: int) -> None:
        self._timer.stop()
        self.vm.cancel()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Close:
            self.vm.cancel()
        return False

    # --- the report ----------------------------------------------------------------------
    def report_document(self) -> QTextDocument:
        document = QTextDocument(self)
        document.setHtml(report_html(self.vm.report(), self.locale()))
        return document

    def print_report(self) -> QPrintDialog:
        """The system's print dialog, opened (not exec'd); printing starts when accepted."""
        return open_print_dialog(self, f"End of day {self.vm.day:%Y-%m-%d}", self._print_on)

    def _print_on(self, printer: QPrinter) -> None:
        self.report_document().print_(printer)

    def choose_pdf_file(self) -> None:
        ask_save_path(self, "Save the end-of-day report as PDF",
                      f"end-of-day-{self.vm.day:%Y-%m-%d}.pdf", "PDF files (*.pdf)",
                      self.write_pdf)

    def write_pdf(self, path: Path) -> None:
        """Written here, after the file dialog returned: a few pages take milliseconds."""
        if not write_pdf(path, f"End of day {self.vm.day:%Y-%m-%d}", self._print_on):
            self._prompts.show_error(self, SaveFailed(
                f"{path.name} could not be written to {path.parent}. Choose another folder."))
            return
        self._saved(str(path))

    def choose_csv_file(self) -> None:
        ask_save_path(self, "Export the day as CSV", f"end-of-day-{self.vm.day:%Y-%m-%d}.csv",
                      "CSV files (*.csv)", self.vm.export_csv)
