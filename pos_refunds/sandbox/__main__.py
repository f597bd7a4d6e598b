"""``python -m pos_refunds.sandbox``: run the training sandbox from a terminal."""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Sequence

from .embedded import Sandbox


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m pos_refunds.sandbox",
        description="Local Stripe-compatible sandbox with simulated Terminal readers.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=12111, help="port (0 picks a free one)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated data")
    parser.add_argument("--payments", type=int, default=80, help="seeded payments (default 80)")
    parser.add_argument("--state", metavar="FILE", help="keep state in FILE across restarts")
    parser.add_argument(
        "--auto-present",
        type=float,
        metavar="SECONDS",
        help="a simulated customer presents the right card after SECONDS (default: off)",
    )
    parser.add_argument(
        "--action-timeout", type=float, default=60.0, help="reader action timeout in seconds"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sandbox = Sandbox(
        host=args.host,
        port=args.port,
        seed=args.seed,
        payments=args.payments,
        state_file=args.state,
        auto_present=args.auto_present,
        action_timeout=args.action_timeout,
    ).start()
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.set())
    print(f"Stripe sandbox listening on {sandbox.url}", flush=True)
    print(f"API key: {sandbox.api_key}", flush=True)
    print(f"Connected account: {sandbox.connected_account}", flush=True)
    print(f"Control surface: {sandbox.url}/_sandbox", flush=True)
    try:
        while not stopping.wait(0.5):
            pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
