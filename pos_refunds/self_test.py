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

from PySide6.QtCore import QCoreApplication, QLocale

from . import __version__
from .domain.payments import PaymentState
from .gateway.client import sdk_check
from .journal import OperationState
from .logs import log_dir
from .services.api import Mode, ReaderRefundOptions, Staff, Step, TestCard
from .services.factory import ServiceConfig, Services, open_services
from .staff import AsyncStaffStore
from .ui.i18n import Context

SELF_TEST_PIN = "24681357"  # the self-test's own manager, in its own throw-away staff list
translate = QCoreApplication.translate  # the report is read by IT, in a window too




SelfTest = Context("SelfTest")


async def _first(services: Services, want: Callable) -> object:
    async for page in services.payments.pages(page_size=100):
        for p in page:
            if want(p):
                return p
    raise AssertionError(SelfTest.tr("the training data has no payment to try this on"))


async def _online_refund(services: Services, checker: Staff) -> str:
    p = await _first(services, lambda p: p.state is PaymentState.CAPTURED
                     and p.family.value == "card_scheme")
    after = await services.actions.refund_online(
        p, p.refundable, reason="requested_by_customer", note="self-test",
        staff=checker, approval=None)
    if len(after.refunds) != 1 or after.refundable.minor != 0:
        raise AssertionError(SelfTest.tr("the refund did not land exactly once"))
    return SelfTest.tr("refunded {amount} once").format(amount=after.amount_refunded)


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
                             else SelfTest.tr("no progress from the reader"))
    return SelfTest.tr("Interac refund {refund} on {reader}").format(
        refund=last.refund_id, reader=reader.label)


async def _journal(services: Services, _checker: Staff) -> str:
    report = await services.journal.verify()
    ops = await services.journal.operations()
    if not report.ok or any(op.state is not OperationState.SUCCEEDED for op in ops):
        raise AssertionError("; ".join(map(str, report.problems))
                             or SelfTest.tr("an operation is not closed"))
    return SelfTest.tr("%n entries, chain intact", "", report.checked)



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
        text = SelfTest.tr("{text} ({why})", "an error's words, then why").format(
            text=text, why=why)
    if not backend:
        return text
    return SelfTest.tr("{backend}: {text}", "a keychain's name, then what it said").format(
        backend=backend, text=text)

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
            return SelfTest.tr("{folder} does not exist yet (a new till)").format(folder=folder)
        if not os.access(folder, os.W_OK):
            raise PermissionError(
                SelfTest.tr("{folder} cannot be written by this user").format(folder=folder))
        parts = [str(folder)]
        journal = folder / "journal.sqlite3"
        if journal.exists():
            report = verify_read_only(journal)
            if not report.ok:
                raise AssertionError(SelfTest.tr(
                    "the journal in {folder} does not verify: {problems}").format(
                    folder=folder, problems="; ".join(str(p) for p in report.problems)))
            parts.append(SelfTest.tr("journal %n entries, chain intact", "", report.checked))
        else:
            parts.append(SelfTest.tr("no journal yet"))
        staff = folder / "staff.sqlite3"
        parts.append(SelfTest.tr("%n staff", "people on the staff list", count_read_only(staff))
                     if staff.exists() else SelfTest.tr("no staff list yet"))
        if has_staged_restore(folder):
            parts.append(SelfTest.tr("a restored backup waits for the next start"))
        return ", ".join(parts)
    return check


def _translations() -> str:
    """The catalogues are installed and French answers; CLDR's amounts and Qt's own French."""
    from .domain.money import Money
    from .ui import i18n
    from .ui.formatting import format_money

    missing = i18n.Language().missing()
    if missing:
        raise RuntimeError(SelfTest.tr("missing: {names}").format(names=", ".join(missing)))
    french = i18n.catalogue("fr")
    if french.translate("RefundSlip", "Card") == "Card":
        raise RuntimeError(SelfTest.tr("the French catalogue does not answer"))
    amount = format_money(Money(1250, "usd"), i18n.locale_for("fr"))
    # ICU's collation (the bundle carries its data for English and French only): "élan"
    # before "Emma", where code points would put it after "Zoé".
    from PySide6.QtCore import QCollator

    if QCollator(i18n.locale_for("fr")).compare("élan", "Emma") >= 0:
        raise RuntimeError(SelfTest.tr("Qt cannot sort French words (ICU's data)"))
    return SelfTest.tr("English and French (Canada); {amount}").format(amount=amount)


def _printer() -> str:
    from PySide6.QtPrintSupport import QPrinterInfo

    names = QPrinterInfo.availablePrinterNames()
    if not names:
        raise LookupError(SelfTest.tr(
            "no printer is installed: refund slips can only be saved as PDF"))
    default = QPrinterInfo.defaultPrinterName()
    if default:
        return SelfTest.tr("%n installed, default {default}", "printers", len(names)).format(
            default=default)
    return SelfTest.tr("%n installed", "printers", len(names))


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
        say(True, SelfTest.tr("training sandbox over the SDK"),
            SelfTest.tr("{account} in {ms} ms").format(
                account=services.account_name,
                ms=f"{(time.perf_counter() - started) * 1000:.0f}"))
        try:
            checks: list[tuple[str, Callable[[Services, Staff], Awaitable[str]]]] = [
                (SelfTest.tr("refund online, journaled"), _online_refund),
                (SelfTest.tr("refund on a simulated reader"), _reader_refund),
                (SelfTest.tr("journal", "the check of the audit journal"), _journal),
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
    return SelfTest.tr("Qt {platform} drew {width}×{height} px").format(
        platform=app.platformName(), width=image.width(), height=image.height())


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
        status = status or (SelfTest.tr("PASS", "a check's status") if ok
                            else SelfTest.tr("FAIL", "a check's status"))
        out(SelfTest.tr("{status}  {check}: {detail}", "one line of the report")
            .format(status=status, check=name, detail=detail))

    def check(name: str, func: Callable[[], str], *, warn_only: bool = False) -> None:
        nonlocal warnings
        try:
            say(True, name, func())
        except Exception as error:  # noqa: BLE001 - every failure is reported
            detail = _detail(error)
            if warn_only:
                warnings += 1
                say(True, name, detail, status=SelfTest.tr("WARN", "a check's status"))
            else:
                say(False, name, detail)

    out(SelfTest.tr("POS Refunds {version} self-test, {time} UTC").format(
        version=__version__, time=f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S}"))
    frozen = getattr(sys, "frozen", False)
    where = Path(sys.executable).parent if frozen else Path(__file__).parent
    if frozen:
        built = SelfTest.tr("on {platform}, Python {python}, installed build at {folder}")
    else:
        built = SelfTest.tr("on {platform}, Python {python}, from source at {folder}")
    out(built.format(platform=platform.platform(), python=platform.python_version(),
                     folder=where))
    if data_folder is None:
        from .app import data_dir

        data_folder = data_dir()
    check(SelfTest.tr("Stripe SDK"), sdk_check)
    check(SelfTest.tr("keychain"), _keychain)
    check(SelfTest.tr("data folder (read only)"), _data_folder(data_folder))
    check(SelfTest.tr("translations"), _translations)
    check(SelfTest.tr("printer"), _printer, warn_only=True)
    check(SelfTest.tr("window", "Qt can draw a window"), _window)
    if online:
        from .gateway.reachability import tls_check

        target = tls or TlsTarget()
        check(SelfTest.tr("Stripe reachable over TLS"),
              lambda: tls_check(target.host, target.port, cafile=target.cafile))
    else:
        say(True, SelfTest.tr("Stripe reachable over TLS"),
            SelfTest.tr("not checked (add --online)"),
            status=SelfTest.tr("SKIP", "a check's status"))
    try:
        asyncio.run(_with_sandbox(say))
    except Exception as error:  # noqa: BLE001
        say(False, SelfTest.tr("training sandbox over the SDK"),
            str(error) or type(error).__name__)
    elapsed = QLocale().toString(time.perf_counter() - started, "f", 1)
    if failures:
        out(SelfTest.tr("self-test FAILED ({count}) in {seconds} s").format(
            count=failures, seconds=elapsed))
    elif warnings:
        out(SelfTest.tr("self-test passed with %n warnings in {seconds} s", "", warnings)
            .format(seconds=elapsed))
    else:
        out(SelfTest.tr("self-test passed in {seconds} s").format(seconds=elapsed))
    path = report_path or default_report_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print_line(SelfTest.tr("report written to {path}").format(path=path))
    except OSError as error:
        print_line(SelfTest.tr("report not written to {path}: {why}").format(
            path=path, why=error.strerror or error))
    return 0 if not failures else 1
