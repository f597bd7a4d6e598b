"""The staff list of the Staff dialog: name and role, one row per person.

Changes are applied in place (targeted dataChanged, inserted and removed rows), so the row a
manager has chosen stays chosen after a role change or a PIN reset.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt

from ...domain.staff import Staff
from ..messages import role_words
from .record_model import RecordTableModel


class StaffTableModel(RecordTableModel[Staff]):
    class Column(IntEnum):
        NAME = 0
        ROLE = 1

    STAFF_ROLE = RecordTableModel.ROW_ROLE
    CONTEXT = "StaffTableModel"
    HEADERS = {Column.NAME: QT_TRANSLATE_NOOP("StaffTableModel", "Name"),
               Column.ROLE: QT_TRANSLATE_NOOP("StaffTableModel", "Role")}

    def _display(self, person: Staff, column: Column) -> str:
        return person.name if column == self.Column.NAME else role_words(person.role)

    def _sort_key(self, person: Staff, column: Column) -> Any:
        return person.name.casefold() if column == self.Column.NAME else person.role

    def _alignment(self, column: Column) -> Qt.AlignmentFlag | None:
        return None  # the view's own: cells left, headers centred

    def _role_data(self, person: Staff, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(person, column)
        return None

    def staff(self, row: int) -> Staff:
        return self._rows[row]

    def row_of(self, staff_id: str) -> int | None:
        return next((i for i, s in enumerate(self._rows) if s.id == staff_id), None)

    def set_staff(self, staff: Iterable[Staff]) -> None:
        """Replace the list: same people are updated in place, others removed or added."""
        fresh = list(staff)
        fresh_ids = {s.id for s in fresh}
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id not in fresh_ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        by_id = {s.id: s for s in fresh}
        for row, person in enumerate(self._rows):
            if by_id[person.id] != person:
                self._rows[row] = by_id[person.id]
                self._row_changed(row)
        known = {s.id for s in self._rows}
        added = [s for s in fresh if s.id not in known]
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()
