"""Dates in the payments list: a till's list spans days, so the day is always said."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QLocale

from pos_refunds.ui.formatting import format_datetime, format_day, format_when


def local(dt: datetime) -> datetime:
    """The same wall-clock time in the machine's zone (the list shows local days)."""
    return dt.replace(tzinfo=None).astimezone(UTC)


def test_today_and_yesterday_are_said_in_words() -> None:
    now = local(datetime(2026, 11, 29, 20, 0))
    assert format_when(local(datetime(2026, 11, 29, 0, 5)), now=now) == "Today 00:05"
    assert format_when(local(datetime(2026, 11, 28, 18, 31)), now=now) == "Yesterday 18:31"
    assert format_when(local(datetime(2026, 11, 27, 9, 5)), now=now) == "27 Nov 09:05"


def test_older_days_use_the_locale() -> None:
    now = local(datetime(2026, 11, 29, 20, 0))
    french = QLocale(QLocale.Language.French, QLocale.Country.Canada)
    assert format_when(local(datetime(2026, 11, 20, 9, 5)), french, now=now) == "20 nov 09:05"
    last_year = local(datetime(2025, 12, 31, 9, 5))
    assert format_day(last_year, now=now) == "2025-12-31"


def test_a_deadline_tomorrow_and_the_full_date_use_the_same_clock() -> None:
    now = local(datetime(2026, 11, 29, 20, 0))
    assert format_when(local(datetime(2026, 11, 30, 9, 0)), now=now) == "Tomorrow 09:00"
    assert format_datetime(local(datetime(2026, 11, 29, 18, 40))) == "2026-11-29 18:40"
