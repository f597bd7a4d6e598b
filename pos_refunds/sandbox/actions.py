"""Reader actions: their state machine and the simulated customer.

Every reader here is simulated (training), whatever its ``device_type``, so
``present_payment_method`` works on all of them. An action starts ``in_progress`` and
ends ``succeeded`` or ``failed``; timeouts and the auto-presenting customer are applied
lazily against the sandbox clock before each request, so advancing the clock is
deterministic.

Starting an action is refused with HTTP 400 ``invalid_request_error`` and code
``terminal_reader_offline`` (reader offline) or ``terminal_reader_busy`` (another action
in progress). ``refund_payment`` only takes Interac payments (``charge_not_refundable``
otherwise, see refunds.py) and checks the money rules before the card is asked for.

Failure codes of a failed action (chosen here; Stripe does not document them all, and
the app tolerates unknown ones). ``api_error`` is set only for Stripe API errors:

- ``card_declined`` (api_error ``card_error``): test cards 4000000000000002
  (decline_code generic_decline), ...9995 (insufficient_funds), ...9987 (lost_card),
  ...9979 (stolen_card).
- ``expired_card`` / ``processing_error`` (``card_error``): 4000000000000069 / ...0119.
- ``card_mismatch``: refund, a card other than the one the payment was made with.
- ``payment_method_not_available``: sale, an Interac card on a PaymentIntent without
  ``interac_present`` in its ``payment_method_types``.
- ``amount_too_large`` / ``charge_already_refunded`` (``invalid_request_error``): refund,
  the payment was refunded meanwhile (another till), so it is no longer possible.
- ``terminal_reader_timeout``: no card within ``action_timeout`` sandbox-seconds.
- ``customer_canceled``: the customer pressed cancel (only when
  ``enable_customer_cancellation`` was true; triggered through the control surface).
- ``canceled``: ``POST /v1/terminal/readers/{reader}/cancel_action``.

A reader that goes offline keeps its action ``in_progress`` (Stripe cannot hear from it):
cards cannot be presented (``terminal_reader_offline``) and, unless it comes back, the
action ends with ``terminal_reader_timeout``.

``present_payment_method`` without a ``type`` presents the card the action expects:
the Interac test card 4506445006931933 for a refund, else a Visa (or the Interac card
when the PaymentIntent only accepts ``interac_present``).
"""

from __future__ import annotations

from typing import Any

from .cards import DECLINES, INTERAC_CARD, VISA_CARD
from .errors import ApiError, state_error
from .events import record
from .payment_intents import collect
from .refunds import refund_charge
from .store import Account, Store

BUSY = "Reader is currently busy processing another request, please try again later."
OFFLINE = (
    "Reader is currently offline, please ensure the reader is powered on and connected "
    "to the internet before retrying your request."
)


def in_progress(reader: dict[str, Any]) -> bool:
    return bool(reader["action"]) and reader["action"]["status"] == "in_progress"


def ready(reader: dict[str, Any]) -> None:
    if reader["status"] != "online":
        raise state_error(OFFLINE, code="terminal_reader_offline")
    if in_progress(reader):
        raise state_error(BUSY, code="terminal_reader_busy")


def start(store: Store, account: Account, reader: dict[str, Any], action: dict[str, Any]) -> None:
    reader["action"] = {
        "api_error": None,
        "failure_code": None,
        "failure_message": None,
        **action,
        "status": "in_progress",
    }
    account.actions[reader["id"]] = {"started": store.clock.now()}


def finish(
    store: Store,
    account: Account,
    reader: dict[str, Any],
    failure_code: str | None = None,
    message: str | None = None,
    api_error: dict[str, Any] | None = None,
) -> None:
    """End the reader's action: succeeded, or failed with a code and message."""
    action = reader["action"]
    if failure_code is None:
        action["status"] = "succeeded"
        record(store, account, "terminal.reader.action_succeeded", reader)
    else:
        action.update(
            status="failed", failure_code=failure_code, failure_message=message, api_error=api_error
        )
        record(store, account, "terminal.reader.action_failed", reader)
    account.actions.pop(reader["id"], None)
    store.dirty = True


def expected_card(account: Account, reader: dict[str, Any]) -> tuple[str, bool]:
    """(number, interac) the simulated customer presents when no card is named."""
    action = reader["action"]
    if action["type"] == "refund_payment":
        ch_id = action["refund_payment"]["charge"]
        return account.card_numbers.get(ch_id, INTERAC_CARD), True
    pi = account.payment_intents.get(action["process_payment_intent"]["payment_intent"]) or {}
    types = pi.get("payment_method_types", [])
    if "card_present" not in types and "interac_present" in types:
        return INTERAC_CARD, True
    return VISA_CARD, False


def present(
    store: Store,
    account: Account,
    reader: dict[str, Any],
    number: str,
    interac: bool,
    amount_tip: int = 0,
) -> None:
    """The customer taps ``number`` on ``reader``: complete its action one way or another."""
    action = reader["action"]
    record(store, account, "terminal.reader.action_updated", reader)
    decline = DECLINES.get(number)
    if action["type"] == "refund_payment":
        _present_refund(store, account, reader, number, decline is not None)
        return
    pi = account.payment_intent(action["process_payment_intent"]["payment_intent"])
    if interac and "interac_present" not in pi["payment_method_types"]:
        finish(
            store,
            account,
            reader,
            "payment_method_not_available",
            "Interac (interac_present) is not among this PaymentIntent's payment_method_types.",
        )
        return
    err = collect(
        store, account, pi, number=number, interac=interac, reader=reader, amount_tip=amount_tip
    )
    if err is None:
        finish(store, account, reader)
    else:
        finish(store, account, reader, err.code, err.message, err.to_dict())


def _present_refund(
    store: Store, account: Account, reader: dict[str, Any], number: str, declined: bool
) -> None:
    sub = reader["action"]["refund_payment"]
    if declined:
        decline = DECLINES[number]
        err = ApiError(
            402,
            decline.message,
            type="card_error",
            code=decline.code,
            decline_code=decline.decline_code,
            charge=sub["charge"],
            payment_method_type="interac_present",
        )
        finish(store, account, reader, decline.code, decline.message, err.to_dict())
        return
    if number != account.card_numbers.get(sub["charge"], INTERAC_CARD):
        finish(
            store,
            account,
            reader,
            "card_mismatch",
            "The card presented is not the card the payment was made with. "
            "Ask the customer to present the original card.",
        )
        return
    ch = account.charges[sub["charge"]]
    options = {
        k: sub[k]
        for k in ("amount", "metadata", "refund_application_fee", "reverse_transfer")
        if k in sub
    }
    try:
        ref = refund_charge(store, account, ch, options, in_person=True)
    except ApiError as err:
        finish(store, account, reader, err.code, err.message, err.to_dict())
        return
    sub["refund"] = ref["id"]
    finish(store, account, reader)


def customer_cancel(store: Store, account: Account, reader: dict[str, Any]) -> None:
    """The customer presses cancel on the reader screen (control surface)."""
    if not in_progress(reader):
        raise ValueError(f"reader {reader['id']} has no action in progress")
    action = reader["action"]
    config = action.get(action["type"], {})
    config = config.get("refund_payment_config") or config.get("process_config") or {}
    if not config.get("enable_customer_cancellation"):
        raise ValueError("customer cancellation was not enabled for this action")
    finish(
        store,
        account,
        reader,
        "customer_canceled",
        "The customer canceled the action on the reader.",
    )


def set_status(store: Store, account: Account, reader: dict[str, Any], status: str) -> None:
    if status not in ("online", "offline"):
        raise ValueError("status must be 'online' or 'offline'")
    reader["status"] = status
    store.dirty = True


def advance_readers(store: Store) -> None:
    """Tick hook: heartbeat online readers; time out or auto-complete actions."""
    now = store.clock.now()
    for account in store.all_accounts():
        for reader in account.readers.items:
            if reader["status"] == "online":
                reader["last_seen_at"] = int(now * 1000) - 1500
            timing = account.actions.get(reader["id"])
            if timing is None or not in_progress(reader):
                continue
            timeout_at = timing["started"] + store.action_timeout
            auto = store.auto_present
            if (
                auto is not None
                and timing["started"] + auto <= now
                and timing["started"] + auto < timeout_at
            ):
                number, interac = expected_card(account, reader)
                present(store, account, reader, number, interac)
            elif now >= timeout_at:
                finish(
                    store,
                    account,
                    reader,
                    "terminal_reader_timeout",
                    "The reader timed out waiting for the customer to present a payment method.",
                )
