"""Simulated cards: what a presented number means (stripe.md section 2.7).

Decline cards make the reader action fail with the code Stripe documents for them; any
other number is read as an approved card of the brand its prefix says.
"""

from __future__ import annotations

from dataclasses import dataclass

INTERAC_CARD = "4506445006931933"
VISA_CARD = "4242424242424242"
EFTPOS_CARD = "6280000360000978"


@dataclass(frozen=True)
class Decline:
    """How a decline test card fails."""

    code: str
    decline_code: str | None
    message: str


DECLINES: dict[str, Decline] = {
    "4000000000000002": Decline("card_declined", "generic_decline", "Your card was declined."),
    "4000000000009995": Decline(
        "card_declined", "insufficient_funds", "Your card has insufficient funds."
    ),
    "4000000000009987": Decline("card_declined", "lost_card", "Your card was declined."),
    "4000000000009979": Decline("card_declined", "stolen_card", "Your card was declined."),
    "4000000000000069": Decline("expired_card", "expired_card", "Your card has expired."),
    "4000000000000119": Decline(
        "processing_error",
        None,
        "An error occurred while processing your card. Try again in a little bit.",
    ),
}


@dataclass(frozen=True)
class CardInfo:
    """What the reader learns from a card."""

    brand: str
    network: str
    funding: str
    last4: str
    country: str
    single_message: bool  # Interac and eftpos: always captured at once


_KNOWN: dict[str, CardInfo] = {
    INTERAC_CARD: CardInfo("interac", "interac", "debit", "1933", "CA", True),
    EFTPOS_CARD: CardInfo("eftpos_au", "eftpos_au", "debit", "0978", "AU", True),
    "4000050360000001": CardInfo("visa", "eftpos_au", "debit", "0001", "AU", True),
    "5555050360000080": CardInfo("mastercard", "eftpos_au", "debit", "0080", "AU", True),
    "4000056655665556": CardInfo("visa", "visa", "debit", "5556", "US", False),
    "5200828282828210": CardInfo("mastercard", "mastercard", "debit", "8210", "US", False),
    "5105105105105100": CardInfo("mastercard", "mastercard", "prepaid", "5100", "US", False),
}


def brand_of(number: str) -> str:
    """Brand from the number's prefix (IIN ranges)."""
    if number.startswith(("34", "37")):
        return "amex"
    if number.startswith(("6011", "65", "644", "645", "646", "647", "648", "649")):
        return "discover"
    if number.startswith(("300", "301", "302", "303", "304", "305", "36", "38")):
        return "diners"
    if number.startswith("35"):
        return "jcb"
    if number.startswith("62"):
        return "unionpay"
    if number.startswith("4"):
        return "visa"
    if number[:2] in {"51", "52", "53", "54", "55"} or number[:1] == "2":
        return "mastercard"
    return "unknown"


def read_card(number: str, interac: bool = False) -> CardInfo:
    """What a simulated reader reports for ``number`` presented as card or Interac."""
    if number in _KNOWN:
        return _KNOWN[number]
    if interac:
        return CardInfo("interac", "interac", "debit", number[-4:], "CA", True)
    brand = brand_of(number)
    return CardInfo(brand, brand, "credit", number[-4:], "US", False)
