"""Setting up the till's Stripe key: check it against Stripe, keep it in the OS keychain,
remove it; and the account's Terminal locations for the location filter.

The key only passes through these calls: it is checked with a client of its own, stored in the
keychain (in an executor: a keychain may block while the desktop unlocks it) and dropped. What
comes back is a `KeySummary` (kind and last 4), never the key.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from .. import keychain
from ..blocking import run_blocking
from ..domain.account import KeyCheck, KeySummary, Location, account_problem, key_problem
from ..domain.errors import InvalidRequest, PermissionMissing
from ..domain.reasons import KeyReason
from ..gateway.account import check_key

T = TypeVar("T")



class KeySetup:
    """`api_base`: the server keys are checked against (None: Stripe; else --api-base or a
    sandbox). `locations`: reads the running account's Terminal locations."""

    def __init__(
        self,
        *,
        api_base: str | None,
        locations: Callable[[], Awaitable[list[Location]]] | None = None,
    ) -> None:
        self._api_base = api_base
        self._locations = locations

    async def summary(self) -> KeySummary | None:
        """Which kind of key is stored (and its last 4), or None; KeychainUnavailable."""
        return await run_blocking(keychain.stored_key_summary)

    async def check(self, key: str, stripe_account: str | None) -> KeyCheck:
        """Stripe's answer about `key`; a key missing permissions is refused."""
        problem = key_problem(key) or account_problem(stripe_account or "")
        if problem:
            raise InvalidRequest(problem)
        check = await check_key(key, api_base=self._api_base, stripe_account=stripe_account)
        if check.missing:
            raise PermissionMissing(KeyReason.NOT_ALLOWED, missing=check.missing,
                                    stripe_code="missing_permissions")
        return check

    async def check_and_save(self, key: str, stripe_account: str | None) -> KeyCheck:
        """Check `key`, then keep it in the keychain; nothing is stored if either fails."""
        check = await self.check(key, stripe_account)
        await run_blocking(lambda: keychain.store_api_key(key))
        return check

    async def check_stored(self, stripe_account: str | None) -> KeyCheck | None:
        """Check the stored key (e.g. with a new Connect account); None when none is stored."""
        lookup = await run_blocking(keychain.read_api_key)
        if lookup.key is None:
            return None
        return await self.check(lookup.key, stripe_account)

    async def remove(self) -> bool:
        """Remove the stored key; False when there was none."""
        return await run_blocking(keychain.delete_api_key)

    async def locations(self) -> list[Location]:
        return await self._locations() if self._locations is not None else []
