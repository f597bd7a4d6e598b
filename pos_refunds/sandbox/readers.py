"""Terminal reader endpoints: list, retrieve, start and cancel actions, present a card.

The action state machine, its failure codes and the simulated customer are in
``actions.py``.
"""

from __future__ import annotations

from typing import Any

from .actions import OFFLINE, expected_card, finish, in_progress, present, ready, start
from .cards import INTERAC_CARD, VISA_CARD
from .errors import ApiError, invalid, state_error
from .listing import page
from .params import EXPAND, LIST_PARAMS, Bool, Enum, Int, Meta, Obj, Spec, Str
from .refunds import check_refundable, target
from .store import Call

LIST_SPEC: Spec = {
    **LIST_PARAMS,
    "device_type": Str(),
    "location": Str(),
    "serial_number": Str(),
    "status": Enum("offline", "online"),
}
RETRIEVE_SPEC: Spec = {"expand": EXPAND}
CANCEL_SPEC: Spec = {"expand": EXPAND}
REFUND_SPEC: Spec = {
    "amount": Int(minimum=1),
    "charge": Str(),
    "expand": EXPAND,
    "metadata": Meta(),
    "payment_intent": Str(),
    "refund_application_fee": Bool(),
    "refund_payment_config": Obj(enable_customer_cancellation=Bool()),
    "reverse_transfer": Bool(),
}
PROCESS_SPEC: Spec = {
    "expand": EXPAND,
    "payment_intent": Str(required=True),
    "process_config": Obj(
        allow_redisplay=Enum("always", "limited", "unspecified"),
        enable_customer_cancellation=Bool(),
        return_url=Str(),
        skip_tipping=Bool(),
        tipping=Obj(amount_eligible=Int(minimum=0)),
    ),
}
PRESENT_SPEC: Spec = {
    "amount_tip": Int(minimum=0),
    "card": Obj(
        cvc=Str(),
        exp_month=Int(required=True),
        exp_year=Int(required=True),
        number=Str(required=True),
    ),
    "card_present": Obj(number=Str()),
    "expand": EXPAND,
    "interac_present": Obj(number=Str()),
    "type": Enum("card", "card_present", "interac_present"),
}


def list_(call: Call) -> dict[str, Any]:
    params = call.params
    filters = {
        k: params[k] for k in ("device_type", "location", "serial_number", "status") if k in params
    }
    predicate = None
    if filters:
        predicate = lambda r: all(r.get(k) == v for k, v in filters.items())  # noqa: E731
    return page(call.account.readers, params, "/v1/terminal/readers", "terminal.reader", predicate)


def retrieve(call: Call) -> dict[str, Any]:
    return call.account.reader(call.path_id)


def refund_payment(call: Call) -> dict[str, Any]:
    reader = call.account.reader(call.path_id)
    params = call.params
    ready(reader)
    pi, ch = target(call.account, params)
    amount = check_refundable(ch, params.get("amount"), in_person=True, options=params)
    config = params.get("refund_payment_config") or {}
    sub: dict[str, Any] = {
        "amount": amount,
        "charge": ch["id"],
        "metadata": params.get("metadata") or {},
        "payment_intent": pi["id"],
        "refund_payment_config": {
            "enable_customer_cancellation": bool(config.get("enable_customer_cancellation"))
        },
    }
    for key in ("refund_application_fee", "reverse_transfer"):
        if key in params:
            sub[key] = params[key]
    start(call.store, call.account, reader, {"type": "refund_payment", "refund_payment": sub})
    return reader


def process_payment_intent(call: Call) -> dict[str, Any]:
    reader = call.account.reader(call.path_id)
    ready(reader)
    pi = call.account.payment_intent(call.params["payment_intent"], "payment_intent")
    if pi["status"] not in ("requires_payment_method", "requires_confirmation"):
        raise state_error(
            f"This PaymentIntent's status is {pi['status']}, but it must be "
            "requires_payment_method to be processed on a reader.",
            code="payment_intent_unexpected_state",
            param="payment_intent",
        )
    if not {"card_present", "interac_present"} & set(pi["payment_method_types"]):
        raise state_error(
            "This PaymentIntent cannot be processed on a reader: its payment_method_types "
            "must include card_present or interac_present.",
            code="payment_intent_invalid_parameter",
            param="payment_intent",
        )
    sub: dict[str, Any] = {"payment_intent": pi["id"]}
    if call.params.get("process_config"):
        sub["process_config"] = call.params["process_config"]
    start(
        call.store,
        call.account,
        reader,
        {"type": "process_payment_intent", "process_payment_intent": sub},
    )
    return reader


def cancel_action(call: Call) -> dict[str, Any]:
    reader = call.account.reader(call.path_id)
    if not in_progress(reader):
        raise ApiError(400, "This reader has no action in progress to cancel.")
    finish(
        call.store,
        call.account,
        reader,
        "canceled",
        "The action was canceled by a cancel_action request.",
    )
    return reader


def present_payment_method(call: Call) -> dict[str, Any]:
    reader = call.account.reader(call.path_id)
    params = call.params
    if reader["status"] != "online":
        raise state_error(OFFLINE, code="terminal_reader_offline")
    if not in_progress(reader):
        raise invalid(
            "This reader has no action in progress to present a payment method to. "
            "Start one with process_payment_intent or refund_payment first."
        )
    named = [k for k in ("card_present", "interac_present", "card") if k in params]
    kind = params.get("type") or (named[0] if named else None)
    if kind is None:
        number, interac = expected_card(call.account, reader)
    else:
        interac = kind == "interac_present"
        default = INTERAC_CARD if interac else VISA_CARD
        number = (params.get(kind) or {}).get("number") or default
    present(call.store, call.account, reader, number, interac, params.get("amount_tip", 0))
    return reader
