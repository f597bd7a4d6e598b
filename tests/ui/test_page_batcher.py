"""Loaded pages reach the table in batches: the first at once, the next together a moment
later, all of them before any other write and at the load's end."""

from __future__ import annotations

from pos_refunds.ui.models.page_batcher import PageBatcher
from pos_refunds.ui.models.payments_model import PaymentsTableModel, row_keys
from tests.support.builders import NOW, make_payment


def page(*ids: str, amount: int = 1250) -> list:
    return [make_payment(pid, amount=amount) for pid in ids]


def test_the_first_page_goes_in_at_once_the_next_together_soon_after(qtbot) -> None:
    model = PaymentsTableModel(clock=lambda: NOW)
    batcher = PageBatcher(model, interval_ms=40)
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    batcher.add(page("pi_1", "pi_2"))
    assert model.rowCount() == 2
    batcher.add(page("pi_3"))
    batcher.add(page("pi_4", "pi_5"))
    assert model.rowCount() == 2 and batcher.waiting == 3  # within the interval: they wait
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    # as they came, in one insertion: the filter sorts and the table lays out once for both
    assert inserted == [2, 3] and batcher.waiting == 0
    assert [model.payment(r).id for r in range(5)] == ["pi_1", "pi_2", "pi_3", "pi_4", "pi_5"]


def test_a_flush_puts_what_waits_in_now_and_a_later_copy_wins(qtbot) -> None:
    model = PaymentsTableModel(clock=lambda: NOW)
    batcher = PageBatcher(model, interval_ms=10_000)  # only a flush lets them in here
    batcher.add(page("pi_1", "pi_2"))
    batcher.add(page("pi_3"))
    batcher.add(page("pi_3", amount=999))  # the same payment again, read later
    batcher.add(page("pi_1", amount=777))  # one already in the table, read again
    assert model.rowCount() == 2
    batcher.flush()
    assert [model.payment(r).id for r in range(3)] == ["pi_1", "pi_2", "pi_3"]
    assert model.payment(2).amount.minor == 999  # the later page's copy, in the first's place
    assert model.payment(0).amount.minor == 777
    batcher.flush()  # nothing waiting: nothing happens
    assert model.rowCount() == 3
    batcher.add(page("pi_4"))  # the timer stopped with the flush: at once again
    assert model.rowCount() == 4


def test_a_fresher_payment_goes_in_after_the_waiting_pages() -> None:
    """A change found by polling while an older copy still waits in a page: the change wins."""
    model = PaymentsTableModel(clock=lambda: NOW)
    batcher = PageBatcher(model, interval_ms=10_000)
    batcher.add(page("pi_1"))
    batcher.add(page("pi_2", amount=1250))  # read before the change below
    batcher.upsert([make_payment("pi_2", amount=1250, refunded=500)])
    assert batcher.waiting == 0
    assert model.payment(model.row_of("pi_2")).amount_refunded.minor == 500


def test_a_page_comes_with_its_keys_worked_out_off_the_qt_thread() -> None:
    """The keys a page brings are the ones the model keeps (and would have worked out)."""
    model = PaymentsTableModel(clock=lambda: NOW)
    batcher = PageBatcher(model, interval_ms=10_000)
    loaded = page("pi_1", "pi_2")
    keys = row_keys(loaded)
    batcher.add(loaded, keys)
    assert model.row_keys() == keys
    assert all(a is b for a, b in zip(model.row_keys(), keys, strict=True))  # not redone
    alone = PaymentsTableModel(clock=lambda: NOW)
    alone.append(loaded)
    assert alone.row_keys() == keys
