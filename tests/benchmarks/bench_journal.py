"""How long the journal takes on this machine's disk (not collected by pytest).

Run from the repository: python tests/benchmarks/bench_journal.py [pairs]
(default 5,000 pairs = 10,000 entries).

Each begin and each record is its own fsynced transaction (WAL, synchronous=FULL), so the
figures are mostly the disk's flush latency; verify() re-hashes every entry.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

from pos_refunds.domain.money import Money  # noqa: E402
from pos_refunds.journal import Journal  # noqa: E402


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main(pairs: int = 5_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.sqlite3"
        timings: list[float] = []
        with Journal(path) as journal:
            for i in range(pairs):
                start = time.perf_counter()
                op = journal.begin("refund_online", f"pi_{i}", amount=Money(100 + i, "cad"),
                                   staff="alice", approver="bob", till="till-1",
                                   details={"reason": "requested_by_customer", "note": "bench"})
                journal.record(op.op_id, "succeeded", stripe_ids={"refund": f"re_{i}"})
                timings.append(time.perf_counter() - start)

            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            print(f"begin+record pairs: {pairs} ({2 * pairs} entries) in {path.parent}")
            print(f"  median {_ms(statistics.median(timings))}, p95 {_ms(p95)}, "
                  f"max {_ms(timings[-1])}")

            start = time.perf_counter()
            report = journal.verify()
            took = time.perf_counter() - start
            print(f"verify(): {report.checked} entries in {_ms(took)}, ok={report.ok}")

            start = time.perf_counter()
            open_ops = journal.open_operations()
            print(f"open_operations(): {len(open_ops)} open in "
                  f"{_ms(time.perf_counter() - start)}")
            start = time.perf_counter()
            ops = journal.operations()
            print(f"operations(): {len(ops)} in {_ms(time.perf_counter() - start)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
