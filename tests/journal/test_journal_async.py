"""AsyncJournal: the same journal, every call on one dedicated worker thread."""

from __future__ import annotations

import asyncio
import io
import sqlite3
import threading
from pathlib import Path

import pytest

from pos_refunds.domain.money import Money
from pos_refunds.journal import AsyncJournal, Journal, OperationState, UnknownOperation


def test_async_journal_round_trip(journal_path: Path) -> None:
    async def main() -> None:
        journal = await AsyncJournal.open(journal_path)
        try:
            op = await journal.begin("refund_online", "pi_1", amount=Money(700, "cad"),
                                     staff="alice", approver=None, till="till-1",
                                     details={"reason": "requested_by_customer"})
            # Write-ahead holds through the wrapper too.
            other = sqlite3.connect(journal_path)
            assert other.execute("SELECT state FROM entries").fetchall() == [("pending",)]
            other.close()
            assert [o.op_id for o in await journal.open_operations()] == [op.op_id]
            assert [o.op_id for o in await journal.open_for_payment("pi_1")] == [op.op_id]
            done = await journal.record(op.op_id, "succeeded", stripe_ids={"refund": "re_1"})
            assert done.state is OperationState.SUCCEEDED
            assert await journal.get(op.op_id) == done
            assert await journal.open_operations() == []
            assert [o.op_id for o in await journal.operations()] == [op.op_id]
            assert len(await journal.entries()) == 2
            report = await journal.verify()
            assert report.ok and report.checked == 2
            out = io.StringIO()
            await journal.export_csv(out)
            assert out.getvalue().count("\n") == 3
            with pytest.raises(UnknownOperation):
                await journal.record("op_missing", "failed")
        finally:
            await journal.aclose()

    asyncio.run(main())
    with Journal(journal_path) as reopened:
        assert reopened.verify().ok


def test_connection_lives_on_one_worker_thread(journal_path: Path) -> None:
    async def main() -> set[str]:
        async with await AsyncJournal.open(journal_path) as journal:
            names: set[str] = set()
            original = journal._journal.begin

            def spy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
                names.add(threading.current_thread().name)
                return original(*args, **kwargs)

            journal._journal.begin = spy  # type: ignore[method-assign]
            ops = await asyncio.gather(*(
                journal.begin("cancel", f"pi_{i}", amount=None, staff="a", approver=None,
                              till="t")
                for i in range(20)
            ))
            assert len({o.op_id for o in ops}) == 20
            assert (await journal.verify()).ok
            return names

    names = asyncio.run(main())
    assert len(names) == 1 and next(iter(names)).startswith("journal")
    assert threading.current_thread().name not in names


def test_closed_async_journal_refuses_calls(journal_path: Path) -> None:
    async def main() -> None:
        journal = await AsyncJournal.open(journal_path)
        await journal.aclose()
        await journal.aclose()  # twice is harmless
        with pytest.raises(RuntimeError, match="closed"):
            await journal.open_operations()

    asyncio.run(main())


def test_open_failure_is_raised(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-database.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)

    async def main() -> None:
        with pytest.raises(sqlite3.DatabaseError):
            await AsyncJournal.open(bad)

    asyncio.run(main())
