"""A refund slip as lines of a receipt printer's font: 32 characters on 58 mm, 48 on 80 mm.

A pure function of a RefundSlip, the paper twin of refund_slip_html.py (the same rows in the
same order). Label left, value right; a value too long for its line goes under its label,
wrapped. Characters the printer's code page lacks are written the plain way.
"""

from __future__ import annotations

import textwrap

from ..domain.refund_slip import RefundSlip
from ..printers import PAPER_CHARS, Receipt, ReceiptLine
from .formatting import format_datetime, format_money
from .slip_words import SlipWords

PLAIN = str.maketrans({"—": "-", "–": "-", "•": "*", "’": "'", "‘": "'", "“": '"', "”": '"',
                       "\u00a0": " ", "\u202f": " "})


def _plain(text: object) -> str:
    return str(text).translate(PLAIN)


def _row(label: str, value: str, width: int) -> list[ReceiptLine]:
    label, value = _plain(label), _plain(value)
    if len(label) + 1 + len(value) <= width:
        return [ReceiptLine(label + " " * (width - len(label) - len(value)) + value)]
    lines = [ReceiptLine(label)]
    lines += [ReceiptLine(part.rjust(width))
              for part in textwrap.wrap(value, width, break_long_words=True) or [""]]
    return lines


def _centred(text: str, width: int, **style: bool) -> list[ReceiptLine]:
    return [ReceiptLine(part, center=True, **style)
            for part in textwrap.wrap(_plain(text), width) or [""]]


def slip_receipt(slip: RefundSlip, paper_mm: int, words: SlipWords | None = None) -> Receipt:
    """The slip's lines in `words`' language (the till's when None)."""
    w = words if words is not None else SlipWords()
    loc = w.locale
    width = PAPER_CHARS[paper_mm]
    rule = ReceiptLine("-" * width)
    lines: list[ReceiptLine] = []
    if slip.shop:
        lines += _centred(slip.shop, width, bold=True)
    lines += _centred(format_datetime(slip.refunded_at, loc), width)
    if slip.training:
        lines += _centred(w.training_mark(), width, bold=True)
    lines += [ReceiptLine(""), *_centred(w.headline(), width // 2, big=True)]
    amount = f"{format_money(slip.amount, loc)} {slip.amount.currency.upper()}"
    lines += [*_centred(amount, width // 2, big=True), rule]
    card = f"{slip.card} **** {slip.last4}" if slip.last4 else slip.card
    rows = [(w.card(), card),
            (w.original_payment(), format_money(slip.original_amount, loc)),
            (w.paid_on(), format_datetime(slip.original_at, loc))]
    if slip.fully_refunded:
        rows.append((w.payment(), w.fully_refunded()))
    if slip.in_person:
        rows.append((w.refunded(), w.in_person(slip.reader)))
    receipt = [(w.receipt_label(name), w.receipt_value(name, value))
               for name, value in slip.receipt]
    groups = [rows, receipt,
              [(w.refund(), slip.refund_id), (w.payment(), slip.payment_intent_id)]]
    details = []
    reason = w.reason(slip.reason, slip.note)
    if reason:
        details.append((w.reason_label(), reason))
    if slip.served_by:
        details.append((w.served_by(), slip.served_by))
    for index, group in enumerate(groups):
        if not group:
            continue
        if index:
            lines.append(rule)
        for label, value in group:
            lines += _row(label, value, width)
    for label, value in details:
        lines += _row(label, value, width)
    if slip.signature_line:
        lines += [ReceiptLine(""), ReceiptLine(""), ReceiptLine("_" * (width - 4)),
                  ReceiptLine(_plain(w.signature()))]
    after = [*_centred(slip.payment_intent_id, width), rule, *_centred(w.keep(), width)]
    if slip.training:
        after += _centred(w.training_mark(), width, bold=True)
    return Receipt(tuple(lines), barcode=slip.payment_intent_id, after_barcode=tuple(after))
