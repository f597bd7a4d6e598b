"""Readers to refund on: every reader is listed, only the usable ones can be picked.

An offline or busy reader stays visible with the reason in its status column, so the cashier
sees why the reader at the counter cannot be chosen instead of wondering where it went.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from ...clock import Clock, utc_now
from ...domain.payments import Reader
from .. import palette
from ..formatting import format_age, reader_model
from .record_model import AnyIndex, RecordTableModel

translate = QCoreApplication.translate

_MUTED = QColor(palette.FAINT)


def reader_status(reader: Reader) -> str:
    """Online / Offline / Busy, with the reason a reader cannot take a refund."""
    if reader.status == "offline":
        return translate("ReadersTableModel", "Offline — check the reader's power and network")
    if reader.busy:
        return translate("ReadersTableModel", "Busy — finishing another action")
    if not reader.can_refund:
        return translate("ReadersTableModel",
                         "Online — {model} cannot take in-person refunds").format(
            model=reader_model(reader))
    return translate("ReadersTableModel", "Online", "reader status")


def reader_usable(reader: Reader) -> bool:
    return reader.status != "offline" and not reader.busy and reader.can_refund


class ReadersTableModel(RecordTableModel[Reader]):
    class Column(IntEnum):
        LABEL = 0
        MODEL = 1
        LOCATION = 2
        LAST_SEEN = 3
        STATUS = 4

    READER_ROLE = RecordTableModel.ROW_ROLE

    CONTEXT = "ReadersTableModel"
    HEADERS = {
        Column.LABEL: QT_TRANSLATE_NOOP("ReadersTableModel", "Reader"),
        Column.MODEL: QT_TRANSLATE_NOOP("ReadersTableModel", "Model"),
        Column.LOCATION: QT_TRANSLATE_NOOP("ReadersTableModel", "Location"),
        Column.LAST_SEEN: QT_TRANSLATE_NOOP("ReadersTableModel", "Last seen"),
        Column.STATUS: QT_TRANSLATE_NOOP("ReadersTableModel", "Status"),
    }

    def __init__(self, parent: QObject | None = None, *, clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self._clock = clock  # "Last seen 2 min ago" is counted from now

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if reader_usable(self._rows[index.row()]):
            return (
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren
            )
        return Qt.ItemFlag.ItemNeverHasChildren

    def _role_data(self, reader: Reader, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{reader.label} — {reader.serial_number} ({reader.id})"
        if role == Qt.ItemDataRole.ForegroundRole and not reader_usable(reader):
            return _MUTED
        return None

    def _display(self, reader: Reader, column: Column) -> str:
        c = self.Column
        if column == c.LABEL:
            return reader.label or reader.id
        if column == c.MODEL:
            return reader_model(reader)
        if column == c.LOCATION:
            return reader.location_name or "—"
        if column == c.LAST_SEEN:
            if reader.last_seen_at is None:
                return "—"
            return format_age(reader.last_seen_at, now=self._clock())
        return reader_status(reader)

    def _sort_key(self, reader: Reader, column: Column) -> Any:
        if column == self.Column.LAST_SEEN:
            return reader.last_seen_at.timestamp() if reader.last_seen_at else 0.0
        if column == self.Column.STATUS:
            return f"{0 if reader_usable(reader) else 1}{reader_status(reader)}"
        return super()._sort_key(reader, column)

    def _alignment(self, column: Column) -> Qt.AlignmentFlag | None:
        return None  # the view's own: cells left, headers centred

    def reader(self, row: int) -> Reader:
        return self._rows[row]

    def row_of(self, reader_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == reader_id), None)

    def set_readers(self, readers: Iterable[Reader]) -> None:
        """Replace the list; known readers are updated in place so a pick survives a refresh."""
        fresh = list(readers)
        if [r.id for r in fresh] == [r.id for r in self._rows]:
            for row, reader in enumerate(fresh):
                if reader != self._rows[row]:
                    self._rows[row] = reader
                    self._row_changed(row)
            return
        self._reset_rows(fresh)
