"""`clinic evidence add|list` and `clinic packet`, run in-process as a user types them
(passphrase store, no keychain)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a top-level folder beside clinic/, not installed
    sys.path.insert(0, str(ROOT))

from bench.packet_inputs import encrypted_pdf, make_pdf, photo  # noqa: E402
from clinic import cli  # noqa: E402
from clinic.domain.drafts import CaseDraft, ClientDraft  # noqa: E402
from clinic.domain.enums import ClaimType  # noqa: E402
from clinic.services import cases, clients, language, lifecycle  # noqa: E402

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def data_dir(tmp_path: Path, no_keyring: None) -> Iterator[Path]:
    folder = tmp_path / "data"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(folder), passphrase=PASSPHRASE, actor="tester"
    )
    client = clients.intake_client(
        store=store,
        client=ClientDraft(family_name="García", given_name="Ana", a_number="A-201-555-123"),
        today=date(2026, 11, 28),
    ).unwrap()
    cases.open_case(
        store=store,
        client_id=client,
        case=CaseDraft(claim_type=ClaimType.DEFENSIVE, forum_name="Chicago Immigration Court"),
        today=date(2026, 11, 28),
    ).unwrap()
    store.lock()
    yield folder


def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    out = io.StringIO()
    args = cli.parse(["--data-dir", str(data_dir), "--passphrase-stdin", *argv])
    return cli.run(args, out), out.getvalue()


def test_add_list_and_build_a_packet(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    declaration = tmp_path / "declaration.pdf"
    declaration.write_bytes(make_pdf(3, "Declaration"))
    picture = tmp_path / "scar.jpg"
    picture.write_bytes(photo())
    code, text = run(
        data_dir,
        monkeypatch,
        "evidence",
        "add",
        "1",
        str(declaration),
        "--title",
        "Declaration",
        "--category",
        "declaration",
    )
    assert code == 0 and "declaration.pdf" in text
    code, _ = run(
        data_dir,
        monkeypatch,
        "evidence",
        "add",
        "1",
        str(picture),
        "--title",
        "Photo of scar",
        "--category",
        "medical",
        "--language",
        "es",
    )
    assert code == 0
    code, text = run(data_dir, monkeypatch, "evidence", "list", "1")
    assert code == 0
    lines = text.splitlines()
    assert lines[0].split()[0] == "A" and "Declaration" in lines[0]
    assert lines[1].split()[0] == "B" and "needs translation" in lines[1]

    out = tmp_path / "packet"
    out.mkdir()
    code, text = run(data_dir, monkeypatch, "packet", "1", "--out", str(out), "--max-part-mb", "5")
    assert code == 0, capsys.readouterr().err
    assert "García_A201555123_Exhibits_Part1.pdf" in text
    # per-exhibit page map: cover 1, index 2, tab A 3, declaration 4-6, tab B 7, photo 8
    assert any(line.split()[:3] == ["A", "pages", "4–6"] for line in text.splitlines())
    assert any(line.split()[:3] == ["B", "pages", "8"] for line in text.splitlines())
    assert [p.name for p in out.iterdir()] == ["García_A201555123_Exhibits_Part1.pdf"]
    assert "translation is still marked as needed" in capsys.readouterr().err

    code, _ = run(data_dir, monkeypatch, "packet", "1", "--out", str(out))
    assert code == 2
    assert "already holds a packet" in capsys.readouterr().err


def test_bad_files_stop_the_packet_unless_skip_bad(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(make_pdf(1, "Good"))
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf())
    for path in (good, locked):
        assert (
            run(
                data_dir,
                monkeypatch,
                "evidence",
                "add",
                "1",
                str(path),
                "--title",
                path.stem,
                "--category",
                "other",
            )[0]
            == 0
        )
    out = tmp_path / "packet"
    out.mkdir()
    code, _ = run(data_dir, monkeypatch, "packet", "1", "--out", str(out))
    err = capsys.readouterr().err
    assert code == 1
    assert "locked.pdf" in err and "password" in err and "--skip-bad" in err
    assert list(out.iterdir()) == []
    code, text = run(data_dir, monkeypatch, "packet", "1", "--out", str(out), "--skip-bad")
    assert code == 0
    assert "Left out: locked.pdf" in text
    assert len(list(out.iterdir())) == 1


def test_usage_errors(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    deeper = tmp_path / "missing" / "deeper"
    assert run(data_dir, monkeypatch, "packet", "1", "--out", str(deeper))[0] == 2
    assert "does not exist and cannot be made" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()
    # a folder that can be made is made, and taken away again when nothing went into it
    assert run(data_dir, monkeypatch, "packet", "1", "--out", str(tmp_path / "new"))[0] == 2
    assert "no exhibits" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()
    assert (
        run(data_dir, monkeypatch, "packet", "1", "--out", str(tmp_path), "--max-part-mb", "0")[0]
        == 2
    )
    assert "part size" in capsys.readouterr().err
    assert run(data_dir, monkeypatch, "packet", "1", "--out", str(tmp_path))[0] == 2
    assert "no exhibits" in capsys.readouterr().err
    assert (
        run(
            data_dir,
            monkeypatch,
            "evidence",
            "add",
            "1",
            str(tmp_path / "nope.pdf"),
            "--title",
            "X",
            "--category",
            "other",
        )[0]
        == 2
    )
    assert run(data_dir, monkeypatch, "evidence", "list", "99")[0] == 2


def test_out_folder_is_made_when_its_parent_exists(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = tmp_path / "doc.pdf"
    doc.write_bytes(make_pdf(2, "Doc"))
    args = ("evidence", "add", "1", str(doc), "--title", "Doc", "--category", "other")
    assert run(data_dir, monkeypatch, *args)[0] == 0
    out = tmp_path / "not-yet"
    code, _text = run(data_dir, monkeypatch, "packet", "1", "--out", str(out))
    assert code == 0, capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["García_A201555123_Exhibits_Part1.pdf"]


def test_the_build_report_lists_pages_put_in_as_pictures(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 17: a page that failed verification (its marks lost while flattening, simulated)
    is rebuilt from a drawing of its source page and named in the command's report."""
    from pypdf import PdfReader, PdfWriter  # noqa: PLC0415
    from pypdf.generic import ArrayObject, NameObject  # noqa: PLC0415

    from clinic.reports.packet import normalise  # noqa: PLC0415

    real = normalise._with_appearances

    def lose_marks(data: bytes) -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        for page in writer.pages:
            page[NameObject("/Annots")] = ArrayObject()
        out = io.BytesIO()
        writer.write(out)
        return real(out.getvalue())

    monkeypatch.setattr(normalise, "_with_appearances", lose_marks)
    doc = ROOT.parent / "shared" / "pdf-samples" / "annotation-ink-without-appearance.pdf"
    args = ("evidence", "add", "1", str(doc), "--title", "Ink", "--category", "other")
    assert run(data_dir, monkeypatch, *args)[0] == 0
    code, text = run(data_dir, monkeypatch, "packet", "1", "--out", str(tmp_path / "out"))
    assert code == 0, capsys.readouterr().err
    assert "Put in as a picture: page 4 (annotation-ink-without-appearance.pdf, page 1" in text


def test_the_exhibit_list_and_the_packets_problems_speak_spanish(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The Spanish review's leftovers: the list's category and translation words, a file that
    cannot go in and what to do, and the note on a translation still needed."""
    monkeypatch.setattr(language, "_override", {})  # --lang es ends with this test
    good = tmp_path / "carta.pdf"
    good.write_bytes(make_pdf(1, "Carta"))
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf())
    for path, extra in ((good, ("--language", "es")), (locked, ())):
        argv = ("evidence", "add", "1", str(path), "--title", path.stem, "--category", "medical")
        assert run(data_dir, monkeypatch, *argv, *extra)[0] == 0
    code, text = run(data_dir, monkeypatch, "--lang", "es", "evidence", "list", "1")
    assert code == 0
    assert "[evaluación médica o psicológica; es; necesita traducción; 1 archivo]" in text
    assert "no se necesita traducción" in text and "medical" not in text
    out = tmp_path / "packet"
    out.mkdir()
    code, _ = run(data_dir, monkeypatch, "--lang", "es", "packet", "1", "--out", str(out))
    err = capsys.readouterr().err
    assert code == 1
    assert "locked.pdf (anexo 'locked'): el PDF está protegido con contraseña" in err
    assert "'carta' está en español y su traducción sigue marcada como necesaria" in err
    assert "password" not in err and "exhibit" not in err and "is in Spanish" not in err
    code, text = run(data_dir, monkeypatch, "evidence", "list", "1")  # English as before
    assert "[medical or psychological; es; needs translation; 1 file]" in text
