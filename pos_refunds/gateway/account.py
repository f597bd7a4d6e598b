"""The account behind the key: checks the key at start and names the shop in the UI."""

from __future__ import annotations

from .client import ClientHandle
from .errors import translated


async def account_name(handle: ClientHandle) -> str:
    with translated():
        acct = (await handle.stripe.v1.accounts.retrieve_current_async()).to_dict()
    profile = acct.get("business_profile") or {}
    settings = acct.get("settings") or {}
    dashboard = settings.get("dashboard") or {}
    return profile.get("name") or dashboard.get("display_name") or acct.get("id") or "Stripe"
