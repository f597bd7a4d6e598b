"""One authorization on the end-of-day screen: where it stands, and how one capture or cancel
of it is carried out and told.

Kept apart from the view-model so the words and the one-payment flow can be read (and
tested) on their own. Nothing here is sent without reading the payment afresh first.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ...domain.end_of_day import Authorization, authorization
from ...domain.errors import ActionNotAllowed, OutcomeUnknown, PaymentChanged, PosError
from ...domain.money import Money
from ...domain.payments import Payment
from ...domain.policy import Action, availability
from ...domain.reasons import BatchReason
from ...services.api import MoneyActions, PaymentsSource, Staff
from ..formatting import card_words, format_money
from ..messages import error_title, refusal_words
from ..models.payments_model import state_text

translate = QCoreApplication.translate


class RowState(enum.Enum):
    READY = "ready"
    WORKING = "working"
    CAPTURED = "captured"
    CANCELED = "canceled"
    CHANGED = "changed"  # moved on elsewhere (another till, the Dashboard, Stripe's expiry)
    FAILED = "failed"  # not done; may be tried again

    @property
    def final(self) -> bool:
        return self in (RowState.CAPTURED, RowState.CANCELED, RowState.CHANGED)


@dataclass(frozen=True, slots=True)
class AuthRow:
    auth: Authorization
    state: RowState = RowState.READY
    message: str = ""  # how it ended, or why it waits, in words

    @property
    def payment(self) -> Payment:
        return self.auth.payment

    def can(self, action: Action) -> bool:
        return self.state in (RowState.READY, RowState.FAILED) and availability(
            self.payment, action).allowed

    def why_not(self, action: Action) -> str:
        """The policy's words when it refuses `action` for this payment ("" when it allows)."""
        refusal = availability(self.payment, action).reason
        return refusal_words(refusal) if refusal is not None else ""

    def moved(self, state: RowState, message: str) -> AuthRow:
        return dataclasses.replace(self, state=state, message=message)

    def refreshed(self, fresh: Payment) -> AuthRow:
        """The row for the payment as Stripe has it now."""
        if fresh.status == "requires_capture":
            return AuthRow(authorization(fresh), RowState.READY, "")
        return AuthRow(dataclasses.replace(self.auth, payment=fresh), RowState.CHANGED,
                       changed_words(fresh))


def changed_words(payment: Payment) -> str:
    return translate("AuthorizationRows", "Changed elsewhere: now {state}. Nothing was sent.",
                     "state: the payment's state, in lower case").format(
        state=state_text(payment).lower())


class ChangedElsewhere(PaymentChanged):
    """Read afresh just before sending, the payment was no longer waiting for capture."""


class BatchIncomplete(PosError):
    """Some of a "Capture all" or "Cancel all" were not done; one message for all of them."""

    @classmethod
    def of(cls, action: Action, failures: Sequence[tuple[AuthRow, BaseException]],
           total: int) -> BatchIncomplete:
        reason = (BatchReason.CAPTURE_INCOMPLETE if action is Action.CAPTURE
                  else BatchReason.CANCEL_INCOMPLETE)
        lines = tuple(translate("AuthorizationRows", "{amount} on {card} — {outcome}",
                                "outcome: how this row ended (Not captured: …)").format(
            amount=format_money(row.payment.amount), card=card_words(row.payment),
            outcome=row.message) for row, _error in failures)
        return cls(reason, count=len(failures), total=total, lines=lines)


def amounts_text(payments: Sequence[Payment]) -> str:
    """"$12.50 on Visa •••• 4242" for one payment; the sums per currency for several."""
    if len(payments) == 1:
        return translate("AuthorizationRows", "{amount} on {card}").format(
            amount=format_money(payments[0].amount), card=card_words(payments[0]))
    sums: dict[str, Money] = {}
    for p in payments:
        sums[p.currency] = sums.get(p.currency, Money(0, p.currency)) + p.amount
    amounts = [format_money(sums[c]) for c in sorted(sums)]
    text = amounts[0]
    for amount in amounts[1:]:
        text = translate("AuthorizationRows", "{amounts} and {amount}",
                         "sums in several currencies: $12.50 and US$3.00").format(
            amounts=text, amount=amount)
    return text


def _done_words(action: Action, amount: str) -> str:
    if action is Action.CAPTURE:
        return translate("AuthorizationRows", "Captured {amount}.").format(amount=amount)
    return translate("AuthorizationRows", "Canceled {amount}.").format(amount=amount)


def _not_done_words(action: Action, why: str | None) -> str:
    """"Not captured: Stripe key not accepted."; `why` None: a bug, said as such."""
    if why is None:
        if action is Action.CAPTURE:
            return translate("AuthorizationRows", "Not captured: unexpected error.")
        return translate("AuthorizationRows", "Not canceled: unexpected error.")
    if action is Action.CAPTURE:
        template = translate("AuthorizationRows", "Not captured: {why}.",
                             "why: the error's title")
    else:
        template = translate("AuthorizationRows", "Not canceled: {why}.",
                             "why: the error's title")
    return template.format(why=why)


@dataclass(frozen=True, slots=True)
class Outcome:
    row: AuthRow
    payments: tuple[Payment, ...]  # fresh records learnt on the way, for the lists
    error: Exception | None


async def run_one(action: Action, row: AuthRow, source: PaymentsSource, actions: MoneyActions,
                  staff: Staff) -> Outcome:
    """Read the payment afresh; capture or cancel it through the services if that still
    applies. Every failure ends in the row's words and the error (never raised)."""
    payment_id = row.payment.id
    seen: list[Payment] = []
    try:
        fresh = await source.refresh(payment_id)
        seen.append(fresh)
        if fresh.status != "requires_capture":
            moved = row.refreshed(fresh)
            return Outcome(moved, tuple(seen), ChangedElsewhere(
                BatchReason.CHANGED_ELSEWHERE, state=state_text(fresh).lower()))
        allowed = availability(fresh, action)
        if not allowed.allowed:
            assert allowed.reason is not None
            raise ActionNotAllowed(allowed.reason.reason, **allowed.reason.params)
        send = actions.capture if action is Action.CAPTURE else actions.cancel
        done = await send(fresh, staff=staff)
        seen.append(done)
        amount = done.amount_received if action is Action.CAPTURE else done.amount
        state = RowState.CAPTURED if action is Action.CAPTURE else RowState.CANCELED
        return Outcome(row.moved(state, _done_words(action, format_money(amount))),
                       tuple(seen), None)
    except PaymentChanged as error:  # Stripe refused: it moved on between our read and send
        now = await _quietly_refreshed(source, payment_id)
        if now is not None:
            seen.append(now)
        words = (changed_words(now) if now is not None and now.status != "requires_capture"
                 else translate("AuthorizationRows",
                                "Changed elsewhere: refresh to see it now."))
        return Outcome(row.moved(RowState.CHANGED, words), tuple(seen), error)
    except OutcomeUnknown as error:  # journaled; resolved before anything else on it
        return Outcome(row.moved(RowState.FAILED, translate(
            "AuthorizationRows", "Not confirmed by Stripe yet: it is checked again before "
            "anything else is done with it.")),
                       tuple(seen), error)
    except PosError as error:
        return Outcome(row.moved(RowState.FAILED, _not_done_words(action, error_title(error))),
                       tuple(seen), error)
    except Exception as error:  # a bug: Prompts logs it with its traceback
        return Outcome(row.moved(RowState.FAILED, _not_done_words(action, None)),
                       tuple(seen), error)


async def _quietly_refreshed(source: PaymentsSource, payment_id: str) -> Payment | None:
    try:
        return await source.refresh(payment_id)
    except PosError:
        return None
