"""Intake as a paralegal does it: type the client, family and case, review the conflict check,
save — or be stopped, shown what to fix, or asked before anything typed is thrown away."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from clinic.domain.drafts import ClientDraft, FamilyMemberDraft, StaffDraft
from clinic.domain.enums import ClaimType, ProtectedGround, Relationship, StaffRole
from clinic.domain.problem_text import describe
from clinic.domain.validation import Problem
from clinic.services import cases, clients, lifecycle, search, staff
from clinic.services.results import Entity
from clinic.ui.date_text import date_text
from clinic.ui.intake import IntakeDialog
from clinic.ui.intake.conflict_page import Column
from clinic.ui.intake.date_field import DateField
from clinic.ui.intake.intake_dialog import CASE_STEP, CLIENT_STEP, CONFLICT_STEP, FAMILY_STEP
from clinic.ui.session import UiSession

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 28)
JOSE_A_NUMBER = "201000001"


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    store = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="t")
    yield store
    store.lock()


@pytest.fixture
def jose(store) -> int:  # type: ignore[no-untyped-def]
    """An existing client, his wife and the man he fled from."""
    return clients.intake_client(
        store=store,
        client=ClientDraft(
            "Núñez", "José", a_number=f"A-{JOSE_A_NUMBER}", date_of_birth=date(1990, 3, 14)
        ),
        today=TODAY,
        family=[FamilyMemberDraft("Núñez", "María", Relationship.SPOUSE)],
        adverse_parties=["Carlos Mendoza"],
    ).unwrap()


@pytest.fixture
def ana(store) -> int:  # type: ignore[no-untyped-def]
    """A paralegal to assign (the picker is filled when the dialog opens)."""
    return staff.add_staff(store=store, staff=StaffDraft("Ana Pérez", StaffRole.PARALEGAL)).unwrap()


@pytest.fixture
def session(store) -> UiSession:  # type: ignore[no-untyped-def]
    return UiSession(store, today=lambda: TODAY)


@pytest.fixture
def dialog(qtbot, session) -> IntakeDialog:  # type: ignore[no-untyped-def]
    dialog = IntakeDialog(session)
    # Closing at teardown must not stop at the "discard?" question.
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.discard())
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def type_date(qtbot, field: DateField, value: date) -> None:  # type: ignore[no-untyped-def]
    """Type a date the way it is shown in this locale, e.g. 3/14/1990 or 14.03.1990."""
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, date_text(value))
    assert field.value() == value


def click_choice(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    """Click a check box or radio button on its box, where a user clicks."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def press_enter(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def wait_for_conflict_check(qtbot, dialog: IntakeDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.conflict_page.ready, timeout=10_000)


def tree_rows(dialog: IntakeDialog) -> list[list[str]]:
    tree = dialog.conflict_page.matches
    return [
        [tree.topLevelItem(i).text(c).strip() for c in Column]
        for i in range(tree.topLevelItemCount())
    ]


def answer_discard_box(qtbot, button_name: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Click ``button_name`` in the discard question once it is up; returns what it said."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        box.findChild(QAbstractButton, button_name).click()

    QTimer.singleShot(0, click)
    return seen


def test_accent_free_name_shows_the_existing_client_then_saves_client_and_case(
    qtbot, store, jose, ana, session, dialog
) -> None:  # type: ignore[no-untyped-def]
    published: list[object] = []
    requested: list[int] = []
    session.changed.connect(published.append)
    session.case_requested.connect(requested.append)

    page = dialog.client_page
    qtbot.keyClicks(page.family_name, "Nunez")
    qtbot.keyClicks(page.given_name, "Jose")
    qtbot.keyClicks(page.other_names.entry, "Pepe Nunez")
    press_enter(qtbot, page.other_names.entry)  # Enter adds the alias and stays on the page
    assert page.other_names.names() == ("Pepe Nunez",)
    qtbot.keyClicks(page.a_number, "a# 201.000.002")
    page.a_number.editingFinished.emit()  # what leaving the field does
    assert page.a_number.text() == "A-201-000-002"
    type_date(qtbot, page.date_of_birth, date(1990, 3, 14))
    qtbot.keyClicks(page.nationalities.search, "hondu")
    press_enter(qtbot, page.nationalities.search)
    qtbot.keyClicks(page.languages.search, "spanish")
    press_enter(qtbot, page.languages.search)
    assert page.nationalities.codes() == ("HN",)
    assert page.languages.codes() == ("es",)
    qtbot.keyClicks(page.phone, "+1 956 555 0100")
    assert dialog.current_step() == CLIENT_STEP
    press_enter(qtbot, page.phone)
    assert dialog.current_step() == FAMILY_STEP

    family = dialog.family_page
    qtbot.mouseClick(family.add_member_button, Qt.MouseButton.LeftButton)
    member = family.members[0]
    member.relationship.setCurrentIndex(member.relationship.findText("Spouse"))
    qtbot.keyClicks(member.family_name, "Nunez")
    qtbot.keyClicks(member.given_name, "Ana")
    click_choice(qtbot, member.derivative)
    qtbot.keyClicks(family.adverse_parties.entry, "Mara Salvatrucha")
    press_enter(qtbot, family.adverse_parties.entry)
    press_enter(qtbot, member.given_name)
    assert dialog.current_step() == CASE_STEP

    case_page = dialog.case_page
    click_choice(qtbot, case_page.claim_radios[ClaimType.DEFENSIVE])
    qtbot.keyClicks(case_page.forum_name, "Harlingen Immigration Court")
    case_page.paralegal.setCurrentIndex(case_page.paralegal.findText("Ana Pérez"))
    qtbot.keyClick(case_page.forum_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.current_step() == CONFLICT_STEP
    assert not dialog.save_button.isEnabled()  # not before the check has run
    wait_for_conflict_check(qtbot, dialog)

    rows = tree_rows(dialog)
    assert rows[0][Column.WHO] == "The new client, Jose Nunez"
    assert rows[1][Column.WHO] == "NÚÑEZ, José (A-201-000-001)"
    assert rows[1][Column.RELATION] == "Client"
    assert rows[1][Column.REASONS] == "same name (“José Núñez”); same date of birth"
    assert dialog.conflict_page.blocking is None
    # Same name and birth date: a strong match, saved only after a deliberate choice.
    assert not dialog.save_button.isEnabled()
    click_choice(qtbot, dialog.findChild(QAbstractButton, "conflictNotSamePerson0"))
    assert dialog.save_button.isEnabled()
    assert dialog.save_button.text().replace("&", "") == "Different person — save"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.created_case_id is not None
    assert requested == [dialog.created_case_id]
    touched = frozenset().union(*(changes.entities for changes in published))
    assert {Entity.CLIENT, Entity.CASE, Entity.NOTE} <= touched  # pages refresh from these
    hits = search.search_clients(store=store, text="pepe nunez")
    assert [h.name for h in hits] == ["NUNEZ, Jose"]
    saved = clients.get_client(store=store, client_id=hits[0].id)
    assert saved.a_number == "201000002"
    assert saved.date_of_birth == date(1990, 3, 14)
    assert saved.nationalities == ("HN",)
    assert saved.languages == ("es",)
    assert [(f.given_name, f.relationship, f.derivative) for f in saved.family] == [
        ("Ana", Relationship.SPOUSE, True)
    ]
    case = cases.get_case(store=store, case_id=dialog.created_case_id)
    assert case.claim_type is ClaimType.DEFENSIVE
    assert case.forum_name == "Harlingen Immigration Court"
    assert case.paralegal is not None and case.paralegal.id == ana


def test_invalid_a_number_is_shown_beside_the_field_and_nothing_is_stored(
    qtbot, store, dialog
) -> None:  # type: ignore[no-untyped-def]
    page = dialog.client_page
    qtbot.keyClicks(page.family_name, "Alvarez")
    qtbot.keyClicks(page.a_number, "A-12-34")
    page.a_number.editingFinished.emit()
    message = dialog.findChild(QWidget, "aNumberMessage")
    expected = describe(Problem.A_NUMBER_WRONG_LENGTH)
    assert message.text() == expected
    assert message.isVisibleTo(dialog)
    assert page.a_number.accessibleDescription() == expected

    press_enter(qtbot, page.family_name)  # Enter tries to move on: the page says what is wrong
    assert dialog.current_step() == CLIENT_STEP
    assert message.text() == expected
    assert page.a_number.text() == "A-12-34"  # nothing typed is changed or lost
    assert page.a_number.hasFocus()

    qtbot.keyClick(page.a_number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.current_step() == CLIENT_STEP  # Ctrl+Enter cannot skip the check either
    assert search.search_clients(store=store, text="alvarez") == []

    page.a_number.clear()  # fixing it clears the message as you go
    assert not message.isVisibleTo(dialog)


def test_same_a_number_as_an_existing_client_blocks_saving(qtbot, store, jose, dialog) -> None:  # type: ignore[no-untyped-def]
    page = dialog.client_page
    qtbot.keyClicks(page.family_name, "Alvarez")
    qtbot.keyClicks(page.given_name, "Pedro")
    qtbot.keyClicks(page.a_number, JOSE_A_NUMBER)
    qtbot.keyClick(page.a_number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.current_step() == CASE_STEP  # the claim type has not been chosen yet
    assert dialog.findChild(QWidget, "claimTypeMessage").text() == (
        "Choose affirmative or defensive."
    )
    click_choice(qtbot, dialog.case_page.claim_radios[ClaimType.AFFIRMATIVE])
    press_enter(qtbot, dialog.case_page.forum_name)
    wait_for_conflict_check(qtbot, dialog)

    rows = tree_rows(dialog)
    assert rows[1][Column.WHO] == "NÚÑEZ, José (A-201-000-001)"
    assert rows[1][Column.REASONS] == "same A-number"
    block = dialog.conflict_page.block_message
    assert block.isVisibleTo(dialog)
    assert "NÚÑEZ, José is already a client with A-number A-201-000-001" in block.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert search.search_clients(store=store, text="alvarez") == []


def test_a_problem_found_while_saving_goes_back_to_its_field_keeping_what_was_typed(
    qtbot, store, jose, dialog, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # A conflict check that missed the duplicate: the service still refuses it.
    monkeypatch.setattr(
        "clinic.ui.intake.conflict_check_runner.run_conflict_check", lambda *args, **kwargs: []
    )
    page = dialog.client_page
    qtbot.keyClicks(page.family_name, "Alvarez")
    qtbot.keyClicks(page.a_number, "A 201 000 001")
    dialog.go_to(CASE_STEP)
    click_choice(qtbot, dialog.case_page.claim_radios[ClaimType.AFFIRMATIVE])
    dialog.go_to(CONFLICT_STEP)
    wait_for_conflict_check(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.isVisible()
    assert dialog.current_step() == CLIENT_STEP
    message = dialog.findChild(QWidget, "aNumberMessage")
    assert message.text() == describe(Problem.DUPLICATE_A_NUMBER)
    assert message.isVisibleTo(dialog)
    assert page.family_name.text() == "Alvarez"
    assert dialog.case_page.claim_type() is ClaimType.AFFIRMATIVE
    assert search.search_clients(store=store, text="alvarez") == []


def test_psg_definition_appears_with_the_ground_and_is_required(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.client_page.family_name, "Alvarez")
    dialog.go_to(CASE_STEP)
    page = dialog.case_page
    assert all(box.isChecked() for box in page.relief_boxes.values())
    assert not page.psg_definition.isVisibleTo(dialog)
    psg = page.ground_boxes[ProtectedGround.PARTICULAR_SOCIAL_GROUP]
    click_choice(qtbot, psg)
    assert page.psg_definition.isVisibleTo(dialog)
    click_choice(qtbot, page.claim_radios[ClaimType.AFFIRMATIVE])
    press_enter(qtbot, page.forum_name)
    assert dialog.current_step() == CASE_STEP
    message = dialog.findChild(QWidget, "psgDefinitionMessage")
    assert message.text() == describe(Problem.PSG_DEFINITION_REQUIRED)
    definition = "Honduran women who left a domestic relationship"
    qtbot.keyClicks(page.psg_definition, definition)
    assert not message.isVisibleTo(dialog)
    qtbot.keyClick(page.psg_definition, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.psg_definition.toPlainText() == definition  # Ctrl+Enter is not a new line
    assert dialog.current_step() == CONFLICT_STEP


def test_cancelling_with_typed_data_asks_first(qtbot, store, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.client_page.family_name, "Alvarez")
    said = answer_discard_box(qtbot, "keepEditingIntake")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert said == ["Discard this intake?"]
    assert dialog.isVisible()
    assert dialog.client_page.family_name.text() == "Alvarez"

    said = answer_discard_box(qtbot, "discardIntake")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert said == ["Discard this intake?"]
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert search.search_clients(store=store, text="alvarez") == []


def test_cancelling_an_untouched_intake_closes_without_asking(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_locking_closes_the_intake_without_asking_or_keeping_what_was_typed(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    dialog = IntakeDialog(session)  # not handed to qtbot: locking deletes it
    dialog.show()
    qtbot.keyClicks(dialog.client_page.family_name, "Alvarez")
    with qtbot.waitSignal(dialog.destroyed):
        session.close()


def test_tab_order_follows_the_form(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    page = dialog.client_page
    assert page.family_name.hasFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [
        page.given_name,
        page.other_names.entry,
        page.other_names.add_button,
        page.a_number,
    ]


def interactive_widgets(root: QWidget) -> list[QWidget]:
    kinds = (
        QLineEdit,
        QAbstractButton,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
        QPlainTextEdit,
    )
    found = [w for w in root.findChildren(QWidget) if isinstance(w, kinds)]
    return [w for w in found if not _internal(w)]


def _internal(widget: QWidget) -> bool:
    """Qt's own parts of a composite (a spin box's line edit, a combo's popup view, the
    clear button inside a line edit)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QAbstractItemView | QLineEdit):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def test_every_interactive_widget_has_an_object_name_and_an_accessible_name(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.go_to(FAMILY_STEP)
    qtbot.mouseClick(dialog.family_page.add_member_button, Qt.MouseButton.LeftButton)
    missing = [
        f"{type(w).__name__} {w.objectName()!r} {w.accessibleName()!r} in {w.parentWidget()}"
        for w in interactive_widgets(dialog)
        if not w.objectName() or not w.accessibleName()
    ]
    assert missing == [], "\n".join(missing)


def each_date(dialog: IntakeDialog) -> list[DateField]:
    return dialog.findChildren(DateField)


def test_dates_start_not_set_and_delete_clears_them(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    assert each_date(dialog) and all(field.value() is None for field in each_date(dialog))
    field = dialog.client_page.date_of_birth
    assert field.edit.text() == "" and "leave empty" in field.edit.placeholderText()
    type_date(qtbot, field, date(2001, 12, 1))
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    assert field.value() is None and field.is_valid()
    assert field.edit.text() == ""
