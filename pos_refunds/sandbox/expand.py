"""``expand[]``: replace ids by the objects they name, as Stripe does.

Paths are checked against a static graph before the endpoint runs (a bad path is a
validation error, never saved for idempotency), then applied on shallow copies so the
stored objects never change. ``charge.refunds`` is "includable": absent unless expanded.
"""

from __future__ import annotations

from typing import Any

from .errors import invalid
from .store import Account

MAX_DEPTH = 4

GRAPH: dict[str, dict[str, str]] = {
    "payment_intent": {"latest_charge": "charge"},
    "charge": {"payment_intent": "payment_intent", "refunds": "list:refund"},
    "refund": {"charge": "charge", "payment_intent": "payment_intent"},
    "terminal.reader": {
        "location": "terminal.location",
        "action.refund_payment.refund": "refund",
        "action.refund_payment.charge": "charge",
        "action.refund_payment.payment_intent": "payment_intent",
        "action.process_payment_intent.payment_intent": "payment_intent",
    },
}


def _edges(kind: str) -> dict[str, str]:
    if kind.startswith("list:"):
        return {"data": kind[5:]}
    return GRAPH.get(kind, {})


def _steps(kind: str, path: str) -> list[tuple[str, str]]:
    """Split ``path`` into (field, target kind) steps, or raise Stripe's error."""
    segs = path.split(".")
    steps: list[tuple[str, str]] = []
    i = 0
    while i < len(segs):
        edges = _edges(kind)
        for j in range(len(segs), i, -1):
            name = ".".join(segs[i:j])
            if name in edges:
                steps.append((name, edges[name]))
                kind = edges[name]
                i = j
                break
        else:
            raise invalid(f"This property cannot be expanded ({segs[i]}).", param="expand")
    if sum(1 for name, _ in steps if name != "data") > MAX_DEPTH:
        raise invalid(
            f"You cannot expand more than {MAX_DEPTH} levels of a property.", param="expand"
        )
    return steps


def check(kind: str, paths: list[str]) -> None:
    for path in paths:
        _steps(kind, path)


def refund_list(account: Account, charge_id: str) -> dict[str, Any]:
    """The ``refunds`` list embedded in a charge: newest first, 10 per page."""
    ids = account.charge_refunds.get(charge_id, [])
    data = [account.refunds.get(r) for r in reversed(ids[-10:])]
    return {
        "object": "list",
        "data": [d for d in data if d is not None],
        "has_more": len(ids) > 10,
        "url": f"/v1/charges/{charge_id}/refunds",
    }


def _resolve(account: Account, kind: str, value: Any, parent: dict[str, Any]) -> Any:
    if kind == "list:refund":
        return refund_list(account, parent["id"])
    if not isinstance(value, str):
        return value  # null, or already expanded
    if kind == "charge":
        return account.charges.get(value, value)
    if kind == "payment_intent":
        return account.payment_intents.get(value) or value
    if kind == "refund":
        return account.refunds.get(value) or value
    if kind == "terminal.location":
        return account.locations.get(value) or value
    return value


def _apply(account: Account, obj: Any, steps: list[tuple[str, str]]) -> Any:
    if not steps or not isinstance(obj, dict):
        return obj
    (name, target), rest = steps[0], steps[1:]
    out = dict(obj)
    if name == "data" and obj.get("object") == "list":
        out["data"] = [_apply(account, item, rest) for item in obj["data"]]
        return out
    keys = name.split(".")
    node = out
    for key in keys[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            return out
        node[key] = dict(child)
        node = node[key]
    leaf = keys[-1]
    if leaf not in node and target != "list:refund":
        return out
    node[leaf] = _apply(account, _resolve(account, target, node.get(leaf), obj), rest)
    return out


def expand(account: Account, kind: str, obj: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """``obj`` with every path in ``paths`` expanded (paths already checked)."""
    for path in paths:
        obj = _apply(account, obj, _steps(kind, path))
    return obj
