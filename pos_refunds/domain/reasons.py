"""What the layers below the UI say, as codes: one enum per family, parameters beside them.

No words live here. `pos_refunds.ui.messages` turns every member into words the cashier reads
(translated); a member's value is namespaced by its family, so a value kept in the journal
names one member only, whatever enum it came from.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class AmountReason(enum.StrEnum):
    EMPTY = "amount.empty"
    NOT_AN_AMOUNT = "amount.not_an_amount"  # text
    OTHER_CURRENCY = "amount.other_currency"  # currency, typed
    NO_DECIMALS = "amount.no_decimals"  # currency
    TOO_MANY_DECIMALS = "amount.too_many_decimals"  # currency, decimals
    NEGATIVE = "amount.negative"
    TOO_LARGE = "amount.too_large"  # maximum (Money)
    ZERO = "amount.zero"
    OVER_REFUNDABLE = "amount.over_refundable"  # maximum (Money)


class PolicyReason(enum.StrEnum):
    """Why an action is not offered for a payment (the rule table's cells)."""

    UNKNOWN_STATUS = "policy.unknown_status"  # status
    PROCESSING = "policy.processing"
    ALREADY_CANCELED = "policy.already_canceled"
    CANCELED_NO_CAPTURE = "policy.canceled_no_capture"
    CANCELED_NO_REFUND = "policy.canceled_no_refund"
    NOTHING_COLLECTED = "policy.nothing_collected"
    FULLY_REFUNDED = "policy.fully_refunded"
    NOT_AUTHORIZED_YET = "policy.not_authorized_yet"
    NOT_PAID_YET = "policy.not_paid_yet"
    NOT_LOADED = "policy.not_loaded"
    SINGLE_MESSAGE_WAITING = "policy.single_message_waiting"  # network
    CANCEL_UNSUPPORTED = "policy.cancel_unsupported"  # network
    NOT_CAPTURED_CAPTURE_FIRST = "policy.not_captured_capture_first"
    NOT_CAPTURED = "policy.not_captured"
    SINGLE_MESSAGE_CANCEL = "policy.single_message_cancel"  # network
    ALREADY_CAPTURED_REFUND = "policy.already_captured_refund"
    ALREADY_CAPTURED = "policy.already_captured"
    INTERAC_ON_READER = "policy.interac_on_reader"
    READER_INTERAC_ONLY = "policy.reader_interac_only"


class ApprovalNeed(enum.StrEnum):
    """Why a manager must approve a refund."""

    PARTIAL = "approval_need.partial"
    NO_LIMIT = "approval_need.no_limit"  # currency
    OVER_LIMIT = "approval_need.over_limit"  # limit (Money)


class ApprovalReason(enum.StrEnum):
    """An approval needed, or one that does not hold."""

    NEEDED = "approval.needed"  # needs (tuple of Coded ApprovalNeed)
    NO_STAFF_LIST = "approval.no_staff_list"  # needs
    NOT_A_MANAGER = "approval.not_a_manager"  # name
    WRONG_OPERATION = "approval.wrong_operation"
    TOO_OLD = "approval.too_old"
    NOT_ISSUED = "approval.not_issued"
    NO_LONGER_MANAGER = "approval.no_longer_manager"  # name


class AccessReason(enum.StrEnum):
    """Who may do what at this till."""

    SIGN_IN_FIRST = "access.sign_in_first"
    NOT_ON_LIST = "access.not_on_list"  # name
    MANAGER_ONLY_JOURNAL = "access.manager_only_journal"
    MANAGER_ONLY_END_OF_DAY = "access.manager_only_end_of_day"
    MANAGER_ONLY_SETTINGS = "access.manager_only_settings"
    MANAGER_ONLY_STAFF = "access.manager_only_staff"
    PRACTICE_SETTINGS = "access.practice_settings"
    NO_BACKUP_IN_TRAINING = "access.no_backup_in_training"
    NO_RESTORE_OVER_DATA = "access.no_restore_over_data"


class PinReason(enum.StrEnum):
    SHAPE = "pin.shape"  # shortest, longest
    NOT_THE_SAME = "pin.not_the_same"


class StaffReason(enum.StrEnum):
    """A staff change refused."""

    NAME_EMPTY = "staff.name_empty"
    NAME_TOO_LONG = "staff.name_too_long"  # longest
    MANAGER_ONLY = "staff.manager_only"
    NOT_ON_LIST = "staff.not_on_list"
    LAST_MANAGER = "staff.last_manager"  # name
    NOT_YOURSELF = "staff.not_yourself"
    ALREADY_SET_UP = "staff.already_set_up"
    NAME_TAKEN = "staff.name_taken"  # name


class StripeReason(enum.StrEnum):
    """Stripe's answers, translated in the gateway (Stripe's own code stays on the error)."""

    KEY_REFUSED = "stripe.key_refused"
    PERMISSION = "stripe.permission"  # said
    RATE_LIMITED = "stripe.rate_limited"
    NETWORK_DOWN = "stripe.network_down"
    IDEMPOTENCY_CONFLICT = "stripe.idempotency_conflict"
    CARD_DECLINED = "stripe.card_declined"  # said
    IN_FLIGHT = "stripe.in_flight"
    UNREADABLE_ANSWER = "stripe.unreadable_answer"
    SERVER_ERROR = "stripe.server_error"
    OTHER = "stripe.other"  # said
    READER_OFFLINE = "stripe.reader_offline"
    READER_BUSY = "stripe.reader_busy"
    READER_TIMEOUT = "stripe.reader_timeout"
    ALREADY_REFUNDED = "stripe.already_refunded"
    OVER_REFUND = "stripe.over_refund"
    PAYMENT_CHANGED = "stripe.payment_changed"  # said
    NOT_FOUND = "stripe.not_found"  # said
    REFUSED = "stripe.refused"  # said
    UNREADABLE_OBJECT = "stripe.unreadable_object"  # what, detail
    READER_DELETED = "stripe.reader_deleted"


class ReaderReason(enum.StrEnum):
    """A reader refund's progress, and the reader's own refusals."""

    SENDING = "reader.sending"  # reader
    STILL_SENDING = "reader.still_sending"
    WAITING_FOR_CARD = "reader.waiting_for_card"
    OFFLINE_WAITING = "reader.offline_waiting"
    CONNECTION_PROBLEM = "reader.connection_problem"  # problem (reason), problem_params
    PROCESSING = "reader.processing"
    SUCCEEDED = "reader.succeeded"
    SETTLED_WITH_STRIPE = "reader.settled_with_stripe"
    SETTLED_AFTER_MOVING_ON = "reader.settled_after_moving_on"
    NO_ACTION = "reader.no_action"
    FAILED = "reader.failed"  # failure_code, failure_message (Stripe's)
    NOT_REFUNDED = "reader.not_refunded"  # error (journaled code or text), error_params
    OFFLINE = "reader.offline"  # reader
    BUSY = "reader.busy"  # reader
    NOT_CONFIRMED = "reader.not_confirmed"
    MOVED_ON_UNCONFIRMED = "reader.moved_on_unconfirmed"
    NOT_OURS = "reader.not_ours"  # reader
    NO_FINAL_STEP = "reader.no_final_step"


class OperationReason(enum.StrEnum):
    """The write-ahead runner and the settling of operations (journaled outcomes too)."""

    EARLIER_OPEN = "operation.earlier_open"
    BUSY_HERE = "operation.busy_here"
    EARLIER_DONE = "operation.earlier_done"
    NOT_CONFIRMED = "operation.not_confirmed"
    NOT_CARRIED_OUT = "operation.not_carried_out"  # error (journaled code or text), error_params


class RecoveryReason(enum.StrEnum):
    """Outcomes settling writes in the journal."""

    NOT_SENT = "recovery.not_sent"
    NO_REFUND = "recovery.no_refund"
    LEFT_OVER = "recovery.left_over"
    NOT_CARRIED_OUT = "recovery.not_carried_out"
    PAYMENT_IS = "recovery.payment_is"  # status


class KeyReason(enum.StrEnum):
    """Why a Stripe key or Connect account id cannot be used."""

    EMPTY = "key.empty"
    PUBLISHABLE = "key.publishable"
    WRONG_PREFIX = "key.wrong_prefix"
    NOT_WHOLE = "key.not_whole"
    BAD_ACCOUNT = "key.bad_account"
    NOT_ALLOWED = "key.not_allowed"  # missing (tuple of Stripe's permission names)


class KeychainReason(enum.StrEnum):
    NO_LIBRARY = "keychain.no_library"
    NO_KEYCHAIN = "keychain.no_keychain"
    UNREADABLE = "keychain.unreadable"
    NOT_STORED = "keychain.not_stored"
    NOT_DELETED = "keychain.not_deleted"
    TEST_SECRET_REFUSED = "keychain.test_secret_refused"  # the self-test's probe: why
    TEST_SECRET_LOST = "keychain.test_secret_lost"  # written, but not read back


class KeyNote(enum.StrEnum):
    """Why the app starts without a key (training mode), for the status bar."""

    NO_LIBRARY = "key_note.no_library"
    NO_KEYCHAIN = "key_note.no_keychain"
    UNREADABLE = "key_note.unreadable"
    NO_KEY = "key_note.no_key"
    TRAINING_FLAG = "key_note.training_flag"  # started with --training


class SettingsReason(enum.StrEnum):
    """Why the strict refund limits are in force."""

    UNTRUSTED_JOURNAL = "settings.untrusted_journal"
    UNREADABLE = "settings.unreadable"


class AuditReason(enum.StrEnum):
    """Where the journal and Stripe differ. Every one has kind, amount (Money or None) and
    payment: the operation it is about."""

    DONE_NO_REFUND = "audit.done_no_refund"
    NOT_DONE_REFUND = "audit.not_done_refund"  # refund
    MANY_REFUNDS = "audit.many_refunds"  # count
    AMOUNT_DIFFERS = "audit.amount_differs"  # refund, refund_amount
    DONE_BUT_STATUS = "audit.done_but_status"  # status
    NOT_DONE_CAPTURED = "audit.not_done_captured"
    PEOPLE_DIFFER = "audit.people_differ"
    SEAL_DIFFERS = "audit.seal_differs"


class ChainReason(enum.StrEnum):
    """What checking the journal's hash chain found."""

    CHANGED = "chain.changed"  # entry
    SWAPPED = "chain.swapped"  # first, second
    MOVED = "chain.moved"  # entry, position
    MISSING_ONE = "chain.missing_one"  # entry
    MISSING_RANGE = "chain.missing_range"  # first, last
    NEVER_PENDING = "chain.never_pending"  # entry
    CHANGES_WHO = "chain.changes_who"  # entry, first
    AFTER_CLOSED = "chain.after_closed"  # entry
    HEAD_MISSING = "chain.head_missing"
    REMOVED = "chain.removed"  # expected, found
    ADDED = "chain.added"  # expected, found
    UNPROTECTED = "chain.unprotected"


class SlipReason(enum.StrEnum):
    NOT_SUCCEEDED = "slip.not_succeeded"  # refund, status
    NOT_FOUND = "slip.not_found"  # refund, payment


class BatchReason(enum.StrEnum):
    """"Capture all" and "Cancel all" at the end of the day."""

    CHANGED_ELSEWHERE = "batch.changed_elsewhere"  # state (in the screen's words)
    CAPTURE_INCOMPLETE = "batch.capture_incomplete"  # count, total, lines (the screen's rows)
    CANCEL_INCOMPLETE = "batch.cancel_incomplete"  # count, total, lines


class FileReason(enum.StrEnum):
    """A file the UI was asked to write (an export, a PDF)."""

    NOT_WRITTEN = "file.not_written"  # file, folder, why (the system's words)
    NOT_WRITTEN_PDF = "file.not_written_pdf"  # file, folder


class TillReason(enum.StrEnum):
    IN_USE = "till.in_use"
    NOT_ANSWERING = "till.not_answering"


class BackupReason(enum.StrEnum):
    """Why a backup was not made or not restored (`detail`: what was found)."""

    NOTHING_TO_BACK_UP = "backup.nothing_to_back_up"  # this till has no journal yet
    NOT_A_BACKUP = "backup.not_a_backup"
    TOO_NEW = "backup.too_new"  # made by a newer version of the app
    DAMAGED = "backup.damaged"  # a file's hash differs from the manifest's
    CHAIN_BROKEN = "backup.chain_broken"  # the journal's entries were changed or removed
    STAFF_UNREADABLE = "backup.staff_unreadable"
    NOT_WRITTEN = "backup.not_written"  # the disk refused


FAMILIES: tuple[type[enum.StrEnum], ...] = (
    AmountReason, PolicyReason, ApprovalNeed, ApprovalReason, AccessReason, PinReason,
    StaffReason, StripeReason, ReaderReason, OperationReason, RecoveryReason, KeyReason,
    KeychainReason, KeyNote, SettingsReason, AuditReason, ChainReason, SlipReason, BatchReason,
    FileReason, TillReason, BackupReason,
)
_BY_VALUE: dict[str, enum.StrEnum] = {m.value: m for f in FAMILIES for m in f}


def reason_of(value: object) -> enum.StrEnum | None:
    """The member a stored value names; None for anything else (an old journal's text)."""
    return _BY_VALUE.get(value) if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Coded:
    """A reason and its parameters (plain values: Money, str, int, datetime, tuples)."""

    reason: enum.StrEnum
    params: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def __str__(self) -> str:  # a diagnostic form, for logs
        return f"{self.reason.value}{dict(self.params) or ''}"


Refusal = Coded  # why the policy does not offer an action
Finding = Coded  # a difference between the journal and Stripe, or a break in the chain


# --- parameters kept in the journal (JSON) ----------------------------------------------------

def plain_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters as JSON values, for the journal; `params_from_plain` reads them back."""
    return {k: _plain(v) for k, v in params.items()}


def _plain(value: Any) -> Any:
    from .money import Money  # money.py itself speaks in these reasons

    if isinstance(value, Money):
        return {"$money": [value.minor, value.currency]}
    if isinstance(value, datetime):
        return {"$time": value.isoformat()}
    if isinstance(value, Coded):
        return {"$reason": value.reason.value, "params": plain_params(value.params)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return plain_params(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def params_from_plain(plain: Mapping[str, Any] | None) -> dict[str, Any]:
    if not isinstance(plain, Mapping):
        return {}
    return {str(k): _unplain(v) for k, v in plain.items()}


def _unplain(value: Any) -> Any:
    from .money import Money

    if isinstance(value, Mapping):
        if "$money" in value:
            minor, currency = value["$money"]
            return Money(int(minor), str(currency))
        if "$time" in value:
            return datetime.fromisoformat(value["$time"])
        if "$reason" in value:
            reason = reason_of(value["$reason"])
            params = params_from_plain(value.get("params"))
            return Coded(reason, params) if reason is not None else value["$reason"]
        return params_from_plain(value)
    if isinstance(value, list):
        return tuple(_unplain(v) for v in value)
    return value
