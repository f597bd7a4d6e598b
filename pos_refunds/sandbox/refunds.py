"""Refunds: the money rules, shared by online refunds, readers and other tills.

Refusals (all HTTP 400, ``invalid_request_error``):

- ``charge_already_refunded`` -- "Charge ch_... has already been refunded."
- ``amount_too_large`` -- "Refund amount ($X) is greater than unrefunded amount on charge ($Y)"
- ``charge_not_refundable`` -- an Interac (``interac_present``) charge refunded online
  (it must be refunded in person on a reader), or a non-Interac charge sent to a reader.
- ``payment_intent_unexpected_state`` -- nothing captured to refund (authorized only,
  canceled or incomplete): an authorization is released by canceling it instead.

The unrefunded remainder of a charge is always ``amount - amount_refunded``; releasing
the uncaptured part of an authorization counts as refunded, as on Stripe.
"""

from __future__ import annotations

from typing import Any

from . import objects
from .errors import invalid, missing_param, no_such, state_error
from .events import record
from .expand import refund_list
from .listing import page
from .params import EXPAND, LIST_PARAMS, Bool, Enum, Int, Meta, Range, Spec, Str
from .store import Account, Call, Store

ZERO_DECIMAL = {
    "bif",
    "clp",
    "djf",
    "gnf",
    "jpy",
    "kmf",
    "krw",
    "mga",
    "pyg",
    "rwf",
    "ugx",
    "vnd",
    "vuv",
    "xaf",
    "xof",
    "xpf",
}
THREE_DECIMAL = {"bhd", "jod", "kwd", "omr", "tnd"}
_SYMBOLS = {"cad": "$", "usd": "$", "aud": "$", "eur": "€", "gbp": "£", "jpy": "¥"}


def format_amount(amount: int, currency: str) -> str:
    """``1234, "cad"`` -> ``$12.34``: the way Stripe's refund errors quote amounts."""
    digits = 0 if currency in ZERO_DECIMAL else 3 if currency in THREE_DECIMAL else 2
    symbol = _SYMBOLS.get(currency, currency.upper() + " ")
    if digits == 0:
        return f"{symbol}{amount}"
    return f"{symbol}{amount / 10**digits:.{digits}f}"


def merge_metadata(current: dict[str, str], update: dict[str, str] | None) -> dict[str, str]:
    """Stripe's update semantics: ``""`` clears everything, a blank value deletes a key."""
    if update is None:
        return {}
    merged = dict(current)
    for key, value in update.items():
        if value == "":
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def add_refund(
    store: Store,
    account: Account,
    ch: dict[str, Any],
    amount: int,
    *,
    reason: str | None = None,
    metadata: dict[str, str] | None = None,
    transfer_reversal: bool = False,
) -> dict[str, Any]:
    """Book a refund on ``ch`` (no checks) and record the events."""
    previous = {"amount_refunded": ch["amount_refunded"], "refunded": ch["refunded"]}
    ref = objects.refund(
        store.ids,
        ch,
        amount=amount,
        created=store.now(),
        reason=reason,
        metadata=metadata,
        transfer_reversal=transfer_reversal,
    )
    account.refunds.add(ref, store.clock.now())
    account.charge_refunds.setdefault(ch["id"], []).append(ref["id"])
    ch["amount_refunded"] += amount
    ch["refunded"] = ch["amount_refunded"] >= ch["amount"]
    record(store, account, "refund.created", ref)
    record(store, account, "charge.refunded", ch, previous)
    return ref


def target(account: Account, params: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (PaymentIntent, Charge) named by ``payment_intent`` or ``charge``."""
    pi_id, ch_id = params.get("payment_intent"), params.get("charge")
    if pi_id and ch_id:
        raise invalid(
            "You may only specify one of these parameters: charge, payment_intent.",
            code="parameters_exclusive",
        )
    if not pi_id and not ch_id:
        raise missing_param(
            "payment_intent",
            "One of the following params should be provided for this request: "
            "payment_intent or charge.",
        )
    if ch_id:
        ch = account.charge(ch_id, "charge")
        return account.payment_intent(ch["payment_intent"], "charge"), ch
    pi = account.payment_intent(pi_id, "payment_intent")
    if pi["status"] != "succeeded" or not pi["latest_charge"]:
        hint = (
            " Cancel it to release the authorization instead."
            if pi["status"] == "requires_capture"
            else ""
        )
        raise state_error(
            f"This PaymentIntent ({pi['id']}) does not have a successful charge to refund: "
            f"it has a status of {pi['status']}.{hint}",
            code="payment_intent_unexpected_state",
            param="payment_intent",
        )
    return pi, account.charges[pi["latest_charge"]]


def check_refundable(
    ch: dict[str, Any], amount: int | None, *, in_person: bool, options: dict[str, Any]
) -> int:
    """Apply the money rules; return the amount that would be refunded."""
    if not ch["captured"] or ch["status"] != "succeeded":
        raise state_error(
            f"Charge {ch['id']} has not been captured, so there is nothing to refund. "
            "Cancel the PaymentIntent to release the authorization instead.",
            code="payment_intent_unexpected_state",
            param="charge",
        )
    interac = ch["payment_method_details"]["type"] == "interac_present"
    if interac and not in_person:
        raise state_error(
            f"Charge {ch['id']} was paid with Interac (interac_present), which cannot be "
            "refunded online. Refund it in person on a reader with "
            "POST /v1/terminal/readers/{reader}/refund_payment; the customer must present "
            "the same card.",
            code="charge_not_refundable",
            param="payment_intent" if "payment_intent" in options else "charge",
        )
    if in_person and not interac:
        raise state_error(
            "In-person refunds on a reader are only available for Interac "
            f"(interac_present) payments. Charge {ch['id']} was paid with "
            f"{ch['payment_method_details']['type']}: refund it online with POST /v1/refunds.",
            code="charge_not_refundable",
            param="payment_intent" if "payment_intent" in options else "charge",
        )
    remaining = ch["amount"] - ch["amount_refunded"]
    if remaining <= 0:
        raise state_error(
            f"Charge {ch['id']} has already been refunded.", code="charge_already_refunded"
        )
    wanted = remaining if amount is None else amount
    if wanted > remaining:
        raise state_error(
            f"Refund amount ({format_amount(wanted, ch['currency'])}) is greater than "
            f"unrefunded amount on charge ({format_amount(remaining, ch['currency'])})",
            code="amount_too_large",
            param="amount",
        )
    if options.get("reverse_transfer") and not ch.get("transfer_data"):
        raise state_error(
            f"Charge {ch['id']} has no transfer to reverse (it is not a destination charge).",
            code="charge_not_refundable",
            param="reverse_transfer",
        )
    if options.get("refund_application_fee") and not ch.get("application_fee_amount"):
        raise state_error(
            f"Charge {ch['id']} has no application fee to refund.",
            code="charge_not_refundable",
            param="refund_application_fee",
        )
    return wanted


def refund_charge(
    store: Store,
    account: Account,
    ch: dict[str, Any],
    options: dict[str, Any],
    *,
    in_person: bool = False,
) -> dict[str, Any]:
    """Checked refund of ``ch`` (online, on a reader, or by another till)."""
    amount = check_refundable(ch, options.get("amount"), in_person=in_person, options=options)
    return add_refund(
        store,
        account,
        ch,
        amount,
        reason=options.get("reason"),
        metadata=options.get("metadata"),
        transfer_reversal=bool(options.get("reverse_transfer")),
    )


CREATE_SPEC: Spec = {
    "amount": Int(minimum=1),
    "charge": Str(),
    "currency": Str(),
    "customer": Str(),
    "expand": EXPAND,
    "instructions_email": Str(),
    "metadata": Meta(),
    "origin": Enum("customer_balance"),
    "payment_intent": Str(),
    "reason": Enum("duplicate", "fraudulent", "requested_by_customer"),
    "refund_application_fee": Bool(),
    "reverse_transfer": Bool(),
}
LIST_SPEC: Spec = {
    **LIST_PARAMS,
    "charge": Str(),
    "created": Range(),
    "payment_intent": Str(),
}
RETRIEVE_SPEC: Spec = {"expand": EXPAND}
UPDATE_SPEC: Spec = {"expand": EXPAND, "metadata": Meta()}
CHARGE_REFUNDS_SPEC: Spec = dict(LIST_PARAMS)


def create(call: Call) -> dict[str, Any]:
    params = call.params
    if params.get("origin") or params.get("customer"):
        raise state_error(
            "Customer balance refunds are not available for in-person payments.",
            code="charge_not_refundable",
            param="origin" if params.get("origin") else "customer",
        )
    _, ch = target(call.account, params)
    if params.get("currency") and params["currency"].lower() != ch["currency"]:
        raise invalid(
            f"The currency {params['currency']} does not match the charge currency "
            f"{ch['currency']}.",
            param="currency",
        )
    if params.get("metadata") is None and "metadata" in params:
        params = {**params, "metadata": {}}
    return refund_charge(call.store, call.account, ch, params)


def list_(call: Call) -> dict[str, Any]:
    params = call.params
    predicate = None
    if "payment_intent" in params:
        pi_id = params["payment_intent"]
        predicate = lambda r: r["payment_intent"] == pi_id  # noqa: E731
    elif "charge" in params:
        ch_id = params["charge"]
        predicate = lambda r: r["charge"] == ch_id  # noqa: E731
    return page(call.account.refunds, params, "/v1/refunds", "refund", predicate)


def _refund(account: Account, refund_id: str) -> dict[str, Any]:
    found = account.refunds.get(refund_id)
    if found is None:
        raise no_such("refund", refund_id, "id")
    return found


def retrieve(call: Call) -> dict[str, Any]:
    return _refund(call.account, call.path_id)


def update(call: Call) -> dict[str, Any]:
    ref = _refund(call.account, call.path_id)
    if "metadata" in call.params:
        ref["metadata"] = merge_metadata(ref["metadata"], call.params["metadata"])
        record(call.store, call.account, "refund.updated", ref)
    return ref


def charge_refunds(call: Call) -> dict[str, Any]:
    """``GET /v1/charges/{charge}/refunds``: where a charge's ``refunds.url`` points."""
    ch = call.account.charge(call.path_id, "charge")
    ids = call.account.charge_refunds.get(ch["id"], [])
    if not any(k in call.params for k in ("limit", "starting_after", "ending_before")):
        return refund_list(call.account, ch["id"])
    wanted = set(ids)
    return page(
        call.account.refunds,
        call.params,
        f"/v1/charges/{ch['id']}/refunds",
        "refund",
        lambda r: r["id"] in wanted,
    )
