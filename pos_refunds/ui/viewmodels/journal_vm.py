"""State and tasks of the audit journal viewer: read the entries, verify the chain, export.

Every journal call already runs on the journal's own worker thread (AsyncJournal), so the
screen never waits on sqlite or on hashing the chain; the export file is opened, written and
renamed off the UI thread too. The view-model owns its tasks; `cancel()` stops them on close.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TextIO, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ...journal import VerifyReport
from ...services.journal_audit import AuditReport
from ..file_export import write_text_file
from ..i18n import Context
from ..messages import error_words, finding_words
from ..ports import JournalReader
from ..tasks import TaskScope

LOAD, VERIFY, EXPORT = "load", "verify", "export"
T = TypeVar("T")
translate = QCoreApplication.translate




JournalWords = Context("JournalWords")


def verify_text(report: VerifyReport) -> str:
    """The verification result as a manager reads it: OK with what was checked, or each
    problem on a line of its own."""
    if report.ok:
        if report.checked == 0:
            return JournalWords.tr("Journal OK: it has no entries yet.")
        return "\n".join([
            JournalWords.tr("Journal OK: %n entries checked, none changed, removed or "
                            "reordered.", "", report.checked),
            JournalWords.tr("Newest entry's hash: {hash}").format(hash=report.head_hash)])
    lines = [JournalWords.tr("The journal does not verify. Problems found:")]
    lines += [f"• {finding_words(problem)}" for problem in report.problems]
    lines.append(JournalWords.tr("%n entries were checked. Keep this file and tell the person "
                                 "responsible for the shop's records.", "", report.checked))
    return "\n".join(lines)


def audit_text(report: AuditReport) -> str:
    """The file's own check, then what Stripe confirms of it."""
    lines = [verify_text(report.local)]
    if report.unreachable:
        lines.append(JournalWords.tr("Not compared with Stripe: {reason}").format(
            reason=error_words(report.unreachable)[1]))
        return "\n".join(lines)
    if report.problems:
        lines.append(JournalWords.tr("The journal and Stripe differ:"))
        lines += [f"• {finding_words(problem)}" for problem in report.problems]
        lines.append(JournalWords.tr(
            "Keep this file and tell the person responsible for the shop's records."))
        return "\n".join(lines)
    if report.sealed_through is not None:
        newer = report.newer_unsealed
        if newer:
            text = JournalWords.tr("Stripe confirms the journal up to entry {entry} (%n newer "
                                   "operations with nothing at Stripe to compare).", "", newer)
        else:
            text = JournalWords.tr("Stripe confirms the journal up to entry {entry}.")
        lines.append(text.format(entry=report.sealed_through))
    elif report.compared:
        lines.append(JournalWords.tr("Stripe agrees with the %n newest operations; none "
                                     "carries a seal of the journal yet.", "", report.compared))
    else:
        lines.append(JournalWords.tr("Nothing in the journal has reached Stripe yet."))
    return "\n".join(lines)


class JournalViewModel(QObject):
    entriesLoaded = Signal(list)  # list[journal.Entry]
    verified = Signal(object)  # AuditReport (with Stripe), or VerifyReport (the file alone)
    exported = Signal(str)  # the path written
    failed = Signal(object)  # BaseException, for Prompts
    busyChanged = Signal(str, bool)  # LOAD | VERIFY | EXPORT, running

    def __init__(self, journal: JournalReader, tasks: TaskScope,
                 parent: QObject | None = None, *,
                 audit: Callable[[], Awaitable[AuditReport]] | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._audit = audit
        self._tasks = tasks
        self._busy: set[str] = set()

    def busy(self, what: str) -> bool:
        return what in self._busy

    def load(self) -> None:
        self._start(LOAD, self._journal.entries(), self.entriesLoaded.emit)

    def verify(self) -> None:
        """The chain; and, where Stripe can be asked, the newest operations against it."""
        check = self._audit() if self._audit is not None else self._journal.verify()
        self._start(VERIFY, check, self.verified.emit)

    def export_csv(self, path: Path) -> None:
        """The whole journal (every entry, with its hash) as CSV at `path`."""

        async def fill(file: TextIO) -> None:
            await self._journal.export_csv(file)

        self._start(EXPORT, write_text_file(path, fill), lambda p: self.exported.emit(str(p)))

    def cancel(self) -> None:
        self._tasks.cancel_all()

    def _start(self, what: str, coro: Coroutine[Any, Any, T],
               on_done: Callable[[T], None]) -> None:
        """One task of each kind at a time: a second tap while it runs does nothing."""
        if what in self._busy:
            coro.close()  # never awaited, so nothing was started
            return
        self._set_busy(what, True)
        task = self._tasks.start(coro, on_done=on_done, on_error=self.failed.emit)
        task.add_done_callback(lambda _t: self._set_busy(what, False))

    def _set_busy(self, what: str, busy: bool) -> None:
        if busy:
            self._busy.add(what)
        else:
            self._busy.discard(what)
        self.busyChanged.emit(what, busy)
