"""CSV export: one row per entry, a header, readable amounts, nothing secret or executable."""

from __future__ import annotations

import csv
import io

from pos_refunds.domain.money import Money
from pos_refunds.journal import Journal
from pos_refunds.journal.csv_export import HEADER


def _export(journal: Journal) -> list[dict[str, str]]:
    out = io.StringIO()
    journal.export_csv(out)
    out.seek(0)
    reader = csv.DictReader(out)
    assert tuple(reader.fieldnames or ()) == HEADER
    return list(reader)


def test_empty_export_has_only_the_header(journal: Journal) -> None:
    out = io.StringIO()
    journal.export_csv(out)
    assert out.getvalue() == ",".join(HEADER) + "\n"


def test_one_row_per_entry(journal: Journal) -> None:
    op = journal.begin("refund_online", "pi_1", amount=Money(1250, "cad"), staff="alice",
                       approver="bob", till="till-1",
                       details={"reason": "duplicate", "note": "charged twice"})
    journal.record(op.op_id, "succeeded", stripe_ids={"refund": "re_1", "request_id": "req_9"})
    yen = journal.begin("refund_on_reader", "pi_2", amount=Money(1200, "jpy"), staff="carol",
                        approver=None, till="till-2", reader_id="tmr_7")
    journal.record(yen.op_id, "failed", error="Card declined")

    rows = _export(journal)
    assert [(r["seq"], r["state"]) for r in rows] == [
        ("1", "pending"), ("2", "succeeded"), ("3", "pending"), ("4", "failed"),
    ]
    first, done, _, failed = rows
    assert first["op_id"] == op.op_id and first["kind"] == "refund_online"
    assert (first["amount"], first["currency"]) == ("12.50", "CAD")
    assert (first["staff"], first["approver"], first["till"]) == ("alice", "bob", "till-1")
    assert (first["reason"], first["note"]) == ("duplicate", "charged twice")
    assert first["idempotency_key"] == op.idempotency_key
    assert done["stripe_ids"] == "refund=re_1; request_id=req_9"
    assert done["hash"] == journal.entries()[1].hash
    assert (failed["amount"], failed["currency"], failed["reader_id"]) == ("1200", "JPY", "tmr_7")
    assert failed["error"] == "Card declined" and failed["approver"] == ""
    assert first["at"].endswith("+00:00")


def test_formulas_are_defused(journal: Journal) -> None:
    journal.begin("cancel", "pi_1", amount=None, staff="alice", approver=None, till="t",
                  details={"note": "=HYPERLINK(\"http://x\")"})
    [row] = _export(journal)
    assert row["note"] == "'=HYPERLINK(\"http://x\")"
    assert row["amount"] == "" and row["currency"] == ""


def test_no_secrets_in_the_export(journal: Journal) -> None:
    op = journal.begin("refund_online", "pi_1", amount=Money(5, "usd"), staff="a",
                       approver=None, till="t")
    journal.record(op.op_id, "failed", error="Invalid API Key provided: sk_live_abc123")
    out = io.StringIO()
    journal.export_csv(out)
    assert "sk_live_" not in out.getvalue()
    assert "[redacted key]" in out.getvalue()
