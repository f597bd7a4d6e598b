"""The audit journal viewer: every entry of this till's journal, filtered by date and state,
with the chain check and the CSV export a manager hands to whoever keeps the books.

Layout and glue only: reading, verifying and exporting belong to JournalViewModel. Opened
with `.open()`; closing cancels whatever is still running.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...clock import Clock, utc_now
from ...journal import Entry, OperationState, VerifyReport
from ..metrics import TOUCH_HEIGHT
from ..models.journal_model import (
    STATE_WORDS,
    JournalFilterProxy,
    JournalTableModel,
    operation_detail_html,
)
from ..ports import AuditReport, JournalReader
from ..presenter import Presenter
from ..prompts import Prompts
from ..restyle import restyle
from ..tasks import TaskRegistry
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
from ..views.screen_fit import fit_to_screen
from ..views.touch import touch_button
from .save_file import ask_save_path

Col = JournalTableModel.Column
# Starting widths (px at the app's 11 pt) that fit a 1366 px screen; the error column takes
# what is left. Long ids are elided in the middle; the line under the table shows them whole.
# Names are what a manager reads first here: room for "Training manager", ids shortened.
WIDTHS = {Col.TIME: 112, Col.OPERATION: 106, Col.KIND: 150, Col.PAYMENT: 146, Col.AMOUNT: 80,
          Col.STAFF: 150, Col.APPROVER: 150, Col.TILL: 86, Col.STATE: 225, Col.STRIPE_IDS: 146}
GOOD, BAD = "good", "error"  # the result's tone in style.qss
WIDTH, HEIGHT = 1340, 700


class JournalDialog(QDialog):
    def __init__(self, journal: JournalReader, prompts: Prompts, tasks: TaskRegistry,
                 parent: QWidget | None = None, *,
                 audit: Callable[[], Awaitable[AuditReport]] | None = None,
                 clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self.setObjectName("journalDialog")
        self._clock = clock  # "today" of the date filter and of the export's file name
        self.setWindowTitle(self.tr("Audit journal"))
        self._prompts = prompts
        self.vm = JournalViewModel(journal, tasks.scope("journal", owner=self), self,
                                  audit=audit)
        self.model = JournalTableModel(self, clock=clock)
        self.proxy = JournalFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        title = QLabel(self.tr("Audit journal"))
        title.setObjectName("dialogTitle")
        intro = QLabel(self.tr("Every money operation of this till as it was written: who "
                               "asked, who approved, what Stripe answered. Entries can be "
                               "added, never changed."))
        intro.setWordWrap(True)
        intro.setProperty("hint", True)

        self.dates = DateRangeEdit("journal", clock=clock)
        self.state = QComboBox()
        self.state.setObjectName("journalStateFilter")
        self.state.setAccessibleName(self.tr("Filter by state"))
        self.state.setMinimumHeight(TOUCH_HEIGHT)
        self.state.addItem(self.tr("All states"), None)
        for state, words in STATE_WORDS.items():
            self.state.addItem(words, state)
        self.count = QLabel(self.tr("Loading…"))
        self.count.setObjectName("journalCount")
        self.count.setAccessibleName(self.tr("Entries shown"))

        self.table = self._build_table()
        self.detail = QLabel(self._nothing_selected())
        self.detail.setObjectName("entryDetail")
        self.detail.setAccessibleName(self.tr("Selected entry"))
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(60)
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.result.setAccessibleName(self.tr("Verification result"))
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()

        self.verify_button = touch_button("verifyButton", self.tr("Verify journal"),
                                          min_width=150)
        self.export_button = touch_button("exportButton", self.tr("Export CSV…"), min_width=150)
        self.close_button = touch_button("journalCloseButton", self.tr("Close"), min_width=150)

        self._layout(title, intro)
        self._wire()
        self._fit_screen()
        self.vm.load()

    def _build_table(self) -> QTableView:
        table = record_table(self.proxy, "journalTable", self.tr("Journal entries"))
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
        # Ids are in the detail below the table: the columns say it in words, what it was
        # and how it ended first (a narrow screen scrolls to the payment, not the outcome).
        for column in (Col.OPERATION, Col.STRIPE_IDS):
            table.setColumnHidden(column, True)
        for place, column in enumerate((Col.TIME, Col.KIND, Col.AMOUNT, Col.STATE, Col.STAFF,
                                        Col.APPROVER, Col.TILL, Col.PAYMENT)):
            header.moveSection(header.visualIndex(column), place)
        return table

    def _fit_screen(self) -> None:
        fit_to_screen(self, WIDTH, HEIGHT)

    def _layout(self, title: QLabel, intro: QLabel) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.dates)
        filters.addSpacing(12)
        state_label = QLabel(self.tr("&State", "of an operation: pending, succeeded…"))
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
        vm.failed.connect(lambda error: Presenter(self._prompts).error(self, error))
        vm.busyChanged.connect(self._busy_changed)
        self.dates.rangeChanged.connect(self._dates_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.state.currentIndexChanged.connect(
            lambda _i: self._filter_state(self.state.currentData()))
        self.verify_button.clicked.connect(vm.verify)
        self.export_button.clicked.connect(self.choose_export_file)
        self.close_button.clicked.connect(self.reject)

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
        self.detail.setText(operation_detail_html(self.model.history(entry.op_id))
                            if entry is not None else self._nothing_selected())

    def _nothing_selected(self) -> str:
        return self.tr("Select an operation to see all it says and its history.")

    def _filter_state(self, state: OperationState | str | None) -> None:
        self.proxy.set_state(state)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("{shown} of %n operations", "", total).format(shown=shown)
                           if shown != total else self.tr("%n operations", "", total))

    def _verified(self, report: VerifyReport | AuditReport) -> None:
        if isinstance(report, AuditReport):  # Stripe unreachable only: the file is fine
            text, good = audit_text(report), report.local.ok and not report.problems
        else:
            text, good = verify_text(report), report.ok
        self.result.setText(text)
        restyle(self.result, tone=GOOD if good else BAD)
        self.result.show()

    def _exported(self, path: str) -> None:
        self.result.setText(self.tr("Journal exported to {path}").format(path=path))
        restyle(self.result, tone=GOOD)
        self.result.show()

    def _busy_changed(self, what: str, busy: bool) -> None:
        if what == VERIFY:
            self.verify_button.setEnabled(not busy)
            self.verify_button.setText(self.tr("Verifying…") if busy
                                       else self.tr("Verify journal"))
        elif what == EXPORT:
            self.export_button.setEnabled(not busy)
            self.export_button.setText(self.tr("Exporting…") if busy
                                       else self.tr("Export CSV…"))
        elif what == LOAD and busy:
            self.count.setText(self.tr("Loading…"))

    def choose_export_file(self) -> None:
        day = self._clock().astimezone()
        ask_save_path(self, self.tr("Export the journal as CSV"),
                      self.tr("journal-{date}.csv", "a file name: no spaces, no accents")
                      .format(date=f"{day:%Y-%m-%d}"),
                      self.tr("CSV files (*.csv)"), self._export_to)

    def _export_to(self, path: Path) -> None:
        self.vm.export_csv(path)
