"""Every Stripe failure becomes one of our errors, with words and Stripe's request id."""

from __future__ import annotations

import pytest
import stripe

from pos_refunds.domain import errors as e
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


@pytest.mark.parametrize(("exc", "kind"), CASES, ids=[type(k).__name__ + "-" + c.__name__
                                                        for k, c in CASES])
def test_translation_kind_and_words(exc: stripe.StripeError, kind: type[e.PosError]) -> None:
    err = translate(exc)
    assert type(err) is kind
    assert err.message and "Traceback" not in err.message
    if getattr(exc, "request_id", None):
        assert err.request_id == "req_abc123"


def test_translated_context_raises_ours_with_cause() -> None:
    with pytest.raises(e.ReaderBusy) as info, translated():
        raise _invalid("terminal_reader_busy")
    assert isinstance(info.value.__cause__, stripe.InvalidRequestError)
    assert info.value.code == "terminal_reader_busy"


@pytest.mark.parametrize(
    ("err", "unknown"),
    [
        (e.ServerError("x"), True),
        (e.NetworkDown("x"), True),
        (e.MalformedResponse("x"), True),
        (e.OutcomeUnknown("x"), True),
        (e.ReaderTimeout("x"), True),  # the reader may have the action all the same
        (e.RateLimited("x"), False),  # Stripe never ran a rate-limited request
        (e.OverRefund("x"), False),
        (e.ReaderBusy("x"), False),
        (e.AuthenticationFailed("x"), False),
    ],
)
def test_outcome_unknown_only_where_stripe_may_have_acted(err: e.PosError, unknown: bool) -> None:
    assert outcome_unknown(err) is unknown


REPLAYED = {**HEADERS, "idempotent-replayed": "true"}


@pytest.mark.parametrize(
    ("err", "only", "outcome"),
    [
        (e.OverRefund("x"), False, WriteOutcome.REFUSED),  # a refusal spends the key
        (e.ReaderBusy("x"), False, WriteOutcome.REFUSED),
        (e.RateLimited("x"), True, WriteOutcome.REFUSED),  # the only request, turned away
        (e.RateLimited("x"), False, WriteOutcome.UNKNOWN),  # an earlier one may still land
        (e.AuthenticationFailed("x"), False, WriteOutcome.UNKNOWN),
        (e.IdempotencyConflict("x"), True, WriteOutcome.UNKNOWN),
        (e.OutcomeUnknown("x"), False, WriteOutcome.UNKNOWN),  # 409: still in flight
        (e.ServerError("x"), False, WriteOutcome.UNKNOWN),
        (e.ServerError("x", replayed=True), False, WriteOutcome.FINISHED),
        (e.MalformedResponse("x", replayed=True), False, WriteOutcome.FINISHED),
        (e.PosError("x"), True, WriteOutcome.UNKNOWN),  # nothing known: settle it
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
