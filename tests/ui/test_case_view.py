"""The case view as a paralegal uses it: refer to court, schedule a hearing and read the deadline
it creates, waive with a reason, attach and preview evidence, export after a warning, lock."""

from __future__ import annotations

import random
import tempfile
import warnings
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from clinic.domain.drafts import (
    CaseDraft,
    ClientDraft,
    EvidenceDraft,
    FamilyMemberDraft,
    HearingDraft,
)
from clinic.domain.enums import (
    CaseFactKind,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    DetentionStatus,
    EvidenceCategory,
    HearingKind,
    Outcome,
    Relationship,
    Stage,
)
from clinic.domain.stages import allowed_stages
from clinic.services import cases, clients, deadlines, evidence, lifecycle, schedule
from clinic.services.demo import make_png
from clinic.storage.store import Store
from clinic.ui import file_dialogs
from clinic.ui.case_view import CaseViewPage, evidence_files_panel
from clinic.ui.case_view.client_dialogs import (
    AddFamilyMemberDialog,
    EditClientDialog,
    RecordMoveDialog,
)
from clinic.ui.case_view.deadline_dialogs import (
    AddDeadlineDialog,
    CaseFactDialog,
    WaiveDeadlineDialog,
)
from clinic.ui.case_view.deadline_table_model import Column as DeadlineColumn
from clinic.ui.case_view.deadline_table_model import DeadlineTableModel
from clinic.ui.case_view.deadline_table_model import Role as DeadlineRole
from clinic.ui.case_view.evidence_dialogs import AddEvidenceDialog
from clinic.ui.case_view.evidence_table_model import Column as EvidenceColumn
from clinic.ui.case_view.evidence_table_model import EvidenceFileTableModel, EvidenceTableModel
from clinic.ui.case_view.family_table_model import FamilyTableModel
from clinic.ui.case_view.form_dialog import FormDialog
from clinic.ui.case_view.hearing_dialogs import HearingOutcomeDialog, ScheduleHearingDialog
from clinic.ui.case_view.hearing_table_model import HearingTableModel
from clinic.ui.case_view.history_table_model import HistoryTableModel
from clinic.ui.case_view.history_table_model import Role as HistoryRole
from clinic.ui.case_view.row_table_model import RowRole, RowTableModel
from clinic.ui.case_view.stage_dialogs import MoveStageDialog, ReferralDialog
from clinic.ui.session import UiSession
from clinic.ui.time_zones import system_zone

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 3, 2)
FAMILY, GIVEN = "Quispe Mamani", "Rosalía"
CHILD = "Wayra"
REQUIRED = "This field is required."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    store = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="t")
    yield store
    store.lock()


@pytest.fixture
def session(store: Store) -> UiSession:
    return UiSession(store, today=lambda: TODAY)


@pytest.fixture
def page(qtbot, session: UiSession) -> CaseViewPage:  # type: ignore[no-untyped-def]
    page = CaseViewPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page


def new_case(
    store: Store,
    claim_type: ClaimType = ClaimType.DEFENSIVE,
    *,
    stages: tuple[Stage, ...] = (),
    detained: bool = False,
) -> int:
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(FAMILY, GIVEN, a_number="A123456789", last_arrival_on=date(2025, 6, 1)),
        family=[FamilyMemberDraft(FAMILY, CHILD, Relationship.CHILD, derivative=True)],
        today=TODAY,
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(claim_type, judge="Elena Rivera", detained=detained),
        today=TODAY,
    ).unwrap()
    for stage in stages:
        cases.change_stage(store=store, case_id=case_id, stage=stage, on=TODAY).unwrap()
    return case_id


def opened(qtbot, page: CaseViewPage, kind: type[FormDialog]) -> FormDialog:  # type: ignore[no-untyped-def]
    """The dialog the last click opened (window-modal, so the test can type into it)."""
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(kind)))
    return next(d for d in page.findChildren(kind) if d.isVisible())


def cell(view, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return view.model().index(row, column).data()


def row_with(view, column: int, text: str) -> int:  # type: ignore[no-untyped-def]
    for row in range(view.model().rowCount()):
        if text in (cell(view, row, column) or ""):
            return row
    raise AssertionError(f"no row shows {text!r}")


def test_header_shows_who_which_claim_and_what_is_next(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store, detained=True)
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, date(2026, 4, 15), time(9, 0)),
    ).unwrap()
    page.show_case(case_id)
    header = page.header
    assert header.client_name.text() == "QUISPE MAMANI, Rosalía"
    assert header.a_number.text() == "A-123-456-789"
    assert header.claim_type.text() == "Defensive"
    assert "Judge: Elena Rivera" in header.forum.text()
    assert header.detained_badge.isVisible()
    assert "Master calendar hearing" in header.next_hearing.text()
    assert "Next deadline:" in header.next_deadline.text()
    assert not header.overdue_badge.isVisible()
    assert GIVEN not in page.windowTitle()


def test_referring_an_affirmative_filed_case_makes_it_defensive(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store, ClaimType.AFFIRMATIVE, stages=(Stage.PREPARING, Stage.FILED))
    page.show_case(case_id)
    overview = page.overview
    assert page.header.claim_type.text() == "Affirmative"
    assert set(overview.move_actions) == allowed_stages(ClaimType.AFFIRMATIVE, Stage.FILED)
    assert overview.refer_button.isVisible()

    qtbot.mouseClick(overview.refer_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, ReferralDialog)
    assert GIVEN not in dialog.windowTitle()
    dialog.judge.insert("Ana Beltrán")  # as an input method types it
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem_text("forum_name") == REQUIRED  # beside the court field
    assert dialog.isVisible() and dialog.judge.text() == "Ana Beltrán"  # nothing lost

    qtbot.keyClicks(dialog.court, "Houston Immigration Court")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.header.claim_type.text() == "Defensive"
    assert "Houston Immigration Court" in page.header.forum.text()
    assert "Ana Beltrán" in page.header.forum.text()
    assert not overview.refer_button.isVisible()
    stored = cases.get_case(store=store, case_id=case_id)
    assert (stored.claim_type, stored.stage) == (ClaimType.DEFENSIVE, Stage.HEARINGS)
    history = page.notes.table.model()
    referrals = [
        history.index(row, 1).data()
        for row in range(history.rowCount())
        if history.index(row, 0).data(HistoryRole.REFERRAL) is True
    ]
    assert len(referrals) == 1 and "Referred to court" in referrals[0]
    trail = [history.index(row, 1).data() for row in range(history.rowCount())]
    assert any(t.startswith("added case") for t in trail)  # the audit trail, in words


def test_closing_asks_for_the_outcome_beside_its_field(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    page.show_case(case_id)
    page.overview.move_actions[Stage.CLOSED].trigger()
    dialog = opened(qtbot, page, MoveStageDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Say how the case ended" in dialog.problem_text("outcome")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.WITHDRAWN))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.header.stage.text() == "Stage: Closed · Withdrawn"


def test_scheduling_a_hearing_shows_its_filing_deadline_with_the_reasoning(
    qtbot, store, page
) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    page.show_case(case_id)
    page.tabs.setCurrentWidget(page.hearings)
    qtbot.mouseClick(page.hearings.schedule_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, ScheduleHearingDialog)
    kinds = {dialog.kind.itemData(i) for i in range(dialog.kind.count())}
    assert HearingKind.ASYLUM_INTERVIEW not in kinds  # a defensive case goes to court
    assert dialog.timezone.currentText() == system_zone()  # no court, no zone in Settings
    dialog.kind.setCurrentIndex(dialog.kind.findData(HearingKind.MASTER_CALENDAR))
    dialog.on.set_value(date(2026, 4, 15))
    qtbot.keyClicks(dialog.location, "Courtroom 4")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.hearings.model.rowCount() == 1

    page.tabs.setCurrentWidget(page.deadlines)
    table = page.deadlines.table
    row = row_with(table, DeadlineColumn.TITLE, "Filing before a master calendar hearing")
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(row, DeadlineColumn.TITLE)).center(),
    )
    panel = page.deadlines.provenance
    assert panel.details.isVisible()
    assert "- 15 days" in panel.explanation.text()
    assert "Practice Manual" in panel.source.text()
    assert panel.anchor.text().startswith("Hearing")
    assert panel.confidence.text()


def test_waiving_needs_a_reason_and_then_shows_the_status(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    page.show_case(case_id)
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    row = row_with(tab.table, DeadlineColumn.TITLE, "One-year")
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.waive_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, WaiveDeadlineDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem_text("status_reason") == REQUIRED
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.reason, "Filed within the year; receipt on file")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = row_with(tab.table, DeadlineColumn.TITLE, "One-year")
    assert cell(tab.table, row, DeadlineColumn.STATUS) == "Waived"
    assert "receipt on file" in tab.provenance.status.text()  # still selected
    assert tab.reopen_button.isEnabled()
    stored = next(
        d for d in deadlines.case_deadlines(store=store, case_id=case_id) if "one-year" in d.rule_id
    )
    assert stored.status is DeadlineStatus.WAIVED


def test_unsaved_edits_are_not_thrown_away_without_asking(qtbot, store, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store))
    qtbot.mouseClick(page.client_tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, EditClientDialog)
    assert GIVEN not in dialog.windowTitle()
    qtbot.keyClicks(dialog.email, "not-an-email")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "e-mail" in dialog.problem_text("email")
    assert dialog.email.text() == "not-an-email"
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(*args, **kwargs):  # type: ignore[no-untyped-def]
            asked.append(args[1])
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    dialog.reject()
    assert asked and dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    dialog.reject()
    assert not dialog.isVisible()
    assert clients.get_client(store=store, client_id=page.case.client.id).email == ""


def add_item(store: Store, case_id: int, title: str = "Police report") -> int:
    return evidence.add_evidence(
        store=store,
        case_id=case_id,
        evidence=EvidenceDraft(title, EvidenceCategory.CORROBORATION),
        today=TODAY,
    ).unwrap()


def drop_files(widget: QWidget, *paths: Path) -> bool:
    """Drag files from a file manager over ``widget`` and drop them: True when both accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks the only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted() and drop.isAccepted()


def png_file(folder: Path) -> Path:
    path = folder / "scan.png"
    path.write_bytes(make_png(random.Random(5), 40, 30))
    return path


def test_a_dropped_file_is_encrypted_and_listed(qtbot, store, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    item_id = add_item(store, case_id)
    page.show_case(case_id)
    tab = page.evidence
    page.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    scan = png_file(tmp_path)
    assert drop_files(tab, scan)
    qtbot.waitUntil(lambda: tab.files.model.rowCount() == 1, timeout=5000)
    assert tab.files.model.index(0, 0).data() == "scan.png"
    assert cell(tab.table, 0, EvidenceColumn.FILES) == "1"
    assert "Attached 1 file" in tab.files.status.text()
    stored = cases.get_case(store=store, case_id=case_id).evidence[0]
    assert stored.id == item_id and stored.files[0].original_name == "scan.png"


def test_a_drop_with_no_item_selected_asks_for_the_item_first(qtbot, store, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    page.show_case(case_id)
    tab = page.evidence
    page.tabs.setCurrentWidget(tab)
    drop_files(tab, png_file(tmp_path))
    dialog = opened(qtbot, page, AddEvidenceDialog)
    assert dialog.title.text() == "scan"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.files.model.rowCount() == 1, timeout=5000)
    assert cell(tab.table, 0, EvidenceColumn.TITLE) == "scan"


def test_images_preview_from_memory_never_a_temp_file(
    qtbot, store, page, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    item_id = add_item(store, case_id)
    evidence.attach_path(store=store, evidence_id=item_id, path=png_file(tmp_path)).unwrap()

    def no_disk(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a preview must not write a file")

    for name in ("mkstemp", "NamedTemporaryFile", "TemporaryFile", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, no_disk)
    monkeypatch.setattr(evidence_files_panel.evidence, "export_evidence_file", no_disk)
    page.show_case(case_id)
    tab = page.evidence
    page.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    tab.files.table.selectRow(0)
    qtbot.waitUntil(lambda: not tab.files.preview.pixmap().isNull(), timeout=5000)
    assert tab.files.preview.pixmap().width() > 0


def test_export_warns_that_the_copy_is_not_encrypted_before_asking_where(
    qtbot, store, page, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    item_id = add_item(store, case_id)
    scan = png_file(tmp_path)
    evidence.attach_path(store=store, evidence_id=item_id, path=scan).unwrap()
    page.show_case(case_id)
    files = page.evidence.files
    page.tabs.setCurrentWidget(page.evidence)
    page.evidence.table.selectRow(0)
    files.table.selectRow(0)
    steps: list[str] = []
    reply = {"warning": QMessageBox.StandardButton.Cancel}
    destination = tmp_path / "out" / "copy.png"
    destination.parent.mkdir()

    def warning(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        steps.append("warning")
        assert "NOT encrypted" in text
        return reply["warning"]

    def save_name(_parent, _caption, suggested, *_args):  # type: ignore[no-untyped-def]
        steps.append("file dialog")
        assert GIVEN not in suggested and FAMILY not in suggested  # neutral default name
        return str(destination), ""

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", save_name)
    qtbot.mouseClick(files.export_button, Qt.MouseButton.LeftButton)
    assert steps == ["warning"]  # cancelled: never asked where, nothing written
    reply["warning"] = QMessageBox.StandardButton.Ok
    qtbot.mouseClick(files.export_button, Qt.MouseButton.LeftButton)
    assert steps == ["warning", "warning", "file dialog"]
    qtbot.waitUntil(
        lambda: destination.exists() and "Exported" in files.status.text(), timeout=5000
    )
    assert destination.read_bytes() == scan.read_bytes()


@pytest.fixture
def full_case(store: Store, tmp_path: Path) -> int:
    case_id = new_case(store)
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, date(2026, 4, 15), time(9, 0)),
    ).unwrap()
    item_id = add_item(store, case_id, f"Declaration of {GIVEN} {FAMILY}")
    evidence.attach_path(store=store, evidence_id=item_id, path=png_file(tmp_path)).unwrap()
    cases.change_stage(
        store=store, case_id=case_id, stage=Stage.PREPARING, on=TODAY, note=f"{GIVEN} signed"
    ).unwrap()
    return case_id


def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, qtlog, page, full_case) -> None:  # type: ignore[no-untyped-def]
    page.show_case(full_case)
    page.evidence.table.selectRow(0)
    models = [
        page.deadlines.model,
        page.hearings.model,
        page.evidence.model,
        page.evidence.files.model,
        page.client_tab.family_model,
        page.notes.model,
    ]
    kinds = (
        DeadlineTableModel,
        HearingTableModel,
        EvidenceTableModel,
        EvidenceFileTableModel,
        FamilyTableModel,
        HistoryTableModel,
    )
    for model, kind in zip(models, kinds, strict=True):
        assert isinstance(model, kind)
        assert model.rowCount() > 0
        assert model.index(0, 0).data(RowRole.ID) is not None
        qtmodeltester.check(model, force_py=True)  # and again on every reset below
        qtmodeltester.check(model)  # Qt's own C++ tester too; it reports by warning
    page.clear()
    page.reload()
    assert all(model.rowCount() > 0 for model in models[:3])
    assert not [r.message for r in qtlog.records if "FAIL" in r.message]


def test_lock_leaves_no_client_data_on_screen_or_in_any_model(
    qtbot, session, page, full_case
) -> None:  # type: ignore[no-untyped-def]
    page.show_case(full_case)
    page.deadlines.table.selectRow(0)
    page.evidence.table.selectRow(0)
    page.evidence.files.table.selectRow(0)
    qtbot.waitUntil(lambda: not page.evidence.files.preview.pixmap().isNull(), timeout=5000)
    page.notes.note.setPlainText(f"Call {GIVEN} tomorrow")
    qtbot.mouseClick(page.client_tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, EditClientDialog)
    qtbot.keyClicks(dialog.phone, "555")

    session.close()  # what auto-lock and Ctrl+L do

    assert not any(d.isVisible() for d in page.findChildren(QDialog))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert page.findChildren(FormDialog) == []  # closed dialogs are gone, fields and all
    tables = page.findChildren(RowTableModel)
    # 7 + the entries, status and family-filing tables (issue 18 § 2)
    assert len(tables) == 10 and all(m.rowCount() == 0 for m in tables)
    names = (GIVEN, FAMILY.upper(), FAMILY, CHILD, "123-456-789")
    texts = [label.text() for label in page.findChildren(QLabel)]
    texts += [page.notes.note.toPlainText(), page.windowTitle()]
    for model in page.findChildren(QAbstractItemModel):
        texts += [
            str(model.index(row, column).data())
            for row in range(model.rowCount())
            for column in range(model.columnCount())
        ]
    assert not [t for t in texts if any(n in t for n in names)]
    assert page.evidence.files.preview.pixmap().isNull()
    assert page.stack.currentIndex() == 0


def interactive_widgets(root: QWidget) -> list[QWidget]:
    kinds = (
        QLineEdit,
        QAbstractButton,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
        QPlainTextEdit,
        QTabWidget,
    )
    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds) and not _internal(w)]


def _internal(widget: QWidget) -> bool:
    """Qt's own parts of a composite (a spin box's line edit, a tab bar's scroll arrows)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QAbstractItemView | QTabBar):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r} {w.accessibleName()!r} in {w.parentWidget()}"
        for w in interactive_widgets(root)
        if not w.objectName() or not w.accessibleName()
    ]


def test_every_interactive_widget_and_dialog_field_is_named(
    qtbot, session, page, full_case
) -> None:  # type: ignore[no-untyped-def]
    page.show_case(full_case)
    assert unnamed(page) == []
    case = page.case
    hearing, deadline = case.hearings[0], case.deadlines[0]
    dialogs = [
        ReferralDialog(session, case, page),
        MoveStageDialog(session, case, Stage.CLOSED, page),
        EditClientDialog(session, case.client, page),
        AddFamilyMemberDialog(session, case.client.id, page),
        RecordMoveDialog(session, case.client.id, page),
        ScheduleHearingDialog(session, case, page),
        HearingOutcomeDialog(session, hearing, page),
        WaiveDeadlineDialog(session, deadline, page),
        AddDeadlineDialog(session, case, page),
        CaseFactDialog(session, case, page),
        AddEvidenceDialog(session, case.id, parent=page),
    ]
    for dialog in dialogs:
        assert dialog.objectName() and GIVEN not in dialog.windowTitle()
        assert unnamed(dialog) == [], dialog.objectName()
        dialog.discard()


def test_a_recorded_case_date_adds_a_deadline_marked_for_the_attorney(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store))
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.fact_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, CaseFactDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(CaseFactKind.EXCEPTION_EVENT_END))
    assert dialog.on.isVisibleTo(dialog) and not dialog.number.isVisibleTo(dialog)
    dialog.on.set_value(date(2026, 2, 10))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = row_with(tab.table, DeadlineColumn.TITLE, "reasonable period")
    index = tab.table.model().index(row, DeadlineColumn.TITLE)
    assert index.data(DeadlineRole.NEEDS_ATTORNEY_CHECK) is True
    assert "⚠ verify with your attorney" in index.data()
    tab.table.selectRow(row)
    assert tab.provenance.attorney_check.isVisible()
    assert "not been verified" in tab.provenance.flags.text()


def test_a_judge_ordered_deadline_replaces_the_rules_default(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, date(2026, 4, 15), time(9, 0)),
    ).unwrap()
    page.show_case(case_id)
    tab = page.deadlines
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, AddDeadlineDialog)
    assert dialog.origin.value() is DeadlineOrigin.JUDGE_ORDERED
    assert dialog.replaces.isVisibleTo(dialog)
    dialog.replaces.setCurrentIndex(dialog.replaces.findData("master-calendar-filing"))
    qtbot.keyClicks(dialog.title, "Written pleadings (ordered by the judge)")
    dialog.due_on.set_value(date(2026, 3, 20))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    ordered = row_with(tab.table, DeadlineColumn.TITLE, "Written pleadings")
    assert cell(tab.table, ordered, DeadlineColumn.ORIGIN) == "Judge-ordered"
    default = row_with(tab.table, DeadlineColumn.TITLE, "Filing before a master calendar")
    assert cell(tab.table, default, DeadlineColumn.STATUS) == "Replaced"


def test_a_detained_client_needs_a_facility_shown_beside_it(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store))
    qtbot.mouseClick(page.client_tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, EditClientDialog)
    dialog.detention.set_value(DetentionStatus.DETAINED)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "detention facility" in dialog.problem_text("detention_facility")
    qtbot.keyClicks(dialog.detention_facility, "Joe Corley Processing Center")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Joe Corley" in page.client_tab.detention.text()
    stored = clients.get_client(store=store, client_id=page.case.client.id)
    assert stored.detention is DetentionStatus.DETAINED
