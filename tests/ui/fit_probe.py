"""Run in a child process on an offscreen screen of a given size (see test_screen_fit.py):
opens the reader refund dialog as the window does, with five readers, then shows a finished
refund with its slip offer, and prints the geometry it had at each point as JSON."""

from __future__ import annotations

import asyncio
import json
import sys

from PySide6.QtWidgets import QApplication, QTableView
from qasync import QEventLoop

from pos_refunds.app import load_stylesheet
from pos_refunds.domain.money import Money
from pos_refunds.services.api import ReaderProgress, Step
from pos_refunds.ui.dialogs.reader_refund_dialog import ReaderRefundDialog
from pos_refunds.ui.tasks import TaskRegistry
from tests.support.builders import make_payment as payment
from tests.support.builders import make_reader as reader
from tests.support.staff_list import StaffList  # noqa: F401 - the same imports as the tests
from tests.ui.conftest import AutoPrompts
from tests.ui.fakes import FakeApprovals, FakeReaders

READERS = [reader(f"tmr_{i}", label=f"Counter {i}") for i in range(1, 6)]


def rect(widget) -> list[int]:  # noqa: ANN001
    g = widget.frameGeometry()
    return [g.x(), g.y(), g.width(), g.height()]


async def probe() -> dict:
    from pos_refunds.domain.staff import Staff

    staff = Staff("st_1", "Sam", "manager")
    p = payment("pi_fit", amount=1250, network="interac", last4="1933")
    dialog = ReaderRefundDialog(p, FakeApprovals(), FakeReaders(READERS), staff, None, True,
                                False, AutoPrompts(), TaskRegistry())
    dialog.open()
    table = dialog.findChild(QTableView, "readerPicker")
    listed = asyncio.get_running_loop().create_future()

    def check() -> None:
        if table.model().rowCount() == len(READERS) and not listed.done():
            listed.set_result(None)

    table.model().modelReset.connect(check)
    table.model().rowsInserted.connect(check)
    check()
    await asyncio.wait_for(listed, 60)  # the readers, as the dialog reads them
    QApplication.processEvents()
    rows_seen = table.viewport().height() // max(table.rowHeight(0), 1)
    opened = rect(dialog)
    dialog.progress.begin(READERS[0], Money(1250, "cad"))
    dialog._pages.setCurrentIndex(1)
    dialog.progress.show_progress(ReaderProgress(Step.SUCCEEDED, READERS[0], "Refunded.",
                                                 refund_id="re_1"))
    dialog.progress.slip.show()
    for _ in range(5):  # the layout settles: no waiting on the clock, only on the events
        QApplication.processEvents()
        await asyncio.sleep(0)
    screen = dialog.screen().availableGeometry()
    return {"screen": [screen.x(), screen.y(), screen.width(), screen.height()],
            "opened": opened, "after": rect(dialog), "rows_seen": rows_seen}


def main() -> None:
    app = QApplication(sys.argv)
    app.setStyleSheet(load_stylesheet())
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        print(json.dumps(loop.run_until_complete(probe())))


if __name__ == "__main__":
    main()
