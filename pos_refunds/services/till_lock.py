"""Who runs this till's data: a lock the operating system gives back when the process dies.

Two copies of the app on one till (a double-click twice, two OS sessions) must never both
run recovery on one journal: the second would settle the first's live reader refund under
its feet. A lock file guards the data instead of a "running" marker because the OS releases
it with the process, SIGKILL and power-off included (`fcntl.flock` on Unix, a Windows file
lock there, through `filelock`), so a crash never leaves a till that refuses to start.

Two locks use this module, on purpose:
- `open_services` takes one beside each journal (`journal.sqlite3.lock`): whoever opens the
  services on a journal owns it, whatever started them (the app, a script, a test).
- the app takes one in its data folder for its whole life: one running app per data folder,
  training and the real journal together, and the second launch knows to hand over to it.

Taking the lock is one non-blocking `open` and `flock` on a local file, so it runs inline:
a worker thread could take it after its caller was cancelled and keep it.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from ..domain.errors import TillInUse
from ..domain.reasons import TillReason

LOCK_SUFFIX = ".lock"


def lock_path_for(path: Path | str) -> Path:
    """The lock file beside a data file: `journal.sqlite3` -> `journal.sqlite3.lock`."""
    path = Path(path)
    return path.with_name(path.name + LOCK_SUFFIX)


class TillLock:
    """Held by one process at a time; `release()` is harmless when not held."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # No soft fallback: a marker file would outlive a killed process and lock the till
        # out. The file itself stays (deleting it on release races the next opener).
        self._lock = FileLock(path, thread_local=False, blocking=False,
                              fallback_to_soft=False, preserve_lock_file=True)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        """Take it now or raise `TillInUse`: waiting would only hide the other process."""
        if self.held:
            return
        try:
            self._lock.acquire()
        except Timeout:
            raise TillInUse(TillReason.IN_USE) from None

    def release(self) -> None:
        if self.held:
            self._lock.release()
