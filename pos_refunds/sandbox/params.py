"""Typed parameter specs for each endpoint, and their validation.

Every endpoint declares the exact top-level parameter names of the official schema (a
contract test compares them), so unknown names are refused the way Stripe refuses them:
HTTP 400, ``parameter_unknown``, "Received unknown parameter: X". Fields the sandbox
does not model are declared :func:`Any_` and accepted as sent. All failures here are
validation failures, which Stripe never saves under an idempotency key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import invalid, missing_param, unknown_param

_INT = re.compile(r"^-?\d+$")


@dataclass(frozen=True)
class Field:
    """One parameter: its kind and constraints."""

    kind: str  # string | integer | boolean | enum | array | object | map | range | any
    required: bool = False
    choices: tuple[str, ...] = ()
    items: Field | None = None
    props: dict[str, Field] = field(default_factory=dict)
    minimum: int | None = None
    maximum: int | None = None
    max_items: int | None = None


Spec = dict[str, Field]


def Str(required: bool = False) -> Field:  # noqa: N802 - reads like a type in specs
    return Field("string", required)


def Int(required: bool = False, minimum: int | None = None, maximum: int | None = None) -> Field:  # noqa: N802
    return Field("integer", required, minimum=minimum, maximum=maximum)


def Bool() -> Field:  # noqa: N802
    return Field("boolean")


def Enum(*choices: str, required: bool = False) -> Field:  # noqa: N802
    return Field("enum", required, choices=choices)


def Arr(items: Field, max_items: int | None = None) -> Field:  # noqa: N802
    return Field("array", items=items, max_items=max_items)


def Obj(required: bool = False, **props: Field) -> Field:  # noqa: N802
    return Field("object", required, props=props)


def Meta() -> Field:  # noqa: N802
    return Field("map")


def Range() -> Field:  # noqa: N802
    """``created``: an integer or ``{gt,gte,lt,lte}``."""
    return Field("range")


def Any_() -> Field:  # noqa: N802
    """A documented parameter the sandbox accepts but does not model."""
    return Field("any")


EXPAND = Arr(Str())
LIST_PARAMS: Spec = {
    "ending_before": Str(),
    "expand": EXPAND,
    "limit": Int(minimum=1, maximum=100),
    "starting_after": Str(),
}


def _join(prefix: str, name: str) -> str:
    return f"{prefix}[{name}]" if prefix else name


def _int(value: Any, name: str, f: Field) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _INT.match(value):
        number = int(value)
    else:
        raise invalid(f"Invalid integer: {value}", param=name, code="parameter_invalid_integer")
    if f.minimum is not None and number < f.minimum:
        if f.minimum == 1 and f.maximum is None:
            msg = "Invalid positive integer"
        else:
            msg = f"This value must be greater than or equal to {f.minimum}."
        raise invalid(msg, param=name, code="parameter_invalid_integer")
    if f.maximum is not None and number > f.maximum:
        raise invalid(
            f"This value must be less than or equal to {f.maximum}.",
            param=name,
            code="parameter_invalid_integer",
        )
    return number


def _value(value: Any, name: str, f: Field) -> Any:
    kind = f.kind
    if kind == "any":
        return value
    if kind == "string":
        if not isinstance(value, str):
            raise invalid(f"Invalid string: {value!r}", param=name)
        return value
    if kind == "integer":
        return _int(value, name, f)
    if kind == "boolean":
        if value in ("true", True):
            return True
        if value in ("false", False):
            return False
        raise invalid(f"Invalid boolean: {value}", param=name)
    if kind == "enum":
        if value not in f.choices:
            options = ", ".join(f.choices[:-1]) + f", or {f.choices[-1]}"
            raise invalid(f"Invalid {name}: must be one of {options}", param=name)
        return value
    if kind == "array":
        if isinstance(value, dict) and not value:
            value = []
        if not isinstance(value, list):
            raise invalid(f"Invalid array: {name} must be an array", param=name)
        if f.max_items is not None and len(value) > f.max_items:
            raise invalid(f"Invalid {name}: must have at most {f.max_items} elements", param=name)
        assert f.items is not None
        return [_value(v, f"{name}[{i}]", f.items) for i, v in enumerate(value)]
    if kind == "map":
        if value == "":
            return None  # "metadata=" clears all keys on update
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise invalid(f"Invalid object: {name} must be a hash of strings", param=name)
        if len(value) > 50:
            raise invalid("Metadata can have at most 50 keys.", param=name)
        return {str(k): v for k, v in value.items()}
    if kind == "range":
        if isinstance(value, dict):
            out = {}
            for op, v in value.items():
                if op not in ("gt", "gte", "lt", "lte"):
                    raise unknown_param(_join(name, str(op)))
                out[op] = _int(v, _join(name, op), Int())
            return out
        return _int(value, name, Int())
    if kind == "object":
        if not isinstance(value, dict):
            raise invalid(f"Invalid object: {name} must be a hash", param=name)
        return validate_spec(value, f.props, prefix=name)
    raise AssertionError(kind)


def validate_spec(params: dict[str, Any], spec: Spec, prefix: str = "") -> dict[str, Any]:
    """Check names, presence and types; return the typed params."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        name = _join(prefix, str(key))
        f = spec.get(str(key))
        if f is None:
            raise unknown_param(name)
        out[str(key)] = _value(value, name, f)
    for key, f in spec.items():
        if f.required and key not in params:
            raise missing_param(_join(prefix, key))
    return out
