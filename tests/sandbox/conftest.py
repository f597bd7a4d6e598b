"""Helpers for the sandbox tests: SDK clients (sync and async) and seeded-payment finders.

The ``sandbox`` fixture itself (reset per test, responses checked against the schema)
lives in tests/conftest.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import pytest
import stripe

from pos_refunds.sandbox import Sandbox
from tests.conftest import ContractRecorder

T = TypeVar("T")
INTERAC_CARD = "4506445006931933"


def make_client(sandbox: Sandbox, key: str | None = None, **kw: Any) -> stripe.StripeClient:
    return stripe.StripeClient(key or sandbox.api_key, base_addresses={"api": sandbox.url}, **kw)


def run_async(
    sandbox: Sandbox,
    body: Callable[[stripe.StripeClient], Awaitable[T]],
    key: str | None = None,
    **kw: Any,
) -> T:
    """Run ``body`` with an async client built inside the running loop (httpx binds to it)."""

    async def main() -> T:
        client = make_client(sandbox, key, http_client=stripe.HTTPXClient(), **kw)
        return await body(client)

    return asyncio.run(main())


@pytest.fixture
def client(sandbox: Sandbox) -> stripe.StripeClient:
    return make_client(sandbox)


def all_payments(client: stripe.StripeClient, **params: Any) -> list[Any]:
    """Every PaymentIntent, newest first, with its charge and refunds expanded."""
    out = []
    lst = client.v1.payment_intents.list(
        {"limit": 100, "expand": ["data.latest_charge.refunds"], **params}
    )
    for pi in lst.auto_paging_iter():
        out.append(pi)
    return out


def kind(pi: Any) -> str:
    ch = pi.latest_charge
    return ch.payment_method_details.type if ch else ""


def network(pi: Any) -> str:
    ch = pi.latest_charge
    if not ch:
        return ""
    details = ch.payment_method_details
    return details[details.type].network


def find(client: stripe.StripeClient, pred: Callable[[Any], bool]) -> Any:
    for pi in all_payments(client):
        if pred(pi):
            return pi
    raise AssertionError("no seeded payment matches")


def interac_refundable(pi: Any) -> bool:
    return (
        pi.status == "succeeded" and kind(pi) == "interac_present" and not pi.latest_charge.refunded
    )


def card_refundable(pi: Any) -> bool:
    return (
        pi.status == "succeeded"
        and kind(pi) == "card_present"
        and network(pi) in ("visa", "mastercard")
        and pi.latest_charge.amount_refunded == 0
    )


def authorized(pi: Any) -> bool:
    return pi.status == "requires_capture"


def online_reader(client: stripe.StripeClient, skip: tuple[str, ...] = ()) -> Any:
    for reader in client.v1.terminal.readers.list({"status": "online"}).data:
        if reader.id not in skip:
            return reader
    raise AssertionError("no online reader")


@pytest.fixture
def private_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """Build extra sandboxes with other settings; each is stopped and contract-checked."""
    made: list[tuple[Sandbox, ContractRecorder]] = []

    def build(**kw: Any) -> Sandbox:
        recorder = ContractRecorder()
        box = Sandbox(on_response=recorder, **kw).start()
        made.append((box, recorder))
        return box

    yield build
    violations = []
    for box, recorder in made:
        box.stop()
        violations.extend(recorder.take(box))
    assert not violations, "\n".join(violations[:20])
