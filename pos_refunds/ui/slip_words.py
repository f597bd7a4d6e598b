"""The words and the locale of a refund slip: the till's language, or the customer's.

A slip is read by the customer, who may not speak the till's language: `SlipWords.of(code)`
asks that language's catalogue directly (the screens keep the application's translators), and
formats amounts and dates in its locale. `SlipWords.of(None)` is the till's own language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLocale

from . import i18n

Translate = Callable[..., str]  # (context, source, disambiguation=None, n=-1) -> text


@dataclass(frozen=True)
class SlipWords:
    translate: Translate = QCoreApplication.translate
    locale: QLocale = field(default_factory=QLocale)
    code: str | None = None  # the language asked for; None: the till's

    @classmethod
    def of(cls, code: str | None) -> SlipWords:
        """The slip in `code` ("en" | "fr"), or in the till's language when None."""
        if code is None:
            return cls()
        found = i18n.catalogue(code)
        return cls(found.translate, found.locale, code)

    # Every text below is a literal in a `self.translate(...)` call, for pyside6-lupdate.

    def headline(self) -> str:
        return self.translate("Messages", "REFUND")

    def training_mark(self) -> str:
        return self.translate("Messages", "TRAINING — NOT A REAL REFUND")

    def card(self) -> str:
        return self.translate("RefundSlip", "Card")

    def original_payment(self) -> str:
        return self.translate("RefundSlip", "Original payment")

    def paid_on(self) -> str:
        return self.translate("RefundSlip", "Paid on")

    def payment(self) -> str:
        return self.translate("RefundSlip", "Payment")

    def fully_refunded(self) -> str:
        return self.translate("RefundSlip", "Fully refunded")

    def refunded(self) -> str:
        return self.translate("RefundSlip", "Refunded", "how the refund was made")

    def in_person(self, reader: str | None) -> str:
        if reader:
            return self.translate("RefundSlip", "in person on {reader}").format(reader=reader)
        return self.translate("RefundSlip", "in person, card on a reader")

    def refund(self) -> str:
        return self.translate("RefundSlip", "Refund", "the refund's id")

    def reason_label(self) -> str:
        return self.translate("RefundSlip", "Reason")

    def served_by(self) -> str:
        return self.translate("RefundSlip", "Served by")

    def signature(self) -> str:
        return self.translate("RefundSlip", "Customer signature")

    def keep(self) -> str:
        return self.translate("RefundSlip", "Keep this slip for your records.")

    def receipt_label(self, name: str) -> str:
        """A field of the card's receipt data (EMV), as receipts name it."""
        t = self.translate
        labels = {
            "application_preferred_name": t("Messages", "Application"),
            "dedicated_file_name": t("Messages", "AID"),
            "account_type": t("Messages", "Account type"),
            "authorization_code": t("Messages", "Authorization code"),
            "authorization_response_code": t("Messages", "ARC"),
            "cardholder_verification_method": t("Messages", "Verification"),
            "terminal_verification_results": t("Messages", "TVR"),
            "transaction_status_information": t("Messages", "TSI"),
        }
        return labels.get(name, name.replace("_", " ").capitalize())

    def receipt_value(self, name: str, value: str) -> str:
        """The verification method in words, the account type capitalised, everything else as
        Stripe sent it."""
        t = self.translate
        if name == "cardholder_verification_method":
            cvm = {
                "online_pin": t("Messages", "PIN verified online"),
                "offline_pin": t("Messages", "PIN verified by the card"),
                "offline_pin_and_signature": t("Messages",
                                               "PIN verified by the card and signature"),
                "signature": t("Messages", "Signature"),
                "approval": t("Messages", "No verification required"),
                "none": t("Messages", "No verification"),
                "failure": t("Messages", "Verification failed"),
            }
            return cvm.get(value, value.replace("_", " "))
        if name == "account_type":
            account = {
                "checking": t("Messages", "Checking", "account type on a receipt"),
                "savings": t("Messages", "Savings", "account type on a receipt"),
                "credit": t("Messages", "Credit", "account type on a receipt"),
                "prepaid": t("Messages", "Prepaid", "account type on a receipt"),
                "unknown": t("Messages", "Unknown", "account type on a receipt"),
            }
            return account.get(value, value.replace("_", " ").capitalize())
        return value

    def reason(self, reason: str | None, note: str | None = None) -> str | None:
        """Stripe's refund reason in words, then the cashier's note."""
        t = self.translate
        known = {
            "requested_by_customer": t("Messages", "Requested by the customer"),
            "duplicate": t("Messages", "Duplicate payment"),
            "fraudulent": t("Messages", "Fraudulent payment"),
            "expired_uncaptured_charge": t("Messages", "Authorization expired"),
        }
        said = known.get(reason or "", (reason or "").replace("_", " "))
        text = " — ".join(x for x in (said.capitalize() if said else "", (note or "").strip())
                          if x)
        return text or None
