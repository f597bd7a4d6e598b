"""The log file support reads: in the user's log folder, rotating (5 files of 1 MB), every line
passed through the one redaction rule (`domain.secrets`), the last warnings kept for "Copy
diagnostics", and `faulthandler` writing a hard crash (a segfault in Qt) beside it.

Qt-free, so the command line, the self-test and the app all set it up the same way.
"""

from __future__ import annotations

import collections
import faulthandler
import logging
import logging.handlers
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .domain.secrets import redact

APP_FOLDER = "POS Refunds"
LOG_FILE = "pos-refunds.log"
CRASH_FILE = "crash.log"  # faulthandler's: a C-level crash cannot go through logging
MAX_BYTES = 1_000_000
BACKUPS = 4  # the file and 4 older ones: 5 × 1 MB
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_REQUEST_ID = re.compile(r"\breq_[0-9A-Za-z]+")


def log_dir() -> Path:
    """Where each system keeps an application's logs (for this user)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_FOLDER / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_FOLDER
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "pos-refunds" / "log"


class RedactingFilter(logging.Filter):
    """Rewrites each record before any handler formats it: message, arguments, traceback and
    stack all rendered and passed through `redact`, so no key or PIN reaches a file."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = self._formatter.formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


@dataclass(frozen=True)
class LoggedError:
    at: str
    level: str
    logger: str
    message: str  # already redacted
    request_ids: tuple[str, ...]


class RecentErrors(logging.Handler):
    """The last warnings and errors, for the diagnostics support is sent."""

    def __init__(self, size: int = 20) -> None:
        super().__init__(logging.WARNING)
        self._kept: collections.deque[LoggedError] = collections.deque(maxlen=size)
        self.addFilter(RedactingFilter())
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        self._kept.append(LoggedError(
            at=self.formatter.formatTime(record) if self.formatter else "",
            level=record.levelname, logger=record.name, message=text,
            request_ids=tuple(dict.fromkeys(_REQUEST_ID.findall(
                text + (record.exc_text or ""))))))

    def items(self) -> list[LoggedError]:
        return list(self._kept)


@dataclass
class Logging:
    """What `configure` set up; `close` undoes it (tests, and the end of the process)."""

    folder: Path
    file: Path
    recent: RecentErrors
    handlers: list[logging.Handler]
    crash_stream: IO[str] | None
    faulthandler_before: bool = False

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        if self.crash_stream is not None:
            faulthandler.disable()
            self.crash_stream.close()
            self.crash_stream = None
            if self.faulthandler_before and sys.__stderr__ is not None:
                faulthandler.enable(file=sys.__stderr__)


def configure(folder: Path | None = None, *, console: bool = True,
              level: int = logging.INFO) -> Logging:
    """The rotating file, the console (when there is one), the recent-errors buffer and
    faulthandler. A folder that cannot be written leaves the console and the buffer."""
    folder = folder or log_dir()
    root = logging.getLogger()
    root.setLevel(level)
    for chatty in ("stripe", "httpx", "httpcore"):  # one line per poll otherwise
        logging.getLogger(chatty).setLevel(logging.WARNING)
    handlers: list[logging.Handler] = []
    crash_stream = None
    before = faulthandler.is_enabled()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        handlers.append(file_handler)
        crash_stream = open(folder / CRASH_FILE, "a", encoding="utf-8")
        faulthandler.enable(file=crash_stream, all_threads=True)
    except OSError as error:
        print(f"POS Refunds: no log file in {folder}: {error}", file=sys.stderr)
    if console and sys.stderr is not None:  # a windowed build on Windows has none
        handlers.append(logging.StreamHandler(sys.stderr))
    recent = RecentErrors()
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        handler.setFormatter(logging.Formatter(FORMAT))
    handlers.append(recent)
    for handler in handlers:
        root.addHandler(handler)
    return Logging(folder, folder / LOG_FILE, recent, handlers, crash_stream, before)
