"""Every Stripe failure becomes one of our errors, with words and Stripe's request id."""

from __future__ import annotations

import pytest
import stripe

from pos_refunds.domain import errors as e
from pos_refunds.domain.reasons import StripeReason as S
from pos_refunds.gateway.errors import (
    WriteOutcome,
    outcome_unknown,
    translate,
    translated,
    write_outcome,
)

HEADERS = {"request-id": "req_abc123"}


def _invalid(code: str | None, message: str = "nope", status: int = 400):
    body = {"error": {"type": "invalid_request_error", "code": code, "message": message}}
    return stripe.InvalidRequestError(
        message, None, code, http_body="{}", http_status=status, json_body=body, headers=HEADERS
    )


CASES = [
    (stripe.AuthenticationError("Invalid API Key provided", http_status=401, headers=HEADERS),
     e.AuthenticationFailed),
    (stripe.PermissionError("does not have the required permissions", http_status=403,
                            headers=HEADERS), e.PermissionMissing),
    (stripe.RateLimitError("Too many requests", http_status=429, headers=HEADERS), e.RateLimited),
    (stripe.APIConnectionError("connection refused"), e.NetworkDown),
    (stripe.APIError("boom", http_status=500, headers=HEADERS), e.ServerError),
    (stripe.APIError("Invalid response body from API", http_status=200), e.MalformedResponse),
    (stripe.APIError("key in use", http_status=409, headers=HEADERS), e.OutcomeUnknown),
    (_invalid("terminal_reader_offline"), e.ReaderOffline),
    (_invalid("terminal_reader_busy"), e.ReaderBusy),
    (_invalid("terminal_reader_timeout"), e.ReaderTimeout),
    (_invalid("charge_already_refunded", "Charge ch_1 has already been refunded."),
     e.AlreadyRefunded),
    (_invalid("amount_too_large"), e.OverRefund),
    (_invalid(None, "Refund amount ($20.00) is greater than unrefunded amount on charge ($5.00)"),
     e.OverRefund),
    (_invalid("payment_intent_unexpected_state"), e.PaymentChanged),
    (_invalid("resource_missing", "No such payment_intent: 'pi_x'", 404), e.NotFound),
    (_invalid("parameter_unknown"), e.InvalidRequest),
    (stripe.CardError("Your card was declined.", None, "card_declined", http_status=402),
     e.CardDeclined),
    (stripe.IdempotencyError("Keys for idempotent requests...", http_status=400),
     e.IdempotencyConflict),
]


REASONS = {
    e.AuthenticationFailed: S.KEY_REFUSED,
    e.PermissionMissing: S.PERMISSION,
    e.RateLimited: S.RATE_LIMITED,
    e.NetworkDown: S.NETWORK_DOWN,
    e.ServerError: S.SERVER_ERROR,
    e.MalformedResponse: S.UNREADABLE_ANSWER,
    e.OutcomeUnknown: S.IN_FLIGHT,
    e.ReaderOffline: S.READER_OFFLINE,
    e.ReaderBusy: S.READER_BUSY,
    e.ReaderTimeout: S.READER_TIMEOUT,
    e.AlreadyRefunded: S.ALREADY_REFUNDED,
    e.OverRefund: S.OVER_REFUND,
    e.PaymentChanged: S.PAYMENT_CHANGED,
    e.NotFound: S.NOT_FOUND,
    e.InvalidRequest: S.REFUSED,
    e.CardDeclined: S.CARD_DECLINED,
    e.IdempotencyConflict: S.IDEMPOTENCY_CONFLICT,
}


def test_stripes_words_are_a_parameter() -> None:
    declined = translate(stripe.CardError("Your card was declined.", None, "card_declined",
                                          http_status=402))
    assert declined.params == {"said": "Your card was declined."}
    assert declined.stripe_code == "card_declined"
    missing = translate(_invalid("resource_missing", "No such payment_intent: 'pi_x'", 404))
    assert (missing.reason, missing.params) == (S.NOT_FOUND,
                                                {"said": "No such payment_intent: 'pi_x'"})


@pytest.mark.parametrize(("exc", "kind"), CASES, ids=[type(k).__name__ + "-" + c.__name__
                                                        for k, c in CASES])
def test_translation_kind_and_reason(exc: stripe.StripeError, kind: type[e.PosError]) -> None:
    err = translate(exc)
    assert type(err) is kind
    assert err.reason is REASONS[kind]
    assert set(err.params) <= {"said"}  # Stripe's own words, kept for the cashier's words
    if getattr(exc, "request_id", None):
        assert err.request_id == "req_abc123"


def test_translated_context_raises_ours_with_cause() -> None:
    with pytest.raises(e.ReaderBusy) as info, translated():
        raise _invalid("terminal_reader_busy")
    assert isinstance(info.value.__cause__, stripe.InvalidRequestError)
    assert info.value.stripe_code == "terminal_reader_busy"


@pytest.mark.parametrize(
    ("err", "unknown"),
    [
        (e.ServerError(S.OTHER), True),
        (e.NetworkDown(S.OTHER), True),
        (e.MalformedResponse(S.OTHER), True),
        (e.OutcomeUnknown(S.OTHER), True),
        (e.ReaderTimeout(S.OTHER), True),  # the reader may have the action all the same
        (e.RateLimited(S.OTHER), False),  # Stripe never ran a rate-limited request
        (e.OverRefund(S.OTHER), False),
        (e.ReaderBusy(S.OTHER), False),
        (e.AuthenticationFailed(S.OTHER), False),
    ],
)
def test_outcome_unknown_only_where_stripe_may_have_acted(err: e.PosError, unknown: bool) -> None:
    assert outcome_unknown(err) is unknown


REPLAYED = {**HEADERS, "idempotent-replayed": "true"}


@pytest.mark.parametrize(
    ("err", "only", "outcome"),
    [
        (e.OverRefund(S.OTHER), False, WriteOutcome.REFUSED),  # a refusal spends the key
        (e.ReaderBusy(S.OTHER), False, WriteOutcome.REFUSED),
        (e.RateLimited(S.OTHER), True, WriteOutcome.REFUSED),  # the only request, turned away
        (e.RateLimited(S.OTHER), False, WriteOutcome.UNKNOWN),  # an earlier one may still land
        (e.AuthenticationFailed(S.OTHER), False, WriteOutcome.UNKNOWN),
        (e.IdempotencyConflict(S.OTHER), True, WriteOutcome.UNKNOWN),
        (e.OutcomeUnknown(S.OTHER), False, WriteOutcome.UNKNOWN),  # 409: still in flight
        (e.ServerError(S.OTHER), False, WriteOutcome.UNKNOWN),
        (e.ServerError(S.OTHER, replayed=True), False, WriteOutcome.FINISHED),
        (e.MalformedResponse(S.OTHER, replayed=True), False, WriteOutcome.FINISHED),
        (e.PosError(S.OTHER), True, WriteOutcome.UNKNOWN),  # nothing known: settle it
    ],
)
def test_write_outcome_concludes_not_done_only_from_a_refusal(
    err: e.PosError, only: bool, outcome: WriteOutcome
) -> None:
    assert write_outcome(err, only_attempt=only) is outcome


def test_a_replayed_answer_is_marked_as_such() -> None:
    fresh = translate(stripe.APIError("boom", http_status=500, headers=HEADERS))
    saved = translate(stripe.APIError("boom", http_status=500, headers=REPLAYED))
    assert not fresh.replayed and saved.replayed
    assert translate(_invalid("charge_already_refunded")).replayed is False
