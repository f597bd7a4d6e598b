"""Dates on screen come from the app's clock alone, whatever the day, the hour or the zone.

The clock is frozen at instants where a stray read of the real one shows (just before midnight
on New Year's Eve, just after a daylight-saving change, the evening of 29 February), in two
zones with unusual offsets (St. John's: -3:30, DST in the north; Auckland: +13, DST in the
south). What each screen says is compared with what zoneinfo, not Qt, says it should: a widget
still reading the real clock (December 2026, UTC here) says another day.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pos_refunds.ui.models.payments_model import PaymentsTableModel
from pos_refunds.ui.models.readers_model import ReadersTableModel
from pos_refunds.ui.views.date_range import DateRangeEdit
from pos_refunds.ui.views.detail_panel import DetailPanel
from pos_refunds.ui.views.refund_history import TIME
from tests.support.builders import make_payment, make_reader, make_refund

# (zone, local wall time, fold): fold=1 is the second of two equal wall times (after a fall back)
INSTANTS = [
    ("America/St_Johns", datetime(2026, 12, 31, 23, 59, 30), 0),  # New Year's Eve
    ("America/St_Johns", datetime(2027, 3, 14, 3, 0, 30), 0),  # just after 02:00 -> 03:00
    ("America/St_Johns", datetime(2028, 2, 29, 23, 58), 0),  # leap day, before midnight
    ("Pacific/Auckland", datetime(2026, 12, 31, 23, 59, 30), 0),
    ("Pacific/Auckland", datetime(2027, 4, 4, 2, 0, 30), 1),  # just after 03:00 -> 02:00
    ("Pacific/Auckland", datetime(2028, 2, 29, 23, 58), 0),
]


@dataclass
class Frozen:
    zone: str
    now: datetime  # aware, UTC

    def __call__(self) -> datetime:
        return self.now

    def local(self, dt: datetime) -> datetime:
        return dt.astimezone(ZoneInfo(self.zone))

    def when(self, dt: datetime) -> str:
        """What format_when must say of `dt` at this instant in this zone."""
        day, today = self.local(dt), self.local(self.now)
        hm = f"{day:%H:%M}"
        words = {0: "Today", 1: "Yesterday", -1: "Tomorrow"}.get((today.date() - day.date()).days)
        if words:
            return f"{words} {hm}"
        if day.year != today.year:
            return f"{day:%Y-%m-%d} {hm}"  # en_CA's short date
        return f"{day.day} {day:%b} {hm}"


def _ids() -> list[str]:
    return [f"{zone.split('/')[1]}-{local:%Y%m%d-%H%M}" for zone, local, _ in INSTANTS]


@pytest.fixture(params=INSTANTS, ids=_ids())
def frozen(request) -> Iterator[Frozen]:
    """The process runs in the zone (Qt follows TZ), the app's clock stopped at the instant."""
    zone, local, fold = request.param
    aware = local.replace(tzinfo=ZoneInfo(zone), fold=fold)
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield Frozen(zone, aware.astimezone(UTC))
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_the_instants_are_what_they_say(frozen: Frozen) -> None:
    """The DST instants fall on a change (the offset an hour before differs), and none is
    today's date, so a widget reading the real clock would say another day."""
    local = frozen.local(frozen.now)
    if local.month in (3, 4):
        earlier = frozen.local(frozen.now - timedelta(hours=1))
        assert earlier.utcoffset() != local.utcoffset()
    assert local.date() != datetime.now(UTC).astimezone(ZoneInfo(frozen.zone)).date()


def test_detail_panel_reads_the_apps_clock(qtbot, frozen: Frozen) -> None:
    panel = DetailPanel(clock=frozen)
    qtbot.addWidget(panel)
    now = frozen.now
    refund = make_refund(created=now - timedelta(days=1))
    authorized = make_payment(status="requires_capture", created=now - timedelta(minutes=3),
                              capture_hours=5, now=now, refunds=(refund,))
    panel.set_payment(authorized)  # no `now` given: the panel asks its clock
    assert panel.fields["created"].text() == frozen.when(authorized.created)
    assert panel.fields["captureBy"].text() == frozen.when(authorized.capture_before)
    assert "within 5 h " in panel.findChild(QLabel, "captureDeadline").text()
    assert panel.refunds.item(0, TIME).text() == frozen.when(refund.created)


def test_payments_table_reads_the_apps_clock(frozen: Frozen) -> None:
    model = PaymentsTableModel(clock=frozen)
    now = frozen.now
    times = [now - timedelta(minutes=2), now - timedelta(hours=20), now - timedelta(days=3),
             now - timedelta(days=400)]
    model.upsert([make_payment(f"pi_{i}", created=t) for i, t in enumerate(times)])
    shown = {model.index(row, model.Column.TIME).data(Qt.ItemDataRole.DisplayRole)
             for row in range(model.rowCount())}
    assert shown == {frozen.when(t) for t in times}


def test_readers_last_seen_counts_from_the_apps_clock(frozen: Frozen) -> None:
    model = ReadersTableModel(clock=frozen)
    model.set_readers([make_reader(last_seen_at=frozen.now - timedelta(minutes=12))])
    seen = model.index(0, model.Column.LAST_SEEN).data(Qt.ItemDataRole.DisplayRole)
    assert seen == "12 mins ago"


def test_date_filter_starts_on_the_tills_day(qtbot, frozen: Frozen) -> None:
    dates = DateRangeEdit("journal", clock=frozen)
    qtbot.addWidget(dates)
    day = frozen.local(frozen.now).date()
    shown = dates.first.date()
    assert (shown.year(), shown.month(), shown.day()) == (day.year, day.month, day.day)


def test_the_window_hands_its_clock_down(qtbot, frozen: Frozen, request) -> None:
    """The real window on the sandbox: the table, the detail panel and the status bar all use
    the clock the composition root gave it."""
    request.getfixturevalue("services")  # before `live_window` reads `app_clock`
    window = request.getfixturevalue("live_window")
    payment = window.model.payment(0)
    assert window.payments_view.select_payment(payment.id)
    qtbot.waitUntil(lambda: (p := window.detail.payment()) is not None and p.id == payment.id)
    assert window.detail.fields["created"].text() == frozen.when(payment.created)
    column = window.model.index(0, window.model.Column.TIME)
    assert column.data(Qt.ItemDataRole.DisplayRole) == frozen.when(payment.created)
    local = frozen.local(frozen.now)
    assert window.status.last_refresh.text() == f"Updated {local:%H:%M:%S}"


@pytest.fixture
def app_clock(frozen: Frozen) -> Frozen:
    return frozen
