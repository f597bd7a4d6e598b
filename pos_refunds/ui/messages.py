"""Every reason code of the layers below the UI, in words the cashier reads: the one place.

The domain, services, gateway, staff list, journal and keychain say what happened as a reason
(a StrEnum member of `domain/reasons.py`) with parameters; this module gives each its words.
Every text is a literal inside `translate("Messages", ...)`, so `pyside6-lupdate` extracts it;
named fields such as {amount} are filled afterwards, amounts through `formatting.format_money`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from ..domain import errors as e
from ..domain.approvals import ApprovalRefused
from ..domain.money import Money
from ..domain.reasons import (
    AccessReason,
    AmountReason,
    ApprovalNeed,
    ApprovalReason,
    AuditReason,
    BackupReason,
    BatchReason,
    ChainReason,
    Coded,
    FileReason,
    KeychainReason,
    KeyNote,
    KeyReason,
    OperationReason,
    PinReason,
    PolicyReason,
    ReaderReason,
    RecoveryReason,
    SettingsReason,
    SlipReason,
    StaffReason,
    StripeReason,
    TillReason,
    params_from_plain,
    reason_of,
)
from ..domain.refund_slip import SlipNotAvailable
from ..domain.staff import CASHIER, MANAGER, PinRejected, StaffChangeRefused
from ..services.operations import ERROR_PARAMS
from .file_export import SaveFailed
from .formatting import format_datetime, format_money
from .i18n import Context

translate = QCoreApplication.translate




Messages = Context("Messages")

Params = Mapping[str, Any]
Words = Callable[[Params], str]  # a template of the reason, chosen by its parameters if need be


def _t(template: str) -> Words:
    """A reason whose words never depend on its parameters (already translated)."""
    return lambda _p: template


# --- amounts ---------------------------------------------------------------------------------

def _amount_words() -> dict[StrEnum, Words]:
    A = AmountReason
    return {
        A.EMPTY: _t(translate("Messages", "Enter an amount.")),
        A.NOT_AN_AMOUNT: _t(translate("Messages", "“{text}” is not an amount.")),
        A.OTHER_CURRENCY: _t(translate("Messages", "This payment is in {currency}, not {typed}.")),
        A.NO_DECIMALS: _t(translate("Messages", "{currency} amounts have no decimals.")),
        A.TOO_MANY_DECIMALS: _t(translate("Messages",
                                          "{currency} amounts have at most {decimals} decimals.")),
        A.NEGATIVE: _t(translate(
            "Messages", "Enter the amount without a minus sign: refunds are always positive.")),
        A.TOO_LARGE: _t(translate("Messages", "The amount is too large (at most {maximum}).")),
        A.ZERO: _t(translate("Messages", "The amount must be more than zero.")),
        A.OVER_REFUNDABLE: _t(translate("Messages", "At most {maximum} can be refunded.")),
    }


# --- the policy's refusals -------------------------------------------------------------------

def _policy_words() -> dict[StrEnum, Words]:
    P = PolicyReason
    return {
        P.UNKNOWN_STATUS: _t(translate(
            "Messages", "Stripe reports a status this app does not know (“{status}”); nothing "
            "can be done here. Check the payment in the Stripe Dashboard.")),
        P.PROCESSING: _t(translate("Messages",
                                   "Payment is still processing; wait a moment and refresh.")),
        P.ALREADY_CANCELED: _t(translate("Messages", "Already canceled.")),
        P.CANCELED_NO_CAPTURE: _t(translate("Messages", "Canceled payments cannot be captured.")),
        P.CANCELED_NO_REFUND: _t(translate("Messages", "Canceled payments cannot be refunded.")),
        P.NOTHING_COLLECTED: _t(translate(
            "Messages", "Nothing was collected, so there is nothing to refund.")),
        P.FULLY_REFUNDED: _t(translate("Messages", "Already fully refunded.")),
        P.NOT_AUTHORIZED_YET: _t(translate(
            "Messages", "Not authorized yet: nothing to capture; cancel it instead.")),
        P.NOT_PAID_YET: _t(translate("Messages",
                                     "Not paid yet: nothing to refund; cancel it instead.")),
        P.NOT_LOADED: _t(translate(
            "Messages", "The card details of this payment are not loaded yet; refresh it.")),
        P.SINGLE_MESSAGE_WAITING: _t(translate(
            "Messages", "{network} payments are captured at once, so this one should not be "
            "waiting for capture. Refresh it, or check it in the Stripe Dashboard.")),
        P.CANCEL_UNSUPPORTED: _t(translate(
            "Messages", "Canceling is not supported for {network} payments; capture it, then "
            "refund it.")),
        P.NOT_CAPTURED_CAPTURE_FIRST: _t(translate(
            "Messages", "Not captured: capture it first, then refund it.")),
        P.NOT_CAPTURED: _t(translate("Messages", "Not captured: cancel or capture it instead.")),
        P.SINGLE_MESSAGE_CANCEL: _t(translate(
            "Messages", "{network} payments are captured at once; refund on a reader instead.")),
        P.ALREADY_CAPTURED_REFUND: _t(translate("Messages",
                                                "Already captured: refund it instead.")),
        P.ALREADY_CAPTURED: _t(translate("Messages", "Already captured.")),
        P.INTERAC_ON_READER: _t(translate(
            "Messages",
            "Interac payments cannot be refunded online; refund on a reader instead.")),
        P.READER_INTERAC_ONLY: _t(translate(
            "Messages",
            "Only Interac payments are refunded on a reader; refund online instead.")),
    }


# --- approvals, access, staff ------------------------------------------------------------------

def _approval_words() -> dict[StrEnum, Words]:
    N, A = ApprovalNeed, ApprovalReason
    return {
        N.PARTIAL: _t(translate("Messages", "Partial refunds need a manager's approval.")),
        N.NO_LIMIT: _t(translate("Messages", "No refund limit is set for {currency}: every "
                                 "refund needs a manager's approval.")),
        N.OVER_LIMIT: _t(translate("Messages", "Refunds over {limit} need a manager's approval.")),
        A.NEEDED: _t("{needs}"),
        A.NO_STAFF_LIST: _t(translate(
            "Messages", "{needs} No staff list is open on this till, so no manager can "
            "approve.")),
        A.NOT_A_MANAGER: _t(translate("Messages",
                                      "{name} is not a manager: a manager must do this.")),
        A.WRONG_OPERATION: _t(translate(
            "Messages", "This approval was given for another refund (another payment or "
            "amount). Nothing was sent; ask the manager to approve this one.")),
        A.TOO_OLD: _t(translate(
            "Messages",
            "This approval is too old. Nothing was sent; ask the manager to approve again.")),
        A.NOT_ISSUED: _t(translate(
            "Messages", "This approval was already used, or was not given on this till. "
            "Nothing was sent; ask the manager to approve again.")),
        A.NO_LONGER_MANAGER: _t(translate(
            "Messages", "{name} is no longer a manager on this till. Nothing was sent; ask a "
            "manager to approve.")),
    }


def _access_words() -> dict[StrEnum, Words]:
    A = AccessReason
    return {
        A.SIGN_IN_FIRST: _t(translate("Messages", "Sign in first.")),
        A.NOT_ON_LIST: _t(translate(
            "Messages",
            "{name} is no longer on this till's staff list. Nothing was sent; sign in again.")),
        A.MANAGER_ONLY_JOURNAL: _t(translate("Messages",
                                             "Only a manager can read the audit journal.")),
        A.MANAGER_ONLY_END_OF_DAY: _t(translate("Messages", "Only a manager can close the day.")),
        A.MANAGER_ONLY_SETTINGS: _t(translate("Messages",
                                              "Only a manager can change the settings.")),
        A.MANAGER_ONLY_STAFF: _t(translate("Messages", "Only a manager can manage staff.")),
        A.NO_BACKUP_IN_TRAINING: _t(translate(
            "Messages", "Backups are not made in training mode. Start the app with this till's "
            "Stripe key and sign in as a manager to back it up.")),
        A.NO_RESTORE_OVER_DATA: _t(translate(
            "Messages", "This till already has data of its own, and training mode cannot "
            "replace it. Start the app with this till's Stripe key and sign in as a manager "
            "to restore over it.")),
        A.PRACTICE_SETTINGS: _t(translate(
            "Messages", "Settings cannot be changed in a practice session started with "
            "--training. Start the app normally and sign in as a manager.")),
    }


def _staff_words() -> dict[StrEnum, Words]:
    P, S = PinReason, StaffReason
    return {
        P.SHAPE: _t(translate("Messages",
                              "A PIN is {shortest} to {longest} digits (0–9), nothing else.")),
        P.NOT_THE_SAME: _t(translate("Messages",
                                     "The two PINs are not the same. Type the new PIN twice.")),
        S.NAME_EMPTY: _t(translate("Messages", "Type the person's name.")),
        S.NAME_TOO_LONG: _t(translate("Messages", "A name has at most {longest} characters.")),
        S.MANAGER_ONLY: _t(translate("Messages", "Only a manager can change staff.")),
        S.NOT_ON_LIST: _t(translate("Messages", "This person is no longer on the staff list.")),
        S.LAST_MANAGER: _t(translate("Messages",
                                     "The till needs at least one manager: {name} is the last "
                                     "one.")),
        S.NOT_YOURSELF: _t(translate(
            "Messages", "You cannot change or remove yourself; ask another manager.")),
        S.ALREADY_SET_UP: _t(translate("Messages",
                                       "There is already staff on this till: sign in.")),
        S.NAME_TAKEN: _t(translate(
            "Messages", "Someone called {name} is already on the staff list; use another name.")),
    }


# --- Stripe ------------------------------------------------------------------------------------

def _stripe_words() -> dict[StrEnum, Words]:
    S = StripeReason
    permission = translate(
        "Messages", "The Stripe key in use is not allowed to do this. Ask the account owner to "
        "give the restricted key the missing permission.")
    permission_said = translate(
        "Messages", "The Stripe key in use is not allowed to do this. Ask the account owner to "
        "give the restricted key the missing permission. Stripe said: {said}")
    declined = translate("Messages", "The card was declined: {said}")
    changed = translate(
        "Messages", "This payment was changed meanwhile (perhaps by another till), so this "
        "action no longer applies. Refresh and check it.")
    changed_said = translate(
        "Messages", "This payment was changed meanwhile (perhaps by another till), so this "
        "action no longer applies. Refresh and check it. Stripe said: {said}")
    return {
        S.KEY_REFUSED: _t(translate(
            "Messages", "Stripe did not accept the API key: it is wrong, expired or revoked. "
            "A manager can enter a new key in Settings.")),
        S.PERMISSION: lambda p: permission_said if p.get("said") else permission,
        S.RATE_LIMITED: _t(translate(
            "Messages", "Stripe is receiving too many requests right now. Wait a few seconds "
            "and try again.")),
        S.NETWORK_DOWN: _t(translate(
            "Messages",
            "Cannot reach Stripe. Check the shop's internet connection; nothing was lost.")),
        S.IDEMPOTENCY_CONFLICT: _t(translate(
            "Messages", "Stripe holds a different request under this operation's key, so its "
            "outcome cannot be confirmed from here. It will be checked again; do not repeat "
            "it.")),
        S.CARD_DECLINED: lambda p: declined if p.get("said") else translate(
            "Messages", "The card was declined: no reason given"),
        S.IN_FLIGHT: _t(translate(
            "Messages", "Another request for this operation is still being processed by "
            "Stripe. Check again in a moment.")),
        S.UNREADABLE_ANSWER: _t(translate(
            "Messages", "Stripe's answer could not be read. The operation will be checked "
            "again before anything else is done.")),
        S.SERVER_ERROR: _t(translate(
            "Messages", "Stripe had a temporary problem. The operation will be checked again "
            "before anything else is done; do not repeat it by hand.")),
        S.OTHER: lambda p: "{said}" if p.get("said") else translate(
            "Messages", "Stripe reported an error."),
        S.READER_OFFLINE: _t(translate(
            "Messages", "The reader is offline. Check that it is on and connected, or choose "
            "another reader.")),
        S.READER_BUSY: _t(translate(
            "Messages", "The reader is busy with another transaction. Wait for it to finish, "
            "or choose another reader.")),
        S.READER_TIMEOUT: _t(translate(
            "Messages", "The reader did not answer in time. Check the reader, then check the "
            "status before trying again.")),
        S.ALREADY_REFUNDED: _t(translate("Messages",
                                         "This payment has already been fully refunded.")),
        S.OVER_REFUND: _t(translate(
            "Messages", "The amount is more than what is left to refund on this payment. "
            "Refresh to see the current remainder.")),
        S.PAYMENT_CHANGED: lambda p: changed_said if p.get("said") else changed,
        S.NOT_FOUND: _t(translate("Messages", "Stripe could not find it: {said}")),
        S.REFUSED: _t(translate("Messages", "Stripe refused the request: {said}")),
        S.UNREADABLE_OBJECT: _t(translate("Messages",
                                          "Stripe sent {what} we could not read ({detail}).")),
        S.READER_DELETED: _t(translate("Messages", "This reader was deleted.")),
    }


# --- the reader --------------------------------------------------------------------------------

def _reader_words() -> dict[StrEnum, Words]:
    R = ReaderReason
    return {
        R.SENDING: _t(translate("Messages", "Sending the refund to {reader}…")),
        R.STILL_SENDING: _t(translate(
            "Messages", "Stripe has not confirmed that the refund reached the reader yet. "
            "Still checking; do not start it again.")),
        R.WAITING_FOR_CARD: _t(translate(
            "Messages", "Waiting for the customer to present their card on the reader…")),
        R.OFFLINE_WAITING: _t(translate(
            "Messages", "The reader is offline. Still checking; it may time out.")),
        R.CONNECTION_PROBLEM: _t(translate(
            "Messages", "Connection problem ({problem}). Still following the reader…")),
        R.PROCESSING: _t(translate("Messages", "Processing…")),
        R.SUCCEEDED: _t(translate("Messages", "Refunded. The customer's card has been credited.")),
        R.SETTLED_WITH_STRIPE: _t(translate("Messages", "Refunded (checked with Stripe).")),
        R.SETTLED_AFTER_MOVING_ON: _t(translate(
            "Messages", "Refunded (the reader moved on; checked with Stripe).")),
        R.NO_ACTION: _t(translate("Messages", "The reader has no action.")),
        R.FAILED: _t("{failure}."),
        R.NOT_REFUNDED: lambda p: "{error}" if p.get("error") else translate(
            "Messages", "Not refunded."),
        R.OFFLINE: _t(translate("Messages", "{reader} is offline. Choose another reader.")),
        R.BUSY: _t(translate("Messages", "{reader} is busy with another transaction.")),
        R.NOT_CONFIRMED: _t(translate(
            "Messages", "Stripe has not confirmed that the refund reached the reader. It may "
            "still start on the reader: press Check status, or look at the reader; do not "
            "start it again.")),
        R.MOVED_ON_UNCONFIRMED: _t(translate(
            "Messages", "The reader moved on before this refund's outcome was seen, and Stripe "
            "cannot confirm it yet. Press Check status in a moment.")),
        R.NOT_OURS: _t(translate(
            "Messages", "{reader} is busy with a transaction this till did not start; it was "
            "not canceled.")),
        R.NO_FINAL_STEP: _t(translate(
            "Messages", "The reader stopped reporting before the refund ended. Check the "
            "payment before trying again.")),
    }


def reader_failure_words(failure_code: str | None, failure_message: str | None = None) -> str:
    """Why the reader ended the refund without success, as the cashier understands it (no
    period). A code we know has our words; another one, Stripe's message and its code."""
    known = {
        "card_declined": translate("Messages", "The card was declined"),
        "expired_card": translate("Messages", "The card has expired"),
        "processing_error": translate("Messages", "The card could not be processed"),
        "card_mismatch": translate("Messages",
                                   "This is not the card the payment was made with"),
        "amount_too_large": translate(
            "Messages", "The amount is more than what is left to refund on this payment"),
        "charge_already_refunded": translate("Messages",
                                             "This payment has already been fully refunded"),
        "terminal_reader_timeout": translate("Messages",
                                             "The customer did not present a card in time"),
        "terminal_reader_offline": translate("Messages", "The reader went offline"),
        "customer_canceled": translate("Messages", "The customer canceled on the reader"),
        "canceled": translate("Messages", "The refund was canceled on the reader"),
    }
    code = (failure_code or "").strip()
    if code in known:
        return known[code]
    said = (failure_message or "").strip().rstrip(".") or translate(
        "Messages", "The reader did not complete the refund")
    return f"{said} ({code})" if code else said


# --- operations, settling, journaled outcomes -------------------------------------------------

def _operation_words() -> dict[StrEnum, Words]:
    Op, R = OperationReason, RecoveryReason
    return {
        Op.EARLIER_OPEN: _t(translate(
            "Messages", "An earlier operation on this payment may still be carried out by "
            "Stripe: its request has not been confirmed yet. Nothing new was sent; try again "
            "in a minute.")),
        Op.BUSY_HERE: _t(translate(
            "Messages",
            "This payment is already being processed at this till; wait for it to finish.")),
        Op.EARLIER_DONE: _t(translate(
            "Messages", "An earlier operation on this payment has just been confirmed as done "
            "by Stripe. Refresh the payment and check it; nothing new was sent.")),
        Op.NOT_CONFIRMED: _t(translate(
            "Messages", "Stripe did not confirm the operation. It will be checked again "
            "automatically; do not repeat it by hand.")),
        Op.NOT_CARRIED_OUT: _t("{error}"),
        R.NOT_SENT: _t(translate(
            "Messages",
            "Not carried out: the till stopped before the request was sent; nothing changed.")),
        R.NO_REFUND: _t(translate("Messages", "Stripe has no refund from this operation.")),
        R.LEFT_OVER: _t(translate(
            "Messages",
            "The reader action was left over and has been canceled; nothing was refunded.")),
        R.NOT_CARRIED_OUT: _t(translate("Messages", "Not carried out.")),
        R.PAYMENT_IS: _t(translate("Messages", "Not carried out: the payment is {status}.")),
    }


# --- keys and the keychain -----------------------------------------------------------------------

def _key_words() -> dict[StrEnum, Words]:
    K, C, N, S = KeyReason, KeychainReason, KeyNote, SettingsReason
    return {
        K.EMPTY: _t(translate("Messages", "Enter a Stripe key.")),
        K.PUBLISHABLE: _t(translate(
            "Messages", "That is a publishable key (pk_…). The till needs a restricted key "
            "(rk_live_… or rk_test_…) or a secret key (sk_…).")),
        K.WRONG_PREFIX: _t(translate(
            "Messages", "A Stripe key for the till starts with rk_live_, rk_test_, sk_live_ or "
            "sk_test_. Copy it again from the Stripe Dashboard.")),
        K.NOT_WHOLE: _t(translate(
            "Messages", "This is not a whole Stripe key: it is too short or has spaces or other "
            "characters in it. Copy it again from the Stripe Dashboard.")),
        K.BAD_ACCOUNT: _t(translate(
            "Messages",
            "A Connect account id looks like acct_1AbC2dEf3G: acct_ then letters and digits.")),
        K.NOT_ALLOWED: _t(translate(
            "Messages", "This restricted key may not {missing}. In the Stripe Dashboard, give "
            "it these permissions (or create a restricted key that has them), then try again. "
            "Nothing was saved.")),
        C.NO_LIBRARY: _t(translate(
            "Messages", "The keychain library is missing, so the Stripe key cannot be kept.")),
        C.NO_KEYCHAIN: _t(translate(
            "Messages", "No keychain on this computer can keep a Stripe key safely, so none is "
            "saved here. Set up the system keychain (Windows Credential Manager, macOS "
            "Keychain, or a Secret Service such as GNOME Keyring), then try again.")),
        C.UNREADABLE: _t(translate("Messages",
                                   "The keychain could not be read. Unlock it, then try again.")),
        C.NOT_STORED: _t(translate(
            "Messages", "The keychain refused to keep the Stripe key, so it was not saved. "
            "Unlock the keychain or check its settings, then try again.")),
        C.NOT_DELETED: _t(translate(
            "Messages",
            "The keychain refused to remove the Stripe key. Unlock it, then try again.")),
        C.TEST_SECRET_REFUSED: _t(translate(
            "Messages", "The keychain refused a test secret ({why}): unlock it, then try again.")),
        C.TEST_SECRET_LOST: _t(translate(
            "Messages", "The keychain did not keep a test secret: it cannot hold a Stripe key.")),
        N.NO_LIBRARY: _t(translate("Messages",
                                   "The keychain library is missing: training mode.")),
        N.NO_KEYCHAIN: _t(translate(
            "Messages", "No keychain on this computer can keep a Stripe key: training mode.")),
        N.UNREADABLE: _t(translate("Messages", "The keychain could not be read: training mode.")),
        N.NO_KEY: _t(translate("Messages", "No Stripe key set up yet: training mode.")),
        N.TRAINING_FLAG: _t(translate("Messages", "Training mode (--training).")),
        S.UNTRUSTED_JOURNAL: _t(translate(
            "Messages", "The journal does not verify, so the refund limits a manager set cannot "
            "be trusted: every refund needs a manager's approval until the journal has been "
            "looked at.")),
        S.UNREADABLE: _t(translate(
            "Messages", "The refund limits last set by a manager cannot be read from the "
            "journal: every refund needs a manager's approval until a manager sets them again "
            "in Settings.")),
    }


# --- the journal's checks ------------------------------------------------------------------------

def _check_words() -> dict[StrEnum, Words]:
    A, C = AuditReason, ChainReason
    return {
        A.DONE_NO_REFUND: _t(translate(
            "Messages", "The journal says {operation} was done, but Stripe holds no refund from "
            "it.")),
        A.NOT_DONE_REFUND: _t(translate(
            "Messages", "The journal says {operation} was not done, but Stripe holds refund "
            "{refund} from it.")),
        A.MANY_REFUNDS: _t(translate("Messages", "Stripe holds {count} refunds from {operation}.")),
        A.AMOUNT_DIFFERS: _t(translate(
            "Messages",
            "The journal says {operation}, but Stripe's refund {refund} is {refund_amount}.")),
        A.DONE_BUT_STATUS: _t(translate(
            "Messages",
            "The journal says {operation} was done, but the payment is {status} at Stripe.")),
        A.NOT_DONE_CAPTURED: _t(translate(
            "Messages", "The journal says {operation} was not done, but Stripe shows the "
            "payment captured by it.")),
        A.PEOPLE_DIFFER: _t(translate(
            "Messages", "Who did or approved {operation} differs between the journal and "
            "Stripe.")),
        A.SEAL_DIFFERS: _t(translate(
            "Messages", "The seal Stripe holds for {operation} does not match: the journal "
            "was changed after it was written.")),
        C.CHANGED: _t(translate("Messages", "Entry {entry} was changed after it was written.")),
        C.SWAPPED: _t(translate("Messages", "Entries {first} and {second} were swapped.")),
        C.MOVED: _t(translate("Messages", "Entry {entry} was moved to position {position}.")),
        C.MISSING_ONE: _t(translate("Messages", "Entry {entry} is missing.")),
        C.MISSING_RANGE: _t(translate("Messages", "Entries {first} to {last} are missing.")),
        C.NEVER_PENDING: _t(translate(
            "Messages", "Entry {entry} begins an operation that was never recorded as "
            "pending.")),
        C.CHANGES_WHO: _t(translate(
            "Messages", "Entry {entry} changes who or what its operation (begun in entry "
            "{first}) is about.")),
        C.AFTER_CLOSED: _t(translate(
            "Messages", "Entry {entry} changes an operation that was already closed.")),
        C.HEAD_MISSING: _t(translate("Messages", "The record of the newest entry is missing.")),
        C.REMOVED: _t(translate(
            "Messages", "The newest entries were removed (expected {expected}, found {found}).")),
        C.ADDED: _t(translate(
            "Messages",
            "Entries were added outside the journal (expected {expected}, found {found}).")),
        C.UNPROTECTED: _t(translate(
            "Messages", "The append-only protection of the journal was removed.")),
    }


def _batch_words(p: Params, head: str, others: str) -> str:
    """`head`: "%n of {total} authorizations were not captured:", %n already filled."""
    lines = [head, *("• " + line for line in p.get("lines", ()))]
    if p.get("count", 0) < p.get("total", 0):
        lines.append(others)
    return "\n".join(line.replace("{", "{{").replace("}", "}}") if i else line
                     for i, line in enumerate(lines))


def _other_words() -> dict[StrEnum, Words]:
    S, T, B, F, K = SlipReason, TillReason, BatchReason, FileReason, BackupReason
    return {
        K.NOTHING_TO_BACK_UP: _t(translate(
            "Messages", "This till has no journal yet, so there is nothing to back up.")),
        K.NOT_A_BACKUP: _t(translate("Messages", "This file is not a POS Refunds backup.")),
        K.TOO_NEW: _t(translate(
            "Messages", "This backup was made by a newer version of POS Refunds. Install that "
            "version first, then restore.")),
        K.DAMAGED: _t(translate(
            "Messages", "This backup is damaged or was changed after it was made ({detail} "
            "differs). Nothing was restored; use another copy.")),
        K.CHAIN_BROKEN: _t(translate(
            "Messages", "The audit journal in this backup does not verify: entries were "
            "changed or removed. Nothing was restored; use another copy, and tell your "
            "manager.")),
        K.STAFF_UNREADABLE: _t(translate(
            "Messages", "The staff list in this backup cannot be read. Nothing was restored.")),
        K.NOT_WRITTEN: _t(translate(
            "Messages", "The backup could not be written ({detail}). Choose another folder, "
            "or check that the disk is not full.")),
        F.NOT_WRITTEN: _t(translate(
            "Messages", "{file} could not be written to {folder}: {why}. Choose another folder, "
            "or check that the disk is not full.")),
        F.NOT_WRITTEN_PDF: _t(translate("Messages",
                                        "{file} could not be written to {folder}. Choose another "
                                        "folder.")),
        B.CHANGED_ELSEWHERE: _t(translate(
            "Messages", "This payment was changed at another till or in the Stripe Dashboard: "
            "it is now {state}. Nothing was sent.")),
        B.CAPTURE_INCOMPLETE: lambda p: _batch_words(
            p, Messages.tr("%n of {total} authorizations were not captured:", "",
                        int(p.get("count", 0))),
            translate("Messages", "The others were captured.")),
        B.CANCEL_INCOMPLETE: lambda p: _batch_words(
            p, Messages.tr("%n of {total} authorizations were not canceled:", "",
                        int(p.get("count", 0))),
            translate("Messages", "The others were canceled.")),
        S.NOT_SUCCEEDED: _t(translate(
            "Messages", "This refund has not succeeded ({status}): there is no slip to give.")),
        S.NOT_FOUND: _t(translate("Messages", "This refund is not among the payment's refunds.")),
        T.IN_USE: _t(translate(
            "Messages", "POS Refunds is already open on this till. Use the window that is "
            "already open; nothing was changed.")),
        T.NOT_ANSWERING: _t(translate(
            "Messages", "POS Refunds is already open on this till but is not answering. It may "
            "still be starting: wait a moment and look for its window. If it does not appear, "
            "tell your manager. Nothing was changed.")),
    }


_FAMILIES = (_amount_words, _policy_words, _approval_words, _access_words, _staff_words,
             _stripe_words, _reader_words, _operation_words, _key_words, _check_words,
             _other_words)


def _table() -> dict[StrEnum, Words]:
    """Built at each call: the words follow the language installed at that moment."""
    table: dict[StrEnum, Words] = {}
    for family in _FAMILIES:
        table.update(family())
    return table


# --- parameters as shown -------------------------------------------------------------------------

def _operation_phrases() -> dict[str, tuple[str, str]]:
    """A journaled operation as a finding names it: (with its amount, without)."""
    return {
        "refund_online": (
            translate("Messages", "the online refund of {amount} on {payment}"),
            translate("Messages", "the online refund on {payment}")),
        "refund_on_reader": (
            translate("Messages", "the refund on a reader of {amount} on {payment}"),
            translate("Messages", "the refund on a reader on {payment}")),
        "cancel": (
            translate("Messages", "the cancel of {amount} on {payment}"),
            translate("Messages", "the cancel on {payment}")),
        "capture": (
            translate("Messages", "the capture of {amount} on {payment}"),
            translate("Messages", "the capture on {payment}")),
        "settings": (
            translate("Messages", "the settings change of {amount} on {payment}"),
            translate("Messages", "the settings change on {payment}")),
    }


def _operation_named(params: Params, locale: QLocale | None) -> str:
    kind = str(params.get("kind", ""))
    amount = params.get("amount")
    payment = params.get("payment", "")
    phrases = _operation_phrases().get(kind)
    if phrases is None:  # a kind of a later version: its code, in the general phrase
        phrases = (translate("Messages", "the {kind} of {amount} on {payment}"),
                   translate("Messages", "the {kind} on {payment}"))
    with_amount, without = phrases
    if amount is not None:
        return with_amount.format(kind=kind, amount=_shown(amount, locale), payment=payment)
    return without.format(kind=kind, payment=payment)


def _permission_words(permission: str) -> str:
    """A Stripe permission the key lacks (as `gateway.account` names it), in words."""
    known = {
        "read PaymentIntents, Charges and Refunds": translate(
            "Messages", "read PaymentIntents, Charges and Refunds"),
        "read Refunds": translate("Messages", "read Refunds"),
        "read Events": translate("Messages", "read Events"),
        "read Terminal readers": translate("Messages", "read Terminal readers"),
        "read Terminal locations": translate("Messages", "read Terminal locations"),
        "write Refunds": translate("Messages", "write Refunds"),
        "write PaymentIntents": translate("Messages", "write PaymentIntents"),
        "write Terminal readers": translate("Messages", "write Terminal readers"),
    }
    return known.get(permission, permission)


def _object_words(what: str) -> str:
    """Which Stripe object could not be read (as `gateway.mapping` names it), in words."""
    known = {
        "a payment": translate("Messages", "a payment"),
        "a refund": translate("Messages", "a refund"),
        "a reader": translate("Messages", "a reader"),
        "a reader action": translate("Messages", "a reader action"),
    }
    return known.get(what, what)


def _shown(value: Any, locale: QLocale | None) -> str:
    if isinstance(value, Money):
        return format_money(value, locale)
    if isinstance(value, datetime):
        return format_datetime(value, locale)
    if isinstance(value, Coded):
        return words(value.reason, value.params, locale)
    if isinstance(value, StrEnum):
        return words(value, {}, locale)
    if isinstance(value, list | tuple):
        parts = [_shown(v, locale) for v in value]
        return " ".join(parts) if all(isinstance(v, Coded) for v in value) else ", ".join(parts)
    return str(value)


def _status_words(status: str) -> str:
    """A PaymentIntent's status in words ("succeeded" reads "captured"); another as sent."""
    known = {
        "succeeded": translate("Messages", "captured"),
        "canceled": translate("Messages", "canceled"),
        "requires_capture": translate("Messages", "authorized, waiting for capture"),
        "processing": translate("Messages", "still processing"),
        "requires_payment_method": translate("Messages", "not paid"),
        "requires_confirmation": translate("Messages", "not paid"),
        "requires_action": translate("Messages", "not paid"),
    }
    return known.get(status, status)


def _prepared(reason: StrEnum, params: Params, locale: QLocale | None) -> dict[str, str]:
    shown = {k: _shown(v, locale) for k, v in params.items()}
    if isinstance(reason, AuditReason):
        shown["operation"] = _operation_named(params, locale)
    if reason is KeyReason.NOT_ALLOWED:
        missing = params.get("missing") or ()
        if isinstance(missing, str):
            missing = (missing,)
        shown["missing"] = ", ".join(_permission_words(str(m)) for m in missing)
    if reason is StripeReason.UNREADABLE_OBJECT:
        shown["what"] = _object_words(str(params.get("what", "")))
    if reason is ReaderReason.FAILED:
        shown["failure"] = reader_failure_words(params.get("failure_code"),
                                                params.get("failure_message"))
    if reason is ReaderReason.CONNECTION_PROBLEM:
        problem = params.get("problem")
        shown["problem"] = (words(problem, params.get("problem_params") or {}, locale)
                            .rstrip(".") if isinstance(problem, StrEnum)
                            else str(problem or ""))
    if reason in (RecoveryReason.PAYMENT_IS, AuditReason.DONE_BUT_STATUS):
        shown["status"] = _status_words(str(params.get("status", "")))
    if reason in (ReaderReason.NOT_REFUNDED, OperationReason.NOT_CARRIED_OUT):
        shown["error"] = journal_outcome_words(params.get("error"),
                                               params.get("error_params"), locale)
    if reason in (AmountReason.OTHER_CURRENCY, AmountReason.NO_DECIMALS,
                  AmountReason.TOO_MANY_DECIMALS, ApprovalNeed.NO_LIMIT):
        shown["currency"] = str(params.get("currency", "")).upper()
        if "typed" in params:
            shown["typed"] = str(params["typed"]).upper()
    return shown


# --- the functions the screens call ---------------------------------------------------------------

def words(reason: StrEnum, params: Params | None = None, locale: QLocale | None = None) -> str:
    """The words of one reason with its parameters (KeyError for a reason without words)."""
    template = _table()[reason](params or {})
    return template.format_map(_prepared(reason, params or {}, locale))


def coded_words(coded: Coded, locale: QLocale | None = None) -> str:
    return words(coded.reason, coded.params, locale)


refusal_words = coded_words  # why the policy does not offer an action
finding_words = coded_words  # a difference the audit or the chain check found


def approval_words(needs: Iterable[Coded], locale: QLocale | None = None) -> str:
    """Why a manager must approve, as the PIN prompt says it."""
    return " ".join(coded_words(n, locale) for n in needs)


def reader_words(progress: Any, locale: QLocale | None = None) -> str:
    """What a reader refund's update (`ReaderProgress`) means for the cashier."""
    return words(progress.reason, progress.params, locale)


def journal_outcome_words(error: object, params: object = None,
                          locale: QLocale | None = None) -> str:
    """An operation's journaled error: the words of its code, or, from a journal written
    before codes, the text as it was stored."""
    reason = reason_of(error)
    if reason is None:
        return str(error or "")
    plain = params if isinstance(params, Mapping) else {}
    return words(reason, params_from_plain(plain), locale)


def operation_error_words(op: Any, locale: QLocale | None = None) -> str:
    """The error a journaled operation (`journal.Operation`) was closed or left open with."""
    return journal_outcome_words(op.error, op.details.get(ERROR_PARAMS), locale)


def role_words(role: str) -> str:
    """"Cashier" or "Manager"; a role this version does not know, as stored."""
    known = {CASHIER: translate("Messages", "Cashier"), MANAGER: translate("Messages", "Manager")}
    return known.get(role, role)


def key_summary_words(summary: Any) -> str:
    """Which key is stored (`domain.account.KeySummary`), never the key: "Restricted live key
    ending in 7d3F"."""
    kinds = {
        (True, True): translate("Messages", "Restricted live key ending in {last4}"),
        (True, False): translate("Messages", "Restricted test key ending in {last4}"),
        (False, True): translate("Messages", "Secret live key ending in {last4}"),
        (False, False): translate("Messages", "Secret test key ending in {last4}"),
    }
    return kinds[bool(summary.restricted), bool(summary.live)].format(last4=summary.last4)


def key_note_words(note: KeyNote | None) -> str:
    return words(note) if note is not None else ""


# Titles by kind of error, the most specific first (a subclass before its base).
def _titles() -> list[tuple[type[BaseException], str]]:
    return [
        (e.AmountError, translate("Messages", "Check the amount")),
        (e.AuthenticationFailed, translate("Messages", "Stripe key not accepted")),
        (e.PermissionMissing, translate("Messages", "Permission missing")),
        (e.NetworkDown, translate("Messages", "No connection")),
        (e.RateLimited, translate("Messages", "Stripe is busy")),
        (e.ServerError, translate("Messages", "Stripe had a problem")),
        (e.OutcomeUnknown, translate("Messages", "Outcome not known yet")),
        (e.NotCarriedOut, translate("Messages", "Not carried out")),
        (e.MalformedResponse, translate("Messages", "Unexpected answer from Stripe")),
        (e.NotFound, translate("Messages", "Not found")),
        (e.ReaderOffline, translate("Messages", "Reader offline")),
        (e.ReaderBusy, translate("Messages", "Reader busy")),
        (e.ReaderTimeout, translate("Messages", "Reader timed out")),
        (e.OverRefund, translate("Messages", "Amount too large")),
        (e.AlreadyRefunded, translate("Messages", "Already refunded")),
        (e.PaymentChanged, translate("Messages", "Payment changed")),
        (e.CardDeclined, translate("Messages", "Card declined")),
        (e.ActionNotAllowed, translate("Messages", "Not possible")),
        (e.ApprovalRequired, translate("Messages", "Manager approval needed")),
        (e.InvalidRequest, translate("Messages", "Request refused")),
        (e.IdempotencyConflict, translate("Messages", "Outcome not known yet")),
        (e.KeychainUnavailable, translate("Messages", "Keychain unavailable")),
        (e.TillInUse, translate("Messages", "Already open on this till")),
        (ApprovalRefused, translate("Messages", "Approval not valid")),
        (SlipNotAvailable, translate("Messages", "No refund slip")),
        (SaveFailed, translate("Messages", "File not saved")),
        (PinRejected, translate("Messages", "Check the PIN")),
        (StaffChangeRefused, translate("Messages", "Not possible")),
        (e.PosError, translate("Messages", "Something went wrong")),
    ]


def _reason_titles() -> dict[StrEnum, str]:
    """Titles that depend on the reason rather than on the kind of error."""
    return {
        BatchReason.CHANGED_ELSEWHERE: translate("Messages", "Changed elsewhere"),
        BatchReason.CAPTURE_INCOMPLETE: translate("Messages", "Not all captured"),
        BatchReason.CANCEL_INCOMPLETE: translate("Messages", "Not all canceled"),
        **{r: translate("Messages", "Backup not made")
           for r in (BackupReason.NOTHING_TO_BACK_UP, BackupReason.NOT_WRITTEN)},
        **{r: translate("Messages", "Backup not restored")
           for r in BackupReason if r not in (BackupReason.NOTHING_TO_BACK_UP,
                                               BackupReason.NOT_WRITTEN)},
    }


def error_title(error: BaseException) -> str:
    if not isinstance(error, e.PosError):
        return translate("Messages", "Unexpected error")
    by_reason = _reason_titles().get(error.reason)
    if by_reason is not None:
        return by_reason
    return next(title for kind, title in _titles() if isinstance(error, kind))


def error_words(error: BaseException, locale: QLocale | None = None) -> tuple[str, str, str]:
    """(title, text, reference line) for an error, as the cashier should read it; any error
    that is not ours is a bug, and says so without details."""
    if isinstance(error, e.PosError):
        reference = (translate("Messages", "Reference: {request_id}").format(
            request_id=error.request_id) if error.request_id else "")
        return error_title(error), words(error.reason, error.params, locale), reference
    return error_title(error), translate(
        "Messages", "Something unexpected happened. Nothing more was sent. Please try again; "
        "if it happens again, tell your manager."), ""


error_text = error_words  # the name the screens used before the codes


def is_silent(error: BaseException) -> bool:
    """Cancellation by the person or by closing the window shows nothing."""
    return isinstance(error, e.UserCancelled | asyncio.CancelledError)


# --- the refund slip -------------------------------------------------------------------------

def has_words(reason: StrEnum) -> bool:
    """For the test that every reason is worded: no fallback here."""
    return reason in _table()
