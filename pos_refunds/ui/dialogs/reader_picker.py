"""The list of readers to refund on: every reader shown, only usable ones can be picked."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...clock import Clock, utc_now
from ...domain.payments import Reader
from ..metrics import TOUCH_HEIGHT
from ..models.readers_model import ReadersTableModel, reader_usable
from ..restyle import restyle
from ..views.record_table import record_table
from ..views.touch import touch_button


class ReaderPicker(QWidget):
    """`readerPicker` table, a Refresh button and a line saying what the list is doing."""

    selectionChanged = Signal()
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None, *, clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self._model = ReadersTableModel(self, clock=clock)
        self._loaded = False
        # The status says why a reader cannot be used: all of it, wrapped.
        self._table = record_table(self._model, "readerPicker", self.tr("Readers"),
                                   row_height=TOUCH_HEIGHT + 8, wrap=True, parent=self)
        self._table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self._table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        column = ReadersTableModel.Column
        for col, mode in (
            (column.LABEL, QHeaderView.ResizeMode.ResizeToContents),
            (column.MODEL, QHeaderView.ResizeMode.Interactive),
            (column.LOCATION, QHeaderView.ResizeMode.Interactive),
            (column.LAST_SEEN, QHeaderView.ResizeMode.ResizeToContents),
            (column.STATUS, QHeaderView.ResizeMode.Stretch),
        ):
            header.setSectionResizeMode(col, mode)
        header.resizeSection(column.MODEL, 210)
        header.resizeSection(column.LOCATION, 190)
        self._table.setMinimumHeight(TOUCH_HEIGHT * 4)

        title = QLabel(self.tr("&Reader"))
        title.setBuddy(self._table)
        title.setObjectName("readerPickerTitle")
        self._status = QLabel()
        self._status.setObjectName("readerPickerStatus")
        self._status.setWordWrap(True)
        self._refresh = touch_button("refreshReadersButton", self.tr("Refresh readers"))

        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self._status, 1)
        top.addWidget(self._refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._table, 1)

        self._refresh.clicked.connect(self.refreshRequested)
        self._table.selectionModel().selectionChanged.connect(self._on_selection)
        self._model.modelReset.connect(self.selectionChanged)

    @property
    def table(self) -> QTableView:
        return self._table

    @property
    def loaded(self) -> bool:
        return self._loaded

    def selected_reader(self) -> Reader | None:
        """The picked reader, only while it can still take the refund."""
        rows = self._table.selectionModel().selectedRows()
        if not rows:
            return None
        reader = self._model.reader(rows[0].row())
        return reader if reader_usable(reader) else None

    def usable_count(self) -> int:
        return sum(
            1 for row in range(self._model.rowCount()) if reader_usable(self._model.reader(row))
        )

    def set_loading(self, loading: bool) -> None:
        self._refresh.setEnabled(not loading)
        self._refresh.setText(self.tr("Loading…") if loading else self.tr("Refresh readers"))
        if loading:
            self._status.setText(self.tr("Loading readers…"))

    def set_error(self, text: str) -> None:
        self._status.setText(text)
        restyle(self._status, tone="error")

    def set_readers(self, readers: list[Reader], prefer: tuple[str | None, ...]) -> None:
        """Show `readers`; keep the pick if still usable, else pick the first usable of `prefer`."""
        current = self.selected_reader()
        self._loaded = True
        self._model.set_readers(readers)
        wanted = (current.id if current else None, *prefer)
        self._table.clearSelection()
        for reader_id in wanted:
            if reader_id is not None and self.select(reader_id):
                break
        usable = self.usable_count()
        restyle(self._status, tone="" if usable else "warning")
        if not readers:
            self._status.setText(self.tr("No readers found for this account."))
        elif not usable:
            self._status.setText(self.tr("No reader can take this refund now (offline or busy)."))
        else:
            self._status.setText(self.tr("{usable} of %n readers available.", "",
                                         len(readers)).format(usable=usable))
        self.selectionChanged.emit()

    def select(self, reader_id: str) -> bool:
        """Pick the reader if it is usable; True when it is now picked."""
        row = self._model.row_of(reader_id)
        if row is None or not reader_usable(self._model.reader(row)):
            return False
        index = self._model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self._table.selectionModel().setCurrentIndex(index, flags)
        self._table.scrollTo(index)
        return True

    def _on_selection(self, *_: object) -> None:
        self.selectionChanged.emit()
