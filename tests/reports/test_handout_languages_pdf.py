"""Client handouts in Haitian Creole, Portuguese and French (issue 24), alone and beside English:
``qpdf --check`` clean; pdftotext holds the date in that language's words, the time as its readers
write it, the court and its address; every character printed has a glyph in the embedded font it
is printed in (checked code by code against the font's own cmap); no handout cites the internal
fact sheet; and a language added from a folder of its own, with no code, prints."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from clinic import cli
from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft, HearingDraft
from clinic.domain.enums import ClaimType, EvidenceCategory, EvidenceStatus, HearingKind
from clinic.domain.handout_text import HandoutFileError
from clinic.domain.ids import CaseId
from clinic.resource_files import resource_path
from clinic.services import cases, clients, evidence, handouts, language, lifecycle, schedule
from clinic.storage import keys
from clinic.storage.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_glyphs import check_glyphs

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("qpdf") is None,
    reason="pdftotext or qpdf missing",
)

TODAY = date(2026, 12, 7)
APPOINTMENT = handouts.Appointment(datetime(2027, 1, 4, 13, 30), "Me Diallo", "Bureau 2")
COURT = "Miami Immigration Court"
ADDRESS = "333 South Miami Avenue, Suite 700, Miami, FL 33130"
# Friday, January 15, 2027 at 1:00 PM in Miami
WORDS = {
    "ht": ["vandredi 15 janvye 2027 a 1:00 nan apremidi EST", "Odyans ou nan tribinal la"],
    "pt": ["sexta-feira, 15 de janeiro de 2027, às 13h00 EST", "Sua audiência no tribunal"],
    "fr": ["vendredi 15 janvier 2027 à 13 h 00 EST", "Votre audience au tribunal"],
}
APPOINTMENT_WORDS = {
    "ht": "lendi 4 janvye 2027 a 1:30 nan apremidi",
    "pt": "segunda-feira, 4 de janeiro de 2027, às 13h30",
    "fr": "lundi 4 janvier 2027 à 13 h 30",
}
LETTERS = {"ht": "èò", "pt": "ãçê", "fr": "éèàô"}


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, CaseId]]:
    saved = keys.SCRYPT_N
    keys.SCRYPT_N = 2**12
    data_dir = lifecycle.resolve_data_dir(tmp_path_factory.mktemp("langs") / "data")
    store = lifecycle.init_store(data_dir=data_dir, passphrase="correct horse battery", actor="t")
    keys.SCRYPT_N = saved
    try:
        client_id = clients.intake_client(
            store=store,
            client=ClientDraft(
                family_name="Jean-Baptiste",
                given_name="Mirlande",
                a_number="A-201-555-124",
                languages=("ht", "fr"),
            ),
            today=TODAY,
        ).unwrap()
        case_id = cases.open_case(
            store=store,
            client_id=client_id,
            case=CaseDraft(
                claim_type=ClaimType.DEFENSIVE, forum_name=COURT, opened_on=date(2025, 4, 1)
            ),
            today=TODAY,
        ).unwrap()
        schedule.schedule_hearing(
            store=store,
            case_id=case_id,
            hearing=HearingDraft(
                kind=HearingKind.MASTER_CALENDAR,
                on=date(2027, 1, 15),
                at=time(13, 0),
                timezone="America/New_York",
                location=COURT,
                address=ADDRESS,
                judge="Hon. Marie Étienne",
            ),
        ).unwrap()
        evidence.add_evidence(
            store=store,
            case_id=case_id,
            evidence=EvidenceDraft(
                title="Batistè (ak nesans) orijinal",
                category=EvidenceCategory.IDENTITY,
                status=EvidenceStatus.REQUESTED,
            ),
            today=TODAY,
        ).unwrap()
        yield store, case_id
    finally:
        store.lock()


def render(
    case: tuple[Store, CaseId], kind: str, choice: str, layout: str = "side-by-side"
) -> bytes:
    store, case_id = case
    return handouts.handout_pdf(
        store=store,
        case_id=case_id,
        kind=kind,
        languages=handouts.languages_of(choice),
        today=TODAY,
        layout=layout,
        appointment=APPOINTMENT,
    )


def text_of(pdf: bytes, tmp_path: Path, *, columns: bool) -> str:
    path = tmp_path / "h.pdf"
    path.write_bytes(pdf)
    crops = [
        ["-x", "0", "-y", "0", "-W", "306", "-H", "792"],
        ["-x", "306", "-y", "0", "-W", "306", "-H", "792"],
    ]
    parts = [
        subprocess.run(
            ["pdftotext", "-r", "72", *crop, str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for crop in (crops if columns else [[]])
    ]
    return " ".join(" ".join(parts).split())


def qpdf_check(pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "q.pdf"
    path.write_bytes(pdf)
    checked = subprocess.run(
        ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No syntax or stream encoding errors" in checked.stdout


@pytest.mark.parametrize("lang", ["ht", "pt", "fr"])
@pytest.mark.parametrize("paired", [False, True])
@pytest.mark.parametrize("kind", handouts.KINDS)
def test_each_language_alone_and_beside_english(
    case: tuple[Store, CaseId], lang: str, paired: bool, kind: str, tmp_path: Path
) -> None:
    choice = f"en+{lang}" if paired else lang
    pdf = render(case, kind, choice)
    qpdf_check(pdf, tmp_path)
    glyphs = check_glyphs(pdf)
    assert not glyphs.problems, glyphs.problems[:5]
    printed = "".join(glyphs.printed)
    for letter in LETTERS[lang]:
        assert letter in printed or kind != "hearing-reminder", letter
    text = text_of(pdf, tmp_path, columns=paired)
    assert "Mirlande Jean-Baptiste" in text and "A-201-555-124" in text
    assert "2027 M01" not in text and "M12" not in text  # Babel's fallback for a locale it lacks
    assert "fact sheet" not in text.lower() and "asylum-rules" not in text
    if kind == "hearing-reminder":
        for phrase in WORDS[lang]:
            assert phrase in text, (choice, phrase)
        assert COURT in text and ADDRESS in text
        if paired:
            assert "Friday, January 15, 2027 at 1:00 PM EST" in text
    if kind == "appointment-slip":
        assert APPOINTMENT_WORDS[lang] in text, choice
    if kind == "document-request":
        assert "Batistè (ak nesans) orijinal" in text


@pytest.mark.parametrize("lang", ["ht", "pt", "fr"])
def test_sequential_layout_in_each_language(
    case: tuple[Store, CaseId], lang: str, tmp_path: Path
) -> None:
    pdf = render(case, "hearing-reminder", f"en+{lang}", "sequential")
    qpdf_check(pdf, tmp_path)
    assert not check_glyphs(pdf).problems
    text = text_of(pdf, tmp_path, columns=False)
    assert WORDS[lang][0] in text and "Friday, January 15, 2027" in text


def test_the_glyph_check_can_fail() -> None:
    from clinic.reports.handout_pdf import HandoutPdfData, render_handout_pdf  # noqa: PLC0415

    pdf = render_handout_pdf(
        HandoutPdfData(
            clinic_name="Clinic",
            letterhead={"ht": ""},
            languages=("ht",),
            layout="sequential",
            title={"ht": "Tibetan \u0f00 is in neither font"},
            header={"ht": ()},
            sections=(),
            closing={},
            sources={},
            page_label={"ht": "Paj {page} sou {total}"},
            column_label={"ht": "Kreyòl ayisyen"},
            document_title="t",
        )
    )
    assert check_glyphs(pdf).problems


def test_no_handout_cites_the_fact_sheet() -> None:
    for code in handouts.handout_languages():
        for kind in handouts.KINDS:
            for block in handouts.handout_text(kind, code).blocks:
                lowered = block.source.lower()
                assert "fact sheet" not in lowered and "asylum-rules" not in lowered, block.source
                assert "verify" not in lowered


def test_translations_say_what_english_says() -> None:
    english = handouts.handout_languages()["en"]
    for code, each in handouts.handout_languages().items():
        assert each.status in ("source" if code == "en" else "draft", "reviewed")
        for kind in handouts.KINDS:
            assert [b.source for b in each.kind(kind).blocks] == [
                b.source for b in english.kind(kind).blocks
            ]


def _fake_language(folder: Path, *, drop_block: bool = False) -> Path:
    text = resource_path("handouts", "en.toml").read_text(encoding="utf-8")
    text = text.replace('code = "en"', 'code = "qaa"')  # ISO 639 "reserved for local use"
    text = text.replace('name = "English"', 'name = "Testese"', 1)
    text = text.replace('english_name = "English"', 'english_name = "Testese"')
    text = text.replace('client_languages = ["en", "eng"]', 'client_languages = ["qaa"]')
    text = text.replace('status = "source"', 'status = "draft"')
    text = text.replace(
        'locale = "en_US"',
        'locale = ""\nmonths = ["Unmo", "Dumo", "Trimo", "Kvarmo", "Kvinmo", "Sesmo", "Sepmo", '
        '"Okmo", "Naumo", "Dekmo", "Dekunmo", "Dekdumo"]\n'
        'weekdays = ["Lundo", "Mardo", "Merkredo", "Jaudo", "Vendredo", "Sabato", "Dimanco"]\n'
        'long_date = "{weekday}, la {day}-a de {month} {year}"\ndate = "{day} {month} {year}"',
    )
    text = text.replace('title = "Your court hearing"', 'title = "Via juĝa aŭdienco"')
    if drop_block:
        start = text.index('[[hearing-reminder.blocks]]\nid = "interpreter"')
        end = text.index("[[hearing-reminder.blocks]]", start + 10)
        text = text[:start] + text[end:]
    path = folder / "qaa.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def extra_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "more-languages"
    folder.mkdir()
    monkeypatch.setenv(handouts.EXTRA_FOLDERS_VARIABLE, str(folder))
    handouts.handout_text.cache_clear()
    yield folder
    monkeypatch.delenv(handouts.EXTRA_FOLDERS_VARIABLE)
    handouts.handout_text.cache_clear()


def test_a_language_added_from_a_folder_with_no_code(
    case: tuple[Store, CaseId], extra_folder: Path, tmp_path: Path
) -> None:
    _fake_language(extra_folder)
    assert "qaa" in handouts.handout_languages()
    assert {"qaa", "en+qaa"} <= set(handouts.language_choices())
    assert handouts.default_choice(["qaa"]) == "en+qaa"
    pdf = render(case, "hearing-reminder", "en+qaa")
    qpdf_check(pdf, tmp_path)
    assert not check_glyphs(pdf).problems
    text = text_of(pdf, tmp_path, columns=True)
    assert "Via juĝa aŭdienco" in text and "Testese" in text
    assert "Vendredo, la 15-a de Unmo 2027 at 1:00 PM EST" in text
    assert COURT in text and ADDRESS in text
    assert [o.code for o in handouts.unreviewed(("en", "qaa"), store=case[0])] == ["qaa"]


def test_a_language_file_that_drops_a_statement_is_refused(extra_folder: Path) -> None:
    _fake_language(extra_folder, drop_block=True)
    with pytest.raises(HandoutFileError, match=r"qaa.toml \[hearing-reminder\]: the blocks must"):
        handouts.handout_languages()


def test_cli_paired_haitian_creole(
    case: tuple[Store, CaseId], tmp_path: Path, memory_keyring: object
) -> None:
    data_dir = tmp_path / "cli"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(data_dir), passphrase=None, actor="tester"
    )
    try:
        client_id = clients.intake_client(
            store=store,
            client=ClientDraft(family_name="Pierre", given_name="Jacques", languages=("hat",)),
            today=TODAY,
        ).unwrap()
        case_id = cases.open_case(
            store=store,
            client_id=client_id,
            case=CaseDraft(claim_type=ClaimType.DEFENSIVE, forum_name=COURT, opened_on=TODAY),
            today=TODAY,
        ).unwrap()
        schedule.schedule_hearing(
            store=store,
            case_id=case_id,
            hearing=HearingDraft(
                kind=HearingKind.INDIVIDUAL,
                on=date(2031, 3, 3),
                at=time(8, 30),
                timezone="America/New_York",
                location=COURT,
                address=ADDRESS,
            ),
        ).unwrap()
    finally:
        store.lock()
    try:
        for argv, expect in (
            ([], "lendi 3 mas 2031 a 8:30 nan maten EST"),  # the client's language: en+ht
            (["--lang", "pt"], "segunda-feira, 3 de março de 2031, às 8h30 EST"),
            (["--lang", "en+fr"], "lundi 3 mars 2031 à 8 h 30 EST"),
        ):
            out = tmp_path / f"h{len(argv)}{expect[:3]}.pdf"
            printed = io.StringIO()
            code = cli.run(
                cli.parse(
                    [
                        "--data-dir",
                        str(data_dir),
                        "handout",
                        "hearing-reminder",
                        str(case_id),
                        *argv,
                        "--out",
                        str(out),
                    ]
                ),
                printed,
            )
            assert code == 0
            assert "draft that no certified translator has reviewed" in printed.getvalue()
            pdf = out.read_bytes()
            qpdf_check(pdf, tmp_path)
            assert not check_glyphs(pdf).problems
            text = text_of(pdf, tmp_path, columns="en+" in " ".join(argv) or not argv)
            assert expect in text and ADDRESS in text and COURT in text
        with pytest.raises(SystemExit):
            cli.parse(["handout", "hearing-reminder", "1", "--lang", "en+xx", "--out", "x.pdf"])
    finally:
        language.override_language(None)


@pytest.mark.parametrize("choice", ["en", "es", "en+es"])
@pytest.mark.parametrize("kind", handouts.KINDS)
def test_english_and_spanish_print_only_embedded_glyphs(
    case: tuple[Store, CaseId], choice: str, kind: str
) -> None:
    report = check_glyphs(render(case, kind, choice))
    assert not report.problems, report.problems[:5]
    assert "•" in report.printed or (kind == "appointment-slip" and choice == "en")
