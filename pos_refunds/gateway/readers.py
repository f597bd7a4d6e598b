"""Terminal readers: list, in-person refund, follow the action, cancel, simulated card tap.

Following polls the reader: fast at first (the customer taps within seconds), then slower,
never re-sending the refund, and riding out transient network errors.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from typing import Any

from ..domain import errors as e
from ..domain.account import Location
from ..domain.money import Money
from ..domain.payments import Reader
from .account import terminal_locations
from .client import ClientHandle
from .errors import translated
from .mapping import _Fields, reader_from_stripe
from .payments import money_options, object_path, read_every, read_raw

INTERAC_TEST_CARD = "4506445006931933"
OTHER_TEST_CARD = "4242424242424242"
DECLINING_TEST_CARD = "4000000000000002"

# A reader action is followed at a steady pace: a read every 0.55 s (plus its round trip) shows
# the end within about half a second at about 1.7 requests a second; the window's own change
# polling steps back to its idle pace meanwhile (payments_vm.set_following), so the follow
# keeps within the 2 a second it may use. A growing interval spent the budget early (3-5
# requests a second) and was slow late (2 s).
POLL_START = 0.55
POLL_MAX = 0.55
POLL_GROWTH = 1.0
_TRANSIENT = (e.NetworkDown, e.ServerError, e.RateLimited, e.MalformedResponse, e.OutcomeUnknown)


def _location_name(loc: Mapping[str, Any]) -> tuple[str, str]:
    """A location's id and the name the till shows (its id when it has none)."""
    d = _Fields(loc, "a location")
    location_id = d.req_text("id")
    return location_id, d.text("display_name") or location_id


class ReadersGateway:
    def __init__(
        self, handle: ClientHandle, *, poll_start: float = POLL_START,
        poll_max: float = POLL_MAX, poll_growth: float = POLL_GROWTH,
    ) -> None:
        self._handle = handle
        self._c = handle.stripe
        self._locations: dict[str, str] = {}
        # How following paces its reads of the reader (tests shorten the pauses; what is
        # read, and when following ends, never depends on them).
        self._poll_start = poll_start
        self._poll_max = poll_max
        self._poll_growth = poll_growth

    async def locations(self) -> list[Location]:
        """The account's Terminal locations, read afresh (their names refresh too)."""
        found = await terminal_locations(self._handle)
        self._locations = {loc.id: loc.name for loc in found}
        return found

    async def _location_names(self) -> Mapping[str, str]:
        if not self._locations:
            found = await read_every(
                self._handle, "/v1/terminal/locations", {"limit": 100},
                _location_name, "a list of locations")
            self._locations.update(found)
        return self._locations

    async def list(self, *, location: str | None = None) -> list[Reader]:
        """Every reader (of a location), read raw and mapped off the Qt thread, as the
        payments' lists are: the typed SDK built a StripeObject of each on the Qt thread."""
        names = await self._location_names()
        params: dict[str, Any] = {"limit": 100}
        if location:
            params["location"] = location
        return await read_every(self._handle, "/v1/terminal/readers", params,
                                lambda r: reader_from_stripe(r, names), "a list of readers")

    async def retrieve(self, reader_id: str) -> Reader:
        """Read raw and mapped off the Qt thread, as lists are (payments.read_raw): a refund
        followed on the reader reads it twice a second."""
        names = await self._location_names()
        return await read_raw(self._handle, object_path("/v1/terminal/readers", reader_id), {},
                              lambda r: reader_from_stripe(r, names))

    async def refund_payment(
        self,
        reader_id: str,
        payment_id: str,
        amount: Money,
        *,
        metadata: Mapping[str, str],
        enable_customer_cancellation: bool,
        refund_application_fee: bool | None,
        reverse_transfer: bool | None,
        idempotency_key: str,
    ) -> Reader:
        params: dict[str, Any] = {
            "payment_intent": payment_id,
            "amount": amount.minor,
            "metadata": dict(metadata),
            "refund_payment_config": {
                "enable_customer_cancellation": enable_customer_cancellation
            },
        }
        if refund_application_fee is not None:
            params["refund_application_fee"] = refund_application_fee
        if reverse_transfer is not None:
            params["reverse_transfer"] = reverse_transfer
        names = await self._location_names()
        with translated():
            r = await self._c.v1.terminal.readers.refund_payment_async(
                reader_id, params, money_options(idempotency_key)
            )
        return reader_from_stripe(r, names)

    async def cancel_action(self, reader_id: str) -> Reader:
        names = await self._location_names()
        with translated():
            r = await self._c.v1.terminal.readers.cancel_action_async(reader_id)
        return reader_from_stripe(r, names)

    async def present(self, reader_id: str, *, interac: bool, number: str) -> None:
        """Simulated readers only: a customer taps a test card."""
        if interac:
            params: dict[str, Any] = {
                "type": "interac_present",
                "interac_present": {"number": number},
            }
        else:
            params = {"type": "card_present", "card_present": {"number": number}}
        with translated():
            await self._c.v1.test_helpers.terminal.readers.present_payment_method_async(
                reader_id, params
            )

    async def follow(self, reader_id: str, *, first_delay: float | None = None) -> AsyncIterator[
        tuple[Reader | None, e.PosError | None]
    ]:
        """Reader snapshots until its action is no longer in progress.

        Yields `(reader, None)` for each read, or `(None, error)` when a read failed in a way
        that passes (network, 5xx, 429); such failures never end the following. Anything else
        (a revoked key, a removed reader) is raised.
        """
        delay = self._poll_start if first_delay is None else first_delay
        while True:
            await asyncio.sleep(delay)
            delay = min(delay * self._poll_growth, self._poll_max)
            try:
                reader = await self.retrieve(reader_id)
            except _TRANSIENT as err:
                yield None, err
                continue
            yield reader, None
            if reader.action is None or reader.action.status != "in_progress":
                return
