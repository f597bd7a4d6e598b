"""Money, dates and ages in the words and digits of the cashier's locale.

The one place the UI turns domain values into text, so every screen shows an amount or a time
the same way. Amounts are never converted through float for arithmetic; float is used only to
hand a display value to QLocale, whose precision covers any real till amount.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject

from ..domain.money import Money
from ..domain.payments import Payment, Reader, network_name
from .i18n import babel_name

translate = QCoreApplication.translate


class Formatting(QObject):
    """The context of this module's plurals (pyside6-lupdate reads plural forms in tr() calls
    only)."""


def _locale(locale: QLocale | None) -> QLocale:
    """The given locale, or the default; the bare C locale is read as Canadian English."""
    loc = locale if locale is not None else QLocale()
    if loc.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.Canada)
    return loc


@lru_cache(maxsize=256)
def currency_symbol(currency: str, name: str) -> str:
    """CLDR's symbol of `currency` for the locale `name`: "$" for CAD and "$ US" for USD in
    fr_CA, "US$" in en_CA (Qt knows only each locale's own currency's)."""
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(currency.upper(), name)


def format_money(m: Money, locale: QLocale | None = None) -> str:
    """CLDR's form of the amount in the locale: "$12.50" and "US$12.50" (en_CA), "12,50 $" and
    "12,50 $ US" (fr_CA), with exactly the currency's decimals. Qt lays the number out by its
    CLDR pattern; Babel gives the symbol."""
    loc = _locale(locale)
    symbol = currency_symbol(m.currency, babel_name(loc))
    text = loc.toCurrencyString(float(m.to_decimal()), symbol, m.exponent)
    return text.strip("\u00a0 ")


def _qdatetime(dt: datetime) -> QDateTime:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return QDateTime.fromMSecsSinceEpoch(int(dt.timestamp() * 1000))


def local_day(now: datetime) -> tuple[datetime, datetime]:
    """The local day `now` falls in, as [start, end) instants: what "Today" means until `end`
    (a day of 23 or 25 hours, or one that starts at 01:00, as the zone has it)."""
    day = _qdatetime(now).toLocalTime().date()
    start, end = day.startOfDay(), day.addDays(1).startOfDay()
    return (datetime.fromtimestamp(start.toMSecsSinceEpoch() / 1000, UTC),
            datetime.fromtimestamp(end.toMSecsSinceEpoch() / 1000, UTC))


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


def format_when(dt: datetime, locale: QLocale | None = None, *, now: datetime,
                sentence: bool = False) -> str:
    """"Today 18:31", "Yesterday 18:31", "Tomorrow 09:00" or the short date and time; today is
    the local day of `now`. `sentence`: inside a sentence ("Capture by today 18:31",
    « Capturer avant aujourd’hui 18:31 »), the relative day in lower case.

    The table's time column: a till's list spans days, so the time alone would mislead.
    """
    day = _qdatetime(dt).toLocalTime().date()
    today = _qdatetime(now).toLocalTime().date()
    time = format_time(dt, locale)
    days = day.daysTo(today)
    if days == 0:
        text = (translate("Formatting", "today {time}", "inside a sentence") if sentence
                else translate("Formatting", "Today {time}"))
    elif days == 1:
        text = (translate("Formatting", "yesterday {time}", "inside a sentence") if sentence
                else translate("Formatting", "Yesterday {time}"))
    elif days == -1:  # a capture deadline
        text = (translate("Formatting", "tomorrow {time}", "inside a sentence") if sentence
                else translate("Formatting", "Tomorrow {time}"))
    else:
        return translate("Formatting", "{day} {time}", "a date and a time").format(
            day=format_day(dt, locale, now=now), time=time)
    return text.format(time=time)


def format_age(dt: datetime, locale: QLocale | None = None, *, now: datetime) -> str:
    """How long before `now`, in CLDR's words for the locale ("12 mins ago", "il y a 12 min")."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    seconds = int((now - dt).total_seconds())
    if seconds < 60:
        return translate("Formatting", "just now")
    from babel.dates import format_timedelta

    return format_timedelta(timedelta(seconds=-seconds), add_direction=True, format="short",
                            threshold=1, locale=babel_name(_locale(locale)))


def format_duration(seconds: float) -> str:
    """A span ahead in words ("5 h 20 min", "40 min", "3 days")."""
    total = max(int(seconds), 0) // 60
    hours, minutes = divmod(total, 60)
    if hours >= 48:
        days = hours // 24  # (pyside6-lupdate misreads "//" inside the call)
        return Formatting.tr("%n days", "", days)
    if hours and minutes:
        return translate("Formatting", "{hours} h {minutes} min").format(
            hours=hours, minutes=minutes)
    if hours:
        return translate("Formatting", "{hours} h").format(hours=hours)
    return translate("Formatting", "{minutes} min").format(minutes=minutes)


def amount_separators(locale: QLocale | None = None) -> tuple[str, str]:
    """(decimal point, group separator) of the locale, for parsing typed amounts."""
    loc = _locale(locale)
    return loc.decimalPoint(), loc.groupSeparator()


def reader_model(reader: Reader) -> str:
    """The reader's model, and whether it is a simulated one: "WisePOS E (simulated)"."""
    if reader.simulated:
        return translate("Formatting", "{model} (simulated)", "a reader's model").format(
            model=reader.model)
    return reader.model


def card_words(payment: Payment) -> str:
    """The card as the cashier names it: "Visa •••• 4242"."""
    text = network_name(payment.network)
    return f"{text} ••••\u00a0{payment.last4}" if payment.last4 else text
