"""End of day: what is still authorized (capture or cancel it), the day's totals, the day's
refunds and cancellations, and the report on paper, as PDF or as CSV.

Layout and glue only; EndOfDayViewModel does the work. Opened with `.open()`; every dialog it
opens (confirmations, print, file) is opened the same way. It cannot be closed while a
capture or cancel is on its way (its outcome must show), and the window closing stops it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...clock import Clock, utc_now
from ...domain.errors import PosError
from ...domain.payments import Payment
from ...domain.reasons import FileReason
from ...journal import VerifyReport
from ...services.api import Staff
from ..end_of_day_report import report_html
from ..file_export import SaveFailed
from ..flows.bulk import EndOfDayBulkFlow
from ..messages import error_title
from ..ports import BackEnd
from ..presenter import Presenter
from ..printing import open_print_dialog, write_pdf
from ..prompts import Prompts
from ..restyle import restyle
from ..tasks import TaskRegistry
from ..viewmodels.authorization_rows import AuthRow
from ..viewmodels.end_of_day_vm import EndOfDayViewModel
from ..views.authorizations_section import AuthorizationsSection
from ..views.day_tables import DayTablesView
from ..views.screen_fit import fit_to_screen, scroll_body
from ..views.touch import touch_button
from .save_file import ask_save_path

WIDTH, HEIGHT = 1340, 720
TICK_MS = 30_000  # the time left before each deadline moves on



class EndOfDayDialog(QDialog):
    paymentUpdated = Signal(object)  # a fresh Payment, for the main list

    def __init__(
        self,
        payments: Iterable[Payment],
        back: BackEnd,
        prompts: Prompts,
        staff: Staff,
        tasks: TaskRegistry,
        *,
        clock: Clock = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("endOfDayDialog")
        self.setWindowTitle(self.tr("End of day"))
        self._prompts = prompts
        bulk = EndOfDayBulkFlow(back, back.payments, back.actions, prompts,
                                tasks.scope("end of day", owner=self), lambda: staff, self)
        self.vm = EndOfDayViewModel(payments, back.payments, back.journal, back.day, bulk, staff,
                                    mode=back.mode, shop=back.account_name, clock=clock,
                                    parent=self)
        day = self.locale().toString(QDate(self.vm.day.year, self.vm.day.month, self.vm.day.day),
                                     QLocale.FormatType.LongFormat)
        title = QLabel(self.tr("End of day — {day}").format(day=day))
        title.setObjectName("dialogTitle")
        self.authorizations = AuthorizationsSection(clock=clock)
        self.tables = DayTablesView()
        self.journal_status = QLabel(self.tr("Checking the journal…"))
        self.journal_status.setObjectName("journalStatus")
        self.journal_status.setAccessibleName(self.tr("Journal check"))
        self.journal_status.setProperty("hint", True)
        self.journal_status.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("endOfDayStatus")
        self.status.setAccessibleName(self.tr("Saved", "what was saved last"))
        self.status.setWordWrap(True)
        self.status.hide()
        self.print_button = touch_button("printButton", self.tr("Print…"),
                                         self.tr("Print the report"), min_width=150)
        self.pdf_button = touch_button("savePdfButton", self.tr("Save as PDF…"),
                                       self.tr("Save the report as PDF"), min_width=150)
        self.csv_button = touch_button("exportDayCsvButton", self.tr("Export CSV…"),
                                       self.tr("Export the day as CSV"), min_width=150)
        self.close_button = touch_button("endOfDayCloseButton", self.tr("Close"), min_width=150)

        buttons = QHBoxLayout()
        for button in (self.print_button, self.pdf_button, self.csv_button):
            # Never narrower than its words (the style sheet's padding included).
            button.setMinimumWidth(max(150, button.sizeHint().width()))
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        # The journal's line beside the title: the buttons' row keeps its width for the
        # buttons' words (longer in French) and what was saved.
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        self.journal_status.setAlignment(Qt.AlignmentFlag.AlignRight
                                         | Qt.AlignmentFlag.AlignVCenter)
        # room for two lines whatever it says later (it wraps in French at 1024 px)
        self.journal_status.setMinimumHeight(2 * self.journal_status.fontMetrics().lineSpacing()
                                             + 4)
        top.addWidget(self.journal_status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.authorizations, 1)
        layout.addWidget(self.tables, 2)  # the totals before a longer list of authorizations
        layout.addLayout(buttons)
        # A small (or scaled) screen: all but the buttons scroll, nothing squeezed under its
        # minimum (the sections look as they did where they fit).
        scroll_body(layout, "endOfDayScroll")

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(lambda: self.authorizations.tick(self.vm.clock()))
        self._wire()
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
        vm.operationsUnread.connect(self._operations_unread)
        vm.paymentUpdated.connect(self.paymentUpdated)
        vm.progress.connect(section.set_progress)
        vm.busyChanged.connect(self._busy_changed)
        vm.failed.connect(lambda error: Presenter(self._prompts).error(self, error))
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
        fit_to_screen(self, WIDTH, HEIGHT, cap=True)  # the totals squeeze, never the screen

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
        self.close_button.setText(self.tr("Wait…") if busy else self.tr("Close"))

    def _stop(self) -> None:
        self.vm.stop()
        self.authorizations.stopping()

    def _journal_checked(self, report: VerifyReport) -> None:
        if report.ok:
            self.journal_status.setText(
                self.tr("Journal verified: %n entries intact.", "", report.checked))
        else:
            self.journal_status.setText(self.tr("The journal does not verify: see Reports → "
                                                "Audit journal."))
            restyle(self.journal_status, tone="error")

    def _operations_unread(self, error: PosError) -> None:
        self.status.setText(self.tr("The day's operations were not read from Stripe: "
                                    "{reason}.").format(reason=error_title(error).lower()))
        restyle(self.status, tone="error")
        self.status.show()

    def _saved(self, path: str) -> None:
        self.status.setText(self.tr("Saved {path}", "a file").format(path=path))
        restyle(self.status, tone="good")
        self.status.show()

    def reject(self) -> None:
        """Esc and Close wait while a capture or cancel is on its way."""
        if self.vm.busy:
            return
        super().reject()

    def _finished(self, _result: int) -> None:
        self._timer.stop()  # its tasks stop with it: its scope of the window's registry

    # --- the report ----------------------------------------------------------------------
    def report_document(self) -> QTextDocument:
        document = QTextDocument(self)
        document.setHtml(report_html(self.vm.report(), self.locale()))
        return document

    def print_report(self) -> QPrintDialog:
        """The system's print dialog, opened (not exec'd); printing starts when accepted."""
        return open_print_dialog(self, self._document_name(), self._print_on, landscape=True)

    def _document_name(self) -> str:
        """The report's name in the printer's queue and in the PDF."""
        return self.tr("End of day {date}", "the printed report's name").format(
            date=f"{self.vm.day:%Y-%m-%d}")

    def _print_on(self, printer: QPrinter) -> None:
        self.report_document().print_(printer)

    def choose_pdf_file(self) -> None:
        ask_save_path(self, self.tr("Save the end-of-day report as PDF"),
                      self._file_name("pdf"), self.tr("PDF files (*.pdf)"), self.write_pdf)

    def _file_name(self, suffix: str) -> str:
        return self.tr("end-of-day-{date}.{suffix}",
                       "a file name: no spaces, no accents").format(
            date=f"{self.vm.day:%Y-%m-%d}", suffix=suffix)

    def write_pdf(self, path: Path) -> None:
        """Written here, after the file dialog returned: a few pages take milliseconds."""
        if not write_pdf(path, self._document_name(), self._print_on, landscape=True):
            Presenter(self._prompts).error(self, SaveFailed(
                FileReason.NOT_WRITTEN_PDF, file=path.name, folder=str(path.parent)))
            return
        self._saved(str(path))

    def choose_csv_file(self) -> None:
        ask_save_path(self, self.tr("Export the day as CSV"), self._file_name("csv"),
                      self.tr("CSV files (*.csv)"), self.vm.export_csv)
