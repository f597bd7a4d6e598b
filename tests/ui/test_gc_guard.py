"""Cyclic garbage is collected on the GUI thread, never on the sandbox's or the journal's."""

from __future__ import annotations

import gc
import threading

from pos_refunds.ui.gc_guard import MainThreadCollector


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
        assert gc.isenabled()  # stop gives collection back to Python
        gc.callbacks.remove(seen)
        if not was_enabled:
            gc.disable()
    assert set(threads) == {threading.main_thread().name}
