"""Deterministic seed data: a Canadian café's last two days on Stripe Terminal.

The same ``seed`` always gives the same accounts, readers, ids and payments; times are
relative to the sandbox clock. The first payments cover every case the app must handle
(Interac partly and fully refunded, card payments refunded online, authorizations not
captured -- one close to its ``capture_before`` -- girocard in EUR, eftpos in AUD, JPY,
canceled and incomplete ones, destination charges to the connected account); the rest
are drawn at random from a realistic mix. Seeding writes no events.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from . import objects
from .cards import INTERAC_CARD, CardInfo
from .store import Account, Store

HOUR = 3600
DESCRIPTIONS = (
    "2 × Latte, croissant",
    "Gift card top-up",
    "Flat white",
    "Sourdough loaf",
    "Espresso beans 340 g",
    "Lunch combo",
    "3 × Cappuccino",
    "2 × Pain au chocolat",
    "Oat milk latte, blueberry muffin",
    "Bagel with cream cheese",
    "Tea sampler",
    "Catering order",
    "Americano",
    "London fog, cookie",
    None,
    None,
)


@dataclass(frozen=True)
class Kind:
    """One kind of seeded payment."""

    network: str  # interac, visa, mastercard, amex, discover, girocard, eftpos_au
    currency: str = "cad"
    outcome: str = (
        "succeeded"  # succeeded | authorized | canceled | released | incomplete | declined
    )
    refund: str = ""  # "" | partial | full
    age_hours: float | None = None
    destination: bool = False
    fee: bool = False


MUST_HAVE = (
    Kind("interac"),
    Kind("interac", refund="partial"),
    Kind("interac", refund="partial"),
    Kind("interac", refund="full"),
    Kind("visa"),
    Kind("visa", refund="partial"),
    Kind("mastercard"),
    Kind("mastercard", refund="full"),
    Kind("amex"),
    Kind("discover"),
    Kind("visa", outcome="authorized"),
    Kind("visa", outcome="authorized"),
    Kind("mastercard", outcome="authorized", age_hours=47.0),
    Kind("amex", outcome="authorized"),
    Kind("discover", outcome="authorized"),
    Kind("girocard", "eur"),
    Kind("girocard", "eur", refund="partial"),
    Kind("eftpos_au", "aud"),
    Kind("eftpos_au", "aud"),
    Kind("visa", "jpy"),
    Kind("visa", outcome="released"),
    Kind("interac", outcome="canceled"),
    Kind("mastercard", outcome="incomplete"),
    Kind("visa", outcome="declined"),
    Kind("visa", destination=True, fee=True),
    Kind("interac", destination=True, fee=True),
)
MIX = (
    (Kind("interac"), 30),
    (Kind("interac", refund="partial"), 3),
    (Kind("visa"), 22),
    (Kind("mastercard"), 14),
    (Kind("amex"), 5),
    (Kind("discover"), 2),
    (Kind("visa", refund="partial"), 2),
    (Kind("visa", outcome="authorized"), 3),
    (Kind("mastercard", outcome="authorized"), 2),
    (Kind("girocard", "eur"), 2),
    (Kind("eftpos_au", "aud"), 2),
    (Kind("visa", "jpy"), 1),
    (Kind("visa", outcome="canceled"), 1),
    (Kind("interac", outcome="incomplete"), 1),
)
CONNECTED = (
    Kind("interac", fee=True),
    Kind("interac", fee=True, refund="partial"),
    Kind("visa", fee=True),
    Kind("mastercard", fee=True, outcome="authorized"),
    Kind("amex"),
)
_COUNTRY = {"interac": "CA", "girocard": "DE", "eftpos_au": "AU"}
_FUNDING = {"interac": "debit", "girocard": "debit", "eftpos_au": "debit"}


def _amount(rng: random.Random, kind: Kind, description: str | None) -> int:
    if kind.currency == "jpy":
        return rng.randrange(450, 3800, 10)
    if description == "Gift card top-up":
        return rng.choice((2500, 5000, 10000))
    if description == "Catering order":
        return rng.randrange(8000, 32000, 5)
    return rng.randrange(325, 4800, 5)


def _account(store: Store, name: str, *, platform: bool, city: str) -> Account:
    acct_id = "acct_1" + store.ids.token(15)
    obj = {
        "id": acct_id,
        "object": "account",
        "business_profile": {
            "mcc": "5814",
            "name": name,
            "product_description": "Café and bakery",
            "support_email": None,
            "support_phone": "+14165550134",
            "support_url": None,
            "url": "https://mapleandbean.example",
        },
        "business_type": "company",
        "capabilities": {"card_payments": "active", "transfers": "active"},
        "charges_enabled": True,
        "country": "CA",
        "created": store.now() - 400 * 86400,
        "default_currency": "cad",
        "details_submitted": True,
        "email": None,
        "metadata": {"city": city},
        "payouts_enabled": True,
        "settings": {
            "branding": {
                "icon": None,
                "logo": None,
                "primary_color": "#6b3e26",
                "secondary_color": None,
            },
            "card_payments": {
                "decline_on": {"avs_failure": False, "cvc_failure": False},
                "statement_descriptor_prefix": name.upper()[:10],
            },
            "dashboard": {"display_name": name, "timezone": "America/Toronto"},
            "payments": {"statement_descriptor": name.upper()[:22]},
        },
        "type": "standard" if platform else "express",
    }
    account = Account(acct_id, obj, platform=platform)
    store.accounts[acct_id] = account
    return account


def _location(store: Store, account: Account, name: str, address: dict[str, str]) -> dict[str, Any]:
    loc = {
        "id": "tml_" + store.ids.token(14),
        "object": "terminal.location",
        "address": {"line2": None, **address, "country": "CA"},
        "display_name": name,
        "livemode": False,
        "metadata": {},
    }
    account.locations.add(loc, store.now() - 300 * 86400)
    return loc


def _reader(
    store: Store, account: Account, loc: dict[str, Any], device: str, label: str, online: bool
) -> dict[str, Any]:
    rng = store.ids.rng
    simulated = device.startswith("simulated")
    if simulated:
        serial = "-".join(store.ids.token(n).lower() for n in (8, 4, 4, 4, 12))
    else:
        serial = ("WSC513" if "wisepos" in device else "STRM26") + str(rng.randrange(10**8, 10**9))
    now_ms = int(store.clock.now() * 1000)
    reader = {
        "id": "tmr_" + store.ids.token(14),
        "object": "terminal.reader",
        "action": None,
        "device_sw_version": "2.37.2.0" if simulated else rng.choice(("2.41.3.0", "2.42.1.0")),
        "device_type": device,
        "ip_address": "0.0.0.0" if simulated else f"192.168.1.{rng.randrange(20, 60)}",
        "label": label,
        "last_seen_at": now_ms - (1500 if online else rng.randrange(3, 6) * HOUR * 1000),
        "livemode": False,
        "location": loc["id"],
        "metadata": {},
        "serial_number": serial,
        "status": "online" if online else "offline",
    }
    account.readers.add(reader, store.now() - 200 * 86400 + len(account.readers))
    return reader


def _card(rng: random.Random, network: str) -> tuple[str, CardInfo]:
    if network == "interac":
        return INTERAC_CARD, CardInfo("interac", "interac", "debit", "1933", "CA", True)
    last4 = f"{rng.randrange(10000):04d}"
    funding = _FUNDING.get(network) or rng.choice(("credit", "credit", "credit", "debit"))
    single = network in ("eftpos_au",)
    info = CardInfo(
        network,
        network,
        funding,
        last4,
        _COUNTRY.get(network, rng.choice(("CA", "CA", "US"))),
        single,
    )
    return "4" + "0" * 11 + last4, info


def _payment(
    store: Store,
    account: Account,
    kind: Kind,
    created: int,
    readers: list[dict[str, Any]],
    rng: random.Random,
    destination: str | None,
) -> None:
    ids, now = store.ids, store.now()
    description = rng.choice(DESCRIPTIONS)
    amount = _amount(rng, kind, description)
    interac = kind.network == "interac"
    types = ["card_present", "interac_present"] if kind.currency == "cad" else ["card_present"]
    pi = objects.payment_intent(
        ids,
        amount=amount,
        currency=kind.currency,
        created=created,
        payment_method_types=types,
        capture_method="manual",
        description=description,
        metadata={"order_id": str(rng.randrange(1000, 9999)), "till": rng.choice("123")}
        if rng.random() < 0.4
        else None,
        application_fee_amount=max(1, amount // 20) if kind.fee else None,
        transfer_destination=destination if kind.destination else None,
    )
    account.payment_intents.add(pi, created)
    if kind.outcome in ("incomplete", "canceled"):
        if kind.outcome == "canceled":
            pi.update(status="canceled", canceled_at=created + 40, cancellation_reason="abandoned")
        return
    number, card = _card(rng, kind.network)
    reader = rng.choice(readers)
    single = card.single_message or interac
    capture_before = None if single else created + (5 if kind.network == "visa" else 2) * 86400
    details = objects.payment_method_details(
        card,
        rng=rng,
        reader=reader["id"],
        location=reader["location"],
        amount=amount,
        created=created,
        interac=interac,
        capture_before=capture_before,
        wallet=rng.choice(("apple_pay", "google_pay"))
        if rng.random() < 0.15 and not single
        else None,
        read_method="contact_emv" if rng.random() < 0.2 else "contactless_emv",
    )
    declined = kind.outcome == "declined"
    authorized_only = kind.outcome in ("authorized", "released") and not single
    failure = ("card_declined", "Your card was declined.", "generic_decline") if declined else None
    ch = objects.charge(
        ids,
        pi,
        created=created,
        details=details,
        captured=not authorized_only,
        statement_name=account.obj["settings"]["payments"]["statement_descriptor"],
        failure=failure,
    )
    account.charges[ch["id"]] = ch
    account.card_numbers[ch["id"]] = number
    pi.update(latest_charge=ch["id"], payment_method=ch["payment_method"])
    if declined:
        pi["last_payment_error"] = {
            "charge": ch["id"],
            "code": "card_declined",
            "decline_code": "generic_decline",
            "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            "message": "Your card was declined.",
            "payment_method_type": "card_present",
            "type": "card_error",
        }
        return
    if kind.outcome == "authorized" and not single:
        pi.update(status="requires_capture", amount_capturable=amount)
        store.add_deadline(capture_before or now, account.id, pi["id"])
        return
    if kind.outcome == "released":
        pi.update(
            status="canceled",
            canceled_at=created + 300,
            cancellation_reason="requested_by_customer",
        )
        _refund(store, account, ch, amount, created + 300, rng)
        return
    pi.update(status="succeeded", amount_received=amount)
    if kind.refund:
        part = amount if kind.refund == "full" else max(1, amount // rng.choice((2, 3, 4)))
        _refund(
            store, account, ch, part, rng.randrange(created + 60, max(created + 61, now - 30)), rng
        )


def _refund(
    store: Store, account: Account, ch: dict[str, Any], amount: int, when: int, rng: random.Random
) -> None:
    ref = objects.refund(
        store.ids,
        ch,
        amount=amount,
        created=when,
        reason=None if not ch["captured"] else rng.choice(("requested_by_customer", None)),
    )
    account.refunds.add(ref, when)
    account.charge_refunds.setdefault(ch["id"], []).append(ref["id"])
    ch["amount_refunded"] += amount
    ch["refunded"] = ch["amount_refunded"] >= ch["amount"]


def seed(store: Store, payments: int = 80) -> None:
    """Fill an empty store: platform + connected account, locations, readers, payments."""
    rng = random.Random(store.seed * 7919 + 17)
    platform = _account(store, "Maple & Bean Café", platform=True, city="Toronto")
    store.platform_id = platform.id
    connected = _account(store, "Maple & Bean Kitsilano", platform=False, city="Vancouver")
    toronto = _location(
        store,
        platform,
        "Maple & Bean — Queen St W",
        {"line1": "782 Queen St W", "city": "Toronto", "state": "ON", "postal_code": "M6J 1E9"},
    )
    montreal = _location(
        store,
        platform,
        "Maple & Bean — Plateau",
        {
            "line1": "4130 Rue Saint-Denis",
            "city": "Montréal",
            "state": "QC",
            "postal_code": "H2W 2M5",
        },
    )
    kits = _location(
        store,
        connected,
        "Maple & Bean — Kitsilano",
        {"line1": "2198 W 4th Ave", "city": "Vancouver", "state": "BC", "postal_code": "V6K 1N7"},
    )
    readers = [
        _reader(store, platform, toronto, "bbpos_wisepos_e", "Front counter", True),
        _reader(store, platform, toronto, "stripe_s700", "Pickup counter", True),
        _reader(store, platform, montreal, "simulated_wisepos_e", "Comptoir", True),
        _reader(store, platform, montreal, "simulated_stripe_s700", "Terrasse", True),
        _reader(store, platform, montreal, "bbpos_wisepos_e", "Back office", False),
    ]
    kits_readers = [_reader(store, connected, kits, "simulated_wisepos_e", "Kits counter", True)]
    now = store.now()
    kinds = list(MUST_HAVE[:payments])
    weights = [w for _, w in MIX]
    kinds += rng.choices([k for k, _ in MIX], weights, k=max(0, payments - len(kinds)))
    planned = []
    for kind in kinds:
        age = kind.age_hours * HOUR if kind.age_hours else rng.uniform(120, 47.5 * HOUR)
        planned.append((now - int(age), kind))
    planned.sort(key=lambda p: p[0])
    for created, kind in planned:
        _payment(store, platform, kind, created, readers, rng, connected.id)
    for kind in CONNECTED:
        _payment(
            store, connected, kind, now - int(rng.uniform(600, 40 * HOUR)), kits_readers, rng, None
        )
