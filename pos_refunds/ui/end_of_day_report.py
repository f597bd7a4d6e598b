"""The end-of-day report as HTML for QTextDocument: printed, or saved as PDF.

A pure function of a DayReport (no widgets, no I/O), so what goes on paper is tested like
any other text. Amounts and times go through `formatting`, as on the screen; times are
written in full (a report is read on another day, where "Today" would mislead). The hash
of the journal's newest entry is printed: paper kept outside the till anchors the chain.

On paper a table row never splits across pages: every cell holds one line (`nowrap`; the
columns are sized for their longest words, on a landscape page), since QTextDocument splits a
row of wrapped cells and honours no `page-break-inside`. The journal's check and its hash
sit in the heading, so no page ever holds only the hash.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from string import Template

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from ..domain.day_operations import DayOperation
from ..domain.end_of_day import Authorization, DayTotal, Urgency
from ..domain.payments import Payment, network_name
from ..journal import VerifyReport
from . import palette
from .day_words import (
    approver_words,
    card_words,
    is_bad,
    kind_words,
    outcome_words,
    staff_words,
    till_words,
)
from .formatting import format_datetime, format_duration, format_money, format_time
from .i18n import Context
from .messages import finding_words

translate = QCoreApplication.translate




EndOfDayReport = Context("EndOfDayReport")

URGENCY_STYLE = {Urgency.SOON: "soon", Urgency.URGENT: "urgent", Urgency.EXPIRED: "urgent"}
_CSS = Template("""
body { font-family: sans-serif; font-size: 9pt; color: $text; }
td, th { white-space: nowrap; }
h1 { font-size: 17pt; margin-bottom: 2px; }
h2 { font-size: 12.5pt; margin-top: 16px; margin-bottom: 4px; }
p.meta { color: $muted; margin-top: 0px; }
p.training { background-color: $amber; font-weight: bold; padding: 4px; }
th { background-color: $sunken; text-align: left; }
td.num, th.num { text-align: right; }
tr.sum td { font-weight: bold; background-color: $stripe; }
.soon { color: $warning; font-weight: bold; }
.urgent { color: $error; font-weight: bold; }
.bad { color: $error; font-weight: bold; }
.hash { font-family: monospace; }
.id { font-family: monospace; font-size: 7.5pt; }
""").substitute(text=palette.TEXT, muted=palette.MUTED, amber=palette.AMBER, sunken=palette.SUNKEN,
                stripe=palette.STRIPE, warning=palette.WARNING, error=palette.ERROR)


@dataclass(frozen=True)
class DayReport:
    """What the end-of-day screen knows when the report is made."""

    day: date
    generated_at: datetime
    shop: str
    mode: str  # TRAINING, TEST, LIVE, CUSTOM
    printed_by: str
    totals: tuple[DayTotal, ...]  # per network and currency
    currency_totals: tuple[DayTotal, ...]  # per currency
    open_authorizations: tuple[Authorization, ...]
    operations: tuple[DayOperation, ...]  # the day's refunds, cancels, captures: every till's
    payments: tuple[Payment, ...]  # what the till had loaded (the CSV picks the day's)
    journal: VerifyReport | None
    start: datetime
    end: datetime


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def _table(headers: Sequence[tuple[str, int]], rows: Iterable[str], numeric: set[int]) -> str:
    """`headers`: (title, percent of the width); the head row repeats on every page."""
    head = "".join(f'<th width="{w}%"{" class=num" if i in numeric else ""}>{_e(h)}</th>'
                   for i, (h, w) in enumerate(headers))
    return (f'<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>")


def _id(text: str) -> str:
    return f'<span class="id">{_e(text)}</span>' if text else ""


def _row(cells: Sequence[str], numeric: set[int], css: str = "") -> str:
    tds = "".join(f'<td{" class=num" if i in numeric else ""}>{c}</td>'
                  for i, c in enumerate(cells))
    return f'<tr{f" class={css}" if css else ""}>{tds}</tr>'


def _totals(report: DayReport, loc: QLocale) -> str:
    if not report.totals:
        return "<p>{}</p>".format(_e(translate(
            "EndOfDayReport", "No payments collected and no refunds made today.")))
    numeric = {2, 3, 4, 5, 6}
    rows: list[str] = []
    for summed in report.currency_totals:
        for t in (t for t in report.totals if t.currency == summed.currency):
            rows.append(_total_row(network_name(t.network or ""), t, numeric, loc))
        every = translate("EndOfDayReport", "All {currency}", "the total of every network")
        rows.append(_total_row(every.format(currency=summed.currency.upper()), summed, numeric,
                               loc, "sum"))
    headers = ((translate("EndOfDayReport", "Network"), 20),
               (translate("EndOfDayReport", "Currency"), 12),
               (translate("EndOfDayReport", "Sales", "how many payments were collected"), 12),
               (translate("EndOfDayReport", "Collected", "the amount collected"), 15),
               (translate("EndOfDayReport", "Refunds", "how many refunds were made"), 11),
               (translate("EndOfDayReport", "Refunded", "the amount refunded"), 15),
               (translate("EndOfDayReport", "Net", "collected less refunded"), 15))
    return _table(headers, rows, numeric)


def _total_row(name: str, t: DayTotal, numeric: set[int], loc: QLocale, css: str = "") -> str:
    cells = [_e(name), _e(t.currency.upper()), str(t.collected_count),
             _e(format_money(t.collected, loc)), str(t.refunded_count),
             _e(format_money(t.refunded, loc)), _e(format_money(t.net, loc))]
    return _row(cells, numeric, css)


def deadline_words(auth: Authorization, now: datetime) -> str:
    """"5 h 20 min left", "Expired" — with "about" when Stripe gave no deadline."""
    left = auth.time_left(now).total_seconds()
    if left <= 0:
        return translate("EndOfDayReport", "Expired", "an authorization past its deadline")
    if auth.estimated:
        return translate("EndOfDayReport", "about {duration} left").format(
            duration=format_duration(left))
    return translate("EndOfDayReport", "{duration} left").format(duration=format_duration(left))


def _authorizations(report: DayReport, loc: QLocale) -> str:
    auths = report.open_authorizations
    if not auths:
        return "<p>{}</p>".format(_e(translate(
            "EndOfDayReport", "None: nothing is waiting to be captured or canceled.")))
    numeric = {1}
    rows = []
    for a in auths:
        p = a.payment
        card = network_name(p.network) + (f" •••• {p.last4}" if p.last4 else "")
        urgency = a.urgency(report.generated_at)
        left = deadline_words(a, report.generated_at)
        style = URGENCY_STYLE.get(urgency)
        rows.append(_row([
            _e(format_datetime(p.created, loc)), _e(format_money(p.amount, loc)), _e(card),
            _e(format_datetime(a.deadline, loc)),
            f'<span class="{style}">{_e(left)}</span>' if style else _e(left),
            _id(p.id)], numeric))
    headers = ((translate("EndOfDayReport", "Taken", "when the payment was authorized"), 16),
               (translate("EndOfDayReport", "Amount"), 11),
               (translate("EndOfDayReport", "Card"), 18),
               (translate("EndOfDayReport", "Capture by", "the deadline to capture"), 16),
               (translate("EndOfDayReport", "Time left"), 13),
               (translate("EndOfDayReport", "Payment", "the payment's id"), 26))
    return _table(headers, rows, numeric)


def listed_operations(report: DayReport) -> list[DayOperation]:
    """Every refund, cancel and capture of the day, oldest first (as the screen and the CSV)."""
    return sorted(report.operations, key=lambda op: op.at)


def operation_cells(op: DayOperation, loc: QLocale | None = None) -> list[str]:
    """The words of one operation's row, the same on paper and in the CSV."""
    return [format_time(op.at, loc), kind_words(op),
            format_money(op.amount, loc) if op.amount else "—", card_words(op),
            outcome_words(op), till_words(op), staff_words(op), approver_words(op)]


def _operations(report: DayReport, loc: QLocale) -> str:
    listed = listed_operations(report)
    if not listed:
        return "<p>{}</p>".format(_e(translate(
            "EndOfDayReport", "None today.", "no refunds, cancellations or captures")))
    numeric = {2}
    rows = []
    for op in listed:
        cells = [_e(c) for c in operation_cells(op, loc)]
        if is_bad(op):
            cells[4] = f'<span class="bad">{cells[4]}</span>'
        rows.append(_row(cells, numeric))
    headers = ((translate("EndOfDayReport", "Time"), 8),
               (translate("EndOfDayReport", "Operation"), 13),
               (translate("EndOfDayReport", "Amount"), 10),
               (translate("EndOfDayReport", "Card"), 15),
               (translate("EndOfDayReport", "Outcome"), 16),
               (translate("EndOfDayReport", "Till"), 10),
               (translate("EndOfDayReport", "Done by"), 14),
               (translate("EndOfDayReport", "Approved by"), 14))
    return _table(headers, rows, numeric)


def _journal(report: DayReport) -> str:
    check = report.journal
    if check is None:
        return '<p class="meta">{}</p>'.format(_e(translate(
            "EndOfDayReport", "The journal was not checked.")))
    if check.ok:
        verified = EndOfDayReport.tr(
            "Journal verified: %n entries, none changed, removed or reordered. Newest entry's "
            "hash: <span class=\"hash\">{hash}</span>", "", check.checked)
        return '<p class="meta">{}</p>'.format(verified.format(hash=_e(check.head_hash or "—")))
    problems = "".join(f"<li>{_e(finding_words(p))}</li>" for p in check.problems)
    not_verified = translate("EndOfDayReport", "The journal does not verify:")
    return f'<p class="bad">{_e(not_verified)}</p><ul>{problems}</ul>'


def _mode_words(mode: str) -> str:
    """"LIVE mode"…; a mode of a later version, its code."""
    known = {
        "TRAINING": translate("EndOfDayReport", "TRAINING mode"),
        "TEST": translate("EndOfDayReport", "TEST mode"),
        "LIVE": translate("EndOfDayReport", "LIVE mode"),
        "CUSTOM": translate("EndOfDayReport", "CUSTOM mode"),
    }
    return known.get(mode) or translate("EndOfDayReport", "{mode} mode").format(mode=mode)


def report_html(report: DayReport, locale: QLocale | None = None) -> str:
    loc = locale if locale is not None else QLocale()
    day = loc.toString(QDate(report.day.year, report.day.month, report.day.day),
                       QLocale.FormatType.LongFormat)
    title = translate("EndOfDayReport", "End of day — {day}").format(day=day)
    parts = [f"<html><head><style>{_CSS}</style></head><body>", f"<h1>{_e(title)}</h1>"]
    printed = translate("EndOfDayReport", "printed {when} by {name}").format(
        when=format_datetime(report.generated_at, loc), name=report.printed_by)
    meta = [report.shop, _mode_words(report.mode), printed] if report.shop else [
        _mode_words(report.mode), printed]
    parts.append(f'<p class="meta">{" · ".join(_e(m) for m in meta)}</p>')
    parts.append(_journal(report))
    if report.mode == "TRAINING":
        training = translate("EndOfDayReport", "TRAINING — no real money moved.")
        parts.append(f'<p class="training">{_e(training)}</p>')
    count = len(report.open_authorizations)
    listed = len(listed_operations(report))
    totals = translate("EndOfDayReport", "Totals of the day")
    not_captured = translate("EndOfDayReport", "Authorizations not captured ({count})").format(
        count=count)
    operations = translate(
        "EndOfDayReport", "Refunds, cancellations and captures of the day ({count})").format(
        count=listed)
    parts += [f"<h2>{_e(totals)}</h2>", _totals(report, loc),
              f"<h2>{_e(not_captured)}</h2>", _authorizations(report, loc),
              f"<h2>{_e(operations)}</h2>", _operations(report, loc), "</body></html>"]
    return "".join(parts)
