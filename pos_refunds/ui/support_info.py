"""What support needs to know about this installation, and the diagnostics text built from it.

`SupportInfo` is handed to the window by the composition root; nothing here reads a secret,
and the finished text still passes the one redaction rule before it reaches the clipboard.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, qVersion

from .. import __version__
from ..domain.secrets import redact
from ..gateway.client import sdk_version
from ..logs import LoggedError
from ..services.api import Mode

# The mode as the diagnostics name it (English, for support; the status bar says it in words).
MODE_NAMES = {
    Mode.TRAINING: "TRAINING",
    Mode.TEST: "TEST",
    Mode.LIVE: "LIVE",
    Mode.CUSTOM: "CUSTOM SERVER",
}


@dataclass(frozen=True)
class SupportInfo:
    mode: Mode
    till_id: str
    data_folder: Path
    log_folder: Path
    account_name: str = ""
    recent_errors: Callable[[], list[LoggedError]] = field(default=lambda: [])


def versions() -> list[tuple[str, str]]:
    """Names in English, for the diagnostics; the About box translates them
    (`translate("SupportInfo", name)`)."""
    return [
        ("POS Refunds", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        (QT_TRANSLATE_NOOP("SupportInfo", "Stripe SDK"), sdk_version()),
        (QT_TRANSLATE_NOOP("SupportInfo", "System"),
         f"{platform.system()} {platform.release()} ({platform.machine()})"),
    ]


def diagnostics_text(info: SupportInfo) -> str:
    """Plain text for an e-mail to support: versions, mode, till, folders, the last errors
    with their Stripe request ids. Never a key or a PIN. In English whatever the till's
    language: support reads it, and compares it with the logs."""
    lines = ["POS Refunds diagnostics", ""]
    lines += [f"{name}: {value}" for name, value in versions()]
    lines += [
        f"Frozen build: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"Mode: {MODE_NAMES[info.mode]}",
        f"Account: {info.account_name or '-'}",
        f"Till id: {info.till_id or '-'}",
        f"Data folder: {info.data_folder}",
        f"Log folder: {info.log_folder}",
        "",
    ]
    errors = info.recent_errors()
    lines.append(f"Last errors ({len(errors)}):" if errors else "Last errors: none")
    for error in errors:
        ids = f" [Stripe request {', '.join(error.request_ids)}]" if error.request_ids else ""
        lines.append(f"  {error.at} {error.level} {error.logger}: {error.message}{ids}")
    return redact("\n".join(lines) + "\n")
