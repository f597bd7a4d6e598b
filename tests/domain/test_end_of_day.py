"""End of day rules: open authorizations and their urgency, the day's totals per network and
currency (never mixing currencies), and the local day's bounds."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pos_refunds.domain.end_of_day import (
    ASSUMED_LIFETIME,
    DayTotal,
    Urgency,
    authorization,
    currency_totals,
    day_bounds,
    day_totals,
    local_day_start,
    touched_on,
    uncaptured,
)
from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import RefundRecord
from tests.support.builders import make_payment, make_refund

START = datetime(2026, 11, 20, 5, 0, tzinfo=UTC)  # midnight in Toronto (EST)
END = START + timedelta(days=1)
NOON = START + timedelta(hours=12)


def refund(minor: int, currency: str = "cad", *, at: datetime = NOON, status: str = "succeeded",
           rid: str = "re_1") -> RefundRecord:
    return make_refund(rid, minor, currency=currency, status=status, reason=None, created=at,
                       metadata={})


def sale(pid: str, minor: int, *, network: str = "visa", currency: str = "cad",
         at: datetime = NOON, status: str = "succeeded", refunds: tuple = ()) -> object:
    refunded = sum(r.amount.minor for r in refunds)
    return make_payment(id=pid, amount=minor, network=network, currency=currency, created=at,
                        status=status, refunded=refunded, refunds=refunds)


# --- authorizations ------------------------------------------------------------------------

def test_only_uncaptured_payments_most_urgent_first() -> None:
    late = make_payment(amount=5000, id="pi_late", status="requires_capture",
                        capture_before=NOON + timedelta(hours=40))
    early = make_payment(amount=5000, id="pi_early", status="requires_capture",
                         capture_before=NOON + timedelta(hours=2))
    others = [make_payment(amount=5000, id=f"pi_{s}", status=s)
              for s in ("succeeded", "canceled", "requires_payment_method", "processing")]
    found = uncaptured([late, *others, early])
    assert [a.payment.id for a in found] == ["pi_early", "pi_late"]


@pytest.mark.parametrize(("hours_left", "urgency"), [
    (48, Urgency.OK),
    (24, Urgency.OK),
    (23.9, Urgency.SOON),
    (6, Urgency.SOON),
    (5.9, Urgency.URGENT),
    (0.01, Urgency.URGENT),
    (0, Urgency.EXPIRED),
    (-3, Urgency.EXPIRED),
])
def test_urgency_amber_under_a_day_red_under_six_hours(hours_left: float,
                                                       urgency: Urgency) -> None:
    auth = authorization(make_payment(amount=5000, status="requires_capture",
                                      capture_before=NOON + timedelta(hours=hours_left)))
    assert auth.urgency(NOON) is urgency
    assert auth.time_left(NOON) == timedelta(hours=hours_left)


def test_deadline_is_estimated_when_stripe_gives_none() -> None:
    payment = make_payment(amount=5000, status="requires_capture", capture_before=None,
                           created=NOON)
    auth = authorization(payment)
    assert auth.estimated
    assert auth.deadline == NOON + ASSUMED_LIFETIME
    assert auth.age(NOON + timedelta(hours=3)) == timedelta(hours=3)
    exact = authorization(make_payment(amount=5000, status="requires_capture", capture_before=END))
    assert not exact.estimated and exact.deadline == END


# --- totals --------------------------------------------------------------------------------

def test_collected_refunded_and_net_per_network() -> None:
    payments = [
        sale("pi_1", 1000),
        sale("pi_2", 2550, refunds=(refund(550),)),
        sale("pi_3", 4000, network="interac"),
        sale("pi_4", 700, network="interac", refunds=(refund(700, rid="re_2"),)),
    ]
    totals = day_totals(payments, START, END)
    assert [(t.network, t.currency) for t in totals] == [("interac", "cad"), ("visa", "cad")]
    interac, visa = totals
    assert (visa.collected_count, visa.collected, visa.refunded_count, visa.refunded) == (
        2, Money(3550, "cad"), 1, Money(550, "cad"))
    assert visa.net == Money(3000, "cad")
    assert (interac.collected_count, interac.collected, interac.refunded) == (
        2, Money(4700, "cad"), Money(700, "cad"))
    assert interac.net == Money(4000, "cad")


def test_other_days_and_uncollected_payments_do_not_count() -> None:
    payments = [
        sale("pi_yesterday", 1000, at=START - timedelta(seconds=1)),
        sale("pi_tomorrow", 1000, at=END),
        sale("pi_auth", 1000, status="requires_capture"),
        sale("pi_canceled", 1000, status="canceled"),
        sale("pi_first", 1000, at=START),
    ]
    [total] = day_totals(payments, START, END)
    assert (total.collected_count, total.collected) == (1, Money(1000, "cad"))
    assert total.refunded_count == 0


def test_a_refund_today_of_yesterdays_sale_counts_today() -> None:
    old = sale("pi_old", 3000, at=START - timedelta(hours=20), refunds=(
        refund(1000, at=NOON), refund(500, at=START - timedelta(hours=2), rid="re_old")))
    [total] = day_totals([old], START, END)
    assert (total.collected_count, total.collected) == (0, Money(0, "cad"))
    assert (total.refunded_count, total.refunded) == (1, Money(1000, "cad"))
    assert total.net == Money(-1000, "cad")
    assert touched_on(old, START, END)
    assert not touched_on(sale("pi_x", 100, at=END), START, END)


def test_failed_and_canceled_refunds_give_nothing_back() -> None:
    payment = sale("pi_1", 2000, refunds=(
        refund(500, status="failed"), refund(400, status="canceled", rid="re_2"),
        refund(300, status="pending", rid="re_3")))
    [total] = day_totals([payment], START, END)
    assert (total.refunded_count, total.refunded) == (1, Money(300, "cad"))


def test_a_released_authorization_gives_nothing_back() -> None:
    """Canceling an authorization leaves a refund record on its charge: the hold released,
    not money returned, since none was collected."""
    released = sale("pi_auth", 1930, network="amex", status="canceled",
                    refunds=(refund(1930, status="succeeded"),))
    assert day_totals([released], START, END) == []
    assert not touched_on(sale("pi_old", 500, at=START - timedelta(days=1), status="canceled",
                               refunds=(refund(500),)), START, END)


def test_jpy_has_no_decimals_and_is_kept_apart() -> None:
    payments = [
        sale("pi_jpy", 1200, currency="jpy", refunds=(refund(200, "jpy"),)),
        sale("pi_jpy2", 800, currency="jpy"),
        sale("pi_cad", 1200),
    ]
    totals = day_totals(payments, START, END)
    assert [(t.network, t.currency) for t in totals] == [("visa", "cad"), ("visa", "jpy")]
    jpy = totals[1]
    assert jpy.collected == Money(2000, "jpy") and jpy.refunded == Money(200, "jpy")
    assert jpy.net == Money(1800, "jpy")
    assert str(jpy.net) == "1800 JPY"


def test_mixed_currencies_are_never_added_together() -> None:
    payments = [
        sale("pi_cad", 1000),
        sale("pi_cad_i", 2000, network="interac"),
        sale("pi_eur", 1500, network="girocard", currency="eur", refunds=(refund(500, "eur"),)),
        sale("pi_aud", 990, network="eftpos_au", currency="aud"),
        sale("pi_jpy", 500, currency="jpy"),
        sale("pi_kwd", 1235, currency="kwd"),
    ]
    totals = day_totals(payments, START, END)
    for t in totals:
        assert {t.collected.currency, t.refunded.currency, t.net.currency} == {t.currency}
    sums = currency_totals(totals)
    assert [(s.currency, s.collected.minor, s.net.minor) for s in sums] == [
        ("aud", 990, 990), ("cad", 3000, 3000), ("eur", 1500, 1000), ("jpy", 500, 500),
        ("kwd", 1235, 1235),
    ]
    assert all(s.network is None for s in sums)
    assert sums[1].collected_count == 2


def test_money_of_two_currencies_cannot_be_summed() -> None:
    """The guard the totals rely on."""
    mixed = DayTotal("visa", "cad", 1, Money(100, "cad"), 1, Money(100, "jpy"))
    with pytest.raises(ValueError, match="cannot mix"):
        _ = mixed.net


def test_a_payment_listed_twice_counts_once() -> None:
    payment = sale("pi_1", 1000)
    [total] = day_totals([payment, payment], START, END)
    assert total.collected_count == 1


def test_no_activity_no_rows() -> None:
    assert day_totals([], START, END) == []
    assert currency_totals([]) == []


# --- the day -------------------------------------------------------------------------------

def test_day_bounds_in_a_time_zone_follow_daylight_saving() -> None:
    toronto = ZoneInfo("America/Toronto")
    start, end = day_bounds(date(2026, 11, 1), toronto)  # clocks go back: 25 hours
    assert start == datetime(2026, 11, 1, tzinfo=toronto)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=25)
    start, end = day_bounds(date(2026, 11, 20), timezone(timedelta(hours=-5)))
    assert (start, end) == (START, END)


def test_local_day_start_is_local_midnight_before_now() -> None:
    now = datetime.now(UTC)
    start = local_day_start(now)
    local = start.astimezone()
    assert (local.hour, local.minute, local.second) == (0, 0, 0)
    assert start <= now < start + timedelta(hours=25)
    assert start.tzinfo is not None
