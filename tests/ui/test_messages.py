"""ui/messages.py: every reason of every family has words, filled from its parameters; old
journal texts still show; amounts are written the way the screen writes them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pos_refunds.domain import errors as e
from pos_refunds.domain.money import Money
from pos_refunds.domain.reasons import (
    FAMILIES,
    AmountReason,
    ApprovalNeed,
    ApprovalReason,
    AuditReason,
    Coded,
    KeyNote,
    ReaderReason,
    RecoveryReason,
    StripeReason,
    plain_params,
)
from pos_refunds.ui import messages
from pos_refunds.ui.messages import (
    approval_words,
    error_words,
    journal_outcome_words,
    reader_failure_words,
    words,
)

# A value for every parameter any reason names (see the comments in domain/reasons.py).
SAMPLE: dict[str, object] = {
    "text": "12,50", "currency": "cad", "typed": "eur", "decimals": 2,
    "maximum": Money(50000, "cad"), "status": "requires_capture", "network": "Visa",
    "limit": Money(20000, "cad"), "needs": (Coded(ApprovalNeed.PARTIAL),), "name": "Morgan",
    "shortest": 4, "longest": 8, "said": "Your card was declined.", "what": "a payment",
    "detail": "“amount” is missing", "reader": "Counter 1", "problem": StripeReason.NETWORK_DOWN,
    "problem_params": {}, "failure_code": "card_declined", "failure_message": "Declined.",
    "error": "recovery.no_refund", "error_params": {}, "missing": ("write Refunds",),
    "kind": "refund_online", "amount": Money(1250, "cad"), "payment": "pi_1", "refund": "re_1",
    "count": 2, "refund_amount": Money(1000, "cad"), "entry": 4, "first": 2, "second": 3,
    "position": 5, "last": 6, "expected": 10, "found": 8, "state": "captured", "total": 3,
    "lines": ("$12.50 on Visa •••• 4242 — Not captured.",), "file": "day.pdf",
    "folder": "/gone", "why": "No such file or directory",
}
MEMBERS = [m for family in FAMILIES for m in family]


@pytest.mark.parametrize("reason", MEMBERS, ids=lambda m: m.value)
def test_every_reason_has_words(reason) -> None:
    assert messages.has_words(reason)
    text = words(reason, SAMPLE)  # a KeyError here is a reason, or a placeholder, without words
    assert text.strip() and "{" not in text and "}" not in text
    assert reason.value not in text  # never the code itself


def test_reason_values_are_unique_across_families() -> None:
    assert len({m.value for m in MEMBERS}) == len(MEMBERS)


def test_amounts_are_written_as_on_screen() -> None:
    need = approval_words([Coded(ApprovalNeed.PARTIAL),
                           Coded(ApprovalNeed.OVER_LIMIT, {"limit": Money(20000, "cad")})])
    assert need == ("Partial refunds need a manager's approval. "
                    "Refunds over $200.00 need a manager's approval.")
    over = e.AmountError(AmountReason.OVER_REFUNDABLE, maximum=Money(50000, "cad"))
    assert error_words(over) == ("Check the amount", "At most $500.00 can be refunded.", "")
    assert words(ApprovalNeed.NO_LIMIT, {"currency": "gbp"}) == (
        "No refund limit is set for GBP: every refund needs a manager's approval.")


def test_an_error_has_its_kinds_title_and_its_reference() -> None:
    down = e.NetworkDown(StripeReason.NETWORK_DOWN, request_id="req_1")
    assert error_words(down) == (
        "No connection",
        "Cannot reach Stripe. Check the shop's internet connection; nothing was lost.",
        "Reference: req_1")
    needed = e.ApprovalRequired(ApprovalReason.NEEDED, needs=(Coded(ApprovalNeed.PARTIAL),))
    assert error_words(needed)[:2] == ("Manager approval needed",
                                       "Partial refunds need a manager's approval.")


def test_anything_else_is_an_unexpected_error() -> None:
    title, text, reference = error_words(RuntimeError("boom"))
    assert title == "Unexpected error" and "Something unexpected happened" in text
    assert "boom" not in text and reference == ""


def test_stripes_words_are_quoted_where_they_help() -> None:
    declined = e.CardDeclined(StripeReason.CARD_DECLINED, said="Your card has insufficient funds.")
    assert error_words(declined)[1] == "The card was declined: Your card has insufficient funds."
    silent = e.CardDeclined(StripeReason.CARD_DECLINED, said="")
    assert error_words(silent)[1] == "The card was declined: no reason given"
    permission = e.PermissionMissing(StripeReason.PERMISSION, said="")
    assert error_words(permission)[1].endswith("the missing permission.")


@pytest.mark.parametrize(("code", "text"), [
    ("card_declined", "The card was declined"),
    ("terminal_reader_timeout", "The customer did not present a card in time"),
    ("customer_canceled", "The customer canceled on the reader"),
    ("card_mismatch", "This is not the card the payment was made with"),
])
def test_the_readers_failure_codes_are_words_not_codes(code: str, text: str) -> None:
    assert reader_failure_words(code, "Stripe's own message.") == text


def test_an_unknown_failure_code_keeps_stripes_message_and_the_code() -> None:
    assert reader_failure_words("reader_exploded", "The reader stopped.") == (
        "The reader stopped (reader_exploded)")
    assert reader_failure_words(None, None) == "The reader did not complete the refund"


def test_journaled_outcomes_are_words_and_old_texts_show_as_stored() -> None:
    assert journal_outcome_words("recovery.no_refund") == (
        "Stripe has no refund from this operation.")
    stored = plain_params({"status": "canceled"})
    assert journal_outcome_words(RecoveryReason.PAYMENT_IS.value, stored) == (
        "Not carried out: the payment is canceled.")
    captured = plain_params({"status": "succeeded"})
    assert journal_outcome_words(RecoveryReason.PAYMENT_IS.value, captured) == (
        "Not carried out: the payment is captured.")
    failed = plain_params({"failure_code": "card_declined", "failure_message": ""})
    assert journal_outcome_words("reader.failed", failed) == "The card was declined."
    # A journal written before codes holds the sentence itself: shown as it is.
    old = "The reader did not complete the refund. (card_declined)"
    assert journal_outcome_words(old) == old
    assert journal_outcome_words(None) == ""


def test_a_stripe_error_kept_in_the_journal_reads_back_in_words() -> None:
    from pos_refunds.services.operations import journaled

    said = journaled(e.InvalidRequest(StripeReason.REFUSED, said="Bad key sk_test_abcd1234"))
    assert said["error"] == "stripe.refused"
    assert "sk_test" not in str(said["details"])  # masked, never refused
    assert journal_outcome_words(said["error"], said["details"]["error_params"]) == (
        "Stripe refused the request: Bad key [redacted key]")


def test_money_and_times_survive_the_journal() -> None:
    from pos_refunds.domain.reasons import params_from_plain

    values = {"maximum": Money(1250, "cad"), "at": datetime(2026, 12, 2, tzinfo=UTC),
              "needs": (Coded(ApprovalNeed.PARTIAL),)}
    assert params_from_plain(plain_params(values)) == values


def test_audit_findings_name_the_operation_in_words() -> None:
    finding = Coded(AuditReason.MANY_REFUNDS, {"kind": "refund_on_reader",
                                               "amount": Money(500, "cad"), "payment": "pi_9",
                                               "count": 2})
    assert messages.finding_words(finding) == (
        "Stripe holds 2 refunds from the refund on a reader of $5.00 on pi_9.")


def test_reader_progress_and_key_notes() -> None:
    from pos_refunds.services.api import ReaderProgress, Step

    sending = ReaderProgress(Step.SENDING, None, ReaderReason.SENDING, {"reader": "Counter 1"})
    assert messages.reader_words(sending) == "Sending the refund to Counter 1…"
    trouble = ReaderProgress(Step.WAITING_FOR_CARD, None, ReaderReason.CONNECTION_PROBLEM,
                             {"problem": StripeReason.NETWORK_DOWN, "problem_params": {}})
    assert messages.reader_words(trouble) == (
        "Connection problem (Cannot reach Stripe. Check the shop's internet connection; "
        "nothing was lost). Still following the reader…")
    assert messages.key_note_words(KeyNote.NO_KEY) == "No Stripe key set up yet: training mode."
    assert messages.key_note_words(None) == ""


def test_a_stored_key_is_named_by_kind_and_last_four() -> None:
    from pos_refunds.domain.account import KeySummary

    assert messages.key_summary_words(KeySummary.of("rk_live_fake_Secret7d3F")) == (
        "Restricted live key ending in 7d3F")
    assert messages.key_summary_words(KeySummary.of("sk_test_training")) == (
        "Secret test key ending in ning")


def test_every_text_is_a_literal_lupdate_can_extract() -> None:
    """pyside6-lupdate reads only literal arguments of translate(): no variable, no f-string."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(messages.__file__).read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Name) and n.func.id == "translate"]
    assert len(calls) > 200
    for call in calls:
        # (context, text) or (context, text, disambiguation); plurals go through Messages.tr
        literal = all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)
        assert len(call.args) in (2, 3) and literal, call.lineno
        assert call.args[0].value == "Messages", call.lineno


def test_roles_in_words() -> None:
    assert (messages.role_words("cashier"), messages.role_words("manager")) == (
        "Cashier", "Manager")
    assert messages.role_words("owner") == "owner"  # a role of a later version, as stored


def test_in_french_the_words_their_plurals_and_the_operation_named(french) -> None:
    from pos_refunds.domain.reasons import BatchReason

    assert words(AmountReason.EMPTY) == "Entrez un montant."
    one = words(BatchReason.CAPTURE_INCOMPLETE, {"count": 1, "total": 3, "lines": ()})
    assert one == "1 autorisation sur 3 n’a pas été capturée\u00a0:\nLes autres ont été capturées."
    two = words(BatchReason.CANCEL_INCOMPLETE, {"count": 3, "total": 3, "lines": ()})
    assert two == "3 autorisations sur 3 n’ont pas été annulées\u00a0:"
    finding = Coded(AuditReason.MANY_REFUNDS, {"kind": "refund_on_reader",
                                               "amount": Money(500, "cad"), "payment": "pi_9",
                                               "count": 2})
    said = messages.finding_words(finding)
    assert said.startswith("Stripe détient 2 remboursements issus de l’opération de "
                           "remboursement sur le lecteur de 5,00")
    assert said.endswith(" du paiement pi_9.")
    assert words(StripeReason.PERMISSION, {"said": "No."}).endswith("Réponse de Stripe\u00a0: No.")
