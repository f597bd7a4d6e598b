"""``--state FILE``: keep the sandbox's state across restarts.

The file is JSON, always replaced atomically (write a temporary file beside it, fsync,
``os.replace``), so a crash mid-write leaves the previous state intact. Writes happen
at most once a second after a change, and on stop.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from .idempotency import IdempotencyCache
from .store import Store

log = logging.getLogger(__name__)


def save(path: Path, store: Store, idempotency: IdempotencyCache) -> None:
    with store.lock:
        data: dict[str, Any] = store.dump()
        data["idempotency"] = idempotency.dump()
        text = json.dumps(data, separators=(",", ":"))
        store.dirty = False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: Path, store: Store, idempotency: IdempotencyCache) -> bool:
    """Restore state from ``path``; False if there is no file yet."""
    if not path.exists():
        return False
    data = json.loads(path.read_text(encoding="utf-8"))
    with store.lock:
        store.load(data)
        idempotency.load(data.get("idempotency", []))
    return True


class Saver:
    """Background writer: saves the state shortly after it changes."""

    def __init__(self, path: Path, store: Store, idempotency: IdempotencyCache) -> None:
        self.path = path
        self.store = store
        self.idempotency = idempotency
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sandbox-state-saver", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            if self.store.dirty:
                try:
                    save(self.path, self.store, self.idempotency)
                except OSError:
                    log.exception("could not save sandbox state to %s", self.path)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        save(self.path, self.store, self.idempotency)
