"""Today, Calendar and Settings as a paralegal uses them: what is due, where, and the clinic's
own rules; asserting what the user sees and what was stored."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QEvent, QLocale, QModelIndex, QPointF, Qt, QTime
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QWidget,
)

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft, StaffDraft
from clinic.domain.enums import ClaimType, HearingKind, StaffRole
from clinic.domain.ids import CaseId
from clinic.domain.validation import FieldProblem, Problem
from clinic.services import cases, clients, deadlines, lifecycle, schedule, settings, staff
from clinic.services.results import rejected
from clinic.storage.store import Store
from clinic.ui import settings_recompute
from clinic.ui.calendar_page import CalendarMode, CalendarPage
from clinic.ui.page import Page
from clinic.ui.session import UiSession
from clinic.ui.settings_page import SettingsPage
from clinic.ui.settings_staff import StaffColumn
from clinic.ui.today_agenda_model import (
    CASE_ID_ROLE,
    IS_DAY_ROLE,
    ITEM_ROLE,
    OVERDUE_ROLE,
    AgendaModel,
    Column,
)
from clinic.ui.today_badges import BADGES_ROLE, Tone, tone_colour
from clinic.ui.today_page import TodayPage

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 6, 1)
NAMES = ("NÚÑEZ", "GARCÍA LÓPEZ", "СМИРНОВ")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    store = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="t")
    yield store
    if not store.locked:
        store.lock()


@pytest.fixture
def session(store: Store) -> UiSession:
    return UiSession(store, today=lambda: TODAY)


def open_case(
    store: Store, family: str, given: str, *, arrival: date, claim: ClaimType = ClaimType.DEFENSIVE
) -> CaseId:
    client_id = clients.intake_client(
        store=store, client=ClientDraft(family, given, last_arrival_on=arrival), today=TODAY
    ).unwrap()
    return cases.open_case(
        store=store, client_id=client_id, case=CaseDraft(claim), today=TODAY
    ).unwrap()


def hearing(store: Store, case_id: CaseId, kind: HearingKind, on: date, at: time) -> None:
    draft = HearingDraft(kind, on, at, location="Houston Immigration Court")
    schedule.schedule_hearing(store=store, case_id=case_id, hearing=draft).unwrap()


@pytest.fixture
def clinic(store: Store) -> dict[str, CaseId]:
    """Núñez: one-year deadline (arrival 2025-03-14) long overdue, master calendar in 3 days.
    García López: individual hearing in August. Smirnov: affirmative, nothing soon."""
    nunez = open_case(store, "Núñez", "José", arrival=date(2025, 3, 14))
    hearing(store, nunez, HearingKind.MASTER_CALENDAR, TODAY + timedelta(days=3), time(9, 0))
    garcia = open_case(store, "García López", "María", arrival=date(2025, 9, 20))
    hearing(store, garcia, HearingKind.INDIVIDUAL, date(2026, 8, 10), time(13, 30))
    smirnov = open_case(
        store, "Смирнов", "Алексей", arrival=date(2025, 11, 5), claim=ClaimType.AFFIRMATIVE
    )
    return {"nunez": nunez, "garcia": garcia, "smirnov": smirnov}


def item_rows(model: AgendaModel) -> list[QModelIndex]:
    rows = []
    for day_row in range(model.rowCount()):
        day = model.index(day_row, 0)
        rows += [model.index(r, 0, day) for r in range(model.rowCount(day))]
    return rows


def double_click(qtbot: Any, view: QAbstractItemView, index: QModelIndex) -> None:
    """Press, release, double-click, release: what a mouse sends. (QTest's mouseDClick skips the
    first release, and QTreeView ignores a double-click that arrives mid-press.)"""
    viewport = view.viewport()
    pos = view.visualRect(index).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    event = QMouseEvent(
        QEvent.Type.MouseButtonDblClick,
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=pos)


def shown(page: Page, qtbot: Any) -> Page:
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.reload()
    page.show()
    qtbot.waitExposed(page)
    return page


# -- Today ----------------------------------------------------------------------------------


def test_today_lists_the_overdue_deadline_first_and_marks_it(qtbot, session, clinic) -> None:
    page = shown(TodayPage(session), qtbot)
    model = page.model
    first_group = model.index(0, 0)
    assert first_group.data(IS_DAY_ROLE) and first_group.data(OVERDUE_ROLE)
    assert first_group.data().startswith("Overdue")
    first = model.index(0, 0, first_group)
    item = first.data(ITEM_ROLE)
    assert item.client_name == "NÚÑEZ, José" and item.deadline.rule_id == "one-year-filing"
    assert item.deadline.due_on == date(2026, 3, 16)
    note = first.siblingAtColumn(Column.NOTE)
    assert "Overdue" in note.data()
    assert [b.tone for b in note.data(BADGES_ROLE)] == [Tone.OVERDUE]
    assert first.data(Qt.ItemDataRole.ForegroundRole) == tone_colour(Tone.OVERDUE)
    # the master calendar filing date (hearing - 15 days) has passed as well
    assert f"Overdue: {model.rowCount(first_group)}" in page.summary.text()
    assert model.rowCount(first_group) == 2
    assert page.stack.currentWidget() is not page.empty_state


def test_today_lists_a_hearing_in_three_days_with_its_time(qtbot, session, clinic) -> None:
    page = shown(TodayPage(session), qtbot)
    hearings = [i for i in item_rows(page.model) if i.data(ITEM_ROLE).is_hearing]
    assert len(hearings) == 1
    row = hearings[0]
    nine = QLocale().toString(QTime(9, 0), QLocale.FormatType.ShortFormat)
    assert row.siblingAtColumn(Column.WHEN).data() == f"{nine} EDT"  # with the court's zone
    assert row.siblingAtColumn(Column.CLIENT).data() == "NÚÑEZ, José"
    assert row.siblingAtColumn(Column.WHAT).data().startswith("Master calendar hearing")
    assert row.parent().data(Qt.ItemDataRole.DisplayRole) == QLocale().toString(
        TODAY + timedelta(days=3), QLocale.FormatType.LongFormat
    )


def test_selecting_a_deadline_shows_why_and_the_source(qtbot, session, clinic) -> None:
    page = shown(TodayPage(session), qtbot)
    page.view.select_first_item()
    text = page.detail.toPlainText()
    assert "Last arrival Fri 2025-03-14 + 1 year" in text
    assert "8 CFR 208.4" in text
    tooltip = page.model.index(0, Column.WHAT, page.model.index(0, 0)).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "Source:" in tooltip


def test_double_click_and_enter_open_the_case(qtbot, session, clinic) -> None:
    page = shown(TodayPage(session), qtbot)
    hearing_row = next(i for i in item_rows(page.model) if i.data(ITEM_ROLE).is_hearing)
    with qtbot.waitSignal(session.case_requested, timeout=1000) as opened:
        double_click(qtbot, page.view, hearing_row)
    assert opened.args == [clinic["nunez"]]
    page.view.setFocus()
    page.view.setCurrentIndex(hearing_row)
    with qtbot.waitSignal(session.case_requested, timeout=1000) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args == [clinic["nunez"]]


def test_a_day_row_opens_nothing(qtbot, session, clinic) -> None:
    page = shown(TodayPage(session), qtbot)
    opened: list[int] = []
    session.case_requested.connect(opened.append)
    page.view.activated.emit(page.model.index(0, 0))
    assert opened == []


def test_an_empty_fortnight_says_so(qtbot, session) -> None:
    page = shown(TodayPage(session), qtbot)
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.empty_state
    assert page.empty_state.text() == "Nothing due in the next two weeks."


def test_a_verify_badge_marks_deadlines_an_attorney_must_check(qtbot, session, store) -> None:
    open_case(store, "Rodríguez", "Ana", arrival=date(2025, 2, 28))
    leap = open_case(store, "Pérez", "Luis", arrival=date(2024, 2, 29))
    page = shown(TodayPage(session), qtbot)
    flagged = [i for i in item_rows(page.model) if i.data(ITEM_ROLE).case_id == leap]
    assert flagged
    note = flagged[0].siblingAtColumn(Column.NOTE)
    assert "⚠ verify with your attorney" in note.data()
    assert Tone.CAUTION in [b.tone for b in note.data(BADGES_ROLE)]


def test_today_refreshes_when_a_service_publishes_changes(qtbot, session, store, clinic) -> None:
    page = shown(TodayPage(session), qtbot)
    before = page.model.item_count()
    result = schedule.schedule_hearing(
        store=store,
        case_id=clinic["garcia"],
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, TODAY + timedelta(days=5), time(10, 0)),
    )
    session.publish(result.changes)
    assert page.model.item_count() > before


def test_item_models_pass_the_model_tester(qtbot, qtmodeltester, session, clinic) -> None:
    today = shown(TodayPage(session), qtbot)
    qtmodeltester.check(today.model)
    calendar = shown(CalendarPage(session), qtbot)
    calendar.select_day(TODAY + timedelta(days=3))
    qtmodeltester.check(calendar.day_model)
    calendar.set_mode(CalendarMode.WEEK)
    qtmodeltester.check(calendar.week_model)
    page = shown(SettingsPage(session), qtbot)
    page.closures.reason.setText("Court closed for snow")
    page.closures.add_entered()
    qtmodeltester.check(page.closures.model)
    staff.add_staff(store=session.store, staff=StaffDraft("Ana Beltrán", StaffRole.ATTORNEY))
    page.reload()
    qtmodeltester.check(page.staff_model)


# -- Calendar -------------------------------------------------------------------------------


def test_calendar_marks_the_hearing_day_and_lists_it(qtbot, session, clinic) -> None:
    page = shown(CalendarPage(session), qtbot)
    hearing_day = TODAY + timedelta(days=3)
    counts = page.calendar.counts_on(hearing_day)
    assert counts is not None and counts.hearings == 1
    fmt = page.calendar.dateTextFormat(page.calendar.selectedDate().addDays(3))
    assert fmt.fontWeight() == 700 and "Hearings: 1" in fmt.toolTip()
    assert page.calendar.counts_on(TODAY + timedelta(days=4)) is None
    page.calendar.setSelectedDate(page.calendar.selectedDate().addDays(3))
    assert page.selected_day == hearing_day
    rows = item_rows(page.day_model)
    assert [r.siblingAtColumn(Column.CLIENT).data() for r in rows] == ["NÚÑEZ, José"]
    with qtbot.waitSignal(session.case_requested, timeout=1000) as opened:
        double_click(qtbot, page.day_view, rows[0])
    assert opened.args == [clinic["nunez"]]


def test_calendar_navigates_by_month_and_week_and_back_to_today(qtbot, session, clinic) -> None:
    page = shown(CalendarPage(session), qtbot)
    assert page.next_action.shortcut().toString() == "PgDown"
    assert page.previous_action.shortcut().toString() == "PgUp"
    assert page.today_action.shortcut().toString() == "Ctrl+T"
    page.next_action.trigger()
    page.next_action.trigger()
    assert page.selected_day == date(2026, 8, 1)
    august = page.calendar.counts_on(date(2026, 8, 10))
    assert august is not None and august.hearings == 1
    page.today_action.trigger()
    assert page.selected_day == TODAY
    page.week_button.click()
    assert page.mode is CalendarMode.WEEK
    assert page.week_model.rowCount() == 7
    assert any(r.data(ITEM_ROLE).is_hearing for r in item_rows(page.week_model))
    page.previous_action.trigger()
    assert page.selected_day == TODAY - timedelta(days=7)
    assert not any(r.data(ITEM_ROLE).is_hearing for r in item_rows(page.week_model))


def test_calendar_marks_overdue_deadlines_of_past_months(qtbot, session, clinic) -> None:
    page = shown(CalendarPage(session), qtbot)
    page.select_day(date(2026, 3, 16))
    counts = page.calendar.counts_on(date(2026, 3, 16))
    assert counts is not None and counts.overdue == 1
    assert item_rows(page.day_model)[0].data(OVERDUE_ROLE)


# -- Settings -------------------------------------------------------------------------------


def _filing_deadline(store: Store, case_id: CaseId) -> date:
    found = [
        d
        for d in deadlines.case_deadlines(store=store, case_id=case_id)
        if d.rule_id == "individual-hearing-filing"
    ]
    assert len(found) == 1
    return found[0].due_on


def test_changing_the_filing_days_moves_the_case_deadline(qtbot, session, store, clinic) -> None:
    page = shown(SettingsPage(session), qtbot)
    before = _filing_deadline(store, clinic["garcia"])
    spin = page.rules.spin_boxes["individual-hearing-filing"]
    assert spin.value() == 15
    assert not page.has_unsaved_changes() and not page.save_button.isEnabled()
    spin.selectAll()
    qtbot.keyClicks(spin, "30")
    assert spin.value() == 30
    assert page.has_unsaved_changes() and page.save_button.isEnabled()
    with qtbot.waitSignal(session.changed, timeout=5000):
        page.save_action.trigger()
    assert not page.has_unsaved_changes()
    assert page.status.text() == "Saved."
    assert settings.get_settings(store=store).rule_days == {"individual-hearing-filing": 30}
    after = _filing_deadline(store, clinic["garcia"])
    assert after < before
    assert (before - after).days >= 14


def test_a_recomputing_save_runs_in_the_background_with_the_form_disabled(
    qtbot, session, store, clinic, monkeypatch
) -> None:
    page = shown(SettingsPage(session), qtbot)
    before = _filing_deadline(store, clinic["garcia"])
    release = threading.Event()
    real_update = settings_recompute.update_settings

    def held_update(**kwargs: Any) -> Any:  # the worker waits until the test has looked
        release.wait(5)
        return real_update(**kwargs)

    monkeypatch.setattr(settings_recompute, "update_settings", held_update)
    page.rules.spin_boxes["individual-hearing-filing"].setValue(30)
    assert page.save()
    assert not page.form.isEnabled() and not page.save_button.isEnabled()
    assert page.background.progress.isVisible()
    assert page.background.progress.accessibleName()
    with qtbot.waitSignal(session.changed, timeout=5000):
        release.set()
    assert page.form.isEnabled() and not page.background.progress.isVisible()
    assert page.status.text() == "Saved." and not page.has_unsaved_changes()
    assert _filing_deadline(store, clinic["garcia"]) < before


def test_locking_during_a_recomputing_save_keeps_the_settings_and_resumes_once_unlocked(
    qtbot, session, store, clinic, monkeypatch
) -> None:
    page = shown(SettingsPage(session), qtbot)
    before = _filing_deadline(store, clinic["garcia"])
    started = threading.Event()
    real_update = settings_recompute.update_settings

    def held_update(**kwargs: Any) -> Any:  # runs until the lock asks it to stop
        started.set()
        for _ in range(500):
            if kwargs["cancelled"]():
                break
            threading.Event().wait(0.01)
        return real_update(**kwargs)

    monkeypatch.setattr(settings_recompute, "update_settings", held_update)
    page.rules.spin_boxes["individual-hearing-filing"].setValue(30)
    assert page.save()
    assert started.wait(5)
    session.close()  # lock: the job is stopped (before its first chunk) and waited for
    assert store.locked
    qtbot.waitUntil(lambda: not page.background.running, timeout=5000)
    assert page.status.text().startswith("Saved.") and page.form.isEnabled()
    reopen = lifecycle.unlock_store(data_dir=store.datadir, passphrase=PASSPHRASE, actor="test")
    assert settings.get_settings(store=reopen).rule_days == {"individual-hearing-filing": 30}
    assert _filing_deadline(reopen, clinic["garcia"]) == before  # still to do
    with qtbot.waitSignal(page.background.resumed, timeout=10000) as resumed:
        session.attach(reopen)  # unlocked: the rest is recomputed in the background
    assert resumed.args[0].touched
    assert _filing_deadline(reopen, clinic["garcia"]) < before
    session.close()


def test_rule_amounts_cannot_leave_the_rules_bounds(qtbot, session) -> None:
    page = shown(SettingsPage(session), qtbot)
    spin = page.rules.spin_boxes["individual-hearing-filing"]
    assert (spin.minimum(), spin.maximum()) == (1, 60)
    spin.selectAll()
    qtbot.keyClicks(spin, "99")
    assert spin.value() <= 60
    spin.setValue(500)
    assert spin.value() == 60
    assert (page.auto_lock.minimum(), page.auto_lock.maximum()) == (1, 120)
    assert page.auto_lock.value() == 5


def test_adding_staff_shows_them_in_the_list(qtbot, session, store) -> None:
    page = shown(SettingsPage(session), qtbot)
    assert page.staff_model.rowCount() == 0
    page.add_staff_button.click()
    dialog = page.staff_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.accept()  # nothing typed: the name is required
    assert dialog.isVisible()
    assert "required" in dialog.problems.label_for("name").text()
    qtbot.keyClicks(dialog.name, "Marcus Lee")
    dialog.role.setCurrentIndex(dialog.role.findData(StaffRole.PARALEGAL))
    qtbot.keyClicks(dialog.email, "marcus@clinic.example")
    dialog.accept()
    assert not dialog.isVisible()
    assert page.staff_model.rowCount() == 1
    assert page.staff_model.index(0, StaffColumn.NAME).data() == "Marcus Lee"
    assert page.staff_model.index(0, StaffColumn.ROLE).data() == "Paralegal"
    assert [s.name for s in staff.list_staff(store=store)] == ["Marcus Lee"]


def test_problems_show_beside_the_field_and_edits_are_kept(
    qtbot, session, store, monkeypatch
) -> None:
    page = shown(SettingsPage(session), qtbot)
    page.clinic_name.setText("Border Legal Clinic")
    page.timezone.setEditText("Mars/Olympus_Mons")
    assert not page.save()
    message = page.problems.label_for("default_timezone")
    assert message.isVisibleTo(page) and "time-zone name" in message.text()
    assert page.clinic_name.text() == "Border Legal Clinic" and page.has_unsaved_changes()
    page.timezone.setEditText("America/Chicago")
    monkeypatch.setattr(
        "clinic.ui.settings_page.update_settings",
        lambda **_: rejected((FieldProblem("rule_days", Problem.RULE_SETTING_INVALID),)),
    )
    assert not page.save()
    assert "outside what the rule file allows" in page.problems.label_for("rule_days").text()
    assert page.timezone.currentText() == "America/Chicago"
    assert settings.get_settings(store=store).clinic_name == ""
    monkeypatch.undo()
    assert page.save()
    saved = settings.get_settings(store=store)
    assert (saved.clinic_name, saved.default_timezone) == ("Border Legal Clinic", "America/Chicago")
    assert not page.problems.label_for("rule_days").isVisibleTo(page)


def test_closure_days_are_added_removed_and_saved(qtbot, session, store) -> None:
    page = shown(SettingsPage(session), qtbot)
    page.closures.add_entered()
    assert "Give the reason" in page.problems.label_for("closure_days").text()
    page.closures.date_edit.set_value(page.closures.date_edit.value() + timedelta(days=2))
    qtbot.keyClicks(page.closures.reason, "Court closed for a hurricane")
    qtbot.keyClick(page.closures.reason, Qt.Key.Key_Return)
    assert page.closures.model.as_settings() == {"2026-06-03": "Court closed for a hurricane"}
    page.letterhead.setPlainText("12 Main St\nEl Paso, TX")
    with qtbot.waitSignal(page.background.saved, timeout=5000):  # closures: recomputes deadlines
        assert page.save()
    assert settings.get_settings(store=store).closure_days == {
        "2026-06-03": "Court closed for a hurricane"
    }
    page.closures.table.setCurrentIndex(page.closures.model.index(0, 0))
    page.closures.remove_button.click()
    assert page.closures.model.rowCount() == 0 and page.has_unsaved_changes()
    page.revert()
    assert page.closures.model.rowCount() == 1 and not page.has_unsaved_changes()


def test_outside_changes_do_not_overwrite_unsaved_edits(qtbot, session, store) -> None:
    page = shown(SettingsPage(session), qtbot)
    page.clinic_name.setText("Typed but not saved")
    current = settings.get_settings(store=store)
    result = settings.update_settings(
        store=store, settings=settings.ClinicSettings(**{**current.to_json(), "backups_kept": 3})
    )
    session.publish(result.changes)
    assert page.clinic_name.text() == "Typed but not saved"
    page.revert()
    assert page.backups_kept.value() == 3


# -- every page ------------------------------------------------------------------------------

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QCalendarWidget,
    QTextBrowser,
)
# their inner parts (line edits, headers, corner buttons) are Qt's own
COMPOSITES = (QAbstractSpinBox, QComboBox, QCalendarWidget, QAbstractItemView)


def _inside_composite(widget: QWidget, page: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def test_every_interactive_widget_has_a_name_and_an_accessible_name(qtbot, session, clinic) -> None:
    for page in (TodayPage(session), CalendarPage(session), SettingsPage(session)):
        shown(page, qtbot)
        assert page.title
        widgets = [
            w
            for w in page.findChildren(QWidget)
            if isinstance(w, INTERACTIVE)
            and not w.objectName().startswith("qt_")
            and not _inside_composite(w, page)
        ]
        assert len(widgets) >= 2
        for widget in widgets:
            assert widget.objectName(), (type(page).__name__, widget)
            assert widget.accessibleName(), (type(page).__name__, widget.objectName())


# -- every page, on lock ---------------------------------------------------------------------


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Every text a model holds (Qt-internal models whose methods Python cannot call hold
    dates and time-zone names only, and are skipped)."""
    if parent is None:
        parent = QModelIndex()
    try:
        model.rowCount(parent)
        model.columnCount(parent)
    except TypeError:
        return []
    texts = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ITEM_ROLE, CASE_ID_ROLE)
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            texts += [str(index.data(role)) for role in roles]
        texts += _model_texts(model, model.index(row, 0, parent))
    return texts


def _widget_texts(page: QWidget) -> list[str]:
    texts = [label.text() for label in page.findChildren(QLabel)]
    texts += [browser.toPlainText() for browser in page.findChildren(QTextBrowser)]
    return texts


def test_lock_leaves_no_client_name_in_any_model_or_label(qtbot, session, clinic) -> None:
    pages = [
        shown(TodayPage(session), qtbot),
        shown(CalendarPage(session), qtbot),
        shown(SettingsPage(session), qtbot),
    ]
    pages[0].view.select_first_item()
    pages[1].select_day(TODAY + timedelta(days=3))
    everything = [
        t for p in pages for m in p.findChildren(QAbstractItemModel) for t in _model_texts(m)
    ]
    assert any("NÚÑEZ" in t for t in everything)
    session.close()
    for page in pages:
        models = page.findChildren(QAbstractItemModel)
        assert models
        texts = [t for m in models for t in _model_texts(m)] + _widget_texts(page)
        for name in NAMES:
            assert not any(name in t for t in texts), (type(page).__name__, name)
    assert pages[0].model.rowCount() == 0
    assert pages[1].calendar.counts_on(TODAY + timedelta(days=3)) is None
    assert pages[2].staff_model.rowCount() == 0 and not pages[2].has_unsaved_changes()
