"""Handout languages in the window (issue 24): the client's recorded languages pick the handout's
default; a language no certified translator has reviewed is said so plainly in the handout dialog
before printing; Settings, Handout languages records the review (who, when) and a letterhead in
that language, both audited, and the dialog and the printed handout follow."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind
from clinic.domain.ids import CaseId
from clinic.services import cases, clients, handouts, lifecycle, schedule, settings
from clinic.storage.store import Store
from clinic.ui.case_view import CaseViewPage
from clinic.ui.handout_dialog import HandoutDialog
from clinic.ui.session import UiSession
from clinic.ui.settings_handout_languages import HandoutLanguagesBox

TODAY = date(2026, 12, 7)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    opened = lifecycle.init_store(
        data_dir=data_dir, passphrase="correct horse battery staple", actor="paralegal"
    )
    yield opened
    opened.lock()


def new_case(store: Store, languages: tuple[str, ...]) -> CaseId:
    client = clients.intake_client(
        store=store,
        client=ClientDraft("Joseph", "Mirlande", languages=languages),
        today=TODAY,
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Court", opened_on=date(2026, 1, 5)),
        today=TODAY,
    ).unwrap()
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(
            HearingKind.MASTER_CALENDAR,
            TODAY + timedelta(days=30),
            time(13),
            timezone="America/New_York",
            location="Miami Immigration Court",
            address="333 South Miami Avenue, Suite 700, Miami, FL 33130",
        ),
    ).unwrap()
    return case_id


def dialog_for(qtbot, store: Store, case_id: CaseId, monkeypatch) -> HandoutDialog:  # type: ignore[no-untyped-def]
    page = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show()
    page.show_case(case_id)
    seen: list[HandoutDialog] = []

    def run_dialog(dialog: HandoutDialog) -> int:
        dialog.show()
        seen.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(HandoutDialog, "exec", run_dialog)
    page.handout_export.export()
    assert seen
    return seen[0]


@pytest.mark.parametrize(
    ("languages", "default"),
    [
        (("ht", "fr"), "en+ht"),
        (("hat",), "en+ht"),
        (("por",), "en+pt"),
        (("fr",), "en+fr"),
        (("es",), "en+es"),
        (("en",), "en"),
        (("ru",), "en"),
        ((), "en+es"),
    ],
)
def test_client_languages_pick_the_default(languages: tuple[str, ...], default: str) -> None:
    assert handouts.default_choice(languages) == default


def test_draft_said_plainly_then_review_recorded_in_settings(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store, ("ht",))
    dialog = dialog_for(qtbot, store, case_id, monkeypatch)
    assert dialog.language.currentData() == "en+ht"
    note = dialog.review_note
    assert note.isVisible() and "Haitian Creole" in note.text() and "Draft" in note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("pt"))
    assert note.isVisible() and "Portuguese" in note.text()

    box = HandoutLanguagesBox(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(box)
    box.show()
    box.language.setCurrentIndex(box.language.findData("ht"))
    assert "Draft" in box.status.text()
    assert not box.record_review()  # who reviewed it is missing
    assert "who reviewed it" in box.problem.text()
    box.reviewer.setText("Marie-Ange Pierre, ATA-certified (English>Haitian Creole)")
    box.reviewed_on.edit.setText("2026-12-01")
    assert box.record_review()
    assert "Marie-Ange Pierre" in box.status.text() and "2026" in box.status.text()
    review = handouts.language_reviews(store=store)["ht"]
    assert review.reviewed and review.on == date(2026, 12, 1)
    box.letterhead.setPlainText("123 Main St, Miami\nLendi–vandredi 9:00 nan maten – 5:00")
    assert box.save_letterhead()
    assert handouts.letterheads(store=store)["ht"].startswith("123 Main St")

    dialog = dialog_for(qtbot, store, case_id, monkeypatch)
    assert dialog.language.currentData() == "en+ht"
    assert not dialog.review_note.isVisible()  # reviewed: nothing to warn about

    pdf = handouts.handout_pdf(
        store=store, case_id=case_id, kind="hearing-reminder", languages=("ht",), today=TODAY
    )
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Lendi–vandredi 9:00 nan maten" in text  # the letterhead in the handout's language

    box.mark_draft()
    assert not handouts.language_reviews(store=store)["ht"].reviewed
    assert "Draft" in box.status.text()


def test_the_dialog_says_when_the_english_letterhead_will_print(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Spanish review H5 in the window, as the CLI says it: with a letterhead written only in
    English, a Haitian Creole handout prints the English office hours; the dialog says so
    before printing, and no longer once a Haitian Creole letterhead is written."""
    current = settings.get_settings(store=store)
    settings.update_settings(
        store=store,
        settings=replace(current, letterhead="123 Main St, Miami\nMonday–Friday 9 AM–5 PM"),
    ).unwrap()
    case_id = new_case(store, ("ht",))
    dialog = dialog_for(qtbot, store, case_id, monkeypatch)
    note = dialog.letterhead_note
    assert dialog.language.currentData() == "en+ht"
    assert note.isVisible() and "Haitian Creole" in note.text()
    assert "English letterhead" in note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not note.isVisible()  # English only: its own letterhead
    handouts.set_letterhead(
        store=store, code="ht", text="123 Main St, Miami\nLendi–vandredi"
    ).unwrap()
    dialog = dialog_for(qtbot, store, case_id, monkeypatch)
    assert not dialog.letterhead_note.isVisible()
