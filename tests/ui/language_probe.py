"""Run in a child process (see test_french_screens.py): the real app in training mode, in a
French whose every translation is marked ⟦…⟧, walked screen by screen; prints as JSON every
visible text with words but no mark (it did not go through the catalogue) and every text its
widget cuts off.

The screens: the sign-in, the main window with a payment open, and every dialog a day at the
till opens (online refund, a manager's approval, reader refund choosing and waiting for the
card, the slip, end of day, audit journal, settings, staff and adding a person, about). The
screen's size comes from the environment (QT_QPA_PLATFORM's offscreen config), the data
folder too (HOME/XDG_*), both set by the test.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyleOptionComboBox,
    QTabWidget,
    QWidget,
)
from qasync import QEventLoop

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402

from pos_refunds.app import Application, LaunchOptions, load_stylesheet, use_light_theme  # noqa: E402
from pos_refunds.domain.approvals import ApprovalRequest  # noqa: E402
from pos_refunds.domain.payments import PaymentState  # noqa: E402
from pos_refunds.domain.policy import Action  # noqa: E402
from pos_refunds.domain.reasons import ApprovalNeed, Coded  # noqa: E402
from pos_refunds.services.api import Step  # noqa: E402
from pos_refunds.ui.dialogs.manager_approval import ManagerApprovalDialog  # noqa: E402
from pos_refunds.ui.i18n import Language  # noqa: E402
from pos_refunds.ui.prompts import Prompts  # noqa: E402
from pos_refunds.ui.settings import SettingsStore  # noqa: E402

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
WORDS = re.compile(r"[^\W\d_]{2,}")
# Data and names, not words of the app: they are what Stripe, the shop or the card says.
DATA = re.compile(
    r"POS Refunds|Stripe(?: Reader)?|WisePOS E|S700|S710|BBPOS|Verifone|Interac|Visa|"
    r"Mastercard|American Express|Amex|Discover|Diners Club|Cartes Bancaires|girocard|eftpos|"
    r"JCB|UnionPay|Training (?:manager|cashier)|Maple & Bean[^\n<]*|Corner Café|"
    r"Comptoir|Terrasse|Counter \d+|Front counter|Back counter|"  # readers' labels
    r"English|Français \(Canada\)|Python|PySide6|Qt|SQLite|keyring|Linux|x86_64|"
    r"\b(?:pi|re|ch|tmr|tml|acct|st|evt|pm|cus|till)_\w+|\bsk_\w+|\b[A-Z]{3}\b|"
    r"\w+@\w+\.\w+|[\w/.-]+/[\w/.-]+|\bAID\b|\bTVR\b|\bTSI\b|\bARC\b|\bOK\b")


def mark_cldr_words() -> None:
    """Babel's relative times are CLDR's French, not the catalogue's: marked when asked in
    French (so one asked in the wrong language still shows)."""
    import babel.dates

    real = babel.dates.format_timedelta

    def marked(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        text = real(*args, **kwargs)
        return f"{MARK_OPEN}{text}{MARK_CLOSE}" if str(kwargs.get("locale", "")).startswith(
            "fr") else text

    babel.dates.format_timedelta = marked


def pseudo_catalogues(folder: Path) -> None:
    """Our French with every translation inside ⟦…⟧, compiled where Language looks."""
    for name in translations.CATALOGUES:
        tree = ET.parse(translations.FOLDER / name)
        if "fr" in name:
            for t in tree.getroot().iter("translation"):
                for node in [*t.iter("numerusform")] or [t]:
                    if node.text:
                        node.text = f"{MARK_OPEN}{node.text}{MARK_CLOSE}"
        tree.write(folder / name, encoding="utf-8", xml_declaration=True)
    translations.compile_all(folder, folder)


def plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def untranslated(text: str) -> bool:
    """Words outside every ⟦…⟧, once data and names are taken out."""
    outside, before = text, None
    while outside != before:  # marks nest: a sentence around an amount around a date
        before, outside = outside, re.sub(r"⟦[^⟦⟧]*⟧", " ", outside)
    outside = outside.replace("⟦", " ").replace("⟧", " ")
    return bool(WORDS.search(DATA.sub(" ", outside)))


class Walk:
    def __init__(self) -> None:
        self.untranslated: list[list[str]] = []
        self.clipped: list[list[object]] = []

    def text(self, where: str, text: str | None) -> None:
        if text and untranslated(plain(text).replace("&", "")):
            self.untranslated.append([where, text])

    def widget(self, screen: str, w: QWidget) -> None:
        name = f"{screen}/{type(w).__name__}#{w.objectName()}"
        self.text(name + ".toolTip", w.toolTip())
        self.text(name + ".accessibleName", w.accessibleName())
        self.text(name + ".accessibleDescription", w.accessibleDescription())
        if isinstance(w, QLabel) and w.text():
            self.text(name, w.text())
            self.label_fits(name, w)
        elif isinstance(w, QAbstractButton):
            box = w.parent()
            standard = isinstance(box, QDialogButtonBox) and box.standardButton(w) != (
                QDialogButtonBox.StandardButton.NoButton)
            if not standard:  # Qt's own buttons speak qtbase_fr
                self.text(name, w.text())
            if w.text() and w.sizeHint().width() > w.width() + 1:
                self.clipped.append([name, w.text(), w.sizeHint().width(), w.width()])
        elif isinstance(w, QGroupBox):
            self.text(name, w.title())
        elif isinstance(w, QLineEdit):
            self.text(name + ".placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                self.text(f"{name}[{i}]", w.itemText(i))
            self.combo_fits(name, w)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                self.text(f"{name}.tab{i}", w.tabText(i))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                self.text(f"{name}.header{c}",
                          model.headerData(c, Qt.Orientation.Horizontal,
                                           Qt.ItemDataRole.DisplayRole))
        elif isinstance(w, QMenu):
            self.menu(name, w)

    def menu(self, name: str, menu: QMenu) -> None:
        self.text(name, menu.title())
        for action in menu.actions():
            if action.isSeparator():
                continue
            self.text(f"{name}>{action.text()}", action.text())
            if action.menu() is not None:
                self.menu(f"{name}>{action.text()}", action.menu())

    def combo_fits(self, name: str, combo: QComboBox) -> None:
        """The choice shown is whole in its box (the arrow and the padding apart)."""
        if not combo.isVisible() or not combo.currentText():
            return
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if need > field.width() + 1:
            self.clipped.append([name, combo.currentText(), need, field.width()])

    def label_fits(self, name: str, label: QLabel) -> None:
        if not label.isVisible() or label.pixmap() is not None and not label.pixmap().isNull():
            return
        rect = label.contentsRect()
        metrics = label.fontMetrics()
        if label.wordWrap():
            need = label.heightForWidth(rect.width()) if label.hasHeightForWidth() else -1
            if need > label.height() + 2:
                self.clipped.append([name, label.text(), need, label.height()])
            return
        shown = plain(label.text()).replace("&&", "\0").replace("&", "").replace("\0", "&")
        lines = shown.splitlines() or [""]
        need = max(metrics.horizontalAdvance(line) for line in lines)
        if need > rect.width() + 2:
            self.clipped.append([name, label.text(), need, rect.width()])

    def window(self, screen: str, top: QWidget) -> None:
        self.text(f"{screen}.windowTitle", top.windowTitle())
        menubar = getattr(top, "menuBar", None)
        if callable(menubar):
            for action in menubar().actions():
                if action.menu() is not None:
                    self.menu(f"{screen}/menu", action.menu())
        for w in top.findChildren(QWidget):
            if w.isVisible() or isinstance(w, QMenu):
                self.widget(screen, w)


async def until(condition: Callable[[], bool], timeout: float = 90.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.02)


async def settle() -> None:
    """The layouts and paints the loop has queued run (processEvents inside a task would run
    other tasks re-entrantly)."""
    for _ in range(10):
        await asyncio.sleep(0.01)


async def probe(walk: Walk, folder: Path, *, fill: bool = True) -> None:
    """`walk.window(name, top)` is called on each screen; `fill`: the window first takes the
    whole screen (else it keeps the size the app gave it)."""
    store = SettingsStore(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    prompts = Prompts()
    application = Application(LaunchOptions(training=True), store, prompts)
    window = await application.open()
    if fill:
        screen = window.screen().availableGeometry()
        window.resize(screen.width(), screen.height())
    picker = window.session.lock_screen.sign_in.picker
    await until(lambda: len(picker.staff()) > 0)
    await settle()
    walk.window("sign-in", window)
    manager = next(s for s in picker.staff() if s.is_manager)
    window.session.sign_in(manager.id, "2222")
    await until(lambda: not window.session.locked)
    await until(lambda: window.payments_vm.loaded and window.model.rowCount() > 0)
    model = window.model
    payments = [model.payment(r) for r in range(model.rowCount())]
    refunded = next(p for p in payments if p.refunds)
    window.payments_view.select_payment(refunded.id)
    await settle()
    walk.window("main", window)

    online = next(p for p in payments if p.state in (
        PaymentState.CAPTURED, PaymentState.PARTIALLY_REFUNDED) and p.network != "interac")
    dialog = window.open_refund(online)
    await settle()
    walk.window("refund", dialog)
    dialog.reject()

    # A partial refund's approval, as the refund dialog asks it of a manager.
    prompts.ask_manager_pin(window, ApprovalRequest(
        online.id, online.refundable, Action.REFUND_ONLINE, (Coded(ApprovalNeed.PARTIAL),)),
        lambda _approval: None, payment=online)
    approval = window.findChild(ManagerApprovalDialog)
    assert approval is not None
    await settle()
    walk.window("manager-approval", approval)
    approval.reject()

    slip = window.open_refund_slip(refunded, refunded.refunds[0].id)
    if slip is not None:
        await settle()
        walk.window("slip", slip)
        slip.reject()

    interac = next(p for p in payments if p.network == "interac"
                   and p.state is PaymentState.CAPTURED)
    reader_dialog = window.open_reader_refund(interac)
    assert reader_dialog is not None
    table = reader_dialog.findChild(QAbstractItemView, "readerPicker")
    await until(lambda: table.model().rowCount() > 0)
    await settle()
    walk.window("reader-choose", reader_dialog)
    readers = table.model()
    reader = next(readers.reader(r) for r in range(readers.rowCount())
                  if readers.reader(r).simulated
                  and readers.flags(readers.index(r, 0)) & Qt.ItemFlag.ItemIsSelectable)
    reader_dialog.select_reader(reader.id)
    reader_dialog.start()
    await until(lambda: reader_dialog.progress.step is Step.WAITING_FOR_CARD)
    await settle()
    walk.window("reader-waiting", reader_dialog)
    reader_dialog.vm.cancel_action()
    await until(lambda: not reader_dialog.vm.running)
    await settle()
    walk.window("reader-canceled", reader_dialog)
    reader_dialog.reject()

    day = window.open_end_of_day()
    assert day is not None
    await until(lambda: day.vm.checked and day.vm.operations_read)
    await settle()
    walk.window("end-of-day", day)
    day.reject()

    journal = window.open_journal()
    assert journal is not None
    await until(lambda: journal.model.rowCount() > 0)  # its entries, read off the Qt thread
    await settle()
    walk.window("journal", journal)
    journal.reject()

    settings = window.open_settings()  # training keeps its settings: a message says so
    if settings is not None:
        await settle()
        walk.window("settings", settings)
        settings.reject()

    staff = window.session.open_staff_dialog()
    assert staff is not None
    await settle()
    walk.window("staff", staff)
    form = staff.add_person()
    await settle()
    walk.window("add-person", form)
    form.reject()
    staff.reject()

    about = window.help.open_about()
    await settle()
    walk.window("about", about)
    about.reject()

    done = asyncio.get_running_loop().create_future()
    window.shutDown.connect(lambda: done.done() or done.set_result(None))
    window.close()
    await done
    await application.close()


def main() -> None:
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    use_light_theme(app)
    app.setStyleSheet(load_stylesheet())
    walk = Walk()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pseudo_catalogues(folder)
        mark_cldr_words()
        language = Language(folder)  # kept: its translators live as long as it does
        language.apply("fr")
        loop = QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(probe(walk, folder))
    print(json.dumps({"untranslated": walk.untranslated, "clipped": walk.clipped},
                     ensure_ascii=False))


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
