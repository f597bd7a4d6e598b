"""The staff list of the Staff dialog: name and role, one row per person.

Changes are applied in place (targeted dataChanged, inserted and removed rows), so the row a
manager has chosen stays chosen after a role change or a PIN reset.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...domain.staff import ROLE_WORDS, Staff

AnyIndex = QModelIndex | QPersistentModelIndex


class StaffTableModel(QAbstractTableModel):
    class Column(IntEnum):
        NAME = 0
        ROLE = 1

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    STAFF_ROLE = Qt.ItemDataRole.UserRole + 2
    HEADERS = {Column.NAME: "Name", Column.ROLE: "Role"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Staff] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.Column)):
            return self.HEADERS[self.Column(section)]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        column = self.Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return person.name if column == self.Column.NAME else ROLE_WORDS.get(person.role,
                                                                                 person.role)
        if role == self.SORT_ROLE:
            return person.name.casefold() if column == self.Column.NAME else person.role
        if role == self.STAFF_ROLE:
            return person
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
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.Column) - 1))
        known = {s.id for s in self._rows}
        added = [s for s in fresh if s.id not in known]
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()
