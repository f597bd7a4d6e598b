"""The Stripe key in the OS keychain: read, store, delete. Nowhere else, ever.

Every function blocks (a keychain may ask the desktop to unlock): call them in an executor.
A keychain that cannot keep secrets (keyring's `fail` backend, any backend of priority 0 or
less, or one that refuses to store) is reported as `KeychainUnavailable` with a
`KeychainReason`; the key is then not written anywhere else, and no message or log line
carries it.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from types import ModuleType

from .domain.account import KeySummary
from .domain.errors import KeychainUnavailable
from .domain.reasons import KeychainReason, KeyNote

log = logging.getLogger(__name__)

KEYRING_SERVICE = "pos-refunds"
KEYRING_USER = "stripe-api-key"

# Why the app starts without a key, by why the keychain could not give one.
_NOTES = {
    KeychainReason.NO_LIBRARY: KeyNote.NO_LIBRARY,
    KeychainReason.NO_KEYCHAIN: KeyNote.NO_KEYCHAIN,
}


@dataclass(frozen=True)
class KeyLookup:
    key: str | None
    note: KeyNote | None  # why there is no key, for the status bar; None when there is one

    def __repr__(self) -> str:  # never the key
        return f"KeyLookup(key={'***' if self.key else None}, note={self.note!r})"


def _keyring() -> ModuleType:
    """The keyring module, if its backend can keep secrets."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        raise KeychainUnavailable(KeychainReason.NO_LIBRARY) from None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise KeychainUnavailable(KeychainReason.NO_KEYCHAIN)
    return keyring


def _stored() -> str | None:
    keyring = _keyring()
    try:
        return keyring.get_password(KEYRING_SERVICE, KEYRING_USER) or None
    except Exception as error:  # a locked or broken keychain: say so, never guess a key
        log.warning("keychain lookup failed: %s", type(error).__name__)
        raise KeychainUnavailable(KeychainReason.UNREADABLE) from None


def read_api_key() -> KeyLookup:
    """The Stripe key for starting the app, or why there is none (training mode then)."""
    try:
        key = _stored()
    except KeychainUnavailable as error:
        return KeyLookup(None, _NOTES.get(error.reason, KeyNote.UNREADABLE))
    if not key:
        return KeyLookup(None, KeyNote.NO_KEY)
    return KeyLookup(key, None)


def stored_key_summary() -> KeySummary | None:
    """Which kind of key is stored and its last 4, or None; the key stays here."""
    key = _stored()
    return KeySummary.of(key) if key else None


def store_api_key(key: str) -> None:
    """Keep `key` in the keychain; KeychainUnavailable when it cannot (nothing is stored)."""
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, KEYRING_USER, key)
        kept = keyring.get_password(KEYRING_SERVICE, KEYRING_USER) == key
    except Exception as error:  # KeyringError, PasswordSetError, or the backend's own
        log.warning("keychain refused the key: %s", type(error).__name__)
        raise KeychainUnavailable(KeychainReason.NOT_STORED) from None
    if not kept:  # a backend that accepts and forgets is no keychain
        log.warning("keychain did not keep the key")
        raise KeychainUnavailable(KeychainReason.NOT_STORED)
    log.info("Stripe key stored in the keychain (%s)", KeySummary.of(key).kind.lower())


def delete_api_key() -> bool:
    """Remove the stored key; False when there was none."""
    keyring = _keyring()
    if _stored() is None:
        return False
    try:
        keyring.delete_password(KEYRING_SERVICE, KEYRING_USER)
    except Exception as error:  # PasswordDeleteError, or the backend's own
        if _stored() is None:  # gone meanwhile (the user, another program)
            return False
        log.warning("keychain refused to delete the key: %s", type(error).__name__)
        raise KeychainUnavailable(KeychainReason.NOT_DELETED) from None
    log.info("Stripe key removed from the keychain")
    return True


PROBE_SERVICE = "pos-refunds-self-test"


def keychain_check() -> str:
    """For the self-test: which keychain, and that it keeps a secret (a throw-away one is
    written, read back and removed; the Stripe key is never touched). KeychainUnavailable
    when no keychain can hold a key: a till cannot go live without one."""
    try:
        import keyring as library

        backend = library.get_keyring()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
    except ImportError:
        name = "no keyring library"
    try:
        keyring = _keyring()
    except KeychainUnavailable as error:
        raise KeychainUnavailable(error.reason, backend=name, why=_why_not()) from None
    probe = "self-test-" + secrets.token_hex(8)
    try:
        keyring.set_password(PROBE_SERVICE, KEYRING_USER, probe)
        kept = keyring.get_password(PROBE_SERVICE, KEYRING_USER) == probe
        keyring.delete_password(PROBE_SERVICE, KEYRING_USER)
    except Exception as error:  # noqa: BLE001 - a locked or broken keychain
        raise KeychainUnavailable(KeychainReason.TEST_SECRET_REFUSED, backend=name,
                                  why=type(error).__name__) from None
    if not kept:
        raise KeychainUnavailable(KeychainReason.TEST_SECRET_LOST, backend=name)
    stored = stored_key_summary()
    return f"{name} keeps secrets; " + (f"{stored} stored" if stored else "no Stripe key yet")


def _why_not() -> str:
    """Why each system keychain keyring knows was not usable, for the self-test's report."""
    import importlib

    reasons = []
    for module, cls, label in (("SecretService", "Keyring", "Secret Service"),
                               ("libsecret", "Keyring", "libsecret"),
                               ("kwallet", "DBusKeyring", "KWallet"),
                               ("Windows", "WinVaultKeyring", "Windows Credential Manager"),
                               ("macOS", "Keyring", "macOS Keychain")):
        try:
            backend = getattr(importlib.import_module(f"keyring.backends.{module}"), cls)
            priority = backend.priority
        except Exception as error:  # noqa: BLE001 - the reason is what IT needs to read
            reasons.append(f"{label}: {str(error) or type(error).__name__}")
            continue
        reasons.append(f"{label}: priority {priority}")
    return "; ".join(reasons)
