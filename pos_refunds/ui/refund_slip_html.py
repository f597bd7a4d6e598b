"""A refund slip as HTML for QTextDocument: a receipt column that fits 80 mm paper.

A pure function of a RefundSlip (no widgets, no I/O). One narrow column of label/value rows in
a table as wide as the page: on an 80 mm roll it fills the paper, on A4 or Letter it reads as a
slip across the top of the sheet. Amounts and dates go through `formatting`, as on screen;
dates are written in full (a slip is read on another day).
"""

from __future__ import annotations

import html
from string import Template

from ..domain.refund_slip import RefundSlip
from . import palette
from .formatting import format_datetime, format_money
from .slip_barcode import barcode_url
from .slip_words import SlipWords

RECEIPT_MARGIN_MM = 4.0  # as ui/printing.py's

_CSS = Template("""
body { font-family: sans-serif; font-size: 9pt; color: $ink; }
h1 { font-size: 12pt; text-align: center; margin-bottom: 0px; }
h2 { font-size: 18pt; text-align: center; margin-top: 6px; margin-bottom: 2px; }
p.amount { font-size: 15pt; font-weight: bold; text-align: center; margin-top: 0px; }
p.training { font-weight: bold; text-align: center; border: 2px solid $ink; padding: 4px; }
p.center { text-align: center; }
td.label { color: $ink; }
td.value { text-align: right; font-weight: bold; }
.id { font-family: monospace; font-size: 7.5pt; font-weight: normal; }
""").substitute(ink=palette.INK)
# 58 mm paper: a smaller body, so that a label and its value share a line as on 80 mm.
NARROW_CSS = "body, td, p { font-size: 7.5pt; } .id { font-size: 6.5pt; }"
BARCODE_SHARE = 0.95  # of the column: the barcode and its quiet zones
RULE = f'<hr style="border-top: 1px dashed {palette.INK};">'


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def _rows(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f'<tr><td class="label">{label}</td><td class="value">{value}</td></tr>'
                    for label, value in rows)
    return f'<table width="100%" cellspacing="0" cellpadding="1">{cells}</table>'


def _id(text: str) -> str:
    return f'<span class="id">{_e(text)}</span>'


def barcode_width_px(paper_mm: int) -> int:
    """The barcode's width in the document's pixels (96 per inch) on that paper's column."""
    return round((paper_mm - 2 * RECEIPT_MARGIN_MM) * BARCODE_SHARE / 25.4 * 96)


def slip_html(slip: RefundSlip, words: SlipWords | None = None, paper_mm: int = 80) -> str:
    """The slip in `words`' language (the till's when None)."""
    w = words if words is not None else SlipWords()
    loc = w.locale
    narrow = NARROW_CSS if paper_mm < 80 else ""
    parts = [f'<html lang="{_e(loc.bcp47Name())}"><head><style>{_CSS}{narrow}</style></head>'
             "<body>"]
    if slip.shop:
        parts.append(f"<h1>{_e(slip.shop)}</h1>")
    parts.append(f'<p class="center">{_e(format_datetime(slip.refunded_at, loc))}</p>')
    if slip.training:
        parts.append(f'<p class="training">{_e(w.training_mark())}</p>')
    parts += [f"<h2>{_e(w.headline())}</h2>",
              f'<p class="amount">{_e(format_money(slip.amount, loc))} '
              f"{_e(slip.amount.currency.upper())}</p>", RULE]
    card = f"{slip.card} •••• {slip.last4}" if slip.last4 else slip.card
    rows = [(_e(w.card()), _e(card)),
            (_e(w.original_payment()), _e(format_money(slip.original_amount, loc))),
            (_e(w.paid_on()), _e(format_datetime(slip.original_at, loc)))]
    if slip.fully_refunded:
        rows.append((_e(w.payment()), _e(w.fully_refunded())))
    if slip.in_person:
        rows.append((_e(w.refunded()), _e(w.in_person(slip.reader))))
    parts.append(_rows(rows))
    if slip.receipt:
        parts += [RULE, _rows([(_e(w.receipt_label(name)), _e(w.receipt_value(name, value)))
                               for name, value in slip.receipt])]
    parts += [RULE, _rows([(_e(w.refund()), _id(slip.refund_id)),
                           (_e(w.payment()), _id(slip.payment_intent_id))])]
    details = []
    reason = w.reason(slip.reason, slip.note)
    if reason:
        details.append((_e(w.reason_label()), _e(reason)))
    if slip.served_by:
        details.append((_e(w.served_by()), _e(slip.served_by)))
    if details:
        parts.append(_rows(details))
    if slip.signature_line:
        parts += [f"<p><br><br>______________________<br>{_e(w.signature())}</p>"]
    # The PaymentIntent id as Code 128: scanned into the search box, it finds the payment.
    # The image is the document's resource (slip_barcode.add_barcode).
    parts += [f'<p class="center"><img src="{_e(barcode_url(slip.payment_intent_id).toString())}"'
              f' width="{barcode_width_px(paper_mm)}"><br>{_id(slip.payment_intent_id)}</p>',
              RULE, f'<p class="center">{_e(w.keep())}</p>']
    if slip.training:
        parts.append(f'<p class="training">{_e(w.training_mark())}</p>')
    parts.append("</body></html>")
    return "".join(parts)
