"""Documentation screenshots: the real app in training mode, offscreen, at 1366×768.

Run: `QT_QPA_PLATFORM=offscreen python tests/screenshots/make_screenshots.py [FOLDER]`. Not a
test (pytest does not collect it). One function per README shot; each saves into
resources/screenshots/, or into FOLDER to look at them without touching the repository.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# An offscreen screen the size of a shop PC's (Qt's offscreen platform reads its screens from a
# config file; without one it is 800×800, and dialogs that fit the screen would shrink to it).
_W, _H = os.environ.get("POS_SHOTS_SIZE", "1366x768").split("x")
_SCREEN = Path(tempfile.gettempdir()) / f"pos-refunds-screen-{_W}x{_H}.json"
_SCREEN.write_text(f'{{"screens": [{{"name": "shop", "x": 0, "y": 0, "width": {_W}, '
                   f'"height": {_H}, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}}]}}')
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QStandardPaths, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from qasync import QEventLoop  # noqa: E402

from pos_refunds.app import (  # noqa: E402
    TRAINING_JOURNAL,
    TRAINING_STATE,
    Application,
    LaunchOptions,
    data_dir,
    load_stylesheet,
)
from pos_refunds.domain.money import Money, format_plain  # noqa: E402
from pos_refunds.domain.payments import NetworkFamily, PaymentState  # noqa: E402
from pos_refunds.services.api import Step  # noqa: E402
from pos_refunds.ui.i18n import Language  # noqa: E402
from pos_refunds.ui.main_window import MainWindow  # noqa: E402
from pos_refunds.ui.prompts import Prompts  # noqa: E402
from pos_refunds.ui.settings import SettingsStore  # noqa: E402

OUT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
# The window's size (and its screen's): POS_SHOTS_SIZE=1024x768 looks at a smaller counter PC.
SIZE = tuple(int(n) for n in os.environ.get("POS_SHOTS_SIZE", "1366x768").split("x"))
# POS_SHOTS_LANGUAGE=fr draws the app in French (Canada), into *_fr.png.
LANGUAGE = os.environ.get("POS_SHOTS_LANGUAGE", "en")
NOTE = {"en": "Receipt 1042: one item returned", "fr": "Reçu 1042\u00a0: un article retourné"}


async def until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Wait for a condition while the Qt loop keeps running (no fixed sleeps)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.05)


def save(window: QWidget, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    if LANGUAGE != "en":  # main_window_fr.png beside main_window.png
        name = name.replace(".png", f"_{LANGUAGE}.png")
    path = OUT / name
    window.grab().save(str(path))
    print(f"saved {path}")
    return path


async def shot_main_window(window: MainWindow) -> Path:
    """A captured card payment with refunds selected: one made elsewhere and one made here
    (through the refund dialog, so it carries who did it, the reason and the note)."""
    await until(lambda: window.payments_vm.loaded and window.model.rowCount() > 0)
    model = window.model
    card_payments = [
        model.payment(r) for r in range(model.rowCount())
        if model.payment(r).family is not NetworkFamily.INTERAC
        and model.payment(r).refundable.minor >= 200
    ]
    pick = next(  # training data lasts a day: after many runs, any captured card payment
        (p for p in card_payments if p.state is PaymentState.PARTIALLY_REFUNDED),
        card_payments[0],
    )
    window.payments_view.select_payment(pick.id)
    dialog = window.open_refund(pick)
    dialog.findChild(QLineEdit, "refundAmount").setText(
        format_plain(Money(pick.refundable.minor // 2, pick.currency), decimal_point="."))
    reason = dialog.findChild(QComboBox, "refundReason")
    reason.setCurrentIndex(reason.findData("requested_by_customer"))
    dialog.findChild(QLineEdit, "refundNote").setText(NOTE[LANGUAGE])
    dialog.findChild(QPushButton, "refundSubmitButton").click()
    await until(lambda: len(window.detail.payment().refunds) > len(pick.refunds))
    await asyncio.sleep(0.3)  # let the reader names and the status bar settle for the picture
    return save(window, "main_window.png")


async def shot_reader_refund(window: MainWindow) -> Path:
    """The Interac refund on a simulated reader, waiting for the customer's card."""
    await until(lambda: window.payments_vm.loaded and window.model.rowCount() > 0)
    model = window.model
    payment = next(
        model.payment(r) for r in range(model.rowCount())
        if model.payment(r).network == "interac"
        and model.payment(r).state is PaymentState.CAPTURED
    )
    window.payments_view.select_payment(payment.id)
    dialog = window.open_reader_refund(payment)
    dialog.resize(1000, 720)
    table = dialog.findChild(QTableView, "readerPicker")
    await until(lambda: table.model().rowCount() > 0)
    readers = table.model()
    reader = next(
        readers.reader(r) for r in range(readers.rowCount())
        if readers.reader(r).simulated and readers.flags(readers.index(r, 0))
        & Qt.ItemFlag.ItemIsSelectable
    )
    dialog.select_reader(reader.id)
    dialog.start()
    await until(lambda: dialog.progress.step is Step.WAITING_FOR_CARD)
    await until(lambda: int(dialog.progress.elapsed_text().split(":")[-1]) >= 4, timeout=10)
    path = save(dialog, "reader_refund.png")
    dialog.vm.cancel_action()  # leave the reader idle, as a cashier would
    await until(lambda: not dialog.vm.running)
    dialog.reject()
    return path


async def shot_end_of_day(window: MainWindow) -> Path:
    """End of day: the authorizations still open with their deadlines, the day's totals, the
    day's operations of every till."""
    dialog = window.open_end_of_day()
    assert dialog is not None
    dialog.resize(*SIZE)
    await until(lambda: dialog.vm.checked and dialog.vm.operations_read, timeout=10)
    path = save(dialog, "end_of_day.png")
    dialog.reject()
    return path


async def shot_sign_in(window: MainWindow) -> Path:
    """The till opens locked: staff sign in with their PIN."""
    picker = window.session.lock_screen.sign_in.picker
    await until(lambda: len(picker.staff()) > 0)
    return save(window, "sign_in.png")


SHOTS = [shot_main_window, shot_reader_refund, shot_end_of_day]


async def sign_in(window: MainWindow, name: str, pin: str) -> None:
    """The window opens locked: sign in as one of training's two people."""
    picker = window.session.lock_screen.sign_in.picker
    await until(lambda: any(s.name == name for s in picker.staff()))
    window.session.sign_in(next(s.id for s in picker.staff() if s.name == name), pin)
    await until(lambda: not window.session.locked)


async def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = SettingsStore(QSettings(str(Path(tmp) / "settings.ini"),
                                        QSettings.Format.IniFormat))
        application = Application(LaunchOptions(training=True), store, Prompts())
        window = await application.open()
        window.resize(*SIZE)
        await shot_sign_in(window)
        await sign_in(window, "Training manager", "2222")
        try:
            for shot in SHOTS:
                await shot(window)
        finally:
            done = asyncio.get_running_loop().create_future()
            window.shutDown.connect(lambda: done.done() or done.set_result(None))
            window.close()
            await done
            await application.close()


def fresh_training_data() -> None:
    """Every run starts from the seeded training day, so the shots are the same each time
    (only the test-mode location is touched, never a real till's data)."""
    folder = data_dir()
    for name in (TRAINING_STATE, TRAINING_JOURNAL):
        for suffix in ("", "-wal", "-shm", "-journal"):
            (folder / f"{name}{suffix}").unlink(missing_ok=True)


def main() -> None:
    QStandardPaths.setTestModeEnabled(True)  # journal under the test location, not the user's
    app = QApplication([])
    fresh_training_data()  # after the application: its name is part of the path
    app.setQuitOnLastWindowClosed(False)
    language = Language()
    language.apply(LANGUAGE)
    app.setStyleSheet(load_stylesheet())
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(run())


if __name__ == "__main__":
    main()
