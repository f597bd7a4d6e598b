"""Decoding of Stripe's bracket-notation form parameters.

The SDK encodes nested params as ``metadata[k]=v``, ``expand[0]=a``, ``created[gte]=1``,
``card[number]=...`` both in query strings (GET) and in
``application/x-www-form-urlencoded`` bodies (POST). This turns them back into nested
dicts and lists of strings; typing happens later against each endpoint's spec.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

from .errors import invalid

_SEGMENT = re.compile(r"\[([^\[\]]*)\]")


def _split_key(key: str) -> list[str]:
    """``a[b][0]`` -> ``["a", "b", "0"]``; ``a[]`` -> ``["a", ""]`` (append)."""
    head, _, rest = key.partition("[")
    if not rest:
        return [key]
    tail = "[" + rest
    parts = _SEGMENT.findall(tail)
    if "".join(f"[{p}]" for p in parts) != tail or not head:
        raise invalid(f"Invalid parameter name: {key}", param=key)
    return [head, *parts]


def _listify(node: Any) -> Any:
    """Dicts whose keys are all indexes become lists, in index order."""
    if not isinstance(node, dict):
        return node
    for k, v in node.items():
        node[k] = _listify(v)
    if node and all(isinstance(k, int) for k in node):
        return [node[i] for i in sorted(node)]
    return node


def decode(raw: str) -> dict[str, Any]:
    """Decode a query string or form body into nested dicts/lists of strings."""
    result: dict[str, Any] = {}
    for key, value in parse_qsl(raw, keep_blank_values=True):
        parts = _split_key(key)
        node: dict[Any, Any] = result
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if part == "":
                part = len(node)  # "x[]" appends
            elif part.isdigit() and i > 0:
                part = int(part)
            if last:
                node[part] = value
                break
            child = node.get(part)
            if not isinstance(child, dict):
                child = {}
                node[part] = child
            node = child
    return _listify(result)
