"""`--self-test`: after installing, prove on this very machine that the parts work together,
without a Stripe account or a network: the SDK and its certificates, a keychain that can hold
a key, the till's own data folder (read only: never written, never migrated), an installed
printer, the training sandbox through the real SDK, a journaled refund online and one on a
reader, and a window drawn by Qt; with `--online`, a TLS handshake with api.stripe.com.

One line per check (PASS, WARN, SKIP or FAIL), printed and written to a report file in the
log folder (a windowed build on Windows has no console: the report is shown in a window too).
The exit status is 0 when nothing failed; a warning (no printer) does not fail it.
"""

from __future__ import annotations

import asyncio
import os
import platform
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import __version__
from .domain.payments import PaymentState
from .gateway.client import sdk_check
from .journal import OperationState
from .logs import log_dir
from .services.api import Mode, ReaderRefundOptions, Staff, Step, TestCard
from .services.factory import ServiceConfig, Services, open_services
from .staff import AsyncStaffStore

SELF_TEST_PIN = "24681357"  # the self-test's own manager, in its own throw-away staff list


async def _first(services: Services, want: Callable) -> object:
    async for page in services.payments.pages(page_size=100):
        for p in page:
            if want(p):
                return p
    raise AssertionError("the training data has no payment to try this on")


async def _online_refund(services: Services, checker: Staff) -> str:
    p = await _first(services, lambda p: p.state is PaymentState.CAPTURED
                     and p.family.value == "card_scheme")
    after = await services.actions.refund_online(
        p, p.refundable, reason="requested_by_customer", note="self-test",
        staff=checker, approval=None)
    if len(after.refunds) != 1 or after.refundable.minor != 0:
        raise AssertionError("the refund did not land exactly once")
    return f"refunded {after.amount_refunded} once"


async def _reader_refund(services: Services, checker: Staff) -> str:
    p = await _first(services, lambda p: p.state is PaymentState.CAPTURED
                     and p.network == "interac")
    reader = next(r for r in await services.readers.readers()
                  if r.status == "online" and not r.busy and r.can_refund)
    last = None
    async for update in services.readers.refund(p, reader.id, p.refundable,
                                                options=ReaderRefundOptions(),
                                                staff=checker, approval=None):
        last = update
        if update.step is Step.WAITING_FOR_CARD:
            await services.readers.present(reader.id, TestCard.INTERAC)
    if last is None or last.step is not Step.SUCCEEDED:
        raise AssertionError(f"{last.reason} {dict(last.params)}" if last
                             else "no progress from the reader")
    return f"Interac refund {last.refund_id} on {reader.label}"


async def _journal(services: Services, _checker: Staff) -> str:
    report = await services.journal.verify()
    ops = await services.journal.operations()
    if not report.ok or any(op.state is not OperationState.SUCCEEDED for op in ops):
        raise AssertionError("; ".join(map(str, report.problems)) or "an operation is not closed")
    return f"{report.checked} entries, chain intact"



def _detail(error: BaseException) -> str:
    """A failed check in words for IT: the app's own words for its errors (with the keychain
    backend it was about, and why), anything else as the exception says it."""
    from .domain.errors import PosError
    from .ui.messages import error_words

    if not isinstance(error, PosError):
        return str(error) or type(error).__name__
    text = error_words(error)[1]
    backend, why = error.params.get("backend"), error.params.get("why")
    if why and str(why) not in text:
        text = f"{text} ({why})"
    return f"{backend}: {text}" if backend else text

def _keychain() -> str:
    from .keychain import keychain_check

    return keychain_check()


def _data_folder(folder: Path) -> Callable[[], str]:
    """The till's own data, looked at without writing a byte."""
    def check() -> str:
        from .journal.backup import verify_read_only
        from .services.backup import has_staged_restore
        from .staff.backup import count_read_only

        if not folder.exists():
            return f"{folder} does not exist yet (a new till)"
        if not os.access(folder, os.W_OK):
            raise PermissionError(f"{folder} cannot be written by this user")
        parts = [str(folder)]
        journal = folder / "journal.sqlite3"
        if journal.exists():
            report = verify_read_only(journal)
            if not report.ok:
                raise AssertionError(f"the journal in {folder} does not verify: "
                                     + "; ".join(str(p) for p in report.problems))
            parts.append(f"journal {report.checked} entries, chain intact")
        else:
            parts.append("no journal yet")
        staff = folder / "staff.sqlite3"
        parts.append(f"{count_read_only(staff)} staff" if staff.exists() else "no staff list yet")
        if has_staged_restore(folder):
            parts.append("a restored backup waits for the next start")
        return ", ".join(parts)
    return check


def _printer() -> str:
    from PySide6.QtPrintSupport import QPrinterInfo

    names = QPrinterInfo.availablePrinterNames()
    if not names:
        raise LookupError("no printer is installed: refund slips can only be saved as PDF")
    default = QPrinterInfo.defaultPrinterName()
    return f"{len(names)} installed" + (f", default {default}" if default else "")


@dataclass(frozen=True)
class TlsTarget:
    """Where `--online` shakes hands (Stripe; a local server in the tests)."""

    host: str = "api.stripe.com"
    port: int = 443
    cafile: str | None = None  # None: the SDK's own CA bundle


async def _with_sandbox(say: Callable[[bool, str, str], None]) -> None:
    from .sandbox import Sandbox

    with tempfile.TemporaryDirectory() as tmp, Sandbox() as sandbox:
        config = ServiceConfig(Mode.TRAINING, sandbox.api_key, sandbox.url, None,
                               Path(tmp) / "journal.sqlite3", "self-test")
        started = time.perf_counter()
        staff = await AsyncStaffStore.open(Path(tmp) / "staff.sqlite3")
        checker = await staff.create_first_manager("Self-test", SELF_TEST_PIN, SELF_TEST_PIN)
        try:
            services = await open_services(config, staff=staff, sandbox=sandbox)
        except BaseException:
            await staff.aclose()
            raise
        say(True, "training sandbox over the SDK",
            f"{services.account_name} in {(time.perf_counter() - started) * 1000:.0f} ms")
        try:
            checks: list[tuple[str, Callable[[Services, Staff], Awaitable[str]]]] = [
                ("refund online, journaled", _online_refund),
                ("refund on a simulated reader", _reader_refund),
                ("journal", _journal),
            ]
            for name, check in checks:
                try:
                    say(True, name, await check(services, checker))
                except Exception as error:  # noqa: BLE001 - every failure is reported
                    say(False, name, str(error) or type(error).__name__)
        finally:
            await services.aclose()
            await staff.aclose()


def _window() -> str:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication")
    label = QLabel("POS Refunds")
    image = label.grab()
    return f"Qt {app.platformName()} drew {image.width()}×{image.height()} px"


def default_report_path() -> Path:
    return log_dir() / "self-test.txt"


def run(print_line: Callable[[str], None] = print, *, online: bool = False,
        tls: TlsTarget | None = None, data_folder: Path | None = None,
        report_path: Path | None = None) -> int:
    """All checks; 0 when none failed. The report also goes to `report_path`."""
    failures = warnings = 0
    lines: list[str] = []
    started = time.perf_counter()

    def out(line: str) -> None:
        lines.append(line)
        print_line(line)

    def say(ok: bool, name: str, detail: str, *, status: str = "") -> None:
        nonlocal failures
        failures += not ok
        out(f"{status or ('PASS' if ok else 'FAIL')}  {name}: {detail}")

    def check(name: str, func: Callable[[], str], *, warn_only: bool = False) -> None:
        nonlocal warnings
        try:
            say(True, name, func())
        except Exception as error:  # noqa: BLE001 - every failure is reported
            detail = _detail(error)
            if warn_only:
                warnings += 1
                say(True, name, detail, status="WARN")
            else:
                say(False, name, detail)

    out(f"POS Refunds {__version__} self-test, {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC")
    frozen = getattr(sys, "frozen", False)
    where = Path(sys.executable).parent if frozen else Path(__file__).parent
    out(f"on {platform.platform()}, Python {platform.python_version()}, "
        f"{'installed build' if frozen else 'from source'} at {where}")
    if data_folder is None:
        from .app import data_dir

        data_folder = data_dir()
    check("Stripe SDK", sdk_check)
    check("keychain", _keychain)
    check("data folder (read only)", _data_folder(data_folder))
    check("printer", _printer, warn_only=True)
    check("window", _window)
    if online:
        from .gateway.reachability import tls_check

        target = tls or TlsTarget()
        check("Stripe reachable over TLS",
              lambda: tls_check(target.host, target.port, cafile=target.cafile))
    else:
        say(True, "Stripe reachable over TLS", "not checked (add --online)", status="SKIP")
    try:
        asyncio.run(_with_sandbox(say))
    except Exception as error:  # noqa: BLE001
        say(False, "training sandbox over the SDK", str(error) or type(error).__name__)
    elapsed = time.perf_counter() - started
    if failures:
        out(f"self-test FAILED ({failures}) in {elapsed:.1f} s")
    else:
        out(f"self-test passed{f' with {warnings} warning(s)' if warnings else ''} "
            f"in {elapsed:.1f} s")
    path = report_path or default_report_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print_line(f"report written to {path}")
    except OSError as error:
        print_line(f"report not written to {path}: {error.strerror or error}")
    return 0 if not failures else 1
