"""PaymentIntents: list, create, retrieve, update, cancel, capture, and card collection.

State rules: cancel only from ``requires_payment_method``, ``requires_capture``,
``requires_confirmation`` or ``requires_action``; capture only from ``requires_capture``;
Interac and eftpos (single-message networks) are captured at once and never wait in
``requires_capture``. An authorization left uncaptured past its
``card_present.capture_before`` is canceled lazily (``cancellation_reason=automatic``,
the hold released by a refund with reason ``expired_uncaptured_charge``).
"""

from __future__ import annotations

import heapq
import random
from typing import Any

from . import objects
from .cards import DECLINES, read_card
from .errors import ApiError, invalid, state_error
from .events import record, snapshot
from .listing import page
from .params import (
    EXPAND,
    LIST_PARAMS,
    Any_,
    Arr,
    Bool,
    Enum,
    Int,
    Meta,
    Range,
    Spec,
    Str,
)
from .refunds import add_refund, merge_metadata
from .store import Account, Call, Store

CANCELABLE = (
    "requires_payment_method",
    "requires_capture",
    "requires_confirmation",
    "requires_action",
)
CAPTURE_WINDOW_DAYS = {"visa": 5}  # others: 2 days (stripe.md section 7)
_PENDING = ("requires_payment_method", "requires_confirmation")


def statement_name(account: Account) -> str:
    return account.obj["settings"]["payments"]["statement_descriptor"]


def capture_window(network: str) -> int:
    return CAPTURE_WINDOW_DAYS.get(network, 2) * 86400


def collect(
    store: Store,
    account: Account,
    pi: dict[str, Any],
    *,
    number: str,
    interac: bool,
    reader: dict[str, Any],
    amount_tip: int = 0,
    wallet: str | None = None,
    rng: random.Random | None = None,
) -> ApiError | None:
    """A card read on ``reader`` for ``pi``: authorize (and capture) or decline.

    Returns the card error of a decline (the PaymentIntent goes back to
    ``requires_payment_method`` with ``last_payment_error``), else None."""
    rng = rng or store.ids.rng
    now = store.now()
    if amount_tip:
        pi["amount"] += amount_tip
        pi["amount_details"] = {"tip": {"amount": amount_tip}}
    card = read_card(number, interac)
    decline = DECLINES.get(number)
    single = card.single_message or interac
    manual = pi["capture_method"] == "manual" and not single and decline is None
    capture_before = now + capture_window(card.network) if manual else None
    details = objects.payment_method_details(
        card,
        rng=rng,
        reader=reader["id"],
        location=reader["location"],
        amount=pi["amount"],
        created=now,
        interac=interac,
        capture_before=capture_before,
        wallet=wallet,
    )
    failure = (decline.code, decline.message, decline.decline_code) if decline else None
    ch = objects.charge(
        store.ids,
        pi,
        created=now,
        details=details,
        captured=not manual,
        statement_name=statement_name(account),
        failure=failure,
    )
    account.charges[ch["id"]] = ch
    account.card_numbers[ch["id"]] = number
    pi["latest_charge"] = ch["id"]
    pi["payment_method"] = ch["payment_method"]
    if decline is not None:
        err = ApiError(
            402,
            decline.message,
            type="card_error",
            code=decline.code,
            decline_code=decline.decline_code,
            charge=ch["id"],
            payment_method_type=details["type"],
        )
        pi["last_payment_error"] = err.to_dict()
        pi["status"] = "requires_payment_method"
        record(store, account, "charge.failed", ch)
        record(store, account, "payment_intent.payment_failed", pi)
        return err
    pi["last_payment_error"] = None
    record(store, account, "charge.succeeded", ch)
    if manual:
        pi["status"] = "requires_capture"
        pi["amount_capturable"] = pi["amount"]
        store.add_deadline(capture_before or now, account.id, pi["id"])
        record(store, account, "payment_intent.amount_capturable_updated", pi)
    else:
        pi["status"] = "succeeded"
        pi["amount_received"] = pi["amount"]
        record(store, account, "payment_intent.succeeded", pi)
    return None


def cancel_intent(
    store: Store, account: Account, pi: dict[str, Any], reason: str | None, *, expired: bool = False
) -> dict[str, Any]:
    """Cancel ``pi``, releasing an authorization if there is one."""
    if pi["status"] not in CANCELABLE:
        raise state_error(
            "You cannot cancel this PaymentIntent because it has a status of "
            f"{pi['status']}. Only a PaymentIntent with one of the following statuses may "
            "be canceled: " + ", ".join(CANCELABLE) + ".",
            code="payment_intent_unexpected_state",
            payment_intent=snapshot(pi),
        )
    ch = account.charges.get(pi["latest_charge"] or "")
    if pi["status"] == "requires_capture" and ch is not None:
        if expired:
            record(store, account, "charge.expired", ch)
        add_refund(
            store,
            account,
            ch,
            ch["amount"] - ch["amount_refunded"],
            reason="expired_uncaptured_charge" if expired else None,
        )
    pi["status"] = "canceled"
    pi["canceled_at"] = store.now()
    pi["cancellation_reason"] = reason
    pi["amount_capturable"] = 0
    record(store, account, "payment_intent.canceled", pi)
    return pi


def capture_intent(
    store: Store, account: Account, pi: dict[str, Any], params: dict[str, Any]
) -> dict[str, Any]:
    if pi["status"] != "requires_capture":
        raise state_error(
            "This PaymentIntent could not be captured because it has a status of "
            f"{pi['status']}. Only a PaymentIntent with one of the following statuses may be "
            "captured: requires_capture.",
            code="payment_intent_unexpected_state",
            payment_intent=snapshot(pi),
        )
    amount = params.get("amount_to_capture", pi["amount_capturable"])
    if amount > pi["amount_capturable"]:
        raise state_error(
            f"The amount to capture ({amount}) must be less than or equal to the "
            f"PaymentIntent's amount_capturable ({pi['amount_capturable']}).",
            code="amount_too_large",
            param="amount_to_capture",
        )
    ch = account.charges[pi["latest_charge"]]
    for key in ("application_fee_amount", "statement_descriptor", "statement_descriptor_suffix"):
        if key in params:
            pi[key] = params[key]
    if "metadata" in params:
        pi["metadata"] = merge_metadata(pi["metadata"], params["metadata"])
    ch.update(
        captured=True,
        amount_captured=amount,
        balance_transaction=store.ids.new("txn"),
        application_fee_amount=pi["application_fee_amount"],
    )
    if ch.get("transfer_data"):
        ch["transfer"] = store.ids.new("tr")
    record(store, account, "charge.captured", ch)
    if amount < ch["amount"]:
        add_refund(store, account, ch, ch["amount"] - amount)
    pi.update(status="succeeded", amount_received=amount, amount_capturable=0)
    record(store, account, "payment_intent.succeeded", pi)
    return pi


def expire_authorizations(store: Store) -> None:
    """Tick hook: cancel authorizations whose ``capture_before`` has passed."""
    now = store.now()
    while store.deadlines and store.deadlines[0][0] <= now:
        _, account_id, pi_id = heapq.heappop(store.deadlines)
        account = store.accounts.get(account_id)
        pi = account.payment_intents.get(pi_id) if account else None
        if account and pi and pi["status"] == "requires_capture":
            cancel_intent(store, account, pi, "automatic", expired=True)
            store.dirty = True


LIST_SPEC: Spec = {
    **LIST_PARAMS,
    "created": Range(),
    "customer": Str(),
    "customer_account": Str(),
}
RETRIEVE_SPEC: Spec = {"client_secret": Str(), "expand": EXPAND}
_COMMON: Spec = {
    "allowed_payment_method_types": Arr(Str()),
    "amount": Int(minimum=1),
    "amount_details": Any_(),
    "application_fee_amount": Int(minimum=0),
    "capture_method": Enum("automatic", "automatic_async", "manual"),
    "currency": Str(),
    "customer": Str(),
    "customer_account": Str(),
    "description": Str(),
    "excluded_payment_method_types": Arr(Str()),
    "expand": EXPAND,
    "hooks": Any_(),
    "metadata": Meta(),
    "payment_details": Any_(),
    "payment_method": Str(),
    "payment_method_configuration": Str(),
    "payment_method_data": Any_(),
    "payment_method_options": Any_(),
    "payment_method_types": Arr(Str()),
    "receipt_email": Str(),
    "setup_future_usage": Enum("", "off_session", "on_session"),
    "shipping": Any_(),
    "statement_descriptor": Str(),
    "statement_descriptor_suffix": Str(),
    "transfer_data": Any_(),
    "transfer_group": Str(),
}
CREATE_SPEC: Spec = {
    **_COMMON,
    "amount": Int(required=True, minimum=1),
    "currency": Str(required=True),
    "automatic_payment_methods": Any_(),
    "confirm": Bool(),
    "confirmation_method": Enum("automatic", "manual"),
    "confirmation_token": Str(),
    "error_on_requires_action": Bool(),
    "mandate": Str(),
    "mandate_data": Any_(),
    "off_session": Any_(),
    "on_behalf_of": Str(),
    "radar_options": Any_(),
    "return_url": Str(),
    "use_stripe_sdk": Bool(),
}
UPDATE_SPEC: Spec = dict(_COMMON)
CANCEL_SPEC: Spec = {
    "cancellation_reason": Enum("abandoned", "duplicate", "fraudulent", "requested_by_customer"),
    "expand": EXPAND,
}
CAPTURE_SPEC: Spec = {
    "amount_details": Any_(),
    "amount_to_capture": Int(minimum=1),
    "application_fee_amount": Int(minimum=0),
    "expand": EXPAND,
    "final_capture": Bool(),
    "hooks": Any_(),
    "metadata": Meta(),
    "payment_details": Any_(),
    "statement_descriptor": Str(),
    "statement_descriptor_suffix": Str(),
    "transfer_data": Any_(),
}


def _currency(value: str) -> str:
    if len(value) != 3 or not value.isalpha():
        raise invalid(f"Invalid currency: {value}.", param="currency")
    return value.lower()


def list_(call: Call) -> dict[str, Any]:
    params = call.params
    predicate = None
    if "customer" in params or "customer_account" in params:
        predicate = lambda p: (  # noqa: E731
            p["customer"] == params.get("customer", p["customer"])
            and p["customer_account"] == params.get("customer_account", p["customer_account"])
        )
    return page(
        call.account.payment_intents, params, "/v1/payment_intents", "payment_intent", predicate
    )


def create(call: Call) -> dict[str, Any]:
    params = call.params
    currency = _currency(params["currency"])
    if params.get("confirm"):
        raise state_error(
            "You cannot confirm this PaymentIntent because it's missing a payment method. "
            "In person, process it on a reader with "
            "POST /v1/terminal/readers/{reader}/process_payment_intent.",
            code="payment_intent_unexpected_state",
        )
    types = params.get("payment_method_types") or ["card"]
    transfer = (
        params.get("transfer_data") if isinstance(params.get("transfer_data"), dict) else None
    )
    pi = objects.payment_intent(
        call.store.ids,
        amount=params["amount"],
        currency=currency,
        created=call.store.now(),
        payment_method_types=types,
        capture_method=params.get("capture_method", "automatic"),
        description=params.get("description"),
        metadata=params.get("metadata") or {},
        application_fee_amount=params.get("application_fee_amount"),
        transfer_destination=(transfer or {}).get("destination"),
    )
    if "payment_method_types" not in params:
        pi["automatic_payment_methods"] = {"allow_redirects": "always", "enabled": True}
    for key in ("receipt_email", "statement_descriptor", "statement_descriptor_suffix"):
        if key in params:
            pi[key] = params[key]
    call.account.payment_intents.add(pi, call.store.clock.now())
    record(call.store, call.account, "payment_intent.created", pi)
    return pi


def retrieve(call: Call) -> dict[str, Any]:
    return call.account.payment_intent(call.path_id)


_ANYTIME = ("description", "receipt_email", "statement_descriptor", "statement_descriptor_suffix")
_BEFORE_CONFIRM = ("amount", "capture_method", "application_fee_amount", "payment_method_types")


def update(call: Call) -> dict[str, Any]:
    pi = call.account.payment_intent(call.path_id)
    params = call.params
    for key in _BEFORE_CONFIRM + ("currency",):
        if key in params and pi["status"] not in _PENDING:
            raise state_error(
                f"You cannot update {key} on a PaymentIntent with a status of {pi['status']}.",
                code="payment_intent_unexpected_state",
                param=key,
            )
    for key in _ANYTIME + _BEFORE_CONFIRM:
        if key in params:
            pi[key] = params[key]
    if "currency" in params:
        pi["currency"] = _currency(params["currency"])
    if "metadata" in params:
        pi["metadata"] = merge_metadata(pi["metadata"], params["metadata"])
    return pi


def cancel(call: Call) -> dict[str, Any]:
    pi = call.account.payment_intent(call.path_id)
    return cancel_intent(call.store, call.account, pi, call.params.get("cancellation_reason"))


def capture(call: Call) -> dict[str, Any]:
    pi = call.account.payment_intent(call.path_id)
    return capture_intent(call.store, call.account, pi, call.params)
