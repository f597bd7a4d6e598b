"""What every table of records shares: one frozen record per row, one IntEnum column per field.

A model names its columns (`Column`, `HEADERS`: each title marked with
`QT_TRANSLATE_NOOP(CONTEXT, ...)`, translated when a view asks) and says how a record reads in a
column (`_display`), sorts (`_sort_key`), aligns (`_alignment`) and what else it offers for other
roles (`_role_data`: tooltips, colours, icons, fonts). The counting, the headers, the role
dispatch and the row object under `ROW_ROLE` live here once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

translate = QCoreApplication.translate

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
K = TypeVar("K")


class TranslatedWords(Mapping[K, str]):
    """Words by key, marked at import with `QT_TRANSLATE_NOOP(context, ...)` and read in the
    language of the moment: `words[key]` (and `.get`, `.items()`) translates at each access."""

    def __init__(self, context: str, words: Mapping[K, str]) -> None:
        self._context = context
        self._words = dict(words)

    def __getitem__(self, key: K) -> str:
        return translate(self._context, self._words[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """A flat table of records of type T, held in `self._rows`."""

    Column: ClassVar[type[IntEnum]]  # each subclass names its columns
    HEADERS: ClassVar[Mapping[Any, str]]  # and their titles, by column (untranslated)
    CONTEXT: ClassVar[str]  # the translation context HEADERS are marked in

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # what the sort proxies sort by
    ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the record itself

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    # --- Qt's model contract ---------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return translate(self.CONTEXT, self.HEADERS[self.Column(section)])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self._aligned(self.Column(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == self.SORT_ROLE:
            return self._sort_key(row, column)
        if role == self.ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._aligned(column)
        return self._role_data(row, column, role)

    # --- what a subclass says about its records --------------------------------------------
    def _display(self, row: T, column: Any) -> str:
        """What a cell shows: every model says it for its own records."""
        raise TypeError(f"{type(self).__name__} does not say what its cells show")

    def _sort_key(self, row: T, column: Any) -> Any:
        """By default the shown text, without regard to case."""
        return self._display(row, column).lower()

    def _alignment(self, column: Any) -> Qt.AlignmentFlag | None:
        """Of the cells and their header; None leaves both to the view (headers centred)."""
        return LEFT

    def _role_data(self, row: T, column: Any, role: int) -> Any:
        """Any other role: tooltips, colours, icons, fonts."""
        return None

    # --- helpers ---------------------------------------------------------------------------
    def _aligned(self, column: Any) -> int | None:
        alignment = self._alignment(column)
        return None if alignment is None else int(alignment)

    def _reset_rows(self, rows: Iterable[T]) -> None:
        """Replace every row at once (a model reset: selections and scroll start over)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _row_changed(self, row: int) -> None:
        """Tell the views every cell of one row changed."""
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.Column) - 1))
