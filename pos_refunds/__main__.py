"""`python -m pos_refunds`: parse the command line, build QApplication and the qasync loop,
and hand over to the composition root.

Imports are absolute: the packaged app runs this file as its entry script."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication
from qasync import QEventLoop

import pos_refunds.ui.pyside_imports  # noqa: F401 - first: PySide's look at each import, light

# isort: split
import pos_refunds.gateway.lean_sdk  # noqa: F401 - then: the SDK without `requests`
from pos_refunds import __version__, crash, logs
from pos_refunds.app import (
    Application,
    LaunchOptions,
    load_app_icon,
    load_stylesheet,
    use_light_theme,
)
from pos_refunds.ui.crash_reporter import CrashReporter
from pos_refunds.ui.dialogs.save_file import keep_in as keep_export_folder_in
from pos_refunds.ui.gc_guard import MainThreadCollector
from pos_refunds.ui.i18n import AUTO, Language
from pos_refunds.ui.presenter import Presenter
from pos_refunds.ui.prompts import Prompts
from pos_refunds.ui.settings import SettingsStore


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="pos-refunds",
        description="Cancel, capture and refund Stripe Terminal payments at the counter.",
    )
    parser.add_argument("--version", action="version", version=f"POS Refunds {__version__}")
    parser.add_argument("--training", action="store_true",
                        help="training mode: an embedded Stripe sandbox, no real money")
    parser.add_argument("--api-base", metavar="URL",
                        help="a Stripe-compatible server to talk to instead of Stripe")
    parser.add_argument("--stripe-account", metavar="acct_…",
                        help="act for this connected account (Stripe Connect)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (no account or network needed) and exit")
    parser.add_argument("--online", action="store_true",
                        help="with --self-test: also check that api.stripe.com answers over TLS")
    parser.add_argument("--report", metavar="FILE",
                        help="with --self-test: write the report here (default: the log folder)")
    parser.add_argument("--show-report", action="store_true",
                        help="with --self-test: show the report in a window too (so it is "
                             "when there is no console and no --report)")
    parser.add_argument("--language", choices=("en", "fr"),
                        help="this run in English or in French (Canada), whatever Settings says")
    args = parser.parse_args(argv)
    if (args.online or args.report or args.show_report) and not args.self_test:
        parser.error("--online, --report and --show-report go with --self-test")
    if args.stripe_account and not args.stripe_account.startswith("acct_"):
        parser.error("--stripe-account takes an account id starting with acct_")
    return args


def _self_test(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pos_refunds.self_test import default_report_path, run

    lines: list[str] = []
    report = Path(args.report) if args.report else default_report_path()

    def out(line: str) -> None:
        lines.append(line)
        if sys.stdout is not None:  # a windowed build on Windows has none
            print(line, flush=True)

    status = run(out, online=args.online, report_path=report)
    # No console (the windowed Windows build) and no --report asked for: IT started it by
    # hand, so the report is shown; with --report, a script reads the file instead.
    if args.show_report or (sys.stdout is None and not args.report):
        from pos_refunds.ui.dialogs.self_test_report import SelfTestReport

        SelfTestReport(lines, status == 0, str(report)).exec()  # no event loop runs yet
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logged = logs.configure()
    crash.install(None)  # until the window can say it: logged only
    logging.getLogger(__name__).info("POS Refunds %s starting; log in %s", __version__,
                                     logged.folder)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("POS Refunds")
    app.setOrganizationName("POS Refunds")
    app.setApplicationDisplayName("POS Refunds")
    # The window closes its services asynchronously; Application.run() decides when to stop.
    app.setQuitOnLastWindowClosed(False)
    use_light_theme(app)  # before the style sheet: a dark desktop's colours stay out
    app.setStyleSheet(load_stylesheet())
    app.setWindowIcon(load_app_icon())
    app.setDesktopFileName("pos-refunds")  # Wayland/X11 match the window to its .desktop entry
    language = Language()
    if args.self_test:  # before the settings: the self-test writes nothing of the till's
        language.apply(args.language or AUTO)
        return _self_test(args)
    store = SettingsStore()
    keep_export_folder_in(store.qsettings)
    language.apply(args.language or store.load().language)
    collector = MainThreadCollector(parent=app, owns_process=True)  # before other threads
    collector.start()
    prompts = Prompts()
    reporter = CrashReporter(Presenter(prompts), parent=app)
    crash.install(reporter.report)
    loop = QEventLoop(app)
    loop.set_exception_handler(crash.loop_handler(reporter.report))
    asyncio.set_event_loop(loop)
    options = LaunchOptions(training=args.training, api_base=args.api_base,
                            stripe_account=args.stripe_account, language=args.language)
    application = Application(options, store, prompts, recent_errors=logged.recent.items,
                              log_folder=logged.folder, language=language)
    with loop:
        return loop.run_until_complete(application.run())


if __name__ == "__main__":
    sys.exit(main())
