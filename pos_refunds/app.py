"""Composition root: decides the mode, builds the services and the window, runs until closed.

Everything is built here and handed down through constructors; nothing below looks services
up from the QApplication. Blocking work (keychain, starting the sandbox, creating folders) runs
in an executor so the UI never waits on it.

One app runs per data folder: before anything else (the keychain, the training sandbox),
`run()` takes the folder's till lock; a second launch finds it held, asks the first to come
forward and exits (see ui/single_instance.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from .blocking import run_blocking
from .clock import Clock, utc_now
from .domain.errors import TillInUse
from .domain.reasons import AccessReason, KeyNote, TillReason
from .keychain import KeyLookup, read_api_key
from .logs import LoggedError, log_dir
from .services.api import Mode
from .services.backup import apply_staged_restore
from .services.factory import ServiceConfig, Services, open_services
from .services.key_setup import KeySetup
from .services.till_lock import TillLock
from .staff import AsyncStaffStore
from .ui import palette
from .ui.backup_words import restored_text
from .ui.first_paint import FirstPaint
from .ui.gc_guard import freeze_long_lived, release_freed_memory
from .ui.i18n import Language, locale_for, resolve
from .ui.main_window import MainWindow
from .ui.messages import key_note_words
from .ui.prompts import Prompts
from .ui.settings import AppSettings, SettingsStore
from .ui.single_instance import SingleInstance, ask_to_come_forward, server_name
from .ui.support_info import SupportInfo

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
STYLESHEET = RESOURCES / "style.qss"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@dataclass(frozen=True)
class LaunchOptions:
    training: bool = False  # force training mode even when a key is configured
    api_base: str | None = None
    stripe_account: str | None = None
    language: str | None = None  # "en" | "fr" for this run, whatever Settings says


def mode_for(options: LaunchOptions, key: str | None) -> Mode:
    if options.training or not key:
        return Mode.TRAINING
    if options.api_base:
        return Mode.CUSTOM
    if key.startswith(("sk_live_", "rk_live_")):
        return Mode.LIVE
    return Mode.TEST


def load_stylesheet(path: Path = STYLESHEET) -> str:
    """Read once at start-up, before the event loop runs."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet %s not found; using Qt's defaults", path)
        return ""


def light_palette() -> QPalette:
    """The app's colours as Qt's palette: what the style sheet does not paint (the menu bar,
    menus, scroll bars, Qt's own dialogs) is light as well, whatever the system's theme."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: palette.BACKGROUND,
        QPalette.ColorRole.WindowText: palette.TEXT,
        QPalette.ColorRole.Base: palette.WHITE,
        QPalette.ColorRole.AlternateBase: palette.STRIPE,
        QPalette.ColorRole.Text: palette.TEXT,
        QPalette.ColorRole.Button: palette.SUNKEN,
        QPalette.ColorRole.ButtonText: palette.TEXT,
        QPalette.ColorRole.BrightText: palette.WHITE,
        QPalette.ColorRole.ToolTipBase: palette.WHITE,
        QPalette.ColorRole.ToolTipText: palette.TEXT,
        QPalette.ColorRole.PlaceholderText: palette.MUTED,
        QPalette.ColorRole.Highlight: palette.ACCENT,
        QPalette.ColorRole.HighlightedText: palette.WHITE,
        QPalette.ColorRole.Link: palette.ACCENT,
        QPalette.ColorRole.Light: palette.WHITE,
        QPalette.ColorRole.Midlight: palette.LINE,
        QPalette.ColorRole.Mid: palette.EDGE,
        QPalette.ColorRole.Dark: palette.BORDER,
        QPalette.ColorRole.Shadow: palette.MUTED,
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(palette.FAINT))
    return p


def use_light_theme(app: QApplication) -> None:
    """A light app on a dark desktop: Qt is told so (6.8+), and given the light palette."""
    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(light_palette())


def load_app_icon(folder: Path = RESOURCES / "icons") -> QIcon:
    """The app's icon in every size (PNGs: the bundle carries no SVG engine); set once on the
    QApplication, it is the icon of every window and dialog."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = folder / f"pos-refunds-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    if icon.isNull():
        log.warning("app icon not found in %s", folder)
    return icon


# A practice session chosen with --training must not change the till's real settings
# (its key, limits, account) with the training manager's published PIN.
TRAINING_JOURNAL = "training-journal.sqlite3"
STAFF_FILE = "staff.sqlite3"
# Training has its own staff list: its PINs are printed on the sign-in screen, so they must
# never reach the real till's list.
TRAINING_STAFF_FILE = "training-staff.sqlite3"
TRAINING_STATE = "training-sandbox.json"
TRAINING_DAY = 20 * 3600  # older training data starts afresh: a new day at the counter
# Held for the app's whole life: one app per data folder (both journals and the staff lists).
APP_LOCK = "pos-refunds.lock"


def start_training_sandbox(folder: Path, *, now: float | None = None) -> object:
    """The training sandbox keeps its state beside the training journal, so a restart (or a
    crash) in training behaves as with Stripe; a day later both start afresh.
    Blocking: call it in an executor."""
    from .sandbox import Sandbox  # only training needs the embedded server

    state = folder / TRAINING_STATE
    now = utc_now().timestamp() if now is None else now
    if state.exists() and now - state.stat().st_mtime > TRAINING_DAY:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(state.stat().st_mtime))
        for name in (TRAINING_STATE, TRAINING_JOURNAL):
            old = folder / name
            if old.exists():
                old.rename(folder / f"{name}.{stamp}.old")
    return Sandbox(state_file=state).start()


def data_dir() -> Path:
    location = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".pos-refunds")


async def _shut_down(window: MainWindow) -> None:
    """Until the window has cancelled its tasks and closed its services."""
    done = asyncio.get_running_loop().create_future()
    window.shutDown.connect(lambda: done.done() or done.set_result(None))
    await done


async def open_staff(folder: Path, mode: Mode) -> AsyncStaffStore:
    """The staff list of this mode; training's starts with its two obvious training people."""
    if mode is Mode.TRAINING:
        staff = await AsyncStaffStore.open(folder / TRAINING_STAFF_FILE)
        await staff.seed_training()
        return staff
    return await AsyncStaffStore.open(folder / STAFF_FILE)


def manage_memory(window: MainWindow) -> None:
    """What the app keeps for good leaves the garbage collector's walks: the modules and the
    window now, the payments once loaded (not page by page: each page's httpx response and
    its stream refer to each other, and freezing them kept every page's body for good, 25 MiB
    over 10,000 payments). Then what parsing them freed goes back to the system."""
    freeze_long_lived()
    vm = window.payments_vm
    vm.loadFinished.connect(freeze_long_lived)
    vm.loadFinished.connect(
        lambda: window.tasks.scope("memory").start(run_blocking(release_freed_memory)))


class Application:
    """Owns what lives as long as the app: the sandbox (training) and the services."""

    def __init__(self, options: LaunchOptions, store: SettingsStore, prompts: Prompts, *,
                 clock: Clock = utc_now,
                 recent_errors: Callable[[], list[LoggedError]] = lambda: [],
                 log_folder: Path | None = None, language: Language | None = None) -> None:
        self.options = options
        # The application's translators; only the app's own start (`main`) installs them,
        # so tests that build an Application keep the language they set up.
        self.language = language
        self.clock = clock  # the app's one clock, handed to the window and all below it
        self.recent_errors = recent_errors
        self.log_folder = log_folder or log_dir()
        self.store = store
        self.prompts = prompts
        self.settings: AppSettings = store.load()
        self.sandbox: object | None = None
        self.services: Services | None = None
        self.staff: AsyncStaffStore | None = None
        self.window: MainWindow | None = None
        self._first_paint: FirstPaint | None = None
        self.instance: SingleInstance | None = None  # while this is the till's running app
        self.note: KeyNote | None = None

    async def open(self) -> MainWindow:
        """Decide the mode, start what it needs, show the window."""
        lookup = (KeyLookup(None, KeyNote.TRAINING_FLAG) if self.options.training
                  else await run_blocking(read_api_key))
        self.note = lookup.note
        mode = mode_for(self.options, lookup.key)
        api_key, api_base = lookup.key, self.options.api_base
        folder = data_dir()
        await run_blocking(lambda: folder.mkdir(parents=True, exist_ok=True))
        await self._apply_restore(folder)
        journal = folder / "journal.sqlite3"
        if mode is Mode.TRAINING:
            journal = folder / TRAINING_JOURNAL
            self.sandbox = await run_blocking(
                lambda: start_training_sandbox(folder, now=self.clock().timestamp()))
            api_key, api_base = self.sandbox.api_key, self.sandbox.url  # type: ignore[attr-defined]
        # The Connect account of Settings goes with the stored key; training has its own.
        account = self.options.stripe_account or (
            self.settings.stripe_account if mode is not Mode.TRAINING else None)
        config = ServiceConfig(
            mode=mode, api_key=api_key, api_base=api_base,
            stripe_account=account, journal_path=journal,
            till=self.settings.till_id,
            location_id=self.settings.location_id,
        )
        self.staff = await open_staff(folder, mode)
        self.prompts.set_staff_directory(self.staff)
        self.services = await open_services(config, staff=self.staff, sandbox=self.sandbox)
        setup = KeySetup(api_base=self.options.api_base, locations=self.services.readers.locations)
        refusal = AccessReason.PRACTICE_SETTINGS if self.options.training else None
        support = SupportInfo(mode, self.settings.till_id, folder, self.log_folder,
                              self.services.account_name, self.recent_errors)
        self.window = MainWindow(
            self.services, self.prompts, self.store, staff_directory=self.staff, key_setup=setup,
            settings_refusal=refusal, support=support, clock=self.clock)
        self._first_paint = FirstPaint(self.window)
        self.window.installEventFilter(self._first_paint)
        self.window.show()
        if self.instance is not None:
            self.instance.set_window(self.window)
        self.window.start()
        manage_memory(self.window)
        if self.note:
            self.prompts.notify(self.window, key_note_words(self.note))
        return self.window

    async def _apply_restore(self, folder: Path) -> None:
        """A backup staged by Restore goes into place now, before anything opens the files."""
        applied = await run_blocking(lambda: apply_staged_restore(folder))
        if applied is None:
            return
        known = ("last_reader_id", "location_id", "stripe_account", "language", "till_id")
        self.settings = self.store.update(
            self.settings, **{k: v for k, v in applied.settings.items() if k in known})
        self._apply_language()
        log.info("backup of till %s restored; previous data in %s",
                 applied.summary.till_id, applied.kept_in)
        self.note = " ".join(t for t in (restored_text(applied.summary, str(applied.kept_in)),
                                         self.note) if t)

    async def run(self) -> int:
        """Unless another app runs on this data folder: open, then wait until the window has
        closed its services; after Settings' "Restart now", open again in the mode of the key
        now stored."""
        folder = data_dir()
        lock = TillLock(folder / APP_LOCK)
        try:
            await run_blocking(lambda: folder.mkdir(parents=True, exist_ok=True))
            lock.acquire()
        except TillInUse:
            return await self._hand_over(server_name(folder))
        except Exception as error:  # e.g. a data folder that cannot be written
            await self._show_fatal(error)
            return 1
        # Listen at once, with no await in between: a second launch that finds the lock held
        # must find the listener too.
        self.instance = SingleInstance(server_name(folder))
        self.instance.listen()
        try:
            return await self._run_until_closed()
        finally:
            self.instance.close()
            self.instance = None
            lock.release()

    async def _hand_over(self, name: str) -> int:
        """The till's app is already running: bring it forward; 0 when it answered."""
        if await ask_to_come_forward(name):
            log.info("POS Refunds is already open on this till; its window was brought forward")
            return 0
        log.warning("POS Refunds is already open on this till but did not answer")
        await self._show_fatal(TillInUse(TillReason.NOT_ANSWERING))
        return 1

    async def _run_until_closed(self) -> int:
        while True:
            try:
                window = await self.open()
            except Exception as error:
                await self._show_fatal(error)
                await self.close()
                return 1
            await _shut_down(window)
            if self.instance is not None:
                self.instance.set_window(None)
            await self.close()
            if not window.restart_requested:
                return 0
            window.deleteLater()
            self.settings = self.store.load()
            self._apply_language()  # a language chosen in Settings speaks from here on

    def _apply_language(self) -> None:
        choice = self.options.language or self.settings.language
        if self.language is not None:
            self.language.apply(choice)
        else:  # no translators of its own (tests): the amounts and dates follow still
            QLocale.setDefault(locale_for(resolve(choice)))

    async def close(self) -> None:
        if self.staff is not None:
            self.prompts.set_staff_directory(None)
            await self.staff.aclose()
            self.staff = None
        if self.sandbox is not None:
            await run_blocking(self.sandbox.stop)  # type: ignore[attr-defined]
            self.sandbox = None

    async def _show_fatal(self, error: BaseException) -> None:
        """The app cannot start: say why (through Prompts) and wait until it is read."""
        closed = asyncio.get_running_loop().create_future()
        app = QApplication.instance()
        if app is not None:
            app.lastWindowClosed.connect(lambda: closed.done() or closed.set_result(None))
        self.prompts.show_error(None, error)  # type: ignore[arg-type]
        if app is not None and any(w.isVisible() for w in QApplication.topLevelWidgets()):
            await closed
