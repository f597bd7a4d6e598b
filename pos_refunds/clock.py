"""The one place the app reads the wall clock; everything that shows or compares times takes a
`Clock` through its constructor, so tests fix "now" instead of depending on the date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)
