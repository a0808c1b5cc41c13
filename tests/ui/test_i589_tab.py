"""The I-589 tab (issue 23): the applicant's details asked in the form's order, in English and
as asked in Spanish, typed, saved through the operation runner, refused in words beside the
answer, never lost when the user opens another case before saving."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLineEdit

from clinic.domain.applicant import FIELD_NAMES
from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType, MaritalStatus
from clinic.services import applicant, cases, clients
from clinic.ui.case_view.i589_tab import I589Tab
from clinic.ui.intake.choice_combo import ChoiceCombo
from tests.ui.test_case_view import new_case
from tests.ui.test_case_view import page as page  # noqa: PLC0414 (fixtures)
from tests.ui.test_case_view import session as session  # noqa: PLC0414
from tests.ui.test_case_view import store as store  # noqa: PLC0414


def _text(tab: I589Tab, key: str, text: str) -> None:
    edit = tab.answers[key].input
    assert isinstance(edit, QLineEdit)
    edit.setText(text)
    edit.textEdited.emit(text)


def _choose(tab: I589Tab, key: str, value: Any) -> None:
    combo = tab.answers[key].input
    assert isinstance(combo, ChoiceCombo)
    combo.set_value(value)
    combo.activated.emit(combo.currentIndex())


def _second_case(store: Any) -> int:
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Tum", "Rigoberta"), today=date(2026, 3, 2)
    ).unwrap()
    return int(
        cases.open_case(
            store=store,
            client_id=client_id,
            case=CaseDraft(ClaimType.AFFIRMATIVE),
            today=date(2026, 3, 2),
        ).unwrap()
    )


def _open(page: Any, store: Any) -> tuple[I589Tab, int]:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    page.show_case(case_id)
    page.tabs.setCurrentWidget(page.i589)
    return page.i589, page.case.client.id


def test_every_detail_is_asked_in_english_and_spanish_in_the_forms_order(
    qtbot, store, page
) -> None:  # type: ignore[no-untyped-def]
    tab, _client = _open(page, store)
    assert list(tab.answers) == [q.key for q in tab.interview.questions]
    assert set(tab.answers) == set(FIELD_NAMES)
    ssn = tab.findChild(type(tab.progress), "i589Question_ssn")
    assert "U.S. Social Security Number" in ssn.text()
    assert "¿Tiene número de Seguro Social de EE. UU.?" in ssn.text()
    assert "not yet been reviewed" in tab.review_note.text()  # none is: said once, not per line
    assert tab.progress.text() == (
        "Part A.I: 0 of 10 answered · Part B: 0 of 6 answered · Part C: 0 of 7 answered"
    )
    assert "Marital Status" in tab.missing.text()
    assert not tab.save_button.isEnabled()  # nothing typed: nothing to save


def test_typed_answers_are_saved_and_shown_as_stored(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    tab, client_id = _open(page, store)
    _text(tab, "ssn", "123-45-6789")
    _text(tab, "religion", "Catholic")
    _choose(tab, "marital_status", MaritalStatus.SINGLE)
    _choose(tab, "birth_country", "PE")
    _choose(tab, "fluent_in_english", False)
    tab.answers["left_country_on"].set_value(date(2025, 5, 20))
    assert tab.save_button.isEnabled() and tab.status.text() == "Answers not saved yet."
    assert tab.progress.text().startswith("Part A.I: 6 of 11 answered")  # the SSN counts
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == "Answers saved.")
    stored = applicant.applicant_details(store=store, client_id=client_id)
    assert (stored.ssn, stored.religion, stored.marital_status) == (
        "123456789",
        "Catholic",
        MaritalStatus.SINGLE,
    )
    assert (stored.birth_country, stored.fluent_in_english) == ("PE", False)
    assert stored.left_country_on == date(2025, 5, 20)
    assert tab.answers["ssn"].value() == "123456789"  # shown as stored
    assert not tab.save_button.isEnabled()


def test_a_refused_answer_is_named_beside_it_and_nothing_is_saved(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    tab, client_id = _open(page, store)
    _text(tab, "ssn", "12345")
    _text(tab, "religion", "Baptist")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.problems["ssn"].isVisibleTo(tab))
    assert "9 digits" in tab.problems["ssn"].text()
    assert "Nothing was saved" in tab.problem.text()
    assert tab.answers["ssn"].value() == "12345"  # what was typed stays
    assert tab.answers["religion"].value() == "Baptist"
    assert applicant.applicant_details(store=store, client_id=client_id).religion == ""


def test_a_yes_in_part_b_asks_its_explanation_and_is_refused_without_it(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    tab, client_id = _open(page, store)
    box = tab.findChild(QGroupBox, "i589Part_B")
    assert box is not None and box.title() == "Part B — Information about your application"
    _choose(tab, "part_b1a", True)
    assert "Part B: 1 of 7 answered" in tab.progress.text()  # 1.A's explanation now counts
    assert "Part B 1.A: explanation" in tab.missing.text()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.problems["part_b1a_explanation"].isVisibleTo(tab))
    assert "explanation" in tab.problems["part_b1a_explanation"].text()
    assert applicant.applicant_details(store=store, client_id=client_id).part_b1a is None
    explanation = tab.answers["part_b1a_explanation"]
    explanation.set_value("They beat me.\nThey threatened my son.")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == "Answers saved.")
    stored = applicant.applicant_details(store=store, client_id=client_id)
    assert (stored.part_b1a, stored.part_b1a_explanation) == (
        True,
        "They beat me.\nThey threatened my son.",
    )
    assert "Part B: 2 of 7 answered" in tab.progress.text()


def test_unsaved_answers_come_back_after_another_case_and_go_at_lock(
    qtbot, store, page, session
) -> None:  # type: ignore[no-untyped-def]
    tab, _client = _open(page, store)
    first = page.case_id
    _text(tab, "religion", "Evangelical")
    other = _second_case(store)
    page.show_case(other)
    assert tab.answers["religion"].value() == ""  # the other client's (empty) answers
    page.show_case(first)
    assert tab.answers["religion"].value() == "Evangelical"
    assert tab.status.text() == "Answers not saved yet." and tab.save_button.isEnabled()
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    assert tab.answers["religion"].value() == "" and not tab.save_button.isEnabled()
    _text(tab, "religion", "Evangelical")
    page.clear()
    session.locked.emit()
    assert tab.drafts == {}
    assert tab.answers["religion"].value() == ""


def test_a_contradiction_in_the_case_file_is_shown_after_saving(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    """The cross-checks (issue 23) on the tab: married, but no spouse in the family."""
    tab, _client = _open(page, store)
    assert "no spouse" not in tab.findings.text()  # only that no preparer is recorded yet
    _choose(tab, "marital_status", MaritalStatus.MARRIED)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == "Answers saved.")
    qtbot.waitUntil(lambda: "married, but no spouse is recorded" in tab.findings.text())
    assert tab.findings.text().startswith("Before printing, check:")
