"""Seed data (variety, determinism, scale), persisted state, and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import httpx
import stripe

from pos_refunds.sandbox import Sandbox
from tests.sandbox.conftest import all_payments, authorized, kind, network


def test_seed_covers_every_case_the_app_handles(sandbox, client) -> None:
    pis = all_payments(client)
    assert len(pis) == 80
    networks = {network(p) for p in pis if p.latest_charge}
    assert {
        "interac",
        "visa",
        "mastercard",
        "amex",
        "discover",
        "girocard",
        "eftpos_au",
    } <= networks
    by_currency = {(network(p), p.currency) for p in pis if p.latest_charge}
    assert ("girocard", "eur") in by_currency and ("eftpos_au", "aud") in by_currency
    assert any(p.currency == "jpy" for p in pis)
    assert {p.status for p in pis} >= {
        "succeeded",
        "requires_capture",
        "canceled",
        "requires_payment_method",
    }
    auths = [p for p in pis if authorized(p)]
    assert {network(p) for p in auths} >= {"visa", "mastercard", "amex", "discover"}
    now = time.time()
    deadlines = [p.latest_charge.payment_method_details.card_present.capture_before for p in auths]
    assert all(d > now for d in deadlines)
    assert min(deadlines) - now < 2 * 3600, "one authorization is close to expiry"
    assert all(now - 49 * 3600 < p.created <= now for p in pis)
    assert len({p.description for p in pis}) > 8
    assert len({p.amount for p in pis}) > 40
    card = next(p for p in pis if kind(p) == "card_present" and p.status == "succeeded")
    details = card.latest_charge.payment_method_details.card_present
    for field in (
        "brand",
        "network",
        "last4",
        "exp_month",
        "exp_year",
        "funding",
        "read_method",
        "reader",
        "location",
    ):
        assert details[field] is not None, field
    assert details.receipt.application_preferred_name
    interac = next(p for p in pis if kind(p) == "interac_present")
    assert interac.latest_charge.payment_method_details.interac_present.last4 == "1933"
    assert sum(1 for p in pis if p.transfer_data) >= 2


def test_same_seed_same_data_other_seed_other_data() -> None:
    def ids(seed):
        box = Sandbox(seed=seed, payments=60)
        return [p["id"] for p in box.store.account().payment_intents.items], box.connected_account

    assert ids(3) == ids(3)
    assert ids(3) != ids(4)


def test_ten_thousand_payments_are_fast() -> None:
    # the work itself (this process's CPU time), not the wall clock of a machine busy with
    # the suite's other workers
    started = time.process_time()
    box = Sandbox(payments=10_000, seed=2)
    assert time.process_time() - started < 5
    assert len(box.store.account().payment_intents) == 10_000


def test_state_survives_a_restart(tmp_path) -> None:
    state = tmp_path / "sandbox-state.json"
    with Sandbox(state_file=state, seed=9, payments=60) as first:
        client = stripe.StripeClient(first.api_key, base_addresses={"api": first.url})
        sale = first.new_sale(amount=4321)
        pi = next(
            p for p in all_payments(client) if p.status == "succeeded" and kind(p) == "card_present"
        )
        refund = client.v1.refunds.create(
            {"payment_intent": pi.id, "amount": 100}, {"idempotency_key": "persisted-key"}
        )
        first.advance_clock(120)
    data = json.loads(state.read_text())
    assert data["version"] == 1 and not list(tmp_path.glob("*.tmp"))
    with Sandbox(state_file=state, seed=9, payments=60) as second:
        client = stripe.StripeClient(second.api_key, base_addresses={"api": second.url})
        assert client.v1.payment_intents.retrieve(sale["id"]).amount == 4321
        again = client.v1.refunds.create(
            {"payment_intent": pi.id, "amount": 100}, {"idempotency_key": "persisted-key"}
        )
        assert again.id == refund.id
        assert again.last_response.headers["Idempotent-Replayed"] == "true"
        assert second.store.clock.offset >= 120
        fresh = client.v1.refunds.create({"payment_intent": pi.id, "amount": 100})
        assert fresh.id != refund.id


def test_command_line_prints_address_and_key(tmp_path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pos_refunds.sandbox",
            "--port",
            "0",
            "--payments",
            "60",
            "--seed",
            "7",
            "--auto-present",
            "2",
            "--state",
            str(tmp_path / "s.json"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        key_line = proc.stdout.readline()
        url = first.strip().rsplit(" ", 1)[-1]
        key = key_line.strip().rsplit(" ", 1)[-1]
        assert url.startswith("http://127.0.0.1:") and key.startswith("sk_test_")
        resp = httpx.get(
            url + "/v1/payment_intents",
            params={"limit": 100},
            headers={"Authorization": f"Bearer {key}"},
        )
        assert len(resp.json()["data"]) == 60
        assert httpx.get(url + "/_sandbox").json()["auto_present"] == 2.0
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0
    assert (tmp_path / "s.json").exists()
