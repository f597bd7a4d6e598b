"""One running set of services per journal: a second open while the first is live is refused
before the journal is even opened, so its recovery can never settle the first's refund; the
lock goes with `aclose()`, with a failed open, and with a killed process."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pos_refunds.domain.errors import AuthenticationFailed, TillInUse
from pos_refunds.domain.reasons import TillReason
from pos_refunds.journal import Journal, OperationState
from pos_refunds.services import factory
from pos_refunds.services.api import ReaderRefundOptions, Step, TestCard
from pos_refunds.services.factory import Services, open_services
from pos_refunds.services.till_lock import TillLock, lock_path_for
from tests.services.helpers import MANAGER, config, find, interac_captured, run_with_services
from tests.support.staff_list import StaffList


def entry_count(path: Path) -> int:
    """Entries on disk, read as another process would."""
    journal = Journal(path)
    try:
        return len(journal.entries())
    finally:
        journal.close()


class NeverOpened:
    """Stands in for the journal class: the refused open must not get this far."""

    @classmethod
    async def open(cls, path: Path) -> None:
        raise AssertionError(f"the journal {path} was opened by the refused second launch")


def test_a_second_open_while_a_refund_waits_for_the_card_touches_nothing(
        sandbox, tmp_path, monkeypatch) -> None:
    jp = tmp_path / "journal.sqlite3"

    async def body(first: Services) -> tuple[Step, OperationState]:
        p = await find(first, interac_captured)
        reader = next(r for r in await first.readers.readers()
                      if r.status == "online" and not r.busy and r.can_refund)
        updates = first.readers.refund(p, reader.id, p.refundable,
                                       options=ReaderRefundOptions(), staff=MANAGER,
                                       approval=None)
        while (await anext(updates)).step is not Step.WAITING_FOR_CARD:
            pass
        (live,) = await first.journal.open_operations()  # the customer is tapping now
        before = entry_count(jp)
        with monkeypatch.context() as patch:
            patch.setattr(factory, "AsyncJournal", NeverOpened)
            with pytest.raises(TillInUse) as refused:
                await open_services(config(sandbox, jp, till="till-2"), staff=StaffList(),
                                    sandbox=sandbox)
        assert refused.value.reason is TillReason.IN_USE
        assert (await first.journal.get(live.op_id)).state is OperationState.PENDING
        assert entry_count(jp) == before
        await first.readers.present(reader.id, TestCard.INTERAC)
        steps = [u.step async for u in updates]  # the first carries on as if nothing happened
        return steps[-1], (await first.journal.get(live.op_id)).state

    step, state = run_with_services(sandbox, jp, body)
    assert (step, state) == (Step.SUCCEEDED, OperationState.SUCCEEDED)


def test_closing_gives_the_journal_back(sandbox, tmp_path) -> None:
    jp = tmp_path / "journal.sqlite3"

    async def main() -> str:
        first = await open_services(config(sandbox, jp), staff=StaffList(), sandbox=sandbox)
        await first.aclose()
        await first.aclose()  # twice is harmless, and does not free someone else's lock
        second = await open_services(config(sandbox, jp), staff=StaffList(), sandbox=sandbox)
        try:
            with pytest.raises(TillInUse):
                await open_services(config(sandbox, jp), staff=StaffList(), sandbox=sandbox)
            return second.account_name
        finally:
            await second.aclose()

    assert asyncio.run(main())
    assert run_with_services(sandbox, jp, lambda s: asyncio.sleep(0, "again")) == "again"


def test_a_failed_open_gives_the_journal_back(sandbox, tmp_path) -> None:
    jp = tmp_path / "journal.sqlite3"
    sandbox.revoke_key("sk_test_revoked_fake")
    with pytest.raises(AuthenticationFailed):
        run_with_services(sandbox, jp, lambda s: asyncio.sleep(0), api_key="sk_test_revoked_fake")
    lock = TillLock(lock_path_for(jp))
    lock.acquire()
    lock.release()


def test_the_lock_file_sits_beside_the_journal(tmp_path) -> None:
    assert lock_path_for(tmp_path / "journal.sqlite3") == tmp_path / "journal.sqlite3.lock"


HOLDER = """
import sys
from pathlib import Path
from pos_refunds.services.till_lock import TillLock, lock_path_for
lock = TillLock(lock_path_for(Path(sys.argv[1])))  # kept: a dropped lock is released
lock.acquire()
print("holding", flush=True)
sys.stdin.read()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no SIGKILL")
def test_the_os_gives_the_lock_back_when_its_holder_is_killed(sandbox, tmp_path) -> None:
    jp = tmp_path / "journal.sqlite3"
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(jp)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "holding\n"
        with pytest.raises(TillInUse):
            run_with_services(sandbox, jp, lambda s: asyncio.sleep(0))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert run_with_services(sandbox, jp, lambda s: asyncio.sleep(0, "opened")) == "opened"
