"""The official I-589 (Rev. 08/25/20, the blank form in ../shared/forms/) filled from a case:
every value placed reads back from the fields and from the printed pages, the XFA layer is gone,
qpdf finds nothing wrong, an edited copy reports exactly the renamed questions (issue 23)."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from sqlalchemy import select

from clinic.domain.applicant import ApplicantDetails
from clinic.domain.enums import MaritalStatus
from clinic.domain.ids import CaseId, ClientId
from clinic.domain.validation import Problem
from clinic.reports.i589.fill import Filled
from clinic.services import applicant, i589
from clinic.storage.models import AuditEntry, Case
from clinic.storage.store import Store
from tests.reports.packet_support import qpdf_check
from tests.services.i589_case import BLANK, FEAR, LONG_ACCOUNT, make_case

pytestmark = pytest.mark.skipif(not BLANK.is_file(), reason=f"the blank form {BLANK} is missing")


def page_texts(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")


def fields_of(data: bytes) -> dict[str, object]:
    reader = PdfReader(io.BytesIO(data))
    return {name: field.get("/V") for name, field in (reader.get_fields() or {}).items()}


def placed_text(filled: Filled) -> dict[str, str]:
    return {p.field.key: p.text for p in filled.placed if p.field.format != "check"}


def test_the_known_edition_is_filled_and_every_value_reads_back(
    store: Store, tmp_path: Path
) -> None:
    case_id = make_case(store)
    fillable, flat = tmp_path / "i589.pdf", tmp_path / "i589-flat.pdf"
    result = i589.export_i589(
        store=store, case_id=case_id, form=BLANK, destination=fillable, flatten=False
    )
    filled = result.filled
    assert filled.edition == "08/25/20" and not filled.unplaced and not filled.not_written
    values = placed_text(filled)
    assert values["applicant.a_number"] == "201555018"  # the nine digits, no dashes
    assert values["applicant.date_of_birth"] == "02/27/1986"
    assert values["applicant.other_names"] == "María Gutiérrez; Elena Ramos"
    assert (values["residence.apartment"], values["residence.zip"]) == ("3B", "60625")
    assert (values["residence.phone_area"], values["residence.phone_number"]) == ("312", "555-0147")
    assert values["applicant.nationality"] == "Honduras"
    assert (values["applicant.native_language"], values["applicant.other_languages"]) == (
        "Spanish",
        "English",
    )
    assert [values[f"entry{n}.date"] for n in (1, 2, 3)] == [
        "06/18/2023",
        "04/02/2019",
        "08/11/2017",
    ]
    assert values["children.count"] == "6"
    assert [values[f"child{n}.given_name"] for n in (1, 2, 3, 4)] == [
        "Lucía",
        "Mateo",
        "Sofía",
        "Diego",
    ]
    assert values["spouse.previous_arrival"] == "04/02/2019"
    ticked = {(p.field.key, p.field.when) for p in filled.placed if p.field.format == "check"}
    assert {
        ("applicant.sex", "female"),
        ("applicant.court_proceedings", "now"),
        ("claim.cat", "yes"),
        ("claim.ground.psg", "yes"),
        ("children.any", "yes"),
        ("child3.in_us", "no"),
        ("child4.included", "no"),
    } <= ticked
    assert ("claim.ground.race", "yes") not in ticked
    assert result.overflow == ()  # the fifth child on: Supplement A; the fourth entry: B
    # 19.C's fourth entry, A.III 2's sixth residence, A.III 5's fifth sibling, 1.A's account on
    # two pages
    assert filled.supplements == (1, 5)
    by_page = {(p.field.page, p.field.key): p.text for p in filled.placed}
    assert by_page[11, "suppa.child1.given_name"] == "Valentina"
    assert by_page[11, "suppa.child2.given_name"] == "Tomás"
    assert by_page[11, "suppa.child2.date_of_birth"] == "12/01/2020"
    assert by_page[5, "claim.part_b1a_explanation"] == "See Supplement B, Part B question 1.A"
    assert (by_page[12, "suppb.part"], by_page[12, "suppb.question"]) == ("A.I", "19.C")
    assert by_page[12, "suppb.text"].startswith("Entry 4: 01/05/2015; New York, NY; B-1")
    assert [(by_page[n, "suppb.part"], by_page[n, "suppb.question"]) for n in (13, 14)] == [
        ("A.III", "2"),
        ("A.III", "5"),
    ]
    assert by_page[13, "suppb.text"] == (
        "Residence 6: Calle 5 #12; La Ceiba; Atlántida; Honduras; 01/2015 to 01/2020"
    )
    assert by_page[14, "suppb.text"] == (
        "Sibling 5: Marta Ramírez Gutiérrez; born in La Ceiba, Honduras; Tegucigalpa, Honduras"
    )
    assert [by_page[n, "suppb.question"] for n in (15, 16)] == ["1.A", "1.A (cont.)"]
    continued = " ".join(by_page[n, "suppb.text"] for n in (15, 16))
    assert continued.split() == LONG_ACCOUNT.split()  # all of it, in order, nothing cut
    assert by_page[5, "claim.part_b1b_explanation"].split() == FEAR.split()  # fits its box
    # Part A.III (page 4): the lists, present or most recent first, dates as months
    assert (by_page[4, "lastaddress1.city"], by_page[4, "lastaddress2.province"]) == (
        "San Pedro Sula",
        "Cortés",
    )
    assert (by_page[4, "lastaddress1.from"], by_page[4, "lastaddress1.to"]) == (
        "07/2022",
        "05/2023",
    )
    assert [by_page[4, f"address{n}.city"] for n in (1, 2, 5)] == [
        "Chicago",
        "Chicago",
        "Tegucigalpa",
    ]
    assert (by_page[4, "address1.from"], by_page[4, "address1.country"]) == (
        "07/2023",
        "United States",
    )
    assert ("address1.to") not in values  # the present address has no end
    assert by_page[4, "school1.name"] == "Instituto Central Vicente Cáceres"
    assert (by_page[4, "school2.type"], by_page[4, "school2.to"]) == ("Primary school", "11/1998")
    assert [by_page[4, f"job{n}.occupation"] for n in (1, 2, 3)] == [
        "Baker's assistant",  # the present employment first
        "Shop owner",
        "Seamstress",
    ]
    assert (by_page[4, "mother.name"], by_page[4, "mother.location"]) == (
        "Rosa Gutiérrez Paz",
        "La Ceiba, Honduras",
    )
    assert ("father.deceased", "yes") in ticked and "father.location" not in values
    assert by_page[4, "sibling4.name"] == "Luis Ramírez Gutiérrez"

    # every value, from the fillable file's fields (check boxes by their on-value)
    data = fillable.read_bytes()
    read = fields_of(data)
    for item in filled.placed:
        expected = f"/{item.text}" if item.field.format == "check" else item.text
        assert read[item.field.name] == expected, item.field.key
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    form = root["/AcroForm"]
    assert "/XFA" not in form and bool(form["/NeedAppearances"])
    assert "/Perms" not in root  # the usage-rights signature a change breaks
    assert not root["/Names"]["/JavaScript"]["/Names"]  # only XFA version checks were there
    for page in PdfReader(io.BytesIO(data)).pages:  # an appearance for every filled text box
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            if widget.get("/FT") == "/Tx" and widget.get("/V"):
                assert "/N" in widget["/AP"]
    assert qpdf_check(fillable) == ""
    fields = PdfReader(io.BytesIO(data)).get_fields() or {}
    for name in (
        "form1[0].#subform[7].PB4_TextField[0]",  # read-only on the blank: the XFA unlocked it
        "form1[0].#subform[1].TotalChild[0]",
        "SupplementB2.#subform[13].TextField32[0]",  # a copy of Supplement B, editable too
    ):
        assert not int(fields[name].get("/Ff", 0)) & 1, name

    # and from the printed text of the flattened file, on the right page
    i589.export_i589(store=store, case_id=case_id, form=BLANK, destination=flat, flatten=True)
    pages = page_texts(flat)
    assert len(pages) - 1 == 16  # the form's 12 pages and four more Supplement B pages
    for item in filled.placed:
        if item.field.format != "check":  # a box of several lines: line by line
            for line in item.text.split("\n"):
                assert line.strip() in pages[item.field.page - 1], (item.field.key, line)
    assert "María Elena" not in pages[1]  # the applicant's name is on page 1 only
    flat_reader = PdfReader(flat)
    assert not (flat_reader.get_fields() or {})  # flattened: nothing left to edit
    assert "/XFA" not in flat_reader.trailer["/Root"].get("/AcroForm", {})
    assert qpdf_check(flat) == ""

    with store.unit_of_work() as session:
        exports = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "export")))
    assert [e.changes["i589_pdf_saved_to"][1] for e in exports] == [str(fillable), str(flat)]
    assert exports[0].changes["i589_edition"] == [None, "08/25/20"]


def renamed_copy(tmp_path: Path, renames: dict[str, str]) -> Path:
    writer = PdfWriter(clone_from=PdfReader(BLANK))
    found = set()
    for page in writer.pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            parent = widget.get("/Parent")
            qualified = str(widget.get("/T", ""))
            while parent is not None:
                parent = parent.get_object()
                qualified = f"{parent.get('/T', '')}.{qualified}"
                parent = parent.get("/Parent")
            if qualified in renames:
                widget[NameObject("/T")] = TextStringObject(renames[qualified])
                found.add(qualified)
    assert found == set(renames)
    path = tmp_path / "edited.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_an_edited_copy_reports_exactly_the_renamed_questions(store: Store, tmp_path: Path) -> None:
    case_id = make_case(store)
    p1, p3 = "form1[0].#subform[0].", "form1[0].#subform[3]."
    renames = {
        p1 + "PtAILine4_LastName[0]": "FamilyName[0]",
        p1 + "DateTimeField1[0]": "BirthDate[0]",
        p1 + "CheckBox3[2]": "NowInCourt[0]",
        p3 + "ChildFirst2[0]": "SecondChild[0]",
        p1 + "TextField1[0]": "SocialSecurity[0]",  # no value in Clinic: typed by hand anyway
    }
    edited = renamed_copy(tmp_path, renames)
    out = tmp_path / "filled.pdf"
    result = i589.export_i589(
        store=store, case_id=case_id, form=edited, destination=out, flatten=False
    )
    filled = result.filled
    assert filled.edition is None  # the known footer over another field set is not known
    assert filled.recognised.footer == "Form I-589 (Rev. 08/25/20)"
    assert filled.recognised.closest is not None
    assert [(f.question, f.key) for f in filled.unplaced] == [
        ("Part A.I 4", "applicant.family_name"),
        ("Part A.I 12", "applicant.date_of_birth"),
        ("Part A.I 18", "applicant.court_proceedings"),
        ("Part A.II child 2 6", "child2.given_name"),
    ]
    assert "applicant.ssn" in {f.key for f in filled.to_type}
    read = fields_of(out.read_bytes())
    assert read[p1 + "PtAILine5_FirstName[0]"] == "María Elena"  # the rest is placed
    assert not any(read.get(p1 + new) or read.get(p3 + new) for new in renames.values())
    with store.unit_of_work() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert audit.changes["i589_edition"] == [None, "unknown"]
    assert audit.changes["i589_answers_not_placed"] == [None, 4]


def test_files_that_are_not_a_fillable_i589_are_refused_in_words(
    store: Store, tmp_path: Path
) -> None:
    case_id = make_case(store)
    text = tmp_path / "notes.pdf"
    text.write_text("not a PDF at all")
    blank_page = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    with blank_page.open("wb") as handle:
        writer.write(handle)
    for path, code in ((text, "i589_not_pdf"), (blank_page, "i589_no_fields")):
        with pytest.raises(i589.FormNotFillable) as caught:
            i589.fill_i589(store=store, case_id=case_id, form=path, flatten=False)
        assert caught.value.code == code
        assert str(path) in caught.value.message_in("es")
    with pytest.raises(LookupError):
        i589.fill_i589(store=store, case_id=CaseId(999), form=BLANK, flatten=False)
    assert not list(tmp_path.glob("*.part"))


def test_the_applicants_details_fill_part_a_i_and_are_audited(store: Store, tmp_path: Path) -> None:
    """Part A.I 2, 3, 6, 11, 13, 15-17, 19.A, 20-22 and 24 come from the details recorded
    (migration 0009); a typed SSN with dashes is kept as its nine digits; each change is in
    the audit trail; and "I am not married" (Part A.II) is ticked only when not married."""
    case_id = make_case(store)
    with store.unit_of_work() as session:
        client_id = ClientId(session.get_one(Case, case_id).client_id)
    typed = ApplicantDetails(
        middle_name="Elena",
        ssn="123-45-6789",
        uscis_account="0012 3456 7890",
        marital_status=MaritalStatus.MARRIED,
        birth_city="San Pedro Sula",
        birth_country="hn",
        nationality_at_birth="HN",
        ethnic_group="Garifuna",
        religion="Catholic",
        left_country_on=date(2023, 6, 1),
        passport_country="HN",
        passport_number="E1234567",
        passport_expires_on=date(2031, 1, 31),
        fluent_in_english=False,
    )
    applicant.set_applicant_details(
        store=store, client_id=client_id, details=typed, today=date(2026, 12, 7)
    ).unwrap()
    stored = applicant.applicant_details(store=store, client_id=client_id)
    assert (stored.ssn, stored.uscis_account, stored.birth_country) == (
        "123456789",
        "001234567890",
        "HN",
    )
    out = tmp_path / "i589.pdf"
    result = i589.export_i589(
        store=store, case_id=case_id, form=BLANK, destination=out, flatten=False
    )
    values = placed_text(result.filled)
    assert values["applicant.ssn"] == "123456789"
    assert values["applicant.uscis_account"] == "001234567890"
    assert values["applicant.middle_name"] == "Elena"
    assert values["applicant.birth_place"] == "San Pedro Sula, Honduras"
    assert values["applicant.nationality_at_birth"] == "Honduras"
    assert (values["applicant.ethnic_group"], values["applicant.religion"]) == (
        "Garifuna",
        "Catholic",
    )
    assert values["applicant.left_country_on"] == "06/01/2023"
    assert (values["passport.country"], values["passport.number"]) == ("Honduras", "E1234567")
    assert values["passport.expires"] == "01/31/2031"
    ticked = {
        (p.field.key, p.field.when) for p in result.filled.placed if p.field.format == "check"
    }
    assert {
        ("applicant.marital_status", "married"),
        ("applicant.fluent_in_english", "no"),
    } <= ticked
    assert not {k for k, _ in ticked} & {"applicant.not_married"}
    read = fields_of(out.read_bytes())
    for item in result.filled.placed:
        expected = f"/{item.text}" if item.field.format == "check" else item.text
        assert read[item.field.name] == expected, item.field.key
    with store.unit_of_work() as session:
        updates = [
            e.changes
            for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "update"))
        ]
    assert updates[-1]["ssn"] == ["", "123456789"]
    assert updates[-1]["marital_status"] == [None, "married"]

    widowed = replace(stored, marital_status=MaritalStatus.WIDOWED)
    applicant.set_applicant_details(
        store=store, client_id=client_id, details=widowed, today=date(2026, 12, 7)
    ).unwrap()
    again = i589.fill_i589(store=store, case_id=case_id, form=BLANK, flatten=False)
    ticked = {(p.field.key, p.field.when) for p in again.filled.placed if p.field.format == "check"}
    assert {("applicant.marital_status", "widowed"), ("applicant.not_married", "yes")} <= ticked


def test_applicant_details_are_checked_before_anything_is_stored(store: Store) -> None:
    case_id = make_case(store)
    with store.unit_of_work() as session:
        client_id = ClientId(session.get_one(Case, case_id).client_id)
    before = applicant.applicant_details(store=store, client_id=client_id)
    bad = ApplicantDetails(
        ssn="123-45-678",
        uscis_account="12345",
        birth_country="XX",
        left_country_on=date(2027, 1, 1),
        religion="x" * 101,
    )
    result = applicant.set_applicant_details(
        store=store, client_id=client_id, details=bad, today=date(2026, 12, 7)
    )
    assert {(p.field, p.code) for p in result.problems} == {
        ("ssn", Problem.BAD_SSN),
        ("uscis_account", Problem.BAD_USCIS_ACCOUNT),
        ("birth_country", Problem.UNKNOWN_COUNTRY),
        ("left_country_on", Problem.DATE_IN_FUTURE),
        ("religion", Problem.TOO_LONG),
    }
    assert applicant.applicant_details(store=store, client_id=client_id) == before
