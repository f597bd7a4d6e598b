"""How often the window looks for changes: fast while a payment is open or right after this till
acted, slow when the till sits idle at the list, at once when the window comes back to the front.
The pace is read off the view-model with an injected clock; nothing here waits on the clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pos_refunds.ui.tasks import TaskRegistry
from pos_refunds.ui.viewmodels.payments_vm import PaymentsViewModel
from tests.support.builders import make_payment
from tests.ui.fakes import FakeSource

T0 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


class CountingSource(FakeSource):
    def __init__(self) -> None:
        super().__init__([make_payment("pi_1")])
        self.looks = 0

    async def changes(self):  # noqa: ANN201
        self.looks += 1
        return await super().changes()


def view_model(clock: Clock, source: FakeSource | None = None,
               idle: float | None = None) -> PaymentsViewModel:
    return PaymentsViewModel(source or CountingSource(), TaskRegistry().scope("payments"),
                             poll_seconds=3.0, idle_poll_seconds=idle, clock=clock)


def test_idle_at_the_list_is_five_times_slower_at_most_six_looks_a_minute() -> None:
    vm = view_model(Clock())
    assert vm.interval() == 15.0 and 60 / vm.interval() <= 6


def test_an_open_payment_is_looked_at_fast() -> None:
    vm = view_model(Clock())
    vm.set_payment_open(True)
    assert vm.interval() == 3.0
    vm.set_payment_open(False)
    assert vm.interval() == 15.0


def test_while_a_reader_refund_is_followed_the_window_looks_at_the_idle_pace() -> None:
    """The follow reads the reader 1.7 times a second: the window's own looks would take it
    past the 2 a second, so they slow down until it ends, then the pace is what it was."""
    clock = Clock()
    vm = view_model(clock)
    vm.set_payment_open(True)
    vm.hurry()
    vm.set_following(True)
    assert vm.interval() == 15.0
    vm.set_following(False)
    assert vm.interval() == 3.0


def test_after_this_till_acted_it_is_fast_for_a_minute_then_slow_again() -> None:
    clock = Clock()
    vm = view_model(clock)
    vm.hurry()
    assert vm.interval() == 3.0
    clock.now = T0 + timedelta(seconds=59)
    assert vm.interval() == 3.0
    clock.now = T0 + timedelta(seconds=61)
    assert vm.interval() == 15.0


def test_coming_back_to_the_front_looks_at_once(qtbot, qasync) -> None:
    """Idle for an hour between looks: waking makes the next look happen now."""
    source = CountingSource()
    vm = view_model(Clock(), source, idle=3600.0)
    vm.load()
    qtbot.waitUntil(lambda: vm.loaded)
    vm.start_polling()
    qtbot.waitUntil(lambda: vm._nudge is not None)
    assert source.looks == 0
    vm.wake()
    qtbot.waitUntil(lambda: source.looks == 1)
    vm.set_payment_open(True)  # the pace changes: no extra look for that
    qtbot.wait(0)
    assert source.looks == 1
    vm.cancel()


def test_the_window_wakes_polling_when_it_is_activated(qtbot, qasync, prompts, tmp_path) -> None:
    from tests.ui.fakes import fake_services
    from tests.ui.test_main_window import open_window

    services = fake_services([make_payment("pi_1")])
    window = open_window(qtbot, prompts, tmp_path, services)
    woken: list[bool] = []
    window.payments_vm.wake = lambda: woken.append(True)  # type: ignore[method-assign]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: bool(woken))
