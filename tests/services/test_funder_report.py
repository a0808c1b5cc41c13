"""Funder report: right counts, small cells suppressed (with complements), and no client's
name, A-number or date of birth anywhere in the PDF or the CSV."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.domain.anumber import format_a_number
from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enum_words import english
from clinic.domain.enums import ClaimType, Outcome, Stage
from clinic.services import cases, clients
from clinic.services.demo import fill_demo_data
from clinic.services.exports.funder import export_funder_report, funder_report
from clinic.storage.models import Client
from clinic.storage.store import Store


def _open(store: Store, today: date, n: int, claim: ClaimType, country: str, opened: date) -> None:
    for i in range(n):
        client_id = clients.intake_client(
            store=store,
            client=ClientDraft(
                family_name=f"Family{country}{claim.value}{i}",
                given_name="Ana",
                nationalities=(country,),
            ),
            today=today,
        ).unwrap()
        cases.open_case(
            store=store,
            client_id=client_id,
            case=CaseDraft(claim_type=claim, opened_on=opened),
            today=today,
        ).unwrap()


def _table(data: object, title: str) -> dict[str, str]:
    table = next(t for t in data.tables if t.title == title)  # type: ignore[attr-defined]
    out = {label: cell.text() for label, cell in table.rows}
    if table.total is not None:
        out["Total"] = table.total.text()
    return out


def test_counts_suppression_and_complement(store: Store, today: date) -> None:
    _open(store, today, 7, ClaimType.AFFIRMATIVE, "HN", date(2025, 3, 1))
    _open(store, today, 2, ClaimType.DEFENSIVE, "VE", date(2026, 2, 1))
    _open(store, today, 6, ClaimType.DEFENSIVE, "GT", date(2026, 5, 1))
    _open(store, today, 3, ClaimType.AFFIRMATIVE, "HN", date(2026, 9, 1))
    data = funder_report(store=store, year=2026, today=today)
    assert _table(data, "Claim type") == {
        "Affirmative": "10",
        "Defensive": "8",
        "Total": "18",
    }
    # Venezuela 2 is hidden; the next smallest (Guatemala 6) is hidden too, so 18-13 gives nothing.
    assert _table(data, "Nationality") == {
        "Guatemala": "*",
        "Honduras": "10",
        "Venezuela, Bolivarian Republic of": "<5",
        "Total": "18",
    }
    assert _table(data, "Year opened") == {"2025": "7", "2026": "11", "Total": "18"}
    assert _table(data, "Stage")["Intake"] == "18" and _table(data, "Stage")["Closed"] == "0"
    # every category in the window's words (clinic/domain/enum_words.py)
    assert list(_table(data, "Stage"))[:-1] == [english(s) for s in Stage]
    assert list(_table(data, "Outcome"))[1:-1] == [english(o) for o in Outcome]
    assert "Court of appeals" in _table(data, "Stage")
    assert "Transferred or representation ended" in _table(data, "Outcome")
    relief = next(t for t in data.tables if t.title == "Relief sought")
    assert [label for label, _ in relief.rows] == [
        "Asylum",
        "Withholding of removal",
        "Convention Against Torture",
    ]
    earlier = funder_report(store=store, year=2025, today=today)
    assert _table(earlier, "Claim type") == {
        "Affirmative": "7",
        "Defensive": "0",
        "Total": "7",
    }
    with pytest.raises(ValueError, match="Choose a year"):
        funder_report(store=store, year=today.year + 1, today=today)


def test_no_identifier_reaches_the_pdf_or_the_csv(
    store: Store, today: date, tmp_path: Path
) -> None:
    fill_demo_data(store=store, clients=8, seed=4, today=today)
    with store.unit_of_work() as session:
        people = list(
            session.execute(
                select(Client.family_name, Client.given_name, Client.a_number, Client.date_of_birth)
            )
        )
    pdf, sheet = tmp_path / "funder.pdf", tmp_path / "funder.csv"
    export_funder_report(store=store, year=today.year, destination=pdf, today=today).unwrap()
    export_funder_report(store=store, year=today.year, destination=sheet, today=today).unwrap()
    pdf_text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    csv_text = sheet.read_text("utf-8-sig")
    assert "Funder report" in pdf_text and "Claim type" in pdf_text and "<5" in csv_text + pdf_text
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[0] == ["table", "category", "count"]
    for text in (pdf_text, csv_text, pdf.read_bytes().decode("latin-1")):
        for family, given, a_number, born in people:
            assert family not in text and family.upper() not in text
            assert f"{given} {family}" not in text
            if a_number:
                assert a_number not in text and format_a_number(a_number) not in text
            if born:
                assert born.isoformat() not in text
    published = [int(r[2]) for r in rows[1:] if r[0] != "note" and r[2].isdigit()]
    assert all(n == 0 or n >= 5 for n in published)
    with pytest.raises(FileExistsError):
        export_funder_report(store=store, year=today.year, destination=pdf, today=today)
