"""An evidence item's language is picked like intake's languages: typing "Spanish" or "español"
finds it, and the item is saved with the code "es" (no code to know)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType
from clinic.services import cases, clients, lifecycle
from clinic.storage.store import Store
from clinic.ui.case_view.evidence_dialogs import AddEvidenceDialog
from clinic.ui.intake.code_picker import CodePicker
from clinic.ui.session import UiSession

TODAY = date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    store = lifecycle.init_store(data_dir=data_dir, passphrase="correct horse battery", actor="t")
    yield store
    store.lock()


@pytest.fixture
def case_id(store: Store) -> int:
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Quispe", "Rosalía"), today=TODAY
    ).unwrap()
    return cases.open_case(
        store=store, client_id=client_id, case=CaseDraft(ClaimType.AFFIRMATIVE), today=TODAY
    ).unwrap()


@pytest.mark.parametrize("typed", ["Spanish", "español", "Espanol", "es"])
def test_typing_the_language_name_picks_it_and_saves_its_code(
    qtbot, store: Store, case_id: int, typed: str
) -> None:  # type: ignore[no-untyped-def]
    dialog = AddEvidenceDialog(UiSession(store, today=lambda: TODAY), case_id, title="Birth record")
    # Not given to qtbot: a saved dialog closes and deletes itself (WA_DeleteOnClose), and
    # qtbot's teardown would then close a deleted object.
    request_close = _closer(dialog)
    try:
        _pick_and_save(qtbot, dialog, typed)
    finally:
        request_close()
    saved = cases.get_case(store=store, case_id=case_id).evidence
    assert [(item.title, item.language) for item in saved] == [("Birth record", "es")]


def _closer(dialog: AddEvidenceDialog):  # type: ignore[no-untyped-def]
    def close() -> None:
        if shiboken6.isValid(dialog):
            dialog.close()

    return close


def _pick_and_save(qtbot, dialog: AddEvidenceDialog, typed: str) -> None:  # type: ignore[no-untyped-def]
    dialog.show()
    qtbot.waitExposed(dialog)
    picker = dialog.language
    assert isinstance(picker, CodePicker)  # not a raw code box
    assert picker.codes() == ("en",)  # the default, shown by name
    search = picker.findChild(QLineEdit, "evidenceLanguageSearch")
    search.setFocus()
    if typed.isascii():
        qtbot.keyClicks(search, typed)
    else:  # QTest types ASCII only; the real-display tests type "ñ" through xdotool
        search.insert(typed)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert picker.codes() == ("es",)  # one language: the new choice replaces English
    assert picker.chosen.item(0).text() == "Spanish (es)"
    assert not picker.remove_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.created_id is not None, timeout=5000)


def test_the_intake_pickers_still_keep_several(qtbot) -> None:  # type: ignore[no-untyped-def]
    from clinic.ui.intake.iso_choices import language_choices  # noqa: PLC0415

    picker = CodePicker(
        language_choices("en"), object_name="x", accessible_name="Languages", placeholder=""
    )
    qtbot.addWidget(picker)
    picker.add_code("es")
    picker.add_code("quc")
    assert picker.codes() == ("es", "quc")
