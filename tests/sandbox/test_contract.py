"""Contract: what the sandbox answers is what Stripe's schema describes.

Every response during the sandbox tests is already validated by the ``sandbox`` fixture;
this file walks everything seeded (both accounts, every list, every expansion) so the
whole data set is covered, and proves the validator does catch what it should.
"""

from __future__ import annotations

import pytest

from tests.contract import FIELDS_NEWER_THAN_SUBSET, PATHS_NOT_IN_SUBSET, contract
from tests.sandbox.conftest import all_payments, make_client


@pytest.mark.parametrize("connected", [False, True], ids=["platform", "connected"])
def test_everything_seeded_validates(sandbox, connected) -> None:
    client = make_client(sandbox, stripe_account=sandbox.connected_account if connected else None)
    pis = all_payments(client)
    assert pis
    refunds = list(
        client.v1.refunds.list({"limit": 100, "expand": ["data.charge"]}).auto_paging_iter()
    )
    assert refunds
    client.v1.refunds.retrieve(refunds[0].id, {"expand": ["payment_intent"]})
    charge = next(p.latest_charge for p in pis if p.latest_charge)
    client.v1.payment_intents.retrieve(charge.payment_intent, {"expand": ["latest_charge.refunds"]})
    readers = client.v1.terminal.readers.list({"expand": ["data.location"]}).data
    client.v1.terminal.readers.retrieve(readers[0].id, {"expand": ["location"]})
    for loc in client.v1.terminal.locations.list().data:
        client.v1.terminal.locations.retrieve(loc.id)
    client.v1.accounts.retrieve_current()
    client.v1.events.list()


def test_the_validator_catches_a_wrong_shape() -> None:
    c = contract()
    bad = {
        "id": "pi_1",
        "object": "payment_intent",
        "created": 1,
        "livemode": False,
        "status": "done",
        "invented": True,
    }
    errors = "\n".join(c.errors("GET", "/v1/payment_intents/pi_1", 200, bad))
    assert "'invented' was unexpected" in errors
    assert "'done' is not one of" in errors
    assert "'amount' is a required property" in errors  # STRICTER_REQUIRED
    assert (
        c.errors("POST", "/v1/refunds", 400, {"error": {"type": "api_error", "message": "x"}}) == []
    )
    assert c.errors("POST", "/v1/refunds", 400, {"error": {"message": "no type"}})


def test_allow_lists_say_why() -> None:
    for (_method, template), (schema, why) in PATHS_NOT_IN_SUBSET.items():
        assert template not in contract().spec["paths"], f"{template} is in the subset now"
        assert why and schema
    for key, why in FIELDS_NEWER_THAN_SUBSET.items():
        assert why, key
