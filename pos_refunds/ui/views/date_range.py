"""Two dates, From and To, that stay the right way round, with a calendar a finger can use.

When one end is moved past the other, the other follows, so the range is never empty by
accident. Typing works too (keyboard only); the calendar pops up from the arrow.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ...clock import Clock, utc_now
from ..metrics import TOUCH_HEIGHT


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DateRangeEdit(QWidget):
    rangeChanged = Signal(object, object)  # first, last (datetime.date), first <= last

    def __init__(self, name: str, parent: QWidget | None = None, *,
                 clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        today = to_qdate(clock().astimezone().date())  # the till's day, not UTC's
        self.first = self._edit(today, f"{name}From", self.tr("From date"))
        self.last = self._edit(today, f"{name}To", self.tr("To date"))
        for text, edit in ((self.tr("&From"), self.first), (self.tr("&To"), self.last)):
            label = QLabel(text)
            label.setBuddy(edit)
            # Room for the word as drawn: Qt measures "To" a few pixels short at 11 pt.
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text) + 10)
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
            layout.addWidget(edit)
            layout.addSpacing(6)
        self.first.dateChanged.connect(lambda _d: self._changed(self.first))
        self.last.dateChanged.connect(lambda _d: self._changed(self.last))

    def _edit(self, day: QDate, name: str, words: str) -> QDateEdit:
        """`words`: the accessible name, translated already."""
        edit = QDateEdit(day)
        edit.setObjectName(name)
        edit.setAccessibleName(words)
        edit.setMinimumHeight(TOUCH_HEIGHT)
        edit.setMinimumWidth(150)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(self.locale().dateFormat(QLocale.FormatType.ShortFormat))
        return edit

    def dates(self) -> tuple[date, date]:
        return to_date(self.first.date()), to_date(self.last.date())

    def set_dates(self, first: date, last: date) -> None:
        """Both ends at once (one rangeChanged), in order."""
        first, last = min(first, last), max(first, last)
        for edit in (self.first, self.last):
            edit.blockSignals(True)
        self.first.setDate(to_qdate(first))
        self.last.setDate(to_qdate(last))
        for edit in (self.first, self.last):
            edit.blockSignals(False)
        self.rangeChanged.emit(first, last)

    def _changed(self, moved: QDateEdit) -> None:
        first, last = self.dates()
        if first > last:  # the other end follows, then this runs again for it
            other = self.last if moved is self.first else self.first
            other.setDate(moved.date())
            return
        self.rangeChanged.emit(first, last)
