"""Training keeps its sandbox state beside its journal, and starts afresh a day later."""

from __future__ import annotations

import os
import time

from pos_refunds.app import TRAINING_JOURNAL, TRAINING_STATE, start_training_sandbox


def test_training_state_survives_a_restart(tmp_path) -> None:
    sb = start_training_sandbox(tmp_path)
    try:
        sale = sb.new_sale(amount=4321, currency="cad", network="visa")
    finally:
        sb.stop()
    assert (tmp_path / TRAINING_STATE).exists()
    again = start_training_sandbox(tmp_path)
    try:
        import stripe

        client = stripe.StripeClient(again.api_key, base_addresses={"api": again.url})
        assert client.v1.payment_intents.retrieve(sale["id"]).amount == 4321
    finally:
        again.stop()


def test_day_old_training_data_is_set_aside(tmp_path) -> None:
    state = tmp_path / TRAINING_STATE
    journal = tmp_path / TRAINING_JOURNAL
    start_training_sandbox(tmp_path).stop()
    journal.write_text("old journal")
    old = time.time() - 2 * 86400
    os.utime(state, (old, old))
    start_training_sandbox(tmp_path).stop()
    set_aside = sorted(p.name for p in tmp_path.glob("*.old"))
    assert len(set_aside) == 2
    assert not journal.exists()  # the next start writes a fresh one
