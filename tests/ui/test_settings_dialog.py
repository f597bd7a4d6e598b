"""Settings against the sandbox, through the real SDK, with an in-memory keychain: a key is
checked before it is kept, kept in the keychain only, never shown, logged or written to
QSettings; the Connect account, the location filter, the refund limits and the language are
saved; nothing blocks the UI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt

from pos_refunds import keychain
from pos_refunds.domain.approvals import ApprovalLimits
from pos_refunds.domain.reasons import KeychainReason
from pos_refunds.services.key_setup import KeySetup
from pos_refunds.ui.dialogs.settings_dialog import SettingsDialog
from pos_refunds.ui.messages import words
from pos_refunds.ui.settings import SettingsStore
from pos_refunds.ui.tasks import TaskRegistry
from pos_refunds.ui.viewmodels.settings_vm import EXPIRED, NO_ACCESS, NOT_KEPT, REFUSED
from tests.support.keyrings import MemoryKeyring, RefusingKeyring, never_chosen, using

from .conftest import UI_MANAGER, run_async
from .test_accessibility import _check

RESTRICTED = "rk_test_51PosRefundsFakeRestrictedKey0001"
READ_ONLY = "rk_test_readonly51PosRefundsFakeKey0002"
LIVE = "rk_live_fake_live_key_for_tests_0003"
SLOT = (keychain.KEYRING_SERVICE, keychain.KEYRING_USER)
WAIT = 15000


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with using(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def store(ini: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(ini), QSettings.Format.IniFormat))


def open_dialog(qtbot, services, sandbox, store: SettingsStore, prompts) -> SettingsDialog:
    setup = KeySetup(api_base=sandbox.url, locations=services.readers.locations)
    dialog = SettingsDialog(setup, store, store.load(), prompts, TaskRegistry(),
                            guarded=services.guarded,
                            save_guarded=lambda v: services.set_guarded(v, by=UI_MANAGER))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.stripe.summary.text().startswith("Reading"),
                    timeout=WAIT)
    return dialog


@pytest.fixture
def dialog(qtbot, qasync, services, sandbox, store, prompts, memory_keyring) -> SettingsDialog:
    return open_dialog(qtbot, services, sandbox, store, prompts)


def enter_key(qtbot, dialog: SettingsDialog, key: str) -> None:
    dialog.stripe.key_edit.setText(key)
    qtbot.mouseClick(dialog.stripe.check_button, Qt.MouseButton.LeftButton)


def key_done(qtbot, dialog: SettingsDialog) -> None:
    """Until the check (and the keychain) answered, one way or the other."""
    qtbot.waitUntil(lambda: not dialog.vm.busy and bool(
        dialog.stripe.key_error.text() or dialog.stripe.account_error.text()
        or dialog.stripe.status.text().startswith("Saved")), timeout=WAIT)


def test_a_valid_key_is_kept_in_the_keychain_only(
    dialog, qtbot, memory_keyring, ini, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert dialog.stripe.summary.text() == "No key stored: the till runs in training mode."
    assert dialog.stripe.key_edit.echoMode() == dialog.stripe.key_edit.EchoMode.Password
    enter_key(qtbot, dialog, RESTRICTED)
    key_done(qtbot, dialog)
    assert memory_keyring.secrets == {SLOT: RESTRICTED}
    assert dialog.stripe.summary.text() == "Stored: Restricted test key ending in 0001."
    assert "for Maple & Bean Café" in dialog.stripe.status.text()
    assert dialog.stripe.key_edit.text() == ""  # the field forgets it at once
    assert not dialog.stripe.key_error.isVisible()
    dialog.save()
    QSettings(str(ini), QSettings.Format.IniFormat).sync()
    assert ini.exists() and RESTRICTED not in ini.read_text(encoding="utf-8")
    assert "51PosRefundsFake" not in ini.read_text(encoding="utf-8")
    assert RESTRICTED not in caplog.text and "51PosRefundsFake" not in caplog.text
    assert not [t for t in memory_keyring.threads if t is threading.main_thread()]


def test_a_wrong_key_is_refused_under_the_field(dialog, qtbot, memory_keyring, prompts) -> None:
    enter_key(qtbot, dialog, "pk_test_51ThisIsAPublishableKey")
    assert "publishable key" in dialog.stripe.key_error.text()
    assert prompts.confirms == [] and not dialog.vm.busy  # refused before any request
    enter_key(qtbot, dialog, LIVE)  # the sandbox, like Stripe's test mode, knows no live key
    key_done(qtbot, dialog)
    assert dialog.stripe.key_error.text() == REFUSED
    assert dialog.stripe.key_error.isVisible()
    assert memory_keyring.secrets == {}
    assert dialog.stripe.key_edit.text() == LIVE  # kept in the field, to correct it


def test_a_revoked_key_is_refused(dialog, qtbot, memory_keyring, sandbox) -> None:
    sandbox.revoke_key(RESTRICTED)
    enter_key(qtbot, dialog, RESTRICTED)
    key_done(qtbot, dialog)
    assert dialog.stripe.key_error.text() == EXPIRED
    assert memory_keyring.secrets == {}


def test_a_key_missing_permissions_is_refused(dialog, qtbot, memory_keyring) -> None:
    enter_key(qtbot, dialog, READ_ONLY)
    key_done(qtbot, dialog)
    said = dialog.stripe.key_error.text()
    assert "may not write Refunds, write PaymentIntents, write Terminal readers" in said
    assert memory_keyring.secrets == {}


def test_a_live_key_asks_first(dialog, qtbot, memory_keyring, prompts) -> None:
    prompts.accept = False
    enter_key(qtbot, dialog, LIVE)
    assert [c[0] for c in prompts.confirms] == ["Use a live key?"]
    assert "real money" in prompts.confirms[0][1]
    assert not dialog.vm.busy and dialog.stripe.status.text() == ""  # nothing was sent
    assert memory_keyring.secrets == {}
    prompts.accept = True
    enter_key(qtbot, dialog, RESTRICTED)  # a test key is not asked about
    key_done(qtbot, dialog)
    assert len(prompts.confirms) == 1 and memory_keyring.secrets == {SLOT: RESTRICTED}


def test_a_keychain_that_cannot_keep_secrets(
    qtbot, qasync, services, sandbox, store, prompts, ini, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with using(fail.Keyring()):
        dialog = open_dialog(qtbot, services, sandbox, store, prompts)
        assert dialog.stripe.summary.text().startswith("The keychain cannot be used")
        assert "No keychain on this computer" in dialog.stripe.keychain_problem.text()
        enter_key(qtbot, dialog, RESTRICTED)
        key_done(qtbot, dialog)
    assert dialog.stripe.key_error.text() == NOT_KEPT  # the full reason is above, once
    assert words(KeychainReason.NO_KEYCHAIN) in dialog.stripe.keychain_problem.text()
    QSettings(str(ini), QSettings.Format.IniFormat).sync()
    assert not ini.exists() or RESTRICTED not in ini.read_text(encoding="utf-8")
    assert RESTRICTED not in caplog.text
    assert prompts.errors == []  # said under the field, not as an unexpected error


def test_a_keychain_that_refuses_to_store(qtbot, qasync, services, sandbox, store,
                                          prompts) -> None:
    with using(RefusingKeyring()) as refusing:
        dialog = open_dialog(qtbot, services, sandbox, store, prompts)
        enter_key(qtbot, dialog, RESTRICTED)
        key_done(qtbot, dialog)
    assert dialog.stripe.key_error.text() == (
        "Keychain unavailable: The keychain refused to keep the Stripe key, so it was not saved. "
        "Unlock the keychain or check its settings, then try again.")
    assert refusing.secrets == {} and "No key stored" in dialog.stripe.summary.text()


def test_remove_the_key(qtbot, qasync, services, sandbox, store, prompts,
                        memory_keyring) -> None:
    memory_keyring.secrets[SLOT] = RESTRICTED
    dialog = open_dialog(qtbot, services, sandbox, store, prompts)
    assert dialog.stripe.summary.text() == "Stored: Restricted test key ending in 0001."
    assert dialog.stripe.remove_button.isEnabled()
    qtbot.mouseClick(dialog.stripe.remove_button, Qt.MouseButton.LeftButton)
    assert prompts.confirms[-1][0] == "Remove the Stripe key?"
    qtbot.waitUntil(lambda: memory_keyring.secrets == {} and not dialog.vm.busy, timeout=WAIT)
    assert dialog.stripe.summary.text() == "No key stored: the till runs in training mode."
    assert "training mode next time" in dialog.stripe.status.text()
    assert not dialog.stripe.remove_button.isEnabled()


def test_connect_account(qtbot, qasync, services, sandbox, store, prompts,
                         memory_keyring) -> None:
    memory_keyring.secrets[SLOT] = sandbox.api_key
    dialog = open_dialog(qtbot, services, sandbox, store, prompts)
    dialog.stripe.account_edit.setText("acct_bad id")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "acct_ then letters and digits" in dialog.stripe.account_error.text()
    assert dialog.isVisible() and store.load().stripe_account is None
    dialog.stripe.account_edit.setText("acct_1NotConnectedToUs")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.vm.busy and dialog.stripe.account_error.text() != "",
                    timeout=WAIT)
    assert dialog.stripe.account_error.text() == NO_ACCESS.format(
        account="acct_1NotConnectedToUs")
    assert store.load().stripe_account is None
    dialog.stripe.account_edit.setText(sandbox.connected_account)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.save()
    assert store.load().stripe_account == sandbox.connected_account


def test_limits_edited_and_saved(dialog, qtbot, services) -> None:
    rows = {row.currency(): row for row in dialog.limits.rows()}
    assert rows["cad"].amount_edit.text() == "200.00"
    rows["cad"].amount_edit.setText("150.5")
    qtbot.mouseClick(rows["jpy"].remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.limits.add_button, Qt.MouseButton.LeftButton)
    new = dialog.limits.rows()[-1]
    new.currency_edit.setText("GBP")
    new.amount_edit.setText("1,234.56")
    rows["usd"].amount_edit.setText("12.345")
    dialog.save()
    assert rows["usd"].error.text() == "USD amounts have at most 2 decimals."
    assert dialog.save_error.text() and dialog.isVisible()
    rows["usd"].amount_edit.setText("99")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    expected = ApprovalLimits(
        {"aud": 30000, "cad": 15050, "eur": 20000, "gbp": 123456, "usd": 9900})
    assert services.guarded.limits() == services.authorization.limits == expected
    entry = run_async(qtbot, services.journal.latest_settings())
    assert entry.staff == UI_MANAGER.name and entry.details["refund_limits"]["cad"] == 15050


def test_limits_are_a_managers_to_change(qtbot, services, sandbox, store, prompts) -> None:
    """Saved by someone the staff list does not know as a manager: nothing changes, said."""
    from pos_refunds.domain.staff import Staff

    setup = KeySetup(api_base=sandbox.url, locations=services.readers.locations)
    cashier = Staff("c_ui", "Casey Cashier", "cashier")
    dialog = SettingsDialog(setup, store, store.load(), prompts, TaskRegistry(),
                            guarded=services.guarded,
                            save_guarded=lambda v: services.set_guarded(v, by=cashier))
    qtbot.addWidget(dialog)
    dialog.open()
    before = services.guarded
    rows = {row.currency(): row for row in dialog.limits.rows()}
    rows["cad"].amount_edit.setText("99999")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.save_error.text()), timeout=WAIT)
    assert "no longer on this till's staff list" in dialog.save_error.text()
    assert dialog.isVisible() and services.guarded == before
    assert run_async(qtbot, services.journal.latest_settings()) is None


def test_a_currency_twice_or_unknown_is_refused(dialog) -> None:
    first = dialog.limits.add_row()
    first.currency_edit.setText("cad")
    first.amount_edit.setText("5")
    assert first.currency_edit.text() == "CAD" or first.currency() == "cad"
    assert dialog.limits.limits() is None and first.error.text() == "CAD is listed twice."
    first.currency_edit.setText("XYZ")
    assert dialog.limits.limits() is None
    assert first.error.text() == "Stripe does not know the currency XYZ."


def test_language_saved_for_the_next_start(dialog, qtbot, store) -> None:
    # The system's language first, then each language named in its own language.
    assert [(dialog.language.itemText(i), dialog.language.itemData(i))
            for i in range(dialog.language.count())] == [
        ("System language", "auto"), ("English", "en"), ("Français (Canada)", "fr")]
    assert dialog.language.currentData() == store.load().language  # the saved one shows
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.save()
    assert store.load().language == "fr"
    assert "next start" in dialog.findChild(type(dialog.save_error), "languageNote").text()


def test_the_location_filter_lists_the_sandbox_locations(dialog, qtbot, store) -> None:
    qtbot.waitUntil(lambda: dialog.location.count() == 3, timeout=WAIT)
    names = [dialog.location.itemText(i) for i in range(dialog.location.count())]
    assert names == ["All locations", "Maple & Bean — Plateau", "Maple & Bean — Queen St W"]
    assert dialog.location.currentData() is None
    dialog.location.setCurrentIndex(2)
    chosen = dialog.location.currentData()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.save()
    assert store.load().location_id == chosen and chosen.startswith("tml_")


def test_closing_clears_the_key_field(dialog, qtbot) -> None:
    dialog.stripe.key_edit.setText(RESTRICTED)
    dialog.reject()
    assert dialog.stripe.key_edit.text() == ""


def test_controls_are_named_reachable_and_touch_sized(dialog, qtbot) -> None:
    dialog.resize(1080, 690)
    qtbot.waitExposed(dialog)
    _check(dialog)


@never_chosen
class SlowKeyring(MemoryKeyring):
    """A keychain waiting for the desktop to unlock it: the UI must go on meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.asked, self.unlocked = threading.Event(), threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.set()
        assert self.unlocked.wait(10), "never unlocked: the UI thread was blocked"
        return super().get_password(service, username)


def test_nothing_waits_on_the_ui_thread(qtbot, qasync, services, sandbox, store,
                                        prompts) -> None:
    slow = SlowKeyring()
    slow.secrets[SLOT] = RESTRICTED
    with using(slow):
        setup = KeySetup(api_base=sandbox.url, locations=services.readers.locations)
        dialog = SettingsDialog(setup, store, store.load(), prompts, TaskRegistry())
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitUntil(slow.asked.is_set, timeout=WAIT)
        # The keychain is still locked, yet the dialog answers: the locations arrive, typing
        # works.
        qtbot.waitUntil(lambda: dialog.location.count() == 3, timeout=WAIT)
        qtbot.keyClicks(dialog.stripe.account_edit, "acct_")
        assert dialog.stripe.account_edit.text() == "acct_"
        assert dialog.stripe.summary.text() == "Reading the keychain…"
        slow.unlocked.set()
        qtbot.waitUntil(lambda: "0001" in dialog.stripe.summary.text(), timeout=WAIT)
    assert slow.threads and threading.main_thread() not in slow.threads


def test_a_new_language_offers_to_restart_in_it_now(qtbot, qasync, services, sandbox, store,
                                                   prompts, memory_keyring) -> None:
    """Saved, and the window can open again at once in the language chosen; choosing the
    language the screens speak already asks nothing."""
    setup = KeySetup(api_base=sandbox.url, locations=services.readers.locations)
    dialog = SettingsDialog(setup, store, store.load(), prompts, TaskRegistry(),
                            can_restart=True, guarded=services.guarded,
                            save_guarded=lambda v: services.set_guarded(v, by=UI_MANAGER))
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))  # the screens' own
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.save()
    assert prompts.confirms == []
    dialog.open()
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    with qtbot.waitSignal(dialog.restartRequested, timeout=WAIT):
        dialog.save()
    assert store.load().language == "fr"
    assert [title for title, _text, _button in prompts.confirms] == [
        "Restart in the new language?"]
