"""Wire behaviour: auth, keys, headers, accounts, unknown URLs, keep-alive, layering."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import httpx
import pytest
import stripe

from tests.sandbox.conftest import authorized, find, make_client, run_async


def raw(
    sandbox,
    method: str,
    path: str,
    *,
    key: str | None = "default",
    body: str = "",
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    hdrs = dict(headers or {})
    if key == "default":
        key = sandbox.api_key
    if key:
        hdrs["Authorization"] = f"Bearer {key}"
    if method == "POST":
        hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
    return httpx.request(method, sandbox.url + path, content=body, headers=hdrs)


def test_missing_key_is_401_in_stripes_shape(sandbox) -> None:
    resp = raw(sandbox, "GET", "/v1/payment_intents", key=None)
    assert resp.status_code == 401
    err = resp.json()["error"]
    assert err["type"] == "invalid_request_error"
    assert "You did not provide an API key" in err["message"]
    assert resp.headers["Request-Id"].startswith("req_")


@pytest.mark.parametrize("key", ["sk_live_fake_abcd", "pk_test_1234abcd", "whatever", "sk_test_"])
def test_non_test_secret_keys_are_refused(sandbox, key) -> None:
    with pytest.raises(stripe.AuthenticationError) as info:
        make_client(sandbox, key).v1.payment_intents.list()
    assert info.value.http_status == 401
    assert "Invalid API Key provided" in info.value.user_message


def test_live_key_is_masked_like_stripe(sandbox) -> None:
    resp = raw(sandbox, "GET", "/v1/account", key="sk_live_51Habcd")
    assert resp.json()["error"]["message"] == "Invalid API Key provided: sk_live_****abcd"


def test_any_test_secret_or_restricted_key_is_accepted(sandbox) -> None:
    for key in ("sk_test_other", "rk_test_shopfront"):
        assert make_client(sandbox, key).v1.terminal.readers.list().data


def test_revoked_key_gets_401_sync_and_async(sandbox) -> None:
    make_client(sandbox, "sk_test_soon_gone").v1.payment_intents.list({"limit": 1})
    sandbox.revoke_key("sk_test_soon_gone")
    with pytest.raises(stripe.AuthenticationError, match="sk_test_"):
        make_client(sandbox, "sk_test_soon_gone").v1.payment_intents.list()

    async def body(client):
        with pytest.raises(stripe.AuthenticationError):
            await client.v1.payment_intents.list_async()
        return True

    assert run_async(sandbox, body, "sk_test_soon_gone")
    assert make_client(sandbox, "sk_test_still_fine").v1.payment_intents.list({"limit": 1})


def test_readonly_restricted_key_reads_but_cannot_write(sandbox) -> None:
    client = make_client(sandbox, "rk_test_readonly_till")
    pis = client.v1.payment_intents.list({"limit": 3}).data
    with pytest.raises(stripe.PermissionError) as info:
        client.v1.refunds.create({"payment_intent": pis[0].id})
    assert info.value.http_status == 403
    assert "does not have the required permissions" in info.value.user_message
    assert "rak_refund_write" in info.value.user_message


def test_every_response_carries_a_request_id(sandbox, client) -> None:
    for method, path in [("GET", "/v1/account"), ("GET", "/v1/nope"), ("POST", "/v1/refunds")]:
        resp = raw(sandbox, method, path)
        assert resp.headers["Request-Id"].startswith("req_"), (method, path)
    err = pytest.raises(stripe.InvalidRequestError, client.v1.refunds.create, {"charge": "ch_x"})
    assert err.value.request_id.startswith("req_")


def test_unknown_url_is_404_unrecognized(sandbox) -> None:
    resp = raw(sandbox, "DELETE", "/v1/payment_intents")
    assert resp.status_code == 404
    assert resp.json()["error"]["message"].startswith(
        "Unrecognized request URL (DELETE: /v1/payment_intents)"
    )


def test_stripe_account_scopes_to_the_connected_account(sandbox, client) -> None:
    platform = {p.id for p in client.v1.payment_intents.list({"limit": 100}).data}
    connected = make_client(sandbox, stripe_account=sandbox.connected_account)
    theirs = {p.id for p in connected.v1.payment_intents.list({"limit": 100}).data}
    assert theirs and not theirs & platform
    account = connected.v1.accounts.retrieve_current()
    assert account.id == sandbox.connected_account
    assert client.v1.accounts.retrieve_current().id != sandbox.connected_account
    with pytest.raises(stripe.InvalidRequestError):
        connected.v1.payment_intents.retrieve(next(iter(platform)))


def test_unknown_connected_account_is_403(sandbox) -> None:
    client = make_client(sandbox, stripe_account="acct_1NoSuchAccount00")
    with pytest.raises(stripe.PermissionError) as info:
        client.v1.payment_intents.list()
    assert info.value.http_status == 403
    assert info.value.json_body["error"]["code"] == "account_invalid"


def test_connections_are_kept_alive(sandbox) -> None:
    parts = urlsplit(sandbox.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    for _ in range(3):
        conn.request("GET", "/v1/terminal/locations", headers=headers)
        resp = conn.getresponse()
        assert resp.status == 200 and json.loads(resp.read())["object"] == "list"
        assert resp.getheader("Connection", "keep-alive").lower() != "close"
    sock = conn.sock
    conn.request("GET", "/v1/account", headers=headers)
    conn.getresponse().read()
    assert conn.sock is sock  # same socket reused
    conn.close()


def test_stripe_version_is_echoed(sandbox) -> None:
    resp = raw(sandbox, "GET", "/v1/account", headers={"Stripe-Version": "2026-10-28.endive"})
    assert resp.headers["Stripe-Version"] == "2026-10-28.endive"


def test_sandbox_imports_no_qt_nor_the_app() -> None:
    code = (
        "import sys, pos_refunds.sandbox, pos_refunds.sandbox.__main__\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'qasync')"
        " or (m.startswith('pos_refunds.') and not m.startswith('pos_refunds.sandbox'))]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_request_cut_short_is_not_carried_out(sandbox, client) -> None:
    """A till killed while writing its body: the part that arrived is not run, so the whole
    request sent again under its key is the one that counts (not a 400 "other parameters")."""
    pi = find(client, authorized)
    body = b"cancellation_reason=requested_by_customer"
    head = (
        f"POST /v1/payment_intents/{pi.id}/cancel HTTP/1.1\r\n"
        f"Host: sandbox\r\nAuthorization: Bearer {sandbox.api_key}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Idempotency-Key: cut-short-1\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    parts = urlsplit(sandbox.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(head + body[:5])
        sock.shutdown(socket.SHUT_WR)
        assert sock.recv(65536) == b""  # no answer: the server dropped the request
    assert client.v1.payment_intents.retrieve(pi.id).status == "requires_capture"
    answer = raw(sandbox, "POST", f"/v1/payment_intents/{pi.id}/cancel", body=body.decode(),
                 headers={"Idempotency-Key": "cut-short-1"})
    assert answer.status_code == 200, answer.text
    assert "idempotent-replayed" not in answer.headers
    assert answer.json()["status"] == "canceled"
