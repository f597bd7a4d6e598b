"""PIN hashes: salted, slow, checked in constant time."""

from __future__ import annotations

import hmac

import pytest

from pos_refunds.staff import pins


def test_same_pin_two_hashes_differ() -> None:
    first, second = pins.hash_pin("1234"), pins.hash_pin("1234")
    assert first != second  # a fresh salt each time
    assert pins.verify_pin("1234", first) and pins.verify_pin("1234", second)


def test_wrong_pin_does_not_verify() -> None:
    stored = pins.hash_pin("1234")
    assert not pins.verify_pin("1235", stored)
    assert not pins.verify_pin("", stored)


def test_the_hash_is_scrypt_with_its_parameters_and_no_pin() -> None:
    stored = pins.hash_pin("482913")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**14, 8, 1)
    import base64

    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    assert "482913" not in stored


@pytest.mark.parametrize("stored", ["", "plain", "scrypt$1$8$1$AA==$AA==", "md5$1$1$1$AA==$AA==",
                                    "scrypt$16384$8$1$not base64$AA==",
                                    "scrypt$x$8$1$AA==$AA=="])
def test_unreadable_hashes_never_match(stored: str) -> None:
    assert not pins.verify_pin("1234", stored)


def test_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(pins.hmac, "compare_digest", spy)
    assert pins.verify_pin("1234", pins.hash_pin("1234"))
    assert len(calls) == 1
