"""Checking a new key with Stripe (here the sandbox, through the real SDK) before it is stored:
whose account, which locations, which permissions a restricted key lacks, and the refusals."""

from __future__ import annotations

import asyncio

import pytest
import stripe

from pos_refunds.domain.errors import AuthenticationFailed, PermissionMissing
from pos_refunds.gateway.account import check_key

RESTRICTED = "rk_test_51PosRefundsFakeRestrictedKey0001"
READ_ONLY = "rk_test_readonly51PosRefundsFakeKey0002"


def check(sandbox, key: str, account: str | None = None):
    return asyncio.run(check_key(key, api_base=sandbox.url, stripe_account=account))


def test_a_secret_key_names_its_account_and_locations(sandbox) -> None:
    found = check(sandbox, sandbox.api_key)
    assert found.ok and found.account_id == sandbox.platform_account
    assert found.account_name == "Maple & Bean Café"
    assert sorted(loc.name for loc in found.locations) == [
        "Maple & Bean — Plateau", "Maple & Bean — Queen St W"]
    assert found.key.kind == "Secret test key"


def test_a_restricted_key_with_every_permission_passes(sandbox) -> None:
    found = check(sandbox, RESTRICTED)
    assert found.ok and found.missing == ()
    assert str(found.key) == "Restricted test key ending in 0001"


def test_a_read_only_restricted_key_lacks_the_writes(sandbox) -> None:
    found = check(sandbox, READ_ONLY)
    assert not found.ok
    assert found.missing == ("write Refunds", "write PaymentIntents", "write Terminal readers")


def test_the_write_probes_create_nothing(sandbox) -> None:
    client = stripe.StripeClient(sandbox.api_key, base_addresses={"api": sandbox.url})
    before = len(client.v1.refunds.list({"limit": 100}).data)
    check(sandbox, RESTRICTED)
    assert len(client.v1.refunds.list({"limit": 100}).data) == before


def test_a_wrong_key_is_refused(sandbox) -> None:
    with pytest.raises(AuthenticationFailed):
        check(sandbox, "sk_live_fake_unknown_key_0003")


def test_a_revoked_key_is_refused(sandbox) -> None:
    sandbox.revoke_key(RESTRICTED)
    with pytest.raises(AuthenticationFailed) as caught:
        check(sandbox, RESTRICTED)
    assert caught.value.stripe_code == "api_key_expired"


def test_a_connected_account_is_checked_with_the_key(sandbox) -> None:
    found = check(sandbox, sandbox.api_key, sandbox.connected_account)
    assert found.account_id == sandbox.connected_account
    assert [loc.name for loc in found.locations] == ["Maple & Bean — Kitsilano"]
    with pytest.raises(PermissionMissing) as caught:
        check(sandbox, sandbox.api_key, "acct_1NotConnectedToUs")
    assert caught.value.stripe_code == "account_invalid"


def test_a_restricted_key_that_may_not_read_the_account_is_fine(
    sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the account needs a permission of its own, which a till's key need not have:
    the key is judged by what the till does (the sandbox lets every key read the account, so
    Stripe's 403 is played here)."""
    accounts = type(stripe.StripeClient("sk_test_x").v1.accounts)

    async def forbidden(self, *args, **kwargs):
        raise stripe.PermissionError("The provided key does not have the required permissions",
                                     http_status=403)

    monkeypatch.setattr(accounts, "retrieve_current_async", forbidden)
    found = check(sandbox, RESTRICTED)
    assert found.ok and found.account_id is None and found.account_name is None
    assert len(found.locations) == 2
    with pytest.raises(PermissionMissing):  # a secret key can always read it: a real refusal
        check(sandbox, sandbox.api_key)
