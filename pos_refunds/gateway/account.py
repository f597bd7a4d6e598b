"""The account behind a key: checks the key at start, names the shop in the UI, and checks a
new key (Settings) before it is stored.

A new key is checked with a client of its own, closed at once, against the same server the app
talks to. A restricted key is also asked for each read and write the till needs; writes are
probed on ids that cannot exist, so Stripe answers "no such object" (allowed) or "permission
missing" and nothing is ever created.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from ..domain import errors as e
from ..domain.account import KeyCheck, KeySummary, Location
from .client import ClientHandle, Connection
from .errors import translated
from .payments import read_raw

log = logging.getLogger(__name__)

KEY_CHECK_TIMEOUT = 20.0
PROBE_PAYMENT = "pi_posrefundskeycheck000000"  # no PaymentIntent has this id
PROBE_READER = "tmr_posrefundskeycheck00000"  # nor any reader this one
_NOT_FOUND = (e.NotFound, e.InvalidRequest)  # a write the key may make, on a missing object


async def account_name(handle: ClientHandle) -> str:
    """Read raw, mapped off the Qt thread (payments.read_raw): at every start, before the
    window, the typed read imported the SDK's Account module on the Qt thread (22 ms)."""
    return await read_raw(handle, "/v1/account", {}, _name)


def _name(acct: dict[str, Any]) -> str:
    profile = acct.get("business_profile") or {}
    settings = acct.get("settings") or {}
    dashboard = settings.get("dashboard") or {}
    return profile.get("name") or dashboard.get("display_name") or acct.get("id") or "Stripe"


async def terminal_locations(handle: ClientHandle) -> list[Location]:
    """Every Terminal location of the account, in Stripe's order."""
    found: list[Location] = []
    with translated():
        lst = await handle.stripe.v1.terminal.locations.list_async({"limit": 100})
        async for loc in lst.auto_paging_iter():
            found.append(Location(loc.id, loc.to_dict().get("display_name") or loc.id))
    return found


def _probes(c: Any) -> list[tuple[str, bool, Callable[[], Awaitable[object]]]]:
    """(permission, is a write, request) for everything the till does with Stripe."""
    listed = {"limit": 1}
    return [
        ("read PaymentIntents, Charges and Refunds", False,
         lambda: c.payment_intents.list_async(
             {**listed, "expand": ["data.latest_charge", "data.latest_charge.refunds"]})),
        ("read Refunds", False, lambda: c.refunds.list_async(listed)),
        ("read Events", False, lambda: c.events.list_async(listed)),
        ("read Terminal readers", False, lambda: c.terminal.readers.list_async(listed)),
        ("write Refunds", True,
         lambda: c.refunds.create_async({"payment_intent": PROBE_PAYMENT})),
        ("write PaymentIntents", True, lambda: c.payment_intents.cancel_async(PROBE_PAYMENT)),
        ("write Terminal readers", True,
         lambda: c.terminal.readers.cancel_action_async(PROBE_READER)),
    ]


async def _probe(request: Callable[[], Awaitable[object]], write: bool) -> bool:
    """True when the key may do it; a refusal other than a permission is raised."""
    try:
        with translated():
            await request()
    except e.PermissionMissing as error:
        if error.stripe_code == "account_invalid":
            raise
        return False
    except _NOT_FOUND:
        if not write:
            raise
    return True


async def _account(handle: ClientHandle) -> dict[str, Any] | None:
    """The account, or None for a restricted key that may not read it (which is fine)."""
    try:
        with translated():
            return (await handle.stripe.v1.accounts.retrieve_current_async()).to_dict()
    except e.PermissionMissing as error:
        if (error.stripe_code == "account_invalid"
                or not handle.connection.api_key.startswith("rk_")):
            raise
        return None


async def check_key(key: str, *, api_base: str | None, stripe_account: str | None) -> KeyCheck:
    """Ask Stripe about `key` before it is stored.

    Raises AuthenticationFailed (wrong, expired or revoked key), PermissionMissing with code
    "account_invalid" (the key cannot act for `stripe_account`), or the network's errors.
    Missing permissions of a restricted key come back in `KeyCheck.missing`.
    """
    handle = ClientHandle(Connection(key, api_base, stripe_account), retries=0,
                          timeout=KEY_CHECK_TIMEOUT)
    try:
        acct = await _account(handle)
        missing: list[str] = []
        if key.startswith("rk_"):
            probes = _probes(handle.stripe.v1)
            answers = await asyncio.gather(*(_probe(run, write) for _, write, run in probes),
                                           return_exceptions=True)
            for answer in answers:  # every probe has ended: the first failure speaks
                if isinstance(answer, BaseException):
                    raise answer
            missing = [name for (name, _, _), ok in zip(probes, answers, strict=True) if not ok]
        try:
            locations = await terminal_locations(handle)
        except e.PermissionMissing as error:
            if error.stripe_code == "account_invalid":
                raise
            locations = []
            missing.append("read Terminal locations")
    finally:
        await handle.aclose()
    summary = KeySummary.of(key)
    log.info("key check: %s, %d permission(s) missing", summary.kind.lower(), len(missing))
    return KeyCheck(
        key=summary,
        account_id=acct.get("id") if acct else None,
        account_name=_name(acct) if acct else None,
        locations=tuple(locations),
        missing=tuple(missing),
    )
