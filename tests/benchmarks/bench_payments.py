"""How fast the app gets payments on screen, and what they cost in memory.

Run: `python tests/benchmarks/bench_payments.py [--payments 10000]`. Seeds the training sandbox,
then loads every page through the real services (SDK over HTTP, mapping to records) into the
payments table model behind its filter proxy, and prints figures. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from pos_refunds.domain.policy import actions_for  # noqa: E402
from pos_refunds.sandbox import Sandbox  # noqa: E402
from pos_refunds.services.api import Mode  # noqa: E402
from pos_refunds.services.factory import ServiceConfig, open_services  # noqa: E402
from pos_refunds.ui.models.payments_filter import PaymentsFilterProxy  # noqa: E402
from pos_refunds.ui.models.payments_model import PaymentsTableModel  # noqa: E402
from tests.support.staff_list import StaffList  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def load(sandbox: Sandbox, folder: Path, model: PaymentsTableModel) -> dict[str, float]:
    cfg = ServiceConfig(Mode.TRAINING, sandbox.api_key, sandbox.url, None,
                        folder / "journal.sqlite3", "bench")
    services = await open_services(cfg, staff=StaffList(), sandbox=sandbox)
    try:
        page_times: list[float] = []
        t0 = time.perf_counter()
        first = None
        last = t0
        async for page in services.payments.pages(page_size=100):
            model.append(page)
            now = time.perf_counter()
            page_times.append(now - last)
            last = now
            if first is None:
                first = now - t0
        total = time.perf_counter() - t0
        t1 = time.perf_counter()
        await services.payments.refresh(model.payment(0).id)
        refresh = time.perf_counter() - t1
        t2 = time.perf_counter()
        await services.payments.changes()
        changes = time.perf_counter() - t2
        return {
            "first": first or 0.0, "total": total, "pages": len(page_times),
            "page_median": statistics.median(page_times),
            "page_p95": sorted(page_times)[int(len(page_times) * 0.95) - 1],
            "refresh": refresh, "changes": changes,
        }
    finally:
        await services.aclose()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--payments", type=int, default=10_000)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    rss0 = rss_mib()
    print(f"seeding the sandbox with {args.payments} payments…")
    with Sandbox(payments=args.payments) as sandbox, tempfile.TemporaryDirectory() as tmp:
        model = PaymentsTableModel()
        proxy = PaymentsFilterProxy()
        proxy.setSourceModel(model)
        rss1 = rss_mib()
        figures = asyncio.run(load(sandbox, Path(tmp), model))
        payments = model.payments()
        gc.collect()
        rss2 = rss_mib()
        rows = model.rowCount()
        t = time.perf_counter()
        proxy.set_search_text("4242")
        search = time.perf_counter() - t
        matched = proxy.rowCount()
        t = time.perf_counter()
        proxy.set_search_text("")
        proxy.sort(PaymentsTableModel.Column.AMOUNT)
        sort = time.perf_counter() - t
        t = time.perf_counter()
        for p in payments:
            actions_for(p)
        policy = (time.perf_counter() - t) / len(payments)
    print(f"payments on screen         {rows}")
    print(f"first page on screen       {ms(figures['first'])}")
    print(f"all {figures['pages']} pages loaded       {ms(figures['total'])}")
    print(f"per page (median / p95)    {ms(figures['page_median'])} / "
          f"{ms(figures['page_p95'])}")
    print(f"refresh one payment        {ms(figures['refresh'])}")
    print(f"changes poll (no change)   {ms(figures['changes'])}")
    print(f"search '4242' over all     {ms(search)}  ({matched} rows)")
    print(f"sort by amount             {ms(sort)}")
    print(f"policy per payment         {policy * 1e6:8.1f} µs")
    print(f"process RSS: start {rss0:.0f} MiB, sandbox seeded {rss1:.0f} MiB, "
          f"payments loaded {rss2:.0f} MiB "
          f"(+{(rss2 - rss1) * 1024 / max(rows, 1):.1f} KiB a payment, model and records)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
