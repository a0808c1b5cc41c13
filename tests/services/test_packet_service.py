"""The packet service: the exhibit list and its order (audited), packet defaults in settings, and
a packet built from the encrypted vault into the chosen folder only."""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a top-level folder beside clinic/, not installed
    sys.path.insert(0, str(ROOT))

from bench.packet_inputs import corrupt_pdf, encrypted_pdf, make_pdf, photo  # noqa: E402
from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft, HearingDraft, StaffDraft  # noqa: E402
from clinic.domain.enums import (  # noqa: E402
    ClaimType,
    EvidenceCategory,
    EvidenceStatus,
    HearingKind,
    StaffRole,
    TranslationStatus,
)
from clinic.domain.ids import CaseId, EvidenceId  # noqa: E402
from clinic.domain.packet_layout import TabStyle  # noqa: E402
from clinic.services import cases, clients, evidence, packet, schedule, staff  # noqa: E402
from clinic.storage.models import AuditEntry  # noqa: E402
from clinic.storage.store import Store  # noqa: E402


def make_case(store: Store, today: date) -> CaseId:
    attorney = staff.add_staff(
        store=store, staff=StaffDraft("Zoë Brontë", StaffRole.ATTORNEY)
    ).unwrap()
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(
            family_name="Ковальчук",
            given_name="Олена",
            a_number="A-201-555-123",
        ),
        today=today,
    ).unwrap()
    draft = CaseDraft(
        claim_type=ClaimType.DEFENSIVE,
        forum_name="Chicago Immigration Court",
        judge="Hon. Ana Ruiz",
        attorney_id=attorney,
        opened_on=date(2025, 4, 1),
        detained=True,
    )
    return cases.open_case(store=store, client_id=client_id, case=draft, today=today).unwrap()


def add_item(
    store: Store,
    case_id: CaseId,
    today: date,
    title: str,
    files: dict[str, bytes],
    *,
    language: str = "en",
    translation: TranslationStatus = TranslationStatus.NOT_NEEDED,
) -> EvidenceId:
    draft = EvidenceDraft(
        title=title,
        category=EvidenceCategory.CORROBORATION,
        language=language,
        translation=translation,
        status=EvidenceStatus.RECEIVED,
    )
    evidence_id = evidence.add_evidence(
        store=store, case_id=case_id, evidence=draft, today=today
    ).unwrap()
    for name, data in files.items():
        evidence.attach_file(
            store=store, evidence_id=evidence_id, source=io.BytesIO(data), original_name=name
        ).unwrap()
    return evidence_id


@pytest.fixture
def case(store: Store, today: date) -> CaseId:
    return make_case(store, today)


def audit(store: Store, entity: str) -> list[AuditEntry]:
    with store.unit_of_work() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.entity == entity)).all()
        session.expunge_all()
        return list(rows)


def test_exhibit_list_order_and_inclusion_are_kept_and_audited(
    store: Store, case: CaseId, today: date
) -> None:
    a = add_item(store, case, today, "Birth certificate", {"birth.pdf": make_pdf(1, "Birth")})
    add_item(store, case, today, "No file yet", {})
    b = add_item(store, case, today, "Photos", {"p.jpg": photo()})
    c = add_item(store, case, today, "Letter", {"l.pdf": make_pdf(2, "Letter")})
    rows = packet.exhibit_list(store=store, case_id=case)
    assert [r.evidence_id for r in rows] == [a, b, c]  # items without files are not exhibits
    assert [r.label for r in rows] == ["A", "B", "C"]

    packet.set_exhibit_order(store=store, case_id=case, ordered=[c, a, b])
    packet.set_included(store=store, case_id=case, evidence_id=a, included=False)
    rows = packet.exhibit_list(store=store, case_id=case, style=TabStyle.NUMBERS)
    assert [(r.evidence_id, r.label, r.included) for r in rows] == [
        (c, "1", True),
        (a, "", False),
        (b, "2", True),
    ]
    changes = [e.changes for e in audit(store, "evidence") if e.action == "update"]
    assert {"exhibit_order": [3, 1]} in changes or any("exhibit_order" in ch for ch in changes)
    assert {"in_packet": [True, False]} in changes
    with pytest.raises(ValueError):
        packet.set_exhibit_order(store=store, case_id=case, ordered=[c, a])


def test_packet_defaults_live_in_settings(store: Store) -> None:
    assert packet.packet_defaults(store=store) == packet.PacketOptions()
    chosen = packet.PacketOptions(
        tab_style=TabStyle.NUMBERS,
        bates_prefix="KOV",
        max_part_mb=10,
        dhs_address="OCC Chicago",
        signer="Zoë",
    )
    packet.save_packet_defaults(store=store, options=chosen)
    assert packet.packet_defaults(store=store) == chosen
    with pytest.raises(packet.PacketError, match="prefix"):
        packet.save_packet_defaults(
            store=store, options=packet.PacketOptions(bates_prefix="no spaces")
        )
    assert packet.packet_defaults(store=store) == chosen


def test_packet_from_the_vault_into_the_chosen_folder(
    store: Store, case: CaseId, today: date, tmp_path: Path
) -> None:
    schedule.schedule_hearing(
        store=store,
        case_id=case,
        hearing=HearingDraft(
            kind=HearingKind.INDIVIDUAL,
            on=date(2027, 3, 3),
            at=time(9, 0),
            timezone="America/Chicago",
        ),
    ).unwrap()
    add_item(store, case, today, "Declaration", {"declaration.pdf": make_pdf(4, "Decl")})
    add_item(
        store,
        case,
        today,
        "Police report",
        {"report.pdf": make_pdf(2, "Police")},
        language="es",
        translation=TranslationStatus.TRANSLATED,
    )
    add_item(
        store,
        case,
        today,
        "Medical letter",
        {
            "medical.pdf": make_pdf(1, "Medical"),
            "Translation certificate.pdf": make_pdf(1, "SignedCert"),
        },
        language="uk",
        translation=TranslationStatus.TRANSLATED,
    )
    add_item(
        store,
        case,
        today,
        "News article",
        {"news.pdf": make_pdf(1, "News")},
        language="fr",
        translation=TranslationStatus.NEEDED,
    )
    out = tmp_path / "chosen"
    out.mkdir()
    options = packet.PacketOptions(dhs_address="ICE OPLA Chicago", signer="Zoë Brontë")
    check = packet.check_packet(store=store, case_id=case, options=options, today=today)
    assert not check.problems
    assert any("News article" in w and "French" in w for w in check.warnings)
    seen: list[tuple[int, int]] = []
    built = packet.build_packet(
        store=store,
        case_id=case,
        folder=out,
        options=options,
        today=today,
        check=check,
        progress=lambda d, t: seen.append((d, t)),
    ).unwrap()
    assert [p.name for p in sorted(out.iterdir())] == ["Ковальчук_A201555123_Exhibits_Part1.pdf"]
    assert seen[-1][0] == seen[-1][1]
    path = out / built.parts[0].name
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    cover = " ".join(text.split("\f")[0].split())
    for expected in (
        "КОВАЛЬЧУК, Олена",
        "A-201-555-123",
        "DETAINED",
        "Hon. Ana Ruiz",
        "March 3, 2027 at 9:00 AM",
        "CAT PROTECTION",
    ):
        assert expected in cover
    pages = text.split("\f")
    by_title = {e.title: e for e in built.exhibits}
    assert by_title["Police report"].certificate == "generated"
    assert "from Spanish into English" in " ".join(
        pages[by_title["Police report"].last_page - 1].split()
    )
    assert by_title["Medical letter"].certificate == "attached"
    assert "SignedCert page 1" in pages[by_title["Medical letter"].last_page - 1]
    assert by_title["Declaration"].certificate == ""
    export = [e for e in audit(store, "case") if e.action == "export"]
    assert export and export[-1].changes["packet_parts"] == [None, [built.parts[0].name]]

    # a second build into the same folder never overwrites or mixes with the first
    with pytest.raises(packet.PacketError, match="already holds a packet"):
        packet.build_packet(store=store, case_id=case, folder=out, options=options, today=today)


def test_bad_files_stop_the_build_unless_skipped_and_nothing_half_written(
    store: Store, case: CaseId, today: date, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    add_item(store, case, today, "Good", {"good.pdf": make_pdf(1, "Good")})
    add_item(store, case, today, "Locked", {"locked.pdf": encrypted_pdf()})
    add_item(store, case, today, "Broken", {"broken.pdf": corrupt_pdf()})
    options = packet.PacketOptions()
    with pytest.raises(packet.PacketError) as raised:
        packet.build_packet(
            store=store, case_id=case, folder=tmp_path, options=options, today=today
        )
    assert "locked.pdf" in str(raised.value) and "broken.pdf" in str(raised.value)
    assert list(tmp_path.iterdir()) == []
    built = packet.build_packet(
        store=store, case_id=case, folder=tmp_path, options=options, today=today, skip_bad=True
    ).unwrap()
    assert {p.file_name for p in built.omitted} == {"locked.pdf", "broken.pdf"}
    assert [e.title for e in built.exhibits] == ["Good"]
    assert len(list(tmp_path.iterdir())) == 1


def test_cancel_leaves_the_folder_as_it_was(
    store: Store, case: CaseId, today: date, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    for i in range(4):
        add_item(store, case, today, f"Doc {i}", {f"d{i}.pdf": make_pdf(3, f"D{i}")})
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 8

    with pytest.raises(packet.PacketCancelled):
        packet.build_packet(
            store=store,
            case_id=case,
            folder=tmp_path,
            options=packet.PacketOptions(max_part_mb=1),
            today=today,
            cancelled=cancelled,
        )
    assert list(tmp_path.iterdir()) == []
    assert not [e for e in audit(store, "case") if e.action == "export"]


def test_no_plaintext_file_appears_outside_the_chosen_folder(
    store: Store, case: CaseId, today: date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every new file of a build is a packet part in the chosen folder: no temp files, no page
    images, nothing in the data folder or the system temporary folder."""

    add_item(store, case, today, "Declaration", {"d.pdf": make_pdf(3, "Decl")})
    add_item(store, case, today, "Photo", {"p.jpg": photo()})
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    monkeypatch.setenv("TMPDIR", str(system_tmp))
    out = tmp_path / "out"
    out.mkdir()

    def files() -> set[Path]:
        return {
            p for p in tmp_path.rglob("*") if p.is_file() and not p.name.startswith("clinic.db")
        }

    before = files()
    built = packet.build_packet(
        store=store, case_id=case, folder=out, options=packet.PacketOptions(), today=today
    ).unwrap()
    assert files() - before == {out / p.name for p in built.parts}
    assert list(system_tmp.iterdir()) == []


def test_a_part_that_appears_during_the_build_is_not_overwritten(
    store: Store, case: CaseId, today: date, tmp_path: Path
) -> None:
    """Another program drops a file with a part's name into the folder mid-build: the build
    stops with a message, that file is untouched and nothing of the packet is left."""
    add_item(store, case, today, "Declaration", {"d.pdf": make_pdf(2, "Decl")})
    out = tmp_path / "out"
    out.mkdir()
    check = packet.check_packet(
        store=store, case_id=case, options=packet.PacketOptions(), today=today
    )
    name = check.file_prefix() + "1.pdf"

    def progress(done: int, total: int) -> None:
        if not (out / name).exists():
            (out / name).write_bytes(b"someone else's file")

    with pytest.raises(packet.PacketError, match="appeared"):
        packet.build_packet(
            store=store,
            case_id=case,
            folder=out,
            options=packet.PacketOptions(),
            today=today,
            check=check,
            progress=progress,
        )
    assert [p.name for p in out.iterdir()] == [name]
    assert (out / name).read_bytes() == b"someone else's file"


def test_hidden_parts_left_by_a_killed_build_are_removed_by_the_next(
    store: Store, case: CaseId, today: date, tmp_path: Path
) -> None:
    """A build killed outright (SIGTERM, power cut) cannot clean up its hidden part files,
    which hold plaintext evidence: the next build of that case into the folder removes them,
    and nothing else."""
    add_item(store, case, today, "Declaration", {"d.pdf": make_pdf(2, "Decl")})
    out = tmp_path / "out"
    out.mkdir()
    check = packet.check_packet(
        store=store, case_id=case, options=packet.PacketOptions(), today=today
    )
    stale = out / f".{check.file_prefix()}2.pdf.0123456789ab.tmp"
    stale.write_bytes(b"%PDF- plaintext evidence")
    others = [out / ".hidden-notes.tmp", out / f".{check.file_prefix()}2.pdf.keep.tmp"]
    for other in others:
        other.write_bytes(b"not ours")
    built = packet.build_packet(
        store=store,
        case_id=case,
        folder=out,
        options=packet.PacketOptions(),
        today=today,
        check=check,
    ).unwrap()
    assert not stale.exists()
    assert all(other.exists() for other in others)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*(p.name for p in built.parts), *(o.name for o in others)]
    )


def test_pages_rebuilt_after_failing_verification_are_audited(
    store: Store, case: CaseId, today: date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: a page whose flattening lost a mark (simulated) fails verification, goes in as
    a drawing of its source page, and the audit entry names it."""
    from pypdf import PdfReader, PdfWriter  # noqa: PLC0415
    from pypdf.generic import ArrayObject, NameObject  # noqa: PLC0415

    from clinic.reports.packet import normalise  # noqa: PLC0415

    shared = Path(__file__).resolve().parents[2].parent / "shared" / "pdf-samples"
    highlighted = (shared / "annotation-highlight-without-appearance.pdf").read_bytes()
    real = normalise._with_appearances

    def lose_marks(data: bytes) -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        for page in writer.pages:
            page[NameObject("/Annots")] = ArrayObject()
        out = io.BytesIO()
        writer.write(out)
        return real(out.getvalue())

    monkeypatch.setattr(normalise, "_with_appearances", lose_marks)
    add_item(store, case, today, "Marked", {"marked.pdf": highlighted})
    out = tmp_path / "out"
    out.mkdir()
    built = packet.build_packet(
        store=store, case_id=case, folder=out, options=packet.PacketOptions(), today=today
    ).unwrap()
    [page] = built.rasterised
    assert page.file_name == "marked.pdf"
    export = [e for e in audit(store, "case") if e.action == "export"]
    assert export[-1].changes["packet_rasterised_pages"] == [None, [page.label]]
