"""The account (``GET /v1/account``) and Terminal locations."""

from __future__ import annotations

from typing import Any

from .errors import no_such
from .listing import page
from .params import EXPAND, LIST_PARAMS, Spec
from .store import Call

ACCOUNT_SPEC: Spec = {"expand": EXPAND}
LOCATIONS_SPEC: Spec = dict(LIST_PARAMS)
LOCATION_SPEC: Spec = {"expand": EXPAND}


def account(call: Call) -> dict[str, Any]:
    return call.account.obj


def list_locations(call: Call) -> dict[str, Any]:
    return page(call.account.locations, call.params, "/v1/terminal/locations", "terminal.location")


def retrieve_location(call: Call) -> dict[str, Any]:
    found = call.account.locations.get(call.path_id)
    if found is None:
        raise no_such("terminal.location", call.path_id, "location")
    return found
