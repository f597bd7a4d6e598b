"""Help → Copy diagnostics and About: what support reads, and never a secret."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from pos_refunds import __version__
from pos_refunds.logs import LoggedError
from pos_refunds.services.api import Mode
from pos_refunds.ui.crash_reporter import CrashReporter
from pos_refunds.ui.help_menu import HelpMenu
from pos_refunds.ui.presenter import Presenter
from pos_refunds.ui.support_info import SupportInfo, diagnostics_text

KEY = "sk_live_" + "51Hsecretsecretsecret0123"


def info(errors: list[LoggedError] | None = None) -> SupportInfo:
    return SupportInfo(Mode.LIVE, "till_abc123", Path("/data/pos"), Path("/logs/pos"),
                       "Corner Shop", lambda: errors or [])


def test_diagnostics_hold_versions_mode_till_folders_and_request_ids() -> None:
    text = diagnostics_text(info([LoggedError("2026-01-01 10:00:00", "WARNING", "x",
                                              "refund refused", ("req_123",))]))
    for part in (f"POS Refunds: {__version__}", "Python: 3.", "Qt: 6.", "Stripe SDK: ",
                 "Mode: LIVE", "Till id: till_abc123", "Data folder: /data/pos",
                 "Log folder: /logs/pos", "[Stripe request req_123]"):
        assert part in text


def test_diagnostics_never_carry_a_key_even_one_that_was_logged() -> None:
    text = diagnostics_text(info([LoggedError("t", "ERROR", "x", f"bad key {KEY}", ())]))
    assert KEY not in text and "sk_live_" not in text


def test_copy_diagnostics_fills_the_clipboard_and_says_so(qtbot, prompts) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = HelpMenu(window, QMenu(), info(), Presenter(prompts))
    text = menu.copy_diagnostics()
    assert QGuiApplication.clipboard().text() == text
    assert any("Diagnostics copied" in n for n in prompts.notices)


def test_the_about_box_says_version_mode_folder_and_licences(qtbot, prompts) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    dialog = HelpMenu(window, QMenu(), info(), Presenter(prompts)).open_about()
    facts = dialog.facts.text()
    assert __version__ in facts and "LIVE" in facts and "/data/pos" in facts
    licences = dialog.licences.toPlainText()
    assert "LGPL" in licences and "MIT" in licences
    dialog.reject()


def test_the_main_window_has_the_help_menu(live_window) -> None:
    titles = [a.text() for a in live_window.menuBar().actions()]
    assert "&Help" in titles
    assert live_window.help.diagnostics_action.text() == "Copy diagnostics"


def test_an_uncaught_error_opens_one_box_in_words(qtbot) -> None:
    shown: list[BaseException] = []

    class Recording:
        def show_uncaught(self, parent, error) -> None:
            shown.append(error)

    reporter = CrashReporter(Presenter(Recording()))  # type: ignore[arg-type]
    reporter.report(RuntimeError("bug"))
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert isinstance(shown[0], RuntimeError)


def test_the_app_icon_is_on_every_window(qapp, qtbot) -> None:
    from PySide6.QtWidgets import QDialog

    from pos_refunds.app import ICON_SIZES, load_app_icon

    icon = load_app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    before = qapp.windowIcon()
    qapp.setWindowIcon(icon)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        assert dialog.windowIcon().cacheKey() == icon.cacheKey()
    finally:
        qapp.setWindowIcon(before)
