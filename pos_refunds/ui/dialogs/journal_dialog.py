"""The audit journal viewer: every entry of this till's journal, filtered by date and state,
with the chain check and the CSV export a manager hands to whoever keeps the books.

Layout and glue only: reading, verifying and exporting belong to JournalViewModel. Opened
with `.open()`; closing cancels whatever is still running.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...clock import Clock, utc_now
from ...journal import AsyncJournal, Entry, OperationState, VerifyReport
from ...services.journal_audit import AuditReport
from ..metrics import TOUCH_HEIGHT
from ..models.journal_model import (
    STATE_WORDS,
    JournalFilterProxy,
    JournalTableModel,
    entry_detail_html,
)
from ..prompts import Prompts
from ..viewmodels.journal_vm import (
    EXPORT,
    LOAD,
    VERIFY,
    JournalViewModel,
    audit_text,
    verify_text,
)
from ..views.date_range import DateRangeEdit
from ..views.record_table import record_table
from .save_file import ask_save_path

Col = JournalTableModel.Column
# Starting widths (px at the app's 11 pt) that fit a 1366 px screen; the error column takes
# what is left. Long ids are elided in the middle; the line under the table shows them whole.
# Names are what a manager reads first here: room for "Training manager", ids shortened.
WIDTHS = {Col.TIME: 112, Col.OPERATION: 106, Col.KIND: 150, Col.PAYMENT: 146, Col.AMOUNT: 80,
          Col.STAFF: 150, Col.APPROVER: 150, Col.TILL: 86, Col.STATE: 116, Col.STRIPE_IDS: 146}
GOOD, BAD = "color: #166534; font-weight: 600;", "color: #b91c1c; font-weight: 600;"
WIDTH, HEIGHT = 1340, 700
NOTHING_SELECTED = "Select an entry to see all it says."


def _touch(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setMinimumHeight(TOUCH_HEIGHT)


class JournalDialog(QDialog):
    def __init__(self, journal: AsyncJournal, prompts: Prompts,
                 parent: QWidget | None = None, *,
                 audit: Callable[[], Awaitable[AuditReport]] | None = None,
                 clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self.setObjectName("journalDialog")
        self._clock = clock  # "today" of the date filter and of the export's file name
        self.setWindowTitle("Audit journal")
        self._prompts = prompts
        self.vm = JournalViewModel(journal, self, audit=audit)
        self.model = JournalTableModel(self, clock=clock)
        self.proxy = JournalFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        title = QLabel("Audit journal")
        title.setObjectName("dialogTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: 700;")
        intro = QLabel("Every money operation of this till as it was written: who asked, who "
                       "approved, what Stripe answered. Entries can be added, never changed.")
        intro.setWordWrap(True)
        intro.setProperty("hint", True)

        self.dates = DateRangeEdit("journal", clock=clock)
        self.state = QComboBox()
        _touch(self.state, "journalStateFilter", "Filter by state")
        self.state.addItem("All states", None)
        for state, words in STATE_WORDS.items():
            self.state.addItem(words, state)
        self.count = QLabel("Loading…")
        self.count.setObjectName("journalCount")
        self.count.setAccessibleName("Entries shown")

        self.table = self._build_table()
        self.detail = QLabel(NOTHING_SELECTED)
        self.detail.setObjectName("entryDetail")
        self.detail.setAccessibleName("Selected entry")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(60)
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.result.setAccessibleName("Verification result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()

        self.verify_button = QPushButton("Verify journal")
        _touch(self.verify_button, "verifyButton", "Verify journal")
        self.export_button = QPushButton("Export CSV…")
        _touch(self.export_button, "exportButton", "Export CSV")
        self.close_button = QPushButton("Close")
        _touch(self.close_button, "journalCloseButton", "Close")
        for button in (self.verify_button, self.export_button, self.close_button):
            button.setMinimumWidth(150)
            button.setAutoDefault(False)

        self._layout(title, intro)
        self._wire()
        if parent is not None:
            parent.installEventFilter(self)  # the window closing stops what runs here
        self._fit_screen()
        self.vm.load()

    def _build_table(self) -> QTableView:
        table = record_table(self.proxy, "journalTable", "Journal entries")
        table.setSortingEnabled(True)
        table.sortByColumn(Col.TIME, Qt.SortOrder.DescendingOrder)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(48)
        for column, width in WIDTHS.items():
            table.setColumnWidth(column, width)
        # Stretched from the width it has now, which is also the least it keeps.
        table.setColumnWidth(Col.ERROR, 60)
        header.setStretchLastSection(True)
        return table

    def _fit_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else None
        width = min(WIDTH, room.width() - 20) if room is not None else WIDTH
        height = min(HEIGHT, room.height() - 40) if room is not None else HEIGHT
        self.resize(width, height)

    def _layout(self, title: QLabel, intro: QLabel) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.dates)
        filters.addSpacing(12)
        state_label = QLabel("&State")
        state_label.setBuddy(self.state)
        filters.addWidget(state_label)
        filters.addWidget(self.state)
        self.state.setMinimumWidth(200)
        filters.addStretch(1)
        filters.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.result)
        layout.addLayout(buttons)

    def _wire(self) -> None:
        vm = self.vm
        vm.entriesLoaded.connect(self._loaded)
        vm.verified.connect(self._verified)
        vm.exported.connect(self._exported)
        vm.failed.connect(lambda error: self._prompts.show_error(self, error))
        vm.busyChanged.connect(self._busy_changed)
        self.dates.rangeChanged.connect(self._dates_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.state.currentIndexChanged.connect(
            lambda _i: self._filter_state(self.state.currentData()))
        self.verify_button.clicked.connect(vm.verify)
        self.export_button.clicked.connect(self.choose_export_file)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(lambda _r: vm.cancel())

    # --- glue ----------------------------------------------------------------------------
    def _loaded(self, entries: list[Entry]) -> None:
        self.model.set_entries(entries)
        today = self._clock().astimezone().date()
        days = [e.at.astimezone().date() for e in entries] or [today]
        # From the oldest entry's day to today: everything shows at first.
        self.dates.set_dates(min(days), max(max(days), today))
        if entries:
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _dates_changed(self, first: date, last: date) -> None:
        self.proxy.set_dates(first, last)
        self._show_count()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(JournalTableModel.ENTRY_ROLE) if current.isValid() else None
        self.detail.setText(entry_detail_html(entry) if entry is not None else NOTHING_SELECTED)

    def _filter_state(self, state: OperationState | str | None) -> None:
        self.proxy.set_state(state)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} entries" if shown != total
                           else f"{total} entries" if total != 1 else "1 entry")

    def _verified(self, report: VerifyReport | AuditReport) -> None:
        if isinstance(report, AuditReport):  # Stripe unreachable only: the file is fine
            text, good = audit_text(report), report.local.ok and not report.problems
        else:
            text, good = verify_text(report), report.ok
        self.result.setText(text)
        self.result.setStyleSheet(GOOD if good else BAD)
        self.result.show()

    def _exported(self, path: str) -> None:
        self.result.setText(f"Journal exported to {path}")
        self.result.setStyleSheet(GOOD)
        self.result.show()

    def _busy_changed(self, what: str, busy: bool) -> None:
        if what == VERIFY:
            self.verify_button.setEnabled(not busy)
            self.verify_button.setText("Verifying…" if busy else "Verify journal")
        elif what == EXPORT:
            self.export_button.setEnabled(not busy)
            self.export_button.setText("Exporting…" if busy else "Export CSV…")
        elif what == LOAD and busy:
            self.count.setText("Loading…")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Close:
            self.vm.cancel()
        return False

    def choose_export_file(self) -> None:
        day = self._clock().astimezone()
        ask_save_path(self, "Export the journal as CSV", f"journal-{day:%Y-%m-%d}.csv",
                      "CSV files (*.csv)", self._export_to)

    def _export_to(self, path: Path) -> None:
        self.vm.export_csv(path)
