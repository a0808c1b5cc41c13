"""Client handouts read back as text (pdftotext) and checked for structure (qpdf --check):
every kind in English, Spanish and both, both layouts, diacritics intact, only the client's data."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft, HearingDraft
from clinic.domain.enums import (
    ClaimType,
    EvidenceCategory,
    EvidenceStatus,
    HearingKind,
    TranslationStatus,
)
from clinic.domain.handout_text import HandoutFileError, parse_language
from clinic.domain.ids import CaseId
from clinic.resource_files import resource_path
from clinic.services import cases, clients, evidence, handouts, lifecycle, schedule, settings
from clinic.storage import keys
from clinic.storage.store import Store

needs_poppler = pytest.mark.requires_tool("pdftotext", "poppler-utils")
needs_qpdf = pytest.mark.requires_tool("qpdf", "qpdf")

TODAY = date(2026, 11, 28)
APPOINTMENT = handouts.Appointment(datetime(2026, 12, 3, 14, 0), "Ana Gómez", "Oficina, 2.º piso")


def make_case(store: Store) -> CaseId:
    current = settings.get_settings(store=store)
    settings.update_settings(
        store=store,
        settings=replace(
            current,
            clinic_name="Clínica Legal San José",
            letterhead="123 Main St, Chicago, IL 60601\nTel. (312) 555-0100",
        ),
    ).unwrap()
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(
            family_name="Núñez Peña",
            given_name="María José",
            a_number="A-201-555-123",
            last_arrival_on=date(2025, 3, 14),
        ),
        today=TODAY,
    ).unwrap()
    other = clients.intake_client(
        store=store,
        client=ClientDraft(family_name="Zyxwvut", given_name="Other", a_number="A-999-888-777"),
        today=TODAY,
    ).unwrap()
    draft = CaseDraft(
        claim_type=ClaimType.DEFENSIVE,
        forum_name="Chicago Immigration Court",
        opened_on=date(2025, 4, 1),
    )
    case_id = cases.open_case(store=store, client_id=client_id, case=draft, today=TODAY).unwrap()
    cases.open_case(store=store, client_id=other, case=draft, today=TODAY).unwrap()
    hearing = HearingDraft(
        kind=HearingKind.INDIVIDUAL,
        on=date(2027, 5, 4),
        at=time(13, 0),
        timezone="America/Chicago",
        location="Chicago Immigration Court",
        address="525 West Van Buren Street, Suite 500\nChicago, IL 60607",
        judge="Hon. Ángela Ruiz",
    )
    schedule.schedule_hearing(store=store, case_id=case_id, hearing=hearing).unwrap()
    earlier = replace(
        hearing, kind=HearingKind.MASTER_CALENDAR, on=date(2027, 3, 2), at=time(8, 30)
    )
    schedule.schedule_hearing(store=store, case_id=case_id, hearing=earlier).unwrap()
    past = replace(hearing, kind=HearingKind.MASTER_CALENDAR, on=date(2026, 1, 5))
    schedule.schedule_hearing(store=store, case_id=case_id, hearing=past).unwrap()
    for title, status, translation in (
        ("Acta de nacimiento (original)", EvidenceStatus.REQUESTED, TranslationStatus.NOT_NEEDED),
        ("Denuncia policial ¿Tegucigalpa?", EvidenceStatus.RECEIVED, TranslationStatus.NEEDED),
        ("Already filed letter", EvidenceStatus.FILED, TranslationStatus.NOT_NEEDED),
    ):
        evidence.add_evidence(
            store=store,
            case_id=case_id,
            evidence=EvidenceDraft(
                title=title,
                category=EvidenceCategory.IDENTITY,
                status=status,
                language="es",
                translation=translation,
            ),
            today=TODAY,
        ).unwrap()
    return case_id


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, CaseId]]:
    saved = keys.SCRYPT_N
    keys.SCRYPT_N = 2**12
    data_dir = lifecycle.resolve_data_dir(tmp_path_factory.mktemp("handouts") / "data")
    store = lifecycle.init_store(data_dir=data_dir, passphrase="correct horse battery", actor="t")
    keys.SCRYPT_N = saved
    try:
        yield store, make_case(store)
    finally:
        store.lock()


def render(case: tuple[Store, CaseId], kind: str, lang: str, layout: str | None = None) -> bytes:
    store, case_id = case
    return handouts.handout_pdf(
        store=store,
        case_id=case_id,
        kind=kind,
        languages=handouts.languages_of(lang),
        today=TODAY,
        layout=layout,
        appointment=APPOINTMENT,
    )


def text_of(pdf: bytes, tmp_path: Path, *, columns: bool = False) -> str:
    """The PDF's words with whitespace folded; ``columns``: the left half of every page, then
    the right half (the two columns of a side-by-side handout, each read on its own)."""
    path = tmp_path / "h.pdf"
    path.write_bytes(pdf)
    crops = [
        ["-x", "0", "-y", "0", "-W", "306", "-H", "792"],
        ["-x", "306", "-y", "0", "-W", "306", "-H", "792"],
    ]
    parts = []
    for crop in crops if columns else [[]]:
        parts.append(
            subprocess.run(
                ["pdftotext", "-r", "72", *crop, str(path), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    return " ".join(" ".join(parts).split())


EXPECTED = {
    ("hearing-reminder", "en"): [
        "Your court hearing",
        "Tuesday, March 2, 2027 at 8:30 AM",
        "525 West Van Buren Street, Suite 500 Chicago, IL 60607",
        "Master calendar hearing",
        "within 5 days, on Form EOIR-33/IC",
        "within 10 days, on Form AR-11",
        "in absentia",
    ],
    ("hearing-reminder", "es"): [
        "Su audiencia en el tribunal",
        "martes, 2 de marzo de 2027 a las 8:30 a. m.",
        "525 West Van Buren Street, Suite 500 Chicago, IL 60607",
        "Audiencia preliminar",
        "en un plazo de 5 días, con el formulario EOIR-33/IC",
        "en un plazo de 10 días, con el formulario AR-11",
        "¿Tiene preguntas? Llámenos.",
    ],
    ("document-request", "en"): [
        "Documents we need from you",
        "Acta de nacimiento (original)",
        "Documents that need an English translation",
        "Denuncia policial ¿Tegucigalpa?",
        "Time with us to finish your written statement",
    ],
    ("document-request", "es"): [
        "Documentos que necesitamos de usted",
        "Acta de nacimiento (original)",
        "Documentos que necesitan traducción al inglés",
        "Denuncia policial ¿Tegucigalpa?",
        "Una cita con nosotros para terminar su declaración escrita",
    ],
    ("appointment-slip", "en"): [
        "Your appointment",
        "Thursday, December 3, 2026 at 2:00 PM",
        "Ana Gómez",
        "Oficina, 2.º piso",
    ],
    ("appointment-slip", "es"): [
        "Su cita",
        "jueves, 3 de diciembre de 2026 a las 2:00 p. m.",
        "Ana Gómez",
        "Oficina, 2.º piso",
    ],
}
COMMON = {
    "en": ["Clínica Legal San José", "For: María José Núñez Peña", "Your A-number: A-201-555-123"],
    "es": [
        "Clínica Legal San José",
        "Para: María José Núñez Peña",
        "Su número A (A-Number): A-201-555-123",
    ],
}


@needs_poppler
@needs_qpdf
@pytest.mark.parametrize("kind", handouts.KINDS)
@pytest.mark.parametrize("lang", ["en", "es", "en+es"])
def test_each_kind_in_each_language(
    case: tuple[Store, CaseId], kind: str, lang: str, tmp_path: Path
) -> None:
    pdf = render(case, kind, lang)
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / "h.pdf"
    path.write_bytes(pdf)
    checked = subprocess.run(
        ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    shown = handouts.languages_of(lang)
    text = text_of(pdf, tmp_path, columns=len(shown) == 2)  # the default layout: side by side
    for each in ("en", "es"):
        for phrase in EXPECTED[(kind, each)] + COMMON[each]:
            if each in shown:
                assert phrase in text, (kind, lang, phrase)
    if "es" not in shown:
        assert "Para:" not in text
    if "en" not in shown:
        assert "For:" not in text
    # another client's data never appears; nor does the past hearing or a filed item
    assert "Zyxwvut" not in text and "999-888-777" not in text
    assert "Already filed letter" not in text
    assert b"N\xc3\xba\xc3\xb1ez" not in pdf  # the metadata holds no client name (UTF-8)


@needs_poppler
def test_spanish_diacritics_survive(case: tuple[Store, CaseId], tmp_path: Path) -> None:
    text = text_of(render(case, "hearing-reminder", "es"), tmp_path)
    for letter in "ñáéíóú¿¡":
        assert letter in text, letter
    assert "Núñez Peña" in text and "¿Tiene preguntas?" in text


@needs_poppler
def test_both_layouts_hold_both_languages(case: tuple[Store, CaseId], tmp_path: Path) -> None:
    side = render(case, "hearing-reminder", "en+es", "side-by-side")
    sequential = render(case, "hearing-reminder", "en+es", "sequential")
    for pdf, columns in ((side, True), (sequential, False)):
        text = text_of(pdf, tmp_path, columns=columns)
        assert "Tuesday, March 2, 2027 at 8:30 AM" in text
        assert "martes, 2 de marzo de 2027 a las 8:30 a. m." in text
    # one after the other: the Spanish starts on a new page after the whole English handout
    pages = subprocess.run(
        ["pdftotext", str(tmp_path / "h.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    first_spanish = next(i for i, page in enumerate(pages) if "Su audiencia" in page)
    assert first_spanish > 0
    assert all("Your court hearing" not in page for page in pages[first_spanish:])


@needs_poppler
def test_layout_setting_is_the_default(case: tuple[Store, CaseId], tmp_path: Path) -> None:
    store, _case_id = case

    def first_page(pdf: bytes) -> str:
        (tmp_path / "p.pdf").write_bytes(pdf)
        return subprocess.run(
            ["pdftotext", "-l", "1", str(tmp_path / "p.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert "Su cita" in first_page(render(case, "appointment-slip", "en+es"))  # side by side
    current = settings.get_settings(store=store)
    settings.update_settings(store=store, settings=replace(current, handout_layout="sequential"))
    try:
        page = first_page(render(case, "appointment-slip", "en+es"))
        assert "Your appointment" in page and "Su cita" not in page
        assert "Su cita" in first_page(render(case, "appointment-slip", "es"))
    finally:
        settings.update_settings(store=store, settings=current)


def test_hearing_reminder_needs_an_upcoming_court_hearing(case: tuple[Store, CaseId]) -> None:
    store, _case_id = case
    other_case = CaseId(2)
    with pytest.raises(handouts.HandoutUnavailable) as raised:
        handouts.handout_pdf(
            store=store,
            case_id=other_case,
            kind="hearing-reminder",
            languages=("en",),
            today=TODAY,
        )
    assert "no upcoming master calendar or individual hearing" in str(raised.value)
    assert "no tiene ninguna audiencia" in raised.value.message_in("es")
    with pytest.raises(handouts.HandoutUnavailable):
        handouts.handout_pdf(
            store=store, case_id=CaseId(99), kind="document-request", languages=("es",), today=TODAY
        )


def test_reminder_uses_the_next_court_hearing(case: tuple[Store, CaseId]) -> None:
    store, case_id = case
    view = cases.get_case(store=store, case_id=case_id)
    hearing = handouts.next_court_hearing(view, TODAY)
    assert hearing is not None  # the past one (2026-01-05) and the later one (2027-05-04) lose
    assert (hearing.on, hearing.at, hearing.kind) == (
        date(2027, 3, 2),
        time(8, 30),
        HearingKind.MASTER_CALENDAR,
    )


def test_export_refuses_to_overwrite_and_is_audited(
    case: tuple[Store, CaseId], tmp_path: Path
) -> None:
    store, case_id = case
    target = tmp_path / "out.pdf"
    target.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        handouts.export_handout_pdf(
            store=store,
            case_id=case_id,
            kind="appointment-slip",
            languages=("es",),
            destination=target,
            today=TODAY,
            appointment=APPOINTMENT,
        )
    assert target.read_bytes() == b"keep me"
    fresh = tmp_path / "fresh.pdf"
    handouts.export_handout_pdf(
        store=store,
        case_id=case_id,
        kind="appointment-slip",
        languages=("es",),
        destination=fresh,
        today=TODAY,
        appointment=APPOINTMENT,
    ).unwrap()
    assert fresh.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.pdf", "out.pdf"]


def test_shipped_handout_files_parse_and_cite_sources() -> None:
    for lang in handouts.handout_languages():
        for kind in (*handouts.KINDS, "common"):
            text = handouts.handout_text(kind, lang)
            assert text.kind == kind
            for block in text.blocks:
                assert block.source and block.as_of is not None
    reminder = handouts.handout_text("hearing-reminder")
    sources = " ".join(b.source for b in reminder.blocks)
    assert "INA 240(b)(5)(A)" in sources and "8 CFR 1003.15(d)(2)" in sources


def test_handout_file_errors_say_what_to_fix() -> None:
    path = resource_path("handouts", "es.toml")
    good = path.read_text(encoding="utf-8")
    assert parse_language(good, source_name="es.toml").code == "es"
    with pytest.raises(HandoutFileError, match=r"appointment-slip\] title"):
        parse_language(good.replace('title = "Su cita"', 'title = ""'), source_name="es.toml")
    with pytest.raises(HandoutFileError, match="source"):
        parse_language(re.sub(r"(?m)^source = .*\n", "", good, count=1), source_name="es.toml")
    with pytest.raises(HandoutFileError, match="unknown field"):
        parse_language(
            good.replace("[appointment-slip]\n", '[appointment-slip]\ncolour = "red"\n'),
            source_name="es.toml",
        )
    with pytest.raises(HandoutFileError, match="named after it"):
        parse_language(good, source_name="pt.toml")


@needs_poppler
def test_hearing_without_time_or_address_points_to_the_notice(
    case: tuple[Store, CaseId], tmp_path: Path
) -> None:
    store, _case_id = case
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(family_name="Ixchel", given_name="Ana", a_number="A-999-888-776"),
        today=TODAY,
    ).unwrap()
    draft = CaseDraft(
        claim_type=ClaimType.DEFENSIVE,
        forum_name="Chicago Immigration Court",
        opened_on=date(2025, 4, 1),
    )
    other = cases.open_case(store=store, client_id=client_id, case=draft, today=TODAY).unwrap()
    schedule.schedule_hearing(
        store=store,
        case_id=other,
        hearing=HearingDraft(kind=HearingKind.MASTER_CALENDAR, on=date(2027, 1, 12)),
    ).unwrap()
    text = text_of(
        handouts.handout_pdf(
            store=store, case_id=other, kind="hearing-reminder", languages=("es",), today=TODAY
        ),
        tmp_path,
    )
    assert "martes, 12 de enero de 2027 (la hora está en su aviso de audiencia)" in text
    assert "La dirección está en su aviso de audiencia." in text
    assert "Chicago Immigration Court" in text  # the case's court when the hearing names none
    assert "Su número A (A-Number): A-999-888-776" in text and "Para: Ana Ixchel" in text
