"""`--self-test`: after installing, prove on this very machine that the parts work together,
without a Stripe account or a network: the SDK and its certificates, the keychain, the
training sandbox through the real SDK, a journaled refund online and one on a reader, and
a window drawn by Qt. Prints one line per check; the exit status says whether all passed.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from .domain.payments import PaymentState
from .gateway.client import sdk_check
from .journal import OperationState
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


def _keychain() -> str:
    from .keychain import read_api_key

    lookup = read_api_key()
    return lookup.note.value if lookup.note else "a Stripe key is stored"


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


def run(print_line: Callable[[str], None] = print) -> int:
    """All checks; 0 when every one passed."""
    failures = 0

    def say(ok: bool, name: str, detail: str) -> None:
        nonlocal failures
        failures += not ok
        print_line(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")

    for name, check in (("Stripe SDK", sdk_check), ("keychain", _keychain),
                        ("window", _window)):
        try:
            say(True, name, check())
        except Exception as error:  # noqa: BLE001
            say(False, name, str(error) or type(error).__name__)
    try:
        asyncio.run(_with_sandbox(say))
    except Exception as error:  # noqa: BLE001
        say(False, "training sandbox over the SDK", str(error) or type(error).__name__)
    print_line("self-test passed" if not failures else f"self-test FAILED ({failures})")
    return 0 if not failures else 1
