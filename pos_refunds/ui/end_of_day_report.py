"""The end-of-day report as HTML for QTextDocument: printed, or saved as PDF.

A pure function of a DayReport (no widgets, no I/O), so what goes on paper is tested like
any other text. Amounts and times go through `formatting`, as on the screen; times are
written in full (a report is read on another day, where "Today" would mislead). The hash
of the journal's newest entry is printed: paper kept outside the till anchors the chain.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from string import Template

from PySide6.QtCore import QDate, QLocale

from ..domain.end_of_day import Authorization, DayTotal, Urgency
from ..domain.payments import Payment, network_name
from ..journal import Operation, OperationKind, OperationState, VerifyReport
from . import palette
from .formatting import format_datetime, format_duration, format_money, format_time
from .messages import finding_words
from .models.journal_model import KIND_WORDS, STATE_WORDS

URGENCY_STYLE = {Urgency.SOON: "soon", Urgency.URGENT: "urgent", Urgency.EXPIRED: "urgent"}
_CSS = Template("""
body { font-family: sans-serif; font-size: 9pt; color: $text; }
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
    operations: tuple[Operation, ...]  # every operation begun today at this till
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
        return "<p>No payments collected and no refunds made today.</p>"
    numeric = {2, 3, 4, 5, 6}
    rows: list[str] = []
    for summed in report.currency_totals:
        for t in (t for t in report.totals if t.currency == summed.currency):
            rows.append(_total_row(network_name(t.network or ""), t, numeric, loc))
        rows.append(_total_row(f"All {summed.currency.upper()}", summed, numeric, loc, "sum"))
    headers = (("Network", 20), ("Currency", 12), ("Sales", 12), ("Collected", 15),
               ("Refunds", 11), ("Refunded", 15), ("Net", 15))
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
        return "Expired"
    words = f"{format_duration(left)} left"
    return f"about {words}" if auth.estimated else words


def _authorizations(report: DayReport, loc: QLocale) -> str:
    auths = report.open_authorizations
    if not auths:
        return "<p>None: nothing is waiting to be captured or canceled.</p>"
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
    headers = (("Taken", 16), ("Amount", 11), ("Card", 18), ("Capture by", 16),
               ("Time left", 13), ("Payment", 26))
    return _table(headers, rows, numeric)


def listed_operations(report: DayReport) -> list[Operation]:
    """Refunds and cancellations; captures are in the totals, the CSV and the journal."""
    return [op for op in report.operations if op.kind is not OperationKind.CAPTURE]


def _operations(report: DayReport, loc: QLocale) -> str:
    listed = listed_operations(report)
    if not listed:
        return "<p>None at this till today.</p>"
    numeric = {2}
    rows = []
    for op in listed:
        state = STATE_WORDS.get(op.state, op.state.value)
        css_state = (_e(state) if op.state is OperationState.SUCCEEDED
                     else f'<span class="bad">{_e(state)}</span>')
        ids = "<br>".join(_id(i) for i in (op.payment_id, op.stripe_ids.get("refund", "")) if i)
        rows.append(_row([
            _e(format_time(op.created_at, loc)), _e(KIND_WORDS.get(op.kind, op.kind.value)),
            _e(format_money(op.amount, loc) if op.amount else "—"), css_state, _e(op.staff),
            _e(op.approver or "—"), ids], numeric))
    headers = (("Time", 8), ("Operation", 14), ("Amount", 11), ("State", 14), ("Done by", 14),
               ("Approved by", 14), ("Payment and refund", 25))
    return _table(headers, rows, numeric)


def _journal(report: DayReport) -> str:
    check = report.journal
    if check is None:
        return "<p>The journal was not checked.</p>"
    if check.ok:
        return (f"<p>Journal verified: {check.checked} entries, none changed, removed or "
                f"reordered.<br>Newest entry's hash: "
                f'<span class="hash">{_e(check.head_hash or "—")}</span></p>')
    problems = "".join(f"<li>{_e(finding_words(p))}</li>" for p in check.problems)
    return f'<p class="bad">The journal does not verify:</p><ul>{problems}</ul>'


def report_html(report: DayReport, locale: QLocale | None = None) -> str:
    loc = locale if locale is not None else QLocale()
    day = loc.toString(QDate(report.day.year, report.day.month, report.day.day),
                       QLocale.FormatType.LongFormat)
    parts = [f"<html><head><style>{_CSS}</style></head><body>",
             f"<h1>End of day — {_e(day)}</h1>"]
    shop = f"{_e(report.shop)} · " if report.shop else ""
    parts.append(f'<p class="meta">{shop}{_e(report.mode)} mode · printed '
                 f"{_e(format_datetime(report.generated_at, loc))} by {_e(report.printed_by)}"
                 "</p>")
    if report.mode == "TRAINING":
        parts.append('<p class="training">TRAINING — no real money moved.</p>')
    count = len(report.open_authorizations)
    listed = len(listed_operations(report))
    parts += ["<h2>Totals of the day</h2>", _totals(report, loc),
              f"<h2>Authorizations not captured ({count})</h2>", _authorizations(report, loc),
              f"<h2>Refunds and cancellations at this till ({listed})</h2>",
              _operations(report, loc), "<h2>Audit journal</h2>", _journal(report),
              "</body></html>"]
    return "".join(parts)
