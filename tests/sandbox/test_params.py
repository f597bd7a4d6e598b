"""Bracket-encoded parameters, their validation, and the accepted names vs the schema."""

from __future__ import annotations

import httpx
import pytest
import stripe

from pos_refunds.sandbox.errors import ApiError
from pos_refunds.sandbox.forms import decode
from pos_refunds.sandbox.params import Field
from pos_refunds.sandbox.routes import ROUTES
from tests.contract import PATHS_NOT_IN_SUBSET, contract
from tests.sandbox.conftest import card_refundable, find


def test_decode_nested_brackets() -> None:
    assert decode(
        "expand[0]=data.latest_charge&expand[1]=x&metadata[order]=42&created[gte]=10"
        "&card[number]=4242&a[b][0][c]=1&list[]=p&list[]=q&empty="
    ) == {
        "expand": ["data.latest_charge", "x"],
        "metadata": {"order": "42"},
        "created": {"gte": "10"},
        "card": {"number": "4242"},
        "a": {"b": [{"c": "1"}]},
        "list": ["p", "q"],
        "empty": "",
    }


def test_decode_refuses_broken_names() -> None:
    with pytest.raises(ApiError):
        decode("a[b=1")


def _post(sandbox, path: str, body: str) -> dict:
    resp = httpx.post(
        sandbox.url + path,
        content=body,
        headers={
            "Authorization": f"Bearer {sandbox.api_key}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert resp.status_code == 400, resp.text
    return resp.json()["error"]


def test_unknown_parameter_is_refused_like_stripe(sandbox, client) -> None:
    pi = find(client, card_refundable)
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create({"payment_intent": pi.id, "refund_amount": 5})  # type: ignore[typeddict-unknown-key]
    assert info.value.http_status == 400
    assert info.value.code == "parameter_unknown"
    assert info.value.param == "refund_amount"
    assert info.value.user_message == "Received unknown parameter: refund_amount"


def test_unknown_nested_parameter_names_the_full_path(sandbox, client) -> None:
    reader = client.v1.terminal.readers.list({"status": "online"}).data[0]
    err = _post(
        sandbox,
        f"/v1/terminal/readers/{reader.id}/refund_payment",
        "payment_intent=pi_x&refund_payment_config[skip_tipping]=true",
    )
    assert err["code"] == "parameter_unknown"
    assert err["param"] == "refund_payment_config[skip_tipping]"


def test_bad_integer_and_missing_required(sandbox) -> None:
    err = _post(sandbox, "/v1/payment_intents", "amount=12.50&currency=cad")
    assert (err["code"], err["param"]) == ("parameter_invalid_integer", "amount")
    err = _post(sandbox, "/v1/payment_intents", "amount=1250")
    assert (err["code"], err["param"]) == ("parameter_missing", "currency")
    assert err["message"] == "Missing required param: currency."


def test_bad_enum_and_boolean(sandbox, client) -> None:
    pi = find(client, card_refundable)
    err = _post(sandbox, "/v1/refunds", f"payment_intent={pi.id}&reason=changed_mind")
    assert err["param"] == "reason" and "must be one of" in err["message"]
    err = _post(sandbox, "/v1/refunds", f"payment_intent={pi.id}&reverse_transfer=yes")
    assert err["param"] == "reverse_transfer"


def test_limit_bounds(client) -> None:
    for bad in (0, 101):
        with pytest.raises(stripe.InvalidRequestError) as info:
            client.v1.payment_intents.list({"limit": bad})
        assert info.value.param == "limit"
    assert len(client.v1.payment_intents.list({"limit": 100}).data) == 80


def test_unexpandable_path_is_refused(client) -> None:
    with pytest.raises(stripe.InvalidRequestError, match=r"cannot be expanded \(customer_x\)"):
        client.v1.payment_intents.list({"expand": ["data.customer_x"]})
    with pytest.raises(stripe.InvalidRequestError, match="more than 4 levels"):
        client.v1.refunds.list(
            {"expand": ["data.charge.payment_intent.latest_charge.payment_intent.latest_charge"]}
        )


def test_exclusive_cursors_and_targets(client) -> None:
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create({"payment_intent": "pi_x", "charge": "ch_x"})
    assert info.value.code == "parameters_exclusive"
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create({})
    assert info.value.code == "parameter_missing"


def _declared(spec: dict[str, Field], prefix: str = "") -> dict[str, bool]:
    out = {}
    for name, field in spec.items():
        out[prefix + name] = field.required
        if field.kind == "object":
            out.update(_declared(field.props, f"{prefix}{name}."))
    return out


def _schema_names(props: dict, required: set[str], prefix: str = "") -> dict[str, bool]:
    out = {}
    for name, prop in props.items():
        schema = prop.get("schema", prop)
        out[prefix + name] = name in required
        if schema.get("type") == "object" and "properties" in schema and name != "metadata":
            out.update(
                _schema_names(
                    schema["properties"], set(schema.get("required", [])), f"{prefix}{name}."
                )
            )
    return out


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.template}")
def test_accepted_params_match_the_schema(route) -> None:
    """Each endpoint takes exactly the schema's parameters (nested objects we model too)."""
    c = contract()
    if (route.method, route.template) in PATHS_NOT_IN_SUBSET:
        # Not in the subset (see contract.PATHS_NOT_IN_SUBSET for why): Stripe's standard
        # retrieve / list parameters.
        expected = (
            {"expand"}
            if route.returns[:5] != "list:"
            else {"expand", "limit", "starting_after", "ending_before"}
        )
        assert set(route.spec) == expected
        return
    schema = _schema_names(
        c.request_params(route.method, route.template),
        c.required_params(route.method, route.template),
    )
    declared = _declared(route.spec)
    assert set(k for k in declared if "." not in k) == set(k for k in schema if "." not in k)
    for name, required in declared.items():
        assert name in schema, f"{name} is not in the schema"
        assert schema[name] == required, f"{name}: required={required}, schema says {schema[name]}"
    nested_modelled = {k.split(".")[0] for k in declared if "." in k}
    for name in schema:
        if name.split(".")[0] in nested_modelled:
            assert name in declared, f"{name} (schema) is not accepted"
