"""The support log: rotating, redacted by one rule, crashes logged with their traceback."""

from __future__ import annotations

import asyncio
import faulthandler
import logging
import logging.handlers
import subprocess
import sys
import threading

import pytest

from pos_refunds import __version__, crash, logs
from pos_refunds.domain.secrets import redact

LIVE = "sk_live_" + "51Habcdefghijklmnopqrstuvwxyz0123456789"
RESTRICTED = "rk_test_" + "51HabcdefABCDEF0123456789"


@pytest.fixture
def logged(tmp_path):
    setup = logs.configure(tmp_path / "logs", console=False)
    yield setup
    setup.close()


def text_of(setup: logs.Logging) -> str:
    for handler in setup.handlers:
        handler.flush()
    return setup.file.read_text(encoding="utf-8")


def test_the_file_rotates_five_times_one_megabyte(logged) -> None:
    rotating = [h for h in logged.handlers
                if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(rotating) == 1
    assert (rotating[0].maxBytes, rotating[0].backupCount) == (1_000_000, 4)
    assert logged.file.parent == logged.folder


@pytest.mark.parametrize("key", [LIVE, RESTRICTED, "sk_test_" + "x" * 99, "rk_live_abc"])
def test_no_key_reaches_the_file_in_message_arguments_or_traceback(logged, key) -> None:
    log = logging.getLogger("pos_refunds.probe")
    log.warning("key in the message " + key)
    log.warning("key as an argument %s and %r", key, {"api_key": key})
    try:
        raise ValueError(f"Invalid API Key provided: {key}")
    except ValueError:
        log.exception("key in a traceback")
    log.info("key in a stack", stack_info=True, extra={"k": key})
    text = text_of(logged)
    assert key not in text and key[8:] not in text
    assert text.count("[redacted key]") >= 4
    assert "Traceback (most recent call last)" in text
    assert all(key not in e.message for e in logged.recent.items())


@pytest.mark.parametrize("line", ["pin=1234", 'pin: "987654"', "new_pin='2468'",
                                  "{'pin': '1357', 'again': '1357'}", "PIN = 0000"])
def test_pins_written_next_to_their_name_are_masked(logged, line) -> None:
    logging.getLogger("pos_refunds.probe").error("attempt %s", line)
    text = text_of(logged)
    digits = [d for d in ("1234", "987654", "2468", "1357", "0000") if d in line]
    assert digits and not any(d in text for d in digits)
    assert "[redacted PIN]" in text


def test_the_rule_is_the_journals() -> None:
    from pos_refunds.journal.records import redact_secrets

    assert redact_secrets(f"bad {LIVE}") == redact(f"bad {LIVE}") == "bad [redacted key]"
    assert redact("pk_live_123 is public; amount 1234") == "pk_live_123 is public; amount 1234"


def test_recent_errors_keep_stripe_request_ids(logged) -> None:
    log = logging.getLogger("pos_refunds.probe")
    log.info("not kept")
    log.warning("refund refused (request req_AbC123)")
    items = logged.recent.items()
    assert [e.request_ids for e in items] == [("req_AbC123",)]


def test_faulthandler_writes_beside_the_log(logged) -> None:
    assert faulthandler.is_enabled()
    assert logged.crash_stream is not None
    assert logged.crash_stream.name == str(logged.folder / logs.CRASH_FILE)


def test_an_uncaught_exception_is_logged_with_traceback_and_told(logged) -> None:
    told: list[BaseException] = []
    hook = crash.excepthook(told.append)
    try:
        raise RuntimeError(f"boom with {LIVE}")
    except RuntimeError as error:
        hook(type(error), error, error.__traceback__)
    text = text_of(logged)
    assert "CRITICAL pos_refunds.crash: uncaught exception" in text
    assert "Traceback (most recent call last)" in text and "RuntimeError: boom" in text
    assert LIVE not in text
    assert len(told) == 1 and isinstance(told[0], RuntimeError)


def test_a_failing_teller_does_not_hide_the_error(logged) -> None:
    def broken(_error: BaseException) -> None:
        raise OSError("no display")

    hook = crash.excepthook(broken)
    error = KeyError("lost")
    hook(KeyError, error, None)
    text = text_of(logged)
    assert "uncaught exception" in text and "could not show the unexpected error" in text


def test_a_thread_exception_is_logged_and_told(logged) -> None:
    told: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = crash.thread_hook(told.append)
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="worker-x")
        worker.start()
        worker.join()
    finally:
        threading.excepthook = previous
    assert "uncaught exception in thread worker-x" in text_of(logged)
    assert isinstance(told[0], ZeroDivisionError)


def test_an_exception_nobody_awaited_in_the_loop_is_logged_and_told(logged) -> None:
    told: list[BaseException] = []

    async def main() -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(crash.loop_handler(told.append))
        loop.call_soon(lambda: 1 / 0)
        await asyncio.sleep(0)
        await asyncio.sleep(0)

    asyncio.run(main())
    assert "ZeroDivisionError" in text_of(logged)
    assert isinstance(told[0], ZeroDivisionError)


def test_version_on_the_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "pos_refunds", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == f"POS Refunds {__version__}"
