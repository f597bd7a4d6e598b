"""The day's payments, refunds and operations as one CSV for the bookkeeper's spreadsheet.

One row per fact, with a `record` column (payment, refund, operation), so the file sorts and
filters in any spreadsheet. Amounts are plain decimals with their currency beside them, never
added across currencies. Cells a spreadsheet would run as a formula are defused, as in the
journal's own export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.day_operations import DayOperation, captured_in
from ..domain.end_of_day import day_refunds, touched_on
from ..domain.money import Money
from ..domain.payments import Payment
from .day_words import outcome_detail, outcome_words
from .end_of_day_report import DayReport, listed_operations

translate = QCoreApplication.translate

# The columns, marked here and written in the language installed when the file is made
# (`header()`); the values stay codes and plain numbers a spreadsheet can sort and sum.
HEADER = (
    QT_TRANSLATE_NOOP("EndOfDayCsv", "record"), QT_TRANSLATE_NOOP("EndOfDayCsv", "time"),
    QT_TRANSLATE_NOOP("EndOfDayCsv", "payment_id"), QT_TRANSLATE_NOOP("EndOfDayCsv", "id"),
    QT_TRANSLATE_NOOP("EndOfDayCsv", "network"), QT_TRANSLATE_NOOP("EndOfDayCsv", "kind"),
    QT_TRANSLATE_NOOP("EndOfDayCsv", "state"), QT_TRANSLATE_NOOP("EndOfDayCsv", "amount"),
    QT_TRANSLATE_NOOP("EndOfDayCsv", "currency"), QT_TRANSLATE_NOOP("EndOfDayCsv", "staff"),
    QT_TRANSLATE_NOOP("EndOfDayCsv", "approved_by"), QT_TRANSLATE_NOOP("EndOfDayCsv", "till"),
    QT_TRANSLATE_NOOP("EndOfDayCsv", "stripe_ids"), QT_TRANSLATE_NOOP("EndOfDayCsv", "error"),
    QT_TRANSLATE_NOOP("EndOfDayCsv", "outcome"),
)
META_STAFF, META_APPROVER, META_TILL = "pos_staff", "pos_approved_by", "pos_till"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def header() -> list[str]:
    """The column titles in the language installed now."""
    return [translate("EndOfDayCsv", column) for column in HEADER]


def _record_words() -> dict[str, str]:
    """The `record` column: what the row is."""
    return {
        "payment": translate("EndOfDayCsv", "payment", "a row of the CSV: a payment"),
        "refund": translate("EndOfDayCsv", "refund", "a row of the CSV: a refund"),
        "operation": translate("EndOfDayCsv", "operation",
                               "a row of the CSV: a refund, cancel or capture of this app"),
    }


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _amount(m: Money | None) -> tuple[str, str]:
    if m is None:
        return "", ""
    return f"{m.to_decimal():.{m.exponent}f}", m.currency.upper()


def _payment_rows(p: Payment, report: DayReport) -> Iterable[list[object]]:
    amount, currency = _amount(p.amount_received if p.status == "succeeded" else p.amount)
    record = _record_words()
    yield [record["payment"], p.created.isoformat(), p.id, p.charge_id, p.network,
           p.payment_method_type, p.status, amount, currency, p.metadata.get(META_STAFF), None,
           None, None, None, None]
    for r in day_refunds(p, report.start, report.end):
        amount, currency = _amount(r.amount)
        yield [record["refund"], r.created.isoformat(), p.id, r.id, p.network, r.reason or "",
               r.status, amount, currency, r.metadata.get(META_STAFF),
               r.metadata.get(META_APPROVER), r.metadata.get(META_TILL), None, r.failure_reason,
               None]


def _operation_row(op: DayOperation) -> list[object]:
    """`kind`: refund_online, refund_on_reader, cancel, capture; `state`: the outcome code;
    `outcome`: its words, as on the screen and on paper."""
    amount, currency = _amount(op.amount)
    kind = op.kind.value if op.kind.value != "refund" else (
        "refund_on_reader" if op.on_reader else "refund_online")
    return [_record_words()["operation"], op.at.isoformat(), op.payment_id, op.op_id,
            op.network, kind, op.outcome.value, amount, currency, op.staff, op.approver, op.till,
            op.stripe_id, outcome_detail(op) if op.error else None, outcome_words(op)]


def day_csv(report: DayReport) -> str:
    """Payments made or refunded in the day (oldest first), then the day's operations."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header())
    captured = captured_in(report.operations)
    payments = sorted((p for p in report.payments
                       if touched_on(p, report.start, report.end) or p.id in captured),
                      key=lambda p: (p.created, p.id))
    for payment in payments:
        for row in _payment_rows(payment, report):
            writer.writerow([_cell(v) for v in row])
    for op in listed_operations(report):
        writer.writerow([_cell(v) for v in _operation_row(op)])
    return out.getvalue()
