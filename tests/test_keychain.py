"""The Stripe key in the OS keychain, and nowhere else: stored, read, described, removed; a
keychain that cannot keep it is said so, and nothing is stored anywhere instead."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from keyring.backends import fail

from pos_refunds import keychain
from pos_refunds.domain.account import KeySummary
from pos_refunds.domain.errors import KeychainUnavailable
from pos_refunds.domain.reasons import KeychainReason, KeyNote
from tests.support.keyrings import (
    ForgetfulKeyring,
    MemoryKeyring,
    RefusingKeyring,
    never_chosen,
    using,
)

KEY = "rk_test_51FakeKeyForTheKeychainTests9a8B"
SLOT = (keychain.KEYRING_SERVICE, keychain.KEYRING_USER)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with using(MemoryKeyring()) as backend:
        yield backend


def test_store_read_describe_remove(memory_keyring: MemoryKeyring) -> None:
    assert keychain.read_api_key().key is None
    assert keychain.stored_key_summary() is None
    keychain.store_api_key(KEY)
    assert memory_keyring.secrets == {SLOT: KEY}
    assert keychain.read_api_key().key == KEY
    summary = keychain.stored_key_summary()
    assert summary == KeySummary(live=False, restricted=True, last4="9a8B")
    assert str(summary) == "Restricted test key ending in 9a8B"
    assert keychain.delete_api_key() is True
    assert memory_keyring.secrets == {}
    assert keychain.delete_api_key() is False
    assert keychain.read_api_key().note is KeyNote.NO_KEY


def test_no_keychain_stores_nothing_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with using(fail.Keyring()):
        with pytest.raises(KeychainUnavailable) as caught:
            keychain.store_api_key(KEY)
        assert caught.value.reason is KeychainReason.NO_KEYCHAIN
        assert keychain.read_api_key().key is None
        assert keychain.read_api_key().note is KeyNote.NO_KEYCHAIN
    assert KEY not in caplog.text and KEY not in str(caught.value)


@never_chosen
class _Unranked(MemoryKeyring):
    priority = 0  # type: ignore[assignment] - keyring's "not suitable"


def test_a_backend_of_priority_zero_is_no_keychain() -> None:
    backend = _Unranked()
    with using(backend), pytest.raises(KeychainUnavailable):
        keychain.store_api_key(KEY)
    assert backend.secrets == {}


@pytest.mark.parametrize("backend_type", [RefusingKeyring, ForgetfulKeyring])
def test_a_keychain_that_will_not_keep_it(backend_type: type[MemoryKeyring],
                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    backend = backend_type()
    with using(backend):
        with pytest.raises(KeychainUnavailable) as caught:
            keychain.store_api_key(KEY)
        assert keychain.read_api_key().key is None
    assert caught.value.reason is KeychainReason.NOT_STORED
    assert backend.secrets == {}
    assert KEY not in caplog.text and KEY not in repr(caught.value)


@never_chosen
class _Locked(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("the desktop did not unlock the keychain")


def test_a_locked_keychain_is_reported_not_guessed() -> None:
    with using(_Locked()):
        lookup = keychain.read_api_key()
        assert lookup.key is None and lookup.note is KeyNote.UNREADABLE
        with pytest.raises(KeychainUnavailable) as caught:
            keychain.stored_key_summary()
        assert caught.value.reason is KeychainReason.UNREADABLE


def test_nothing_shows_the_key(memory_keyring: MemoryKeyring,
                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    keychain.store_api_key(KEY)
    lookup = keychain.read_api_key()
    assert KEY not in repr(lookup) and "***" in repr(lookup)
    assert KEY not in repr(keychain.stored_key_summary())
    keychain.delete_api_key()
    assert KEY not in caplog.text
