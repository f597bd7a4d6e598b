"""Money, dates and ages in the words and digits of the cashier's locale.

The one place the UI turns domain values into text, so every screen shows an amount or a time
the same way. Amounts are never converted through float for arithmetic; float is used only to
hand a display value to QLocale, whose precision covers any real till amount.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale

from ..domain.money import Money
from ..domain.payments import Payment, network_name

# Symbols for currencies a locale does not own (a CAD locale shows USD as "US$").
_FOREIGN_SYMBOLS = {
    "usd": "US$",
    "cad": "CA$",
    "aud": "A$",
    "nzd": "NZ$",
    "eur": "€",
    "gbp": "£",
    "jpy": "¥",
    "inr": "₹",
    "krw": "₩",
    "chf": "CHF",
}


def _locale(locale: QLocale | None) -> QLocale:
    """The given locale, or the default; the bare C locale is read as Canadian English."""
    loc = locale if locale is not None else QLocale()
    if loc.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.Canada)
    return loc


def currency_symbol(currency: str, locale: QLocale | None = None) -> str:
    """The symbol a customer of this locale expects for `currency`."""
    loc = _locale(locale)
    code = currency.upper()
    if loc.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode) == code:
        return loc.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
    return _FOREIGN_SYMBOLS.get(currency.lower(), code + "\u00a0")


def format_money(m: Money, locale: QLocale | None = None) -> str:
    """"$12.50" (en_CA), "12,50 $" (fr_CA), with exactly the currency's decimals."""
    loc = _locale(locale)
    text = loc.toCurrencyString(float(m.to_decimal()), currency_symbol(m.currency, loc), m.exponent)
    return text.strip("\u00a0 ")


def _qdatetime(dt: datetime) -> QDateTime:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return QDateTime.fromMSecsSinceEpoch(int(dt.timestamp() * 1000))


def format_datetime(dt: datetime, locale: QLocale | None = None) -> str:
    """The locale's short date and the time as everywhere else ("2026-11-29 18:40")."""
    loc = _locale(locale)
    day = loc.toString(_qdatetime(dt).toLocalTime().date(), QLocale.FormatType.ShortFormat)
    return f"{day} {format_time(dt, loc)}"


def format_time(dt: datetime, locale: QLocale | None = None, *, seconds: bool = False) -> str:
    """Local time of day only ("20:41" or "20:41:05")."""
    loc = _locale(locale)
    fmt = "HH:mm:ss" if seconds else "HH:mm"
    return loc.toString(_qdatetime(dt).time(), fmt)


def format_day(dt: datetime, locale: QLocale | None = None, *, now: datetime) -> str:
    """A short date in the locale's words: "27 Nov", with the year only when it is not the
    year of `now` (the caller's clock: nothing here reads one)."""
    loc = _locale(locale)
    day = _qdatetime(dt).toLocalTime().date()
    today = _qdatetime(now).toLocalTime().date()
    if day.year() != today.year():
        return loc.toString(day, QLocale.FormatType.ShortFormat)
    return loc.toString(day, "d MMM").rstrip(".")


def format_when(dt: datetime, locale: QLocale | None = None, *, now: datetime) -> str:
    """"Today 18:31", "Yesterday 18:31", "Tomorrow 09:00" or the short date and time; today is
    the local day of `now`.

    The table's time column: a till's list spans days, so the time alone would mislead.
    """
    day = _qdatetime(dt).toLocalTime().date()
    today = _qdatetime(now).toLocalTime().date()
    time = format_time(dt, locale)
    days = day.daysTo(today)
    if days == 0:
        return f"Today {time}"
    if days == 1:
        return f"Yesterday {time}"
    if days == -1:  # a capture deadline
        return f"Tomorrow {time}"
    return f"{format_day(dt, locale, now=now)} {time}"


def format_age(dt: datetime, *, now: datetime) -> str:
    """How long before `now`, in words a cashier reads at a glance ("12 min ago")."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    seconds = int((now - dt).total_seconds())
    if seconds < 60:
        return "just now"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} h ago"
    days = hours // 24
    return "1 day ago" if days == 1 else f"{days} days ago"


def format_duration(seconds: float) -> str:
    """A span ahead in words ("5 h 20 min", "40 min")."""
    total = max(int(seconds), 0) // 60
    hours, minutes = divmod(total, 60)
    if hours >= 48:
        return f"{hours // 24} days"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


def amount_separators(locale: QLocale | None = None) -> tuple[str, str]:
    """(decimal point, group separator) of the locale, for parsing typed amounts."""
    loc = _locale(locale)
    return loc.decimalPoint(), loc.groupSeparator()


def card_words(payment: Payment) -> str:
    """The card as the cashier names it: "Visa •••• 4242"."""
    text = network_name(payment.network)
    return f"{text} ••••\u00a0{payment.last4}" if payment.last4 else text
