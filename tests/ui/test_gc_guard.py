"""Cyclic garbage is collected on the GUI thread, never on the sandbox's or the journal's."""

from __future__ import annotations

import gc
import sys
import threading

import pytest

from pos_refunds.ui.gc_guard import MainThreadCollector, release_freed_memory


def test_collects_only_from_the_gui_thread(qtbot) -> None:
    threads: list[str] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    collector = MainThreadCollector(interval_ms=10)
    gc.callbacks.append(seen)
    was_enabled = gc.isenabled()
    try:
        collector.start()
        assert not gc.isenabled()

        def churn() -> None:  # a worker allocating cycles, like the sandbox's HTTP thread
            for _ in range(20_000):
                a: list = []
                a.append(a)

        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(threads) > 0, timeout=2000)
    finally:
        collector.stop()
        # back to Python once no other collector runs (here the test session's still does)
        assert gc.isenabled() is was_enabled
        gc.callbacks.remove(seen)
    assert set(threads) == {threading.main_thread().name}


def test_the_oldest_generation_waits_for_a_quarter_more_and_freezing_is_the_apps_alone(
        qtbot) -> None:
    """Python's rule: a walk over every object only once those that survived into the
    oldest generation since the last are a quarter of what it kept; and `freeze_long_lived`
    freezes only in the app's own process."""
    from pos_refunds.ui import gc_guard

    collector = MainThreadCollector(interval_ms=10_000)  # driven by hand below
    seen: list[int] = []

    def phase(name: str, info: dict) -> None:
        if name == "start":
            seen.append(info["generation"])

    gc.callbacks.append(phase)
    try:
        collector.collect_due()  # whatever is due now
        gc.collect()
        collector._pending, collector._long_lived = 0, 1_000_000  # a big long-lived heap
        threshold = gc.get_threshold()[2]
        keep: list = []

        def until_the_oldest_is_due() -> int:
            """Allocate until the counts say generation 2, then let the collector choose."""
            for _ in range(5_000):
                keep.append([[] for _ in range(800)])
                if gc.get_count()[2] > threshold:
                    seen.clear()
                    return collector.collect_due()
                collector.collect_due()
            raise AssertionError("generation 2 never came due")

        assert until_the_oldest_is_due() == 1 and 2 not in seen  # far less than a quarter
        assert collector._pending > 0
        collector._long_lived = 4  # now what survived is more than a quarter: the walk is due
        assert until_the_oldest_is_due() == 2 and 2 in seen
        assert collector._pending == 0 and collector._long_lived > 4
        keep.clear()
    finally:
        gc.callbacks.remove(phase)

    frozen = gc.get_freeze_count()
    gc_guard.freeze_long_lived()  # the test run's collector does not own the process
    assert gc.get_freeze_count() == frozen


def _rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_memory_goes_back_to_the_system() -> None:
    """What a load frees stays in glibc's heap (blocks of a few KiB, as a page's JSON text and
    its dicts are, below one still in use) until it is handed back: then the resident size
    falls by most of it."""
    kept = [bytes(2000) + bytes([i % 256]) for i in range(40_000)]  # ~80 MiB
    still_used = bytes(2000) + b"x"  # above them in the heap: glibc cannot just shrink it
    del kept
    gc.collect()
    before = _rss_kib()
    assert release_freed_memory()
    assert _rss_kib() < before - 40_000
    assert still_used.endswith(b"x")


def test_python_collects_by_itself_again_only_once_every_collector_stopped(qapp) -> None:
    import gc

    from pos_refunds.ui.gc_guard import MainThreadCollector

    was = gc.isenabled()  # False: the test session's own collector runs
    first, second = MainThreadCollector(), MainThreadCollector()
    first.start()
    second.start()
    second.stop()
    assert not gc.isenabled()  # the first still collects on the GUI thread
    first.stop()
    assert gc.isenabled() is was
