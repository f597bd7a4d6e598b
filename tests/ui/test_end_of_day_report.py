"""The end-of-day report (HTML for paper and PDF) and the day's CSV: pure functions of a
DayReport, checked as text."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pypdf
import pytest
from PySide6.QtGui import QTextDocument

from pos_refunds.domain.day_operations import DayKind, DayOperation, DayOutcome
from pos_refunds.domain.end_of_day import authorization, currency_totals, day_totals
from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import RefundRecord
from pos_refunds.domain.reasons import ChainReason, Finding
from pos_refunds.journal import Journal, VerifyReport
from pos_refunds.services.day_activity import from_journal
from pos_refunds.ui.end_of_day_csv import HEADER, day_csv
from pos_refunds.ui.end_of_day_report import DayReport, deadline_words, report_html
from pos_refunds.ui.printing import write_pdf
from tests.support.builders import make_payment, make_refund

START = datetime(2026, 11, 29, 5, 0, tzinfo=UTC)
END = START + timedelta(days=1)
NOW = START + timedelta(hours=16)


def _refund(rid: str, minor: int, at: datetime, currency: str = "cad") -> RefundRecord:
    return make_refund(rid, minor, currency=currency, created=at,
                       metadata={"pos_staff": "Ann", "pos_approved_by": "Maria"})


@pytest.fixture
def operations(tmp_path) -> list:
    with Journal(tmp_path / "j.sqlite3") as j:
        op = j.begin("refund_online", "pi_visa", amount=Money(500, "cad"), staff="Ann",
                     approver="Maria", till="front")
        j.record(op.op_id, "succeeded", stripe_ids={"refund": "re_1"})
        op = j.begin("cancel", "pi_gone", amount=Money(900, "cad"), staff="Ann <Boss>",
                     approver=None, till="front")
        j.record(op.op_id, "failed", error="Changed meanwhile")
        op = j.begin("capture", "pi_cap", amount=Money(700, "cad"), staff="Ann",
                     approver=None, till="front")
        j.record(op.op_id, "succeeded", stripe_ids={"payment_intent": "pi_cap"})
        return [from_journal(op) for op in j.operations()]


def report(operations: list, **changes) -> DayReport:
    noon = START + timedelta(hours=12)
    payments = [
        make_payment("pi_visa", amount=2500, created=noon, refunds=(
            _refund("re_1", 500, noon + timedelta(hours=1)),), refunded=500,
            metadata={"pos_staff": "=HYPERLINK(1)"}),
        make_payment("pi_jpy", amount=1200, currency="jpy", created=noon),
        make_payment("pi_kwd", amount=1235, currency="kwd", created=noon),
        make_payment("pi_old", amount=3000, created=START - timedelta(days=1), refunds=(
            _refund("re_old", 300, START - timedelta(hours=3)),
            _refund("re_today", 200, noon)), refunded=500),
        make_payment("pi_yesterday", amount=999, created=START - timedelta(hours=2)),
    ]
    auths = [
        authorization(make_payment("pi_a1", status="requires_capture", amount=4000,
                              capture_before=NOW + timedelta(hours=2))),
        authorization(make_payment("pi_a2", status="requires_capture", amount=3000,
                              capture_before=NOW + timedelta(hours=20))),
        authorization(make_payment("pi_a3", status="requires_capture", amount=2000,
                              capture_before=NOW - timedelta(minutes=5))),
    ]
    totals = day_totals(payments, START, END)
    base = DayReport(
        day=START.date(), generated_at=NOW, shop="Maple <&> Bean", mode="TRAINING",
        printed_by="Maria", totals=tuple(totals), currency_totals=tuple(currency_totals(totals)),
        open_authorizations=tuple(auths), operations=tuple(operations),
        payments=tuple(payments), journal=VerifyReport(True, 6, [], "ab" * 32), start=START,
        end=END)
    return replace(base, **changes)


def test_report_has_every_section_in_words(operations) -> None:
    text = report_html(report(operations))
    assert "<h1>End of day — " in text and "2026" in text
    assert "Maple &lt;&amp;&gt; Bean" in text and "Maple <&>" not in text
    assert "TRAINING — no real money moved." in text
    assert "All CAD" in text and "All JPY" in text and "All KWD" in text
    assert "JP¥1,200" in text and "KWD" in text
    assert "Authorizations not captured (3)" in text
    assert '<span class="urgent">2 h left</span>' in text
    assert '<span class="soon">20 h left</span>' in text
    assert '<span class="urgent">Expired</span>' in text
    assert "Refunds, cancellations and captures of the day (3)" in text
    assert "Ann &lt;Boss&gt;" in text and "Captured" in text and "Refunded" in text
    assert '<span class="bad">Not done</span>' in text  # an old journal's text error
    assert "Journal verified: 6 entries" in text and "ab" * 32 in text


def test_report_renders_as_a_document(operations) -> None:
    document = QTextDocument()
    document.setHtml(report_html(report(operations)))
    plain = document.toPlainText()
    assert "Totals of the day" in plain and "Journal verified" in plain
    assert "pi_a1" in plain


def test_an_empty_day_and_a_broken_journal(operations) -> None:
    broken = VerifyReport(False, 4, [Finding(ChainReason.CHANGED, {"entry": 2})], "cd" * 32)
    text = report_html(report([], totals=(), currency_totals=(), open_authorizations=(),
                              journal=broken, mode="LIVE", shop=""))
    assert "No payments collected and no refunds made today." in text
    assert "None: nothing is waiting to be captured or canceled." in text
    assert "None today." in text
    assert "The journal does not verify" in text
    assert "Entry 2 was changed after it was written." in text
    assert "<li>Entry 2 was changed after it was written.</li>" in text
    assert "TRAINING" not in text and "LIVE mode" in text
    assert "The journal was not checked." in report_html(report([], journal=None))


def test_deadline_words() -> None:
    soon = authorization(make_payment("pi_1", status="requires_capture",
                                 capture_before=NOW + timedelta(hours=5, minutes=20)))
    assert deadline_words(soon, NOW) == "5 h 20 min left"
    guessed = authorization(make_payment("pi_2", status="requires_capture", capture_before=None,
                                    created=NOW))
    assert deadline_words(guessed, NOW) == "about 2 days left"


def test_csv_has_the_days_payments_refunds_and_operations(operations) -> None:
    rows = list(csv.reader(io.StringIO(day_csv(report(operations)))))
    assert tuple(rows[0]) == HEADER
    records = [dict(zip(HEADER, r, strict=True)) for r in rows[1:]]
    payments = [r["payment_id"] for r in records if r["record"] == "payment"]
    assert sorted(payments) == ["pi_jpy", "pi_kwd", "pi_old", "pi_visa"]  # not yesterday's
    refunds = [(r["id"], r["amount"]) for r in records if r["record"] == "refund"]
    assert sorted(refunds) == [("re_1", "5.00"), ("re_today", "2.00")]  # not re_old
    by_id = {r["payment_id"]: r for r in records if r["record"] == "payment"}
    assert (by_id["pi_jpy"]["amount"], by_id["pi_jpy"]["currency"]) == ("1200", "JPY")
    assert (by_id["pi_kwd"]["amount"], by_id["pi_kwd"]["currency"]) == ("1.235", "KWD")
    assert by_id["pi_visa"]["staff"] == "'=HYPERLINK(1)"  # defused for spreadsheets
    ops = [r for r in records if r["record"] == "operation"]
    assert [r["kind"] for r in ops] == ["refund_online", "cancel", "capture"]
    assert [r["outcome"] for r in ops] == ["Refunded", "Not done", "Captured"]
    assert ops[0]["approved_by"] == "Maria" and ops[0]["stripe_ids"] == "re_1"
    assert ops[1]["error"] == "Changed meanwhile" and ops[1]["state"] == "failed"


# --- on paper --------------------------------------------------------------------------------

def _many(count: int) -> list[DayOperation]:
    return [DayOperation(DayKind.REFUND, START + timedelta(hours=6, minutes=i), f"pi_{i}",
                         Money(1000 + i, "cad"), DayOutcome.DONE, stripe_id=f"re_{i}",
                         op_id=f"op_{i}", till="front", staff=f"Training clerk{i:02d}",
                         approver=f"Training manager{i:02d}", network="visa", last4="4242")
            for i in range(count)]


def _pdf(tmp_path, rep: DayReport) -> list[str]:
    """The report as the dialog writes it (landscape), as the text of each page."""
    document = QTextDocument()
    document.setHtml(report_html(rep))
    path = tmp_path / "report.pdf"
    assert write_pdf(path, "End of day", document.print_, landscape=True)
    # NFKC: the PDF's fonts set "fi" and "ff" as ligatures
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
            for page in pypdf.PdfReader(path).pages]


@pytest.mark.parametrize("count", [28, 29, 30, 31, 32, 45])
def test_a_row_never_splits_across_pages(tmp_path, count) -> None:
    pages = _pdf(tmp_path, report(_many(count)))
    assert len(pages) >= 2
    for i in range(count):
        staff, approver = f"Training clerk{i:02d}", f"Training manager{i:02d}"
        holding = [n for n, text in enumerate(pages) if staff in text]
        assert len(holding) == 1, staff  # one line: never cut in two
        assert approver in pages[holding[0]], f"row {i} split across pages"
    assert all("Approved by" in text for text in pages if "Training clerk" in text)


@pytest.mark.parametrize("count", range(20, 40, 3))
def test_no_page_holds_only_the_hash(tmp_path, count) -> None:
    pages = _pdf(tmp_path, report(_many(count)))
    assert "ab" * 32 in pages[0] and "Journal verified" in pages[0]
    assert all("Training clerk" in text for text in pages[1:])  # every page past the first


def test_the_report_and_the_csv_in_french(operations, french) -> None:
    text = report_html(report(operations))
    assert "<h1>Fin de journée — " in text and "Mode formation · imprimé le " in text
    assert "Totaux de la journée" in text and "Total CAD" in text
    assert "Journal vérifié\u00a0: 6 entrées, aucune modifiée" in text
    assert '<span class="urgent">Expirée</span>' in text
    rows = list(csv.reader(io.StringIO(day_csv(report(operations)))))
    assert rows[0][:3] == ["type", "horodatage", "id_paiement"]
    kinds = {r[0] for r in rows[1:]}
    assert kinds == {"paiement", "remboursement", "opération"}
    assert all(r[7].replace(".", "").isdigit() for r in rows[1:])  # amounts stay plain numbers
