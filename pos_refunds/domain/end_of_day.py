"""Closing the day: which authorizations are still open and how urgent they are, and the
day's totals per card network and currency.

Pure functions over Payment records, so the rules can be tested with made-up payments and
the screen, the printed report and the CSV all read the same numbers. Amounts of different
currencies are never added together: every total belongs to exactly one currency.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from .money import Money
from .payments import Payment, RefundRecord

# Stripe cancels an in-person authorization that is not captured in time; when Stripe does
# not say when (no `capture_before`), about two days is the documented rule.
ASSUMED_LIFETIME = timedelta(days=2)
WARN_BEFORE = timedelta(hours=24)  # amber
URGENT_BEFORE = timedelta(hours=6)  # red

# Refunds that take money back from the day: sent and not failed or canceled.
COUNTED_REFUNDS = frozenset({"succeeded", "pending"})
# Only a captured payment can give money back: canceling an authorization leaves a refund
# record on its charge (the hold released), but nothing was collected, so nothing returns.
CAPTURED = "succeeded"


class Urgency(enum.Enum):
    """How soon an authorization must be captured or canceled."""

    OK = "ok"
    SOON = "soon"  # less than WARN_BEFORE left
    URGENT = "urgent"  # less than URGENT_BEFORE left
    EXPIRED = "expired"  # past its deadline: Stripe releases (or has released) the hold


@dataclass(frozen=True, slots=True)
class Authorization:
    """An uncaptured payment and the moment its hold ends."""

    payment: Payment
    deadline: datetime
    estimated: bool  # True when Stripe gave no capture_before and ASSUMED_LIFETIME applies

    def age(self, now: datetime) -> timedelta:
        return now - self.payment.created

    def time_left(self, now: datetime) -> timedelta:
        return self.deadline - now

    def urgency(self, now: datetime) -> Urgency:
        left = self.time_left(now)
        if left <= timedelta(0):
            return Urgency.EXPIRED
        if left < URGENT_BEFORE:
            return Urgency.URGENT
        if left < WARN_BEFORE:
            return Urgency.SOON
        return Urgency.OK


def authorization(payment: Payment) -> Authorization:
    if payment.capture_before is not None:
        return Authorization(payment, payment.capture_before, estimated=False)
    return Authorization(payment, payment.created + ASSUMED_LIFETIME, estimated=True)


def uncaptured(payments: Iterable[Payment]) -> list[Authorization]:
    """Payments waiting for a capture (`requires_capture`), the most urgent first."""
    found = [authorization(p) for p in payments if p.status == "requires_capture"]
    return sorted(found, key=lambda a: (a.deadline, a.payment.id))


def day_bounds(day: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """[start, end) of a calendar day, as aware datetimes.

    Without `tz` the computer's local time zone is used, daylight saving included (a naive
    local midnight is resolved by `astimezone`, so a 23- or 25-hour day comes out right).
    """
    nxt = day + timedelta(days=1)
    if tz is None:
        return (datetime.combine(day, time()).astimezone(),
                datetime.combine(nxt, time()).astimezone())
    return datetime.combine(day, time(), tzinfo=tz), datetime.combine(nxt, time(), tzinfo=tz)


def local_day_start(now: datetime) -> datetime:
    """Midnight at the start of `now`'s day in the computer's time zone."""
    return day_bounds(now.astimezone().date())[0]


def _within(moment: datetime, start: datetime, end: datetime) -> bool:
    return start <= moment < end


def day_refunds(payment: Payment, start: datetime, end: datetime) -> list[RefundRecord]:
    """The captured payment's refunds made in [start, end), whatever their status."""
    if payment.status != CAPTURED:
        return []
    return [r for r in payment.refunds if _within(r.created, start, end)]


def counted_refunds(payment: Payment, start: datetime, end: datetime) -> list[RefundRecord]:
    """The payment's refunds made in [start, end) that took money back."""
    return [r for r in day_refunds(payment, start, end) if r.status in COUNTED_REFUNDS]


def touched_on(payment: Payment, start: datetime, end: datetime) -> bool:
    """Made in the period, or refunded in it: what the day's export lists."""
    return _within(payment.created, start, end) or bool(day_refunds(payment, start, end))


@dataclass(frozen=True, slots=True)
class DayTotal:
    """Collected, refunded and net of one network in one currency (network None: all of them).

    Collected is what captured payments made in the day received; refunded is what refunds
    made in the day gave back, whenever their payment was made. Net is the difference.
    """

    network: str | None
    currency: str
    collected_count: int
    collected: Money
    refunded_count: int
    refunded: Money

    @property
    def net(self) -> Money:
        return self.collected - self.refunded


def _empty(network: str | None, currency: str) -> DayTotal:
    zero = Money(0, currency)
    return DayTotal(network, currency, 0, zero, 0, zero)


def _add(total: DayTotal, *, collected: Money | None = None,
         refunded: Money | None = None) -> DayTotal:
    c_count, c_sum = total.collected_count, total.collected
    r_count, r_sum = total.refunded_count, total.refunded
    if collected is not None:
        c_count, c_sum = c_count + 1, c_sum + collected
    if refunded is not None:
        r_count, r_sum = r_count + 1, r_sum + refunded
    return DayTotal(total.network, total.currency, c_count, c_sum, r_count, r_sum)


def day_totals(payments: Iterable[Payment], start: datetime, end: datetime,
               captured: Collection[str] = ()) -> list[DayTotal]:
    """One total per (network, currency) that had any activity in [start, end).

    A payment collects in the day it was made, or in the day it was captured (`captured`:
    ids of the payments the day's captures took, made that day or earlier). Sorted by
    currency, then network; a payment seen twice (same id) counts once.
    """
    totals: dict[tuple[str, str], DayTotal] = {}
    seen: set[str] = set()
    for p in payments:
        if p.id in seen:
            continue
        seen.add(p.id)
        key = (p.network, p.currency)
        if p.status == CAPTURED and p.amount_received.minor > 0 and (
                _within(p.created, start, end) or p.id in captured):
            totals[key] = _add(totals.get(key) or _empty(*key), collected=p.amount_received)
        for refund in counted_refunds(p, start, end):
            totals[key] = _add(totals.get(key) or _empty(*key), refunded=refund.amount)
    return [totals[k] for k in sorted(totals, key=lambda k: (k[1], k[0]))]


def currency_totals(totals: Iterable[DayTotal]) -> list[DayTotal]:
    """The networks of each currency added up (one row per currency, network None)."""
    sums: dict[str, DayTotal] = {}
    for t in totals:
        s = sums.get(t.currency) or _empty(None, t.currency)
        sums[t.currency] = DayTotal(
            None, t.currency,
            s.collected_count + t.collected_count, s.collected + t.collected,
            s.refunded_count + t.refunded_count, s.refunded + t.refunded,
        )
    return [sums[c] for c in sorted(sums)]
