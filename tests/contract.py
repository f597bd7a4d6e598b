"""Validate Stripe-shaped JSON against the official OpenAPI subset.

``../shared/stripe-openapi/stripe-subset.json`` (beside the repository) is OpenAPI 3.0:
``$ref``s point into ``#/components/schemas`` and ``nullable: true`` marks null-able
values. Both are turned into plain JSON Schema here; objects that list their properties
are made strict (no undocumented fields), so a typo or an invented field fails.

Where the sandbox serves something the subset does not describe, the allow-lists below
say what and why, instead of skipping the check.
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator


def repo_root() -> Path:
    here = Path(__file__).resolve().parent
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=here,
            capture_output=True,
            text=True,
            check=True,
        )
        return Path(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        return here.parent


SCHEMA_PATH = repo_root().parent / "shared" / "stripe-openapi" / "stripe-subset.json"

# Paths the sandbox serves that the subset leaves out: (method, template) -> (schema, why).
PATHS_NOT_IN_SUBSET: dict[tuple[str, str], tuple[str, str]] = {
    ("GET", "/v1/events/{id}"): (
        "event",
        "retrieve an event: a standard Stripe endpoint; the subset only has the list",
    ),
    ("GET", "/v1/terminal/locations/{location}"): (
        "terminal.location",
        "retrieve a location: standard Stripe endpoint; the subset only has list/create",
    ),
    ("GET", "/v1/charges/{charge}/refunds"): (
        "list:refund",
        "where charge.refunds.url points (auto-paging a charge's refunds); not in the subset",
    ),
}

# Fields the sandbox sends that the subset's schema lacks: (schema name, field) -> why.
# Empty today: everything the sandbox sends is in the subset (API 2026-07-29.dahlia);
# add a field here with its reason rather than loosening the check.
FIELDS_NEWER_THAN_SUBSET: dict[tuple[str, str], str] = {}

# The subset's payment_intent lists fewer required fields than the exact 2023-08-16 spec
# (the README warns it was assembled in pieces); these are always present in Stripe's
# answers and the app reads them, so the check requires them as the older spec does.
STRICTER_REQUIRED: dict[str, tuple[str, ...]] = {
    "payment_intent": (
        "amount",
        "capture_method",
        "confirmation_method",
        "currency",
        "payment_method_types",
    ),
}


def _convert(node: Any, strict: bool) -> Any:
    """OpenAPI 3.0 -> JSON Schema: nullable -> anyOf null; optionally no extra fields."""
    if isinstance(node, list):
        return [_convert(n, strict) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _convert(v, strict) for k, v in node.items() if not k.startswith("x-")}
    if "properties" in out and isinstance(out["properties"], dict):
        out["properties"] = {k: _convert(v, strict) for k, v in node["properties"].items()}
        if strict and "additionalProperties" not in out:
            out["additionalProperties"] = False
    if out.pop("nullable", False):
        return {"anyOf": [out, {"type": "null"}]}
    return out


class Contract:
    """Response and parameter checks against the schema file."""

    def __init__(self, path: Path = SCHEMA_PATH) -> None:
        self.path = path
        self.spec = json.loads(path.read_text(encoding="utf-8"))
        schemas = self.spec["components"]["schemas"]
        for (name, field), _why in FIELDS_NEWER_THAN_SUBSET.items():
            schemas[name].setdefault("properties", {})[field] = {}
        for name, fields in STRICTER_REQUIRED.items():
            schemas[name]["required"] = sorted(set(schemas[name].get("required", [])) | set(fields))
        self.root = {"components": {"schemas": _convert(schemas, strict=True)}}
        self._validators: dict[str, Draft7Validator] = {}
        self._lock = threading.Lock()
        self._paths = [
            (re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", p) + "$"), p)
            for p in sorted(self.spec["paths"], key=lambda p: (p.count("{"), p))
        ]

    def template(self, path: str) -> str | None:
        for pattern, template in self._paths:
            if pattern.match(path):
                return template
        return None

    def _validator(self, key: str, schema: dict[str, Any]) -> Draft7Validator:
        with self._lock:
            found = self._validators.get(key)
            if found is None:
                found = Draft7Validator({**self.root, **_convert(schema, strict=True)})
                self._validators[key] = found
            return found

    def _by_name(self, name: str) -> Draft7Validator:
        if name.startswith("list:"):
            item = {"$ref": f"#/components/schemas/{name[5:]}"}
            schema = {
                "type": "object",
                "required": ["data", "has_more", "object", "url"],
                "properties": {
                    "object": {"enum": ["list"]},
                    "data": {"type": "array", "items": item},
                    "has_more": {"type": "boolean"},
                    "url": {"type": "string"},
                },
            }
            return self._validator(name, schema)
        return self._validator(name, {"$ref": f"#/components/schemas/{name}"})

    def response_validator(self, method: str, path: str, status: int) -> Draft7Validator:
        if status >= 300:
            return self._by_name("error")
        template = self.template(path)
        op = self.spec["paths"].get(template or "", {}).get(method.lower())
        if op is None:
            extra = next(
                (
                    v
                    for (m, t), v in PATHS_NOT_IN_SUBSET.items()
                    if m == method and re.match("^" + re.sub(r"\{[^}]+\}", "[^/]+", t) + "$", path)
                ),
                None,
            )
            if extra is None:
                raise LookupError(f"{method} {path} is neither in the schema nor allow-listed")
            return self._by_name(extra[0])
        responses = op["responses"]
        chosen = responses.get(str(status)) or responses["default"]
        schema = chosen["content"]["application/json"]["schema"]
        return self._validator(f"{method} {template} {status}", schema)

    def errors(self, method: str, path: str, status: int, body: Any) -> list[str]:
        """Every way ``body`` breaks the schema, as readable lines (empty when valid)."""
        validator = self.response_validator(method, path, status)
        found = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        return [
            f"{method} {path} -> {status}: {'/'.join(map(str, e.absolute_path)) or '(root)'}: "
            f"{e.message[:300]}"
            for e in found
        ]

    def validate_object(self, name: str, obj: Any) -> list[str]:
        return [e.message for e in self._by_name(name).iter_errors(obj)]

    # -- request parameters -----------------------------------------------------------
    def operation(self, method: str, template: str) -> dict[str, Any]:
        return self.spec["paths"][template][method.lower()]

    def request_params(self, method: str, template: str) -> dict[str, Any]:
        """Parameter name -> schema for an operation (query params or form body)."""
        op = self.operation(method, template)
        if method == "GET":
            return {p["name"]: p for p in op.get("parameters", []) if p["in"] == "query"}
        body = op.get("requestBody", {}).get("content", {})
        form = body.get("application/x-www-form-urlencoded", {}).get("schema", {})
        return dict(form.get("properties", {}))

    def required_params(self, method: str, template: str) -> set[str]:
        op = self.operation(method, template)
        if method == "GET":
            return {
                p["name"]
                for p in op.get("parameters", [])
                if p["in"] == "query" and p.get("required")
            }
        body = op.get("requestBody", {}).get("content", {})
        form = body.get("application/x-www-form-urlencoded", {}).get("schema", {})
        return set(form.get("required", []))


@cache
def contract() -> Contract:
    return Contract()
