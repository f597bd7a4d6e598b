"""Keys described by kind and last 4 only; key and Connect account ids checked for shape."""

from __future__ import annotations

import pytest

from pos_refunds.domain.account import KeySummary, account_problem, is_live_key, key_problem
from pos_refunds.domain.reasons import KeyReason


@pytest.mark.parametrize("key", ["rk_live_fake_0123", "rk_test_fake_0123",
                                 "sk_live_fake_0123", "sk_test_training"])
def test_keys_the_till_can_use(key: str) -> None:
    assert key_problem(key) is None


@pytest.mark.parametrize(("key", "reason"), [
    ("", KeyReason.EMPTY),
    ("pk_live_51AbCdEf0123", KeyReason.PUBLISHABLE),
    ("whsec_51AbCdEf0123", KeyReason.WRONG_PREFIX),
    ("rk_test_51Ab Cd", KeyReason.NOT_WHOLE),
    ("rk_test_1", KeyReason.NOT_WHOLE),
])
def test_keys_it_cannot(key: str, reason: KeyReason) -> None:
    assert key_problem(key) is reason


def test_a_summary_never_holds_the_key() -> None:
    key = "rk_live_fake_SecretPartThatMustNotShow7d3F"
    summary = KeySummary.of(key)
    assert (summary.live, summary.restricted, summary.last4) == (True, True, "7d3F")
    assert str(summary) == "Restricted live key ending in 7d3F"
    assert "SecretPart" not in repr(summary) and is_live_key(key)
    assert KeySummary.of("sk_test_training").kind == "Secret test key"


@pytest.mark.parametrize(("account", "ok"), [
    ("", True), ("acct_1AbC2dEf3G", True), ("acct_", False), ("acct_1Ab C2d", False),
    ("1AbC2dEf3G", False), ("ACCT_1AbC2dEf3G", False),
])
def test_connect_account_ids(account: str, ok: bool) -> None:
    assert (account_problem(account) is None) is ok
