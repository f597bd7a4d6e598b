"""The app's settings: one frozen dataclass with its defaults, one store over QSettings.

This is the only module that touches QSettings. Secrets never come here: the Stripe key lives
in the OS keychain only (see `pos_refunds.keychain`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QSettings

from ..domain.account import account_problem
from ..domain.approvals import DEFAULT_LIMITS, ApprovalLimits

LANGUAGES = {
    "en": (QLocale.Language.English, QLocale.Country.Canada),
    "fr": (QLocale.Language.French, QLocale.Country.Canada),
}


@dataclass(frozen=True)
class AppSettings:
    last_reader_id: str | None = None
    location_id: str | None = None  # only payments and readers of this location, when set
    stripe_account: str | None = None  # Connect: act for this acct_… (with a stored key)
    refund_limits: Mapping[str, int] = field(
        default_factory=lambda: MappingProxyType(dict(DEFAULT_LIMITS)), hash=False
    )
    language: str = "en"  # en | fr (Canadian French)
    till_id: str = ""  # generated once per installation; names this till in Stripe metadata
    idle_lock_minutes: int = 5  # the till locks after this long untouched
    window_geometry: bytes = b""
    splitter_state: bytes = b""

    def limits(self) -> ApprovalLimits:
        return ApprovalLimits(dict(self.refund_limits))

    def locale(self) -> QLocale:
        language, country = LANGUAGES.get(self.language, LANGUAGES["en"])
        return QLocale(language, country)


_KEYS = {
    "last_reader_id": "readers/last_used",
    "location_id": "payments/location",
    "stripe_account": "stripe/account",
    "refund_limits": "refunds/limits",
    "language": "ui/language",
    "till_id": "till/id",
    "idle_lock_minutes": "staff/idle_lock_minutes",
    "window_geometry": "window/geometry",
    "splitter_state": "window/splitter",
}


def new_till_id() -> str:
    return f"till_{uuid.uuid4().hex[:12]}"


class SettingsStore:
    """Reads and writes AppSettings; a fresh installation gets its till id saved once."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qs = qsettings if qsettings is not None else QSettings("POS Refunds", "pos-refunds")

    def load(self) -> AppSettings:
        defaults = AppSettings()
        qs = self._qs
        limits = _limits(qs.value(_KEYS["refund_limits"]), defaults.refund_limits)
        language = _text(qs.value(_KEYS["language"])) or defaults.language
        settings = AppSettings(
            last_reader_id=_text(qs.value(_KEYS["last_reader_id"])),
            location_id=_text(qs.value(_KEYS["location_id"])),
            stripe_account=_account(qs.value(_KEYS["stripe_account"])),
            refund_limits=MappingProxyType(limits),
            language=language if language in LANGUAGES else defaults.language,
            till_id=_text(qs.value(_KEYS["till_id"])) or "",
            idle_lock_minutes=_minutes(qs.value(_KEYS["idle_lock_minutes"]),
                                       defaults.idle_lock_minutes),
            window_geometry=_bytes(qs.value(_KEYS["window_geometry"])),
            splitter_state=_bytes(qs.value(_KEYS["splitter_state"])),
        )
        if not settings.till_id:
            settings = replace(settings, till_id=new_till_id())
            qs.setValue(_KEYS["till_id"], settings.till_id)
        return settings

    def save(self, settings: AppSettings) -> None:
        qs = self._qs
        for name, key in _KEYS.items():
            value: Any = getattr(settings, name)
            if name == "refund_limits":
                value = json.dumps(dict(value), sort_keys=True)
            elif isinstance(value, bytes):
                value = QByteArray(value)
            if value is None or value == "":
                qs.remove(key)
            else:
                qs.setValue(key, value)

    def update(self, settings: AppSettings, **changes: Any) -> AppSettings:
        """Save a changed copy and return it (settings stay immutable in between)."""
        fresh = replace(settings, **changes)
        self.save(fresh)
        return fresh

    def sync(self) -> None:
        self._qs.sync()


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _account(value: object) -> str | None:
    """A Connect account id edited into something else is dropped, not sent to Stripe."""
    text = _text(value)
    return text if text and account_problem(text) is None else None


def _minutes(value: object, default: int) -> int:
    """Whole minutes, 1 to 480 (8 hours); anything else falls back to the default."""
    try:
        minutes = int(str(value))
    except ValueError:
        return default
    return minutes if 1 <= minutes <= 480 else default


def _bytes(value: object) -> bytes:
    if isinstance(value, QByteArray):
        return bytes(value.data())
    if isinstance(value, bytes):
        return value
    return b""


def _limits(value: object, default: Mapping[str, int]) -> dict[str, int]:
    """Limits saved as JSON; anything unreadable falls back to the defaults, never to none."""
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict) and all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0
            for k, v in parsed.items()
        ):
            return {k.lower(): v for k, v in parsed.items()}
    return dict(default)
