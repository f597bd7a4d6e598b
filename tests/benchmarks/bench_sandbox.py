"""How fast the training sandbox serves a page of payments (not collected by pytest).

Run from the repository: python tests/benchmarks/bench_sandbox.py [runs] [payments]
(default 50 runs over 10,000 seeded payments).

Times one page of 100 PaymentIntents with ``expand[]=data.latest_charge`` -- the app's
main list query -- through the official SDK (sync and async) and through raw httpx (the
server's share without the SDK building its objects), at the newest page and deep in the
list (``starting_after``). Target: well under 50 ms.

Two set-ups: the sandbox embedded in the measuring process (training mode: server thread
and client share one interpreter and its garbage collector), and the sandbox as its own
process (``python -m pos_refunds.sandbox``), which isolates the server's share.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

import httpx  # noqa: E402
import stripe  # noqa: E402

from pos_refunds.sandbox import Sandbox  # noqa: E402

PARAMS = {"limit": 100, "expand": ["data.latest_charge"]}


def _report(name: str, samples: list[float]) -> float:
    samples = sorted(samples)
    p95 = samples[max(0, round(0.95 * len(samples)) - 1)]
    print(
        f"{name:<44} median {statistics.median(samples) * 1000:6.2f} ms   "
        f"p95 {p95 * 1000:6.2f} ms   max {samples[-1] * 1000:6.2f} ms"
    )
    return statistics.median(samples)


def _time(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm up (connection, caches)
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def measure(url: str, api_key: str, runs: int, deep: str | None) -> None:
    client = stripe.StripeClient(api_key, base_addresses={"api": url})
    sdk = _report(
        "SDK sync, newest page", _time(lambda: client.v1.payment_intents.list(PARAMS), runs)
    )
    if deep:
        _report(
            "SDK sync, page after the middle",
            _time(lambda: client.v1.payment_intents.list({**PARAMS, "starting_after": deep}), runs),
        )

    async def run_async() -> list[float]:
        aclient = stripe.StripeClient(
            api_key, base_addresses={"api": url}, http_client=stripe.HTTPXClient()
        )
        await aclient.v1.payment_intents.list_async(PARAMS)
        out = []
        for _ in range(runs):
            t0 = time.perf_counter()
            await aclient.v1.payment_intents.list_async(PARAMS)
            out.append(time.perf_counter() - t0)
        return out

    _report("SDK async (HTTPXClient), newest page", asyncio.run(run_async()))
    headers = {"Authorization": f"Bearer {api_key}"}
    query = {"limit": "100", "expand[0]": "data.latest_charge"}
    with httpx.Client(base_url=url, headers=headers) as raw:
        server = _report(
            "raw httpx, newest page",
            _time(lambda: raw.get("/v1/payment_intents", params=query).raise_for_status(), runs),
        )
        _report(
            "raw httpx + json.loads, newest page",
            _time(lambda: json.loads(raw.get("/v1/payment_intents", params=query).content), runs),
        )
        size = len(raw.get("/v1/payment_intents", params=query).content)
    print(f"response size: {size / 1024:.0f} KiB for 100 payments with their charges")
    print(
        f"=> server share {server * 1000:.1f} ms; the SDK's own parsing and object building "
        f"{(sdk - server) * 1000:.1f} ms (the same for Stripe's own responses of this shape)"
    )


def main(runs: int = 50, payments: int = 10_000) -> None:
    started = time.perf_counter()
    sandbox = Sandbox(payments=payments, seed=1)
    print(f"seeded {payments:,} payments in {(time.perf_counter() - started) * 1000:.0f} ms")
    print("\n-- embedded: sandbox thread in this process --")
    with sandbox:
        deep = sandbox.store.account().payment_intents.items[payments // 2]["id"]
        measure(sandbox.url, sandbox.api_key, runs, deep)
    del sandbox
    print("\n-- separate process: python -m pos_refunds.sandbox --")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pos_refunds.sandbox", "--port", "0", "--payments", str(payments)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().split()[-1]
        key = proc.stdout.readline().split()[-1]
        measure(url, key, runs, None)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
