"""Keychains for tests: in memory, refusing, forgetful; and `using(backend)`, which swaps the
process's keyring backend for a test and puts the previous one back afterwards.

Nothing here ever touches the real OS keychain.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError

B = TypeVar("B", bound=type[KeyringBackend])


def never_chosen(cls: B) -> B:
    """Every backend subclass registers itself as a candidate for keyring's own choice of
    backend; a test backend must never be chosen that way (only set explicitly), or a later
    test would find it by surprise."""
    getattr(KeyringBackend, "_classes", set()).discard(cls)
    return cls


@never_chosen
class MemoryKeyring(KeyringBackend):
    """A keychain that keeps secrets in a dict; records the thread of every call."""

    priority = 1  # type: ignore[assignment] - a plain number is what keyring reads

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.threads: list[threading.Thread] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.append(threading.current_thread())
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.append(threading.current_thread())
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.threads.append(threading.current_thread())
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


@never_chosen
class RefusingKeyring(MemoryKeyring):
    """A keychain that looks usable but will not store (locked, or a policy says no)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.append(threading.current_thread())
        raise PasswordSetError("the keychain is locked")


@never_chosen
class ForgetfulKeyring(MemoryKeyring):
    """A keychain that says yes and keeps nothing."""

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.append(threading.current_thread())


@contextmanager
def using(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
