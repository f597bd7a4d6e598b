"""Stripe list objects: newest first, cursor pagination, ``created`` filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import invalid, no_such
from .store import Collection

Predicate = Callable[[dict[str, Any]], bool]


def list_object(data: list[dict[str, Any]], has_more: bool, url: str) -> dict[str, Any]:
    return {"object": "list", "data": data, "has_more": has_more, "url": url}


def page(
    col: Collection,
    params: dict[str, Any],
    url: str,
    kind: str,
    predicate: Predicate | None = None,
) -> dict[str, Any]:
    """One page of ``col`` the way Stripe pages: ``starting_after`` walks to older
    objects, ``ending_before`` to newer ones; both return newest first."""
    limit = params.get("limit", 10)
    after, before = params.get("starting_after"), params.get("ending_before")
    if after is not None and before is not None:
        raise invalid(
            "You may only specify one of these parameters: ending_before, starting_after.",
            code="parameters_exclusive",
        )
    lo, hi = col.bounds(params.get("created"))
    items = col.items
    found: list[dict[str, Any]] = []
    if before is not None:
        pos = col.position(before)
        if pos is None:
            raise no_such(kind, before, "ending_before")
        i = max(lo, pos + 1)
        while i < hi and len(found) <= limit:
            if predicate is None or predicate(items[i]):
                found.append(items[i])
            i += 1
        has_more = len(found) > limit
        return list_object(found[:limit][::-1], has_more, url)
    if after is not None:
        pos = col.position(after)
        if pos is None:
            raise no_such(kind, after, "starting_after")
        hi = min(hi, pos)
    i = hi - 1
    while i >= lo and len(found) <= limit:
        if predicate is None or predicate(items[i]):
            found.append(items[i])
        i -= 1
    return list_object(found[:limit], len(found) > limit, url)
