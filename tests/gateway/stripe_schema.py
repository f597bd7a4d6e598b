"""Validate test fixtures against Stripe's own OpenAPI description, so they are shaped as sent.

OpenAPI 3.0 writes `nullable: true`; JSON Schema wants a null alternative, so the schemas are
rewritten once. Unknown enum values are allowed (Stripe adds them), since the app must read
them: the fixtures that use one say so with `open_enums=True`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

SPEC = Path("/work/shared/stripe-openapi/stripe-subset.json")
for parent in Path(__file__).resolve().parents:  # a copy inside the repository wins
    if (parent / "shared/stripe-openapi/stripe-subset.json").is_file():
        SPEC = parent / "shared/stripe-openapi/stripe-subset.json"
        break


def _convert(node: Any, open_enums: bool) -> Any:
    if isinstance(node, list):
        return [_convert(x, open_enums) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: _convert(v, open_enums) for k, v in node.items() if k != "nullable"}
    if open_enums:
        out.pop("enum", None)
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


@cache
def _schemas(open_enums: bool) -> dict[str, Any]:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    return _convert(spec["components"]["schemas"], open_enums)


def available() -> bool:
    return SPEC.is_file()


def validate(obj: Any, schema: str, *, open_enums: bool = False) -> None:
    """Raise jsonschema.ValidationError unless `obj` is a valid Stripe `schema` object."""
    schemas = _schemas(open_enums)
    root = {"$ref": f"#/components/schemas/{schema}", "components": {"schemas": schemas}}
    jsonschema.Draft202012Validator(root).validate(obj)
