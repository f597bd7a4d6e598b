"""The app's settings: one frozen dataclass with its defaults, one store over QSettings.

This is the only module that touches QSettings. Secrets never come here: the Stripe key lives
in the OS keychain only (see `pos_refunds.keychain`). Nor do the settings that guard money
(refund limits, idle lock): they are a manager's to change and live in the journal
(`pos_refunds.domain.guarded`); such values found in this file are refused and said.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QLocale, QSettings

from ..domain.account import account_problem
from . import i18n

translate = QCoreApplication.translate


@dataclass(frozen=True)
class AppSettings:
    last_reader_id: str | None = None
    location_id: str | None = None  # only payments and readers of this location, when set
    stripe_account: str | None = None  # Connect: act for this acct_… (with a stored key)
    language: str = i18n.AUTO  # auto (the system's) | en | fr (Canadian French)
    till_id: str = ""  # generated once per installation; names this till in Stripe metadata
    window_geometry: bytes = b""
    splitter_state: bytes = b""
    # The receipt printer slips go to without a dialog: none, a system printer or ESC/POS.
    printer_kind: str = ""  # "" (none) | "system" | "network"
    printer_name: str = ""  # the system printer's name (QPrinterInfo)
    printer_host: str = ""  # the network printer's host name or address
    printer_port: int = 9100  # its raw ESC/POS port
    paper_mm: int = 80  # 58 | 80
    print_after_refund: bool = False  # a slip on the receipt printer after every refund
    # Guarded settings found in the file (written behind the app's back): refused, not used.
    refused: tuple[str, ...] = ()

    def language_code(self) -> str:
        """"en" or "fr": the language chosen, or the system's when none was."""
        return i18n.resolve(self.language)

    def locale(self) -> QLocale:
        return i18n.locale_for(self.language_code())


_KEYS = {
    "last_reader_id": "readers/last_used",
    "location_id": "payments/location",
    "stripe_account": "stripe/account",
    "language": "ui/language",
    "till_id": "till/id",
    "window_geometry": "window/geometry",
    "splitter_state": "window/splitter",
    "printer_kind": "printer/kind",
    "printer_name": "printer/name",
    "printer_host": "printer/host",
    "printer_port": "printer/port",
    "paper_mm": "printer/paper_mm",
    "print_after_refund": "printer/after_refund",
}
PRINTER_KINDS = ("", "system", "network")
PAPER_WIDTHS = (58, 80)


# Where older versions (or a person with a text editor) put settings that guard money.
GUARDED_KEYS = {
    "refunds/limits": "limits",
    "staff/idle_lock_minutes": "idle_lock",
}
_REFUSED_WORDS = {
    ("limits",): QT_TRANSLATE_NOOP(
        "Settings", "The settings file holds values for the refund limits that were not set "
        "in this app. They are not used: the values a manager last set in Settings stay in "
        "force."),
    ("idle_lock",): QT_TRANSLATE_NOOP(
        "Settings", "The settings file holds values for the idle lock that were not set in "
        "this app. They are not used: the values a manager last set in Settings stay in force."),
    ("limits", "idle_lock"): QT_TRANSLATE_NOOP(
        "Settings", "The settings file holds values for the refund limits and the idle lock "
        "that were not set in this app. They are not used: the values a manager last set in "
        "Settings stay in force."),
}


def refused_text(refused: tuple[str, ...]) -> str:
    """What the manager reads when guarded values were found in the settings file."""
    return translate("Settings", _REFUSED_WORDS[tuple(refused)])


def new_till_id() -> str:
    return f"till_{uuid.uuid4().hex[:12]}"


class SettingsStore:
    """Reads and writes AppSettings; a fresh installation gets its till id saved once."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qs = qsettings if qsettings is not None else QSettings("POS Refunds", "pos-refunds")

    @property
    def qsettings(self) -> QSettings:
        """The file behind these settings (other small things the app remembers go there)."""
        return self._qs

    def load(self) -> AppSettings:
        defaults = AppSettings()
        qs = self._qs
        language = _text(qs.value(_KEYS["language"])) or defaults.language
        settings = AppSettings(
            last_reader_id=_text(qs.value(_KEYS["last_reader_id"])),
            location_id=_text(qs.value(_KEYS["location_id"])),
            stripe_account=_account(qs.value(_KEYS["stripe_account"])),
            language=language if language in i18n.CHOICES else defaults.language,
            till_id=_text(qs.value(_KEYS["till_id"])) or "",
            refused=tuple(words for key, words in GUARDED_KEYS.items() if qs.contains(key)),
            window_geometry=_bytes(qs.value(_KEYS["window_geometry"])),
            splitter_state=_bytes(qs.value(_KEYS["splitter_state"])),
            printer_kind=_choice(qs.value(_KEYS["printer_kind"]), PRINTER_KINDS, ""),
            printer_name=_text(qs.value(_KEYS["printer_name"])) or "",
            printer_host=_text(qs.value(_KEYS["printer_host"])) or "",
            printer_port=_port(qs.value(_KEYS["printer_port"]), defaults.printer_port),
            paper_mm=_choice(_int(qs.value(_KEYS["paper_mm"])), PAPER_WIDTHS, defaults.paper_mm),
            print_after_refund=_bool(qs.value(_KEYS["print_after_refund"])),
        )
        if not settings.till_id:
            settings = replace(settings, till_id=new_till_id())
            qs.setValue(_KEYS["till_id"], settings.till_id)
        return settings

    def save(self, settings: AppSettings) -> None:
        qs = self._qs
        for name, key in _KEYS.items():
            value: Any = getattr(settings, name)
            if isinstance(value, bytes):
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

    def drop_refused(self) -> None:
        """Remove guarded values written into the file behind the app's back (once said)."""
        for key in GUARDED_KEYS:
            self._qs.remove(key)

    def sync(self) -> None:
        self._qs.sync()


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _account(value: object) -> str | None:
    """A Connect account id edited into something else is dropped, not sent to Stripe."""
    text = _text(value)
    return text if text and account_problem(text) is None else None


def _int(value: object) -> int | None:
    """QSettings hands back ints as ints (registry, plist) or as text (ini files)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _port(value: object, default: int) -> int:
    port = _int(value)
    return port if port is not None and 0 < port < 65536 else default


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.strip().lower() in ("true", "1")


def _choice(value: object, allowed: tuple[Any, ...], default: Any) -> Any:
    return value if value in allowed else default


def _bytes(value: object) -> bytes:
    if isinstance(value, QByteArray):
        return bytes(value.data())
    if isinstance(value, bytes):
        return value
    return b""
