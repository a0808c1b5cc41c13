"""The Notes & history tab reads in the interface language: field names, values, dates and the
program's own notes are worded at display; the stored audit log stays as it was written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft, StaffDraft
from clinic.domain.enums import (
    CaseFactKind,
    ClaimType,
    DeadlineStatus,
    HearingKind,
    StaffRole,
    Stage,
)
from clinic.services import cases, clients, deadlines, history, lifecycle, schedule, staff
from clinic.storage.store import Store
from clinic.ui.case_view.case_words import short_date
from clinic.ui.case_view.history_table_model import Column, HistoryTableModel, full_history
from clinic.ui.case_view.history_words import FIELD_NAMES, field_name, value_words
from clinic.ui.translations import Translations

TODAY = date(2026, 9, 1)
DONE_ON = date(2026, 9, 30)
DECIDED_ON = date(2026, 10, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "d"),
        passphrase="correct horse battery staple",
        actor="tester",
    )
    yield opened
    opened.lock()


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[Translations]:
    before = QLocale()
    translations = Translations(qapp)
    translations.apply("es")
    yield translations
    translations.remove()
    QLocale.setDefault(before)


@pytest.fixture
def edited_case(store: Store) -> int:
    """A defensive case with a few edits: a stage change, a hearing, a deadline done."""
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Reyes", "Ana"), today=TODAY
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(ClaimType.DEFENSIVE, opened_on=TODAY),
        today=TODAY,
    ).unwrap()
    cases.change_stage(store=store, case_id=case_id, stage=Stage.PREPARING, on=TODAY).unwrap()
    paralegal = staff.add_staff(
        store=store, staff=StaffDraft("Lucía Paz", StaffRole.PARALEGAL)
    ).unwrap()
    cases.update_case(
        store=store,
        case_id=case_id,
        case=CaseDraft(ClaimType.DEFENSIVE, opened_on=TODAY, paralegal_id=paralegal),
        today=TODAY,
    ).unwrap()
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, date(2026, 12, 3), time(9)),
    ).unwrap()
    deadline = cases.get_case(store=store, case_id=case_id).deadlines[0]
    schedule.close_deadline(
        store=store, deadline_id=deadline.id, status=DeadlineStatus.DONE, on=DONE_ON
    ).unwrap()
    deadlines.record_case_fact(
        store=store, case_id=case_id, kind=CaseFactKind.DECISION, on=DECIDED_ON
    ).unwrap()
    return int(case_id)


def shown(store: Store, case_id: int) -> dict[Column, list[str]]:
    view = cases.get_case(store=store, case_id=case_id)
    trail = history.case_trail(store=store, case_id=case_id)
    model = HistoryTableModel()
    names = {int(s.id): s.name for s in staff.list_staff(store=store, active_only=False)}
    model.set_rows(full_history(view, trail, names))
    return {
        column: [str(model.index(row, column).data()) for row in range(model.rowCount())]
        for column in Column
    }


def test_spanish_history_has_no_english_field_names_or_python_values(
    qtbot, store: Store, edited_case: int, spanish: Translations
) -> None:  # type: ignore[no-untyped-def]
    cells = shown(store, edited_case)
    changes = cells[Column.CHANGE]
    text = "\n".join(changes)
    assert "{" not in text and "[" not in text and "'" not in text  # no dict/list reprs
    audited = {
        c.field for t in history.case_trail(store=store, case_id=edited_case) for c in t.changes
    }
    assert {"status", "completed_on", "deadlines_recomputed"} <= audited
    for key in audited:
        english = str(FIELD_NAMES[key])  # every audited field has a name
        spanish_name = field_name(key)
        assert spanish_name != english, key
        assert not re.search(rf"\b{re.escape(english)}\b", text), english
    for english_word in ("added", "changed", "deadline", "open", "done", "Case opened"):
        assert not re.search(rf"\b{english_word}\b", text, re.IGNORECASE), english_word
    completed = next(c for c in changes if "fecha de cumplimiento" in c)
    assert short_date(DONE_ON) in completed and "Hecho" in completed  # local date, Spanish status
    assert any(re.fullmatch(r"Plazos recalculados: \d+ plazos? agregados?.*", c) for c in changes)
    assert any(  # the long label of 8 CFR 1003.38(b) may be shortened with "…"
        c.startswith("Fecha del caso registrada: Decisión del juez (oral")
        and c.endswith(f", {short_date(DECIDED_ON)}")
        for c in changes
    )
    assert "Modificado: caso (asistente legal: — → Lucía Paz)" in changes
    assert "Caso abierto" in cells[Column.NOTE] and "Case opened" not in cells[Column.NOTE]


def test_english_history_words_the_changes_without_python_values(
    qtbot, store: Store, edited_case: int
) -> None:  # type: ignore[no-untyped-def]
    cells = shown(store, edited_case)
    changes = cells[Column.CHANGE]
    text = "\n".join(changes)
    assert "{" not in text and "[" not in text
    completed = next(c for c in changes if c.startswith("changed deadline ("))
    assert "completed on: — → " + short_date(DONE_ON) in completed
    assert "status: Open → Done" in completed
    assert any(re.fullmatch(r"deadlines recomputed: \d+ deadlines? added.*", c) for c in changes)
    assert "added hearing" in changes and "added case" in changes
    assert any(  # 8 CFR 1003.38(b): the appeal runs from the oral decision or the mailing
        c.startswith("recorded case date: Judge's decision (oral")
        and c.endswith(f", {short_date(DECIDED_ON)}")
        for c in changes
    )
    assert "changed case (paralegal: — → Lucía Paz)" in changes
    assert "Case opened" in cells[Column.NOTE]


def test_values_and_unknown_fields_read_naturally(qapp: QApplication) -> None:
    recomputed = {"added": ["a", "b", "c"], "moved": ["d"], "removed": []}
    assert value_words("case", "deadlines_recomputed", recomputed) == (
        "3 deadlines added, 1 deadline changed"
    )
    assert value_words("case", "relief", ["asylum", "cat"]) == (
        "Asylum, Convention Against Torture"
    )
    assert value_words("settings", "rule_days", {"individual-hearing-filing": 30}) == (
        "individual-hearing-filing: 30"
    )
    assert value_words("client", "interpreter_needed", True) == "Yes"
    assert value_words("hearing", "outcome", "Reset") == "Reset"  # free text stays as typed
    assert field_name("some_new_field") == "some new field"
