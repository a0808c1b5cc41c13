"""`clinic checklist … --lang es`: the staff checklist PDF in Spanish; English stays as it was."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clinic import cli
from clinic.domain.drafts import CaseDraft, ClientDraft, StaffDraft
from clinic.domain.enums import ClaimType, StaffRole
from clinic.services import cases, clients, computer_user, language, lifecycle, staff

pytestmark = pytest.mark.requires_tool("pdftotext", "poppler-utils")


@pytest.fixture
def data_dir(tmp_path: Path, memory_keyring: object) -> Iterator[Path]:
    root = tmp_path / "data"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(root), passphrase=None, actor="tester"
    )
    try:
        client_id = clients.intake_client(
            store=store,
            client=ClientDraft(family_name="Peña", given_name="Iñaki"),
            today=date.today(),
        ).unwrap()
        draft = CaseDraft(
            claim_type=ClaimType.DEFENSIVE,
            forum_name="Chicago Immigration Court",
            opened_on=date(2025, 4, 1),
        )
        cases.open_case(store=store, client_id=client_id, case=draft, today=date.today()).unwrap()
        me = staff.add_staff(store=store, staff=StaffDraft("Lucía Gómez", StaffRole.PARALEGAL))
        computer_user.choose(store, me.unwrap())
    finally:
        store.lock()
    yield root
    language.override_language(None)


def run(data_dir: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.run(cli.parse(["--data-dir", str(data_dir), *argv]), out)
    return code, out.getvalue()


def words(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


@pytest.mark.parametrize("where", ["command", "global"])
def test_checklist_pdf_in_spanish(data_dir: Path, tmp_path: Path, where: str) -> None:
    out = tmp_path / "lista.pdf"
    argv = ["checklist", "1", "--out", str(out)]
    argv = [*argv, "--lang", "es"] if where == "command" else ["--lang", "es", *argv]
    code, printed = run(data_dir, *argv)
    assert code == 0
    assert printed.startswith(f"Se guardó la lista de verificación en {out}.")
    text = words(out)
    assert "Lista de verificación para la presentación — Solicitud de asilo defensivo" in text
    assert "Notificación al DHS" in text  # a section name
    assert "Formulario I-589 firmado y presentado ante el tribunal" in text  # an item
    assert "Visto bueno del abogado o la abogada" in text and "Página 1 de" in text
    assert "Solicitud Defensivo" in text  # the claim type, the window's word
    assert "Preparada por Lucía Gómez" in text
    assert "Filing checklist" not in text and "Attorney sign-off" not in text


def test_checklist_pdf_stays_english_by_default(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "list.pdf"
    code, printed = run(data_dir, "--lang", "en", "checklist", "1", "--out", str(out))
    assert code == 0
    assert printed.startswith(f"Saved the checklist to {out}.")
    text = words(out)
    assert "Filing checklist — Defensive asylum application (Form I-589)" in text
    assert "Form I-589 signed and filed with the court" in text
    assert "Attorney sign-off" in text and "Claim Defensive" in text
    assert "Lista de verificación" not in text and "Formulario" not in text
