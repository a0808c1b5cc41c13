"""`clinic i589 CASE_ID --out FILE.pdf` without --form fills the blank stored in Settings →
Forms, and says how to add one when none is stored (issue 23)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from clinic.services import i589_forms, lifecycle
from tests.cli.test_i589_command import PASSPHRASE, data_dir, run
from tests.services.i589_case import BLANK

__all__ = ["data_dir"]  # the fixture, shared
pytestmark = pytest.mark.skipif(not BLANK.is_file(), reason=f"the blank form {BLANK} is missing")


def test_without_form_the_stored_blank_is_filled_or_the_way_to_add_one_is_said(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "i589.pdf"
    code, out = run(data_dir, monkeypatch, "i589", "1", "--out", str(target))
    assert code != 0 and not target.exists()
    assert "no blank I-589 is stored" in capsys.readouterr().err
    store = lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(data_dir), passphrase=PASSPHRASE, actor="tester"
    )
    try:
        i589_forms.add_form(store=store, source=BLANK, today=date(2026, 12, 7))
    finally:
        store.lock()
    code, out = run(data_dir, monkeypatch, "i589", "1", "--out", str(target))
    assert code == 0
    assert "Form I-589 (Rev. 08/25/20), an edition Clinic knows." in out
    fields = PdfReader(target).get_fields() or {}
    assert fields["form1[0].#subform[0].PtAILine4_LastName[0]"]["/V"]
