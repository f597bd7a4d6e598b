"""The day's operations: Stripe's records joined with the journal's, one per operation; and
the day's totals counting a capture of an older authorization."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pos_refunds.domain.day_operations import DayKind, DayOperation, DayOutcome, merge
from pos_refunds.domain.end_of_day import day_totals
from pos_refunds.domain.money import Money
from tests.support.builders import make_payment as payment

T0 = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
CAD = Money(500, "cad")


def _op(kind=DayKind.REFUND, *, stripe_id="re_1", op_id="op1", outcome=DayOutcome.DONE,
        minutes=0, **kw) -> DayOperation:
    return DayOperation(kind, T0 + timedelta(minutes=minutes), "pi_1", CAD, outcome,
                        stripe_id=stripe_id, op_id=op_id, **kw)


def test_an_operation_both_know_is_one_record_with_the_journals_details() -> None:
    stripe = [_op(till="t1", staff="Ann")]
    journal = [_op(on_reader=True, history=("pending", "succeeded"), till="t1", staff="Ann")]
    (one,) = merge(stripe, journal)
    assert one.on_reader and one.history == ("pending", "succeeded")


def test_the_journals_failed_attempt_and_other_tills_records_are_all_kept() -> None:
    stripe = [_op(op_id="other", stripe_id="re_9", till="t2", minutes=2)]
    journal = [_op(stripe_id="", op_id="mine", outcome=DayOutcome.FAILED,
                   error="reader.failed", minutes=1)]
    ops = merge(stripe, journal)
    assert [o.op_id for o in ops] == ["mine", "other"]


def test_a_refund_without_metadata_is_outside_the_app_and_a_stripe_record_counts_once() -> None:
    bare = _op(op_id="")
    assert bare.outside_app
    assert len(merge([bare, bare], [])) == 1


def test_a_capture_of_yesterdays_authorization_counts_in_todays_totals() -> None:
    old = payment("pi_old", status="succeeded", amount=800, minutes_ago=60 * 30)
    start, end = old.created + timedelta(hours=20), old.created + timedelta(hours=44)
    assert day_totals([old], start, end) == []
    (total,) = day_totals([old], start, end, captured={"pi_old"})
    assert total.collected == Money(800, "cad") and total.collected_count == 1
