"""The window as a user meets it: unlock, search as you type, open a case, lock (by hand or idle)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QWidget

from clinic.domain.drafts import CaseDraft, ClientDraft, DeadlineDraft
from clinic.domain.enums import ClaimType
from clinic.services import cases, clients, lifecycle, schedule, search, settings
from clinic.storage.store import Store
from clinic.ui.application import ClinicApp, StoreGate
from clinic.ui.case_table_model import PAGE_SIZE, CaseTableModel, Column
from clinic.ui.cases_page import CasesPage
from clinic.ui.main_window import MainWindow
from clinic.ui.passphrase_dialogs import FirstRunDialog, UnlockDialog
from clinic.ui.recovery_dialog import RecoveryDialog
from clinic.ui.session import UiSession

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 28)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "data")
    opened = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="ui-test")
    yield opened
    opened.lock()


def add_case(store: Store, family: str, given: str, a_number: str = "") -> int:
    client_id = clients.intake_client(
        store=store, client=ClientDraft(family, given, a_number=a_number), today=TODAY
    ).unwrap()
    return cases.open_case(
        store=store, client_id=client_id, case=CaseDraft(ClaimType.DEFENSIVE), today=TODAY
    ).unwrap()


def texts_shown(root: QWidget) -> str:
    """Everything a person could read: labels and every item model's display data."""
    shown = [label.text() for label in root.findChildren(QLabel)]
    top = QModelIndex()
    for model in root.findChildren(QAbstractItemModel):
        try:
            rows, columns = model.rowCount(top), model.columnCount(top)
        except TypeError:  # Qt-internal list models hide columnCount from Python
            rows, columns = model.rowCount(top), 1
        for row in range(rows):
            for column in range(columns):
                shown.append(str(model.index(row, column, top).data() or ""))
    return "\n".join(shown)


def test_search_as_you_type_filters_by_accentless_name_and_a_number(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    add_case(store, "Núñez", "José", "A-201-000-001")
    add_case(store, "Смирнов", "Алексей", "A-201-000-002")
    page = CasesPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.reload()
    assert page.model.rowCount() == 2
    qtbot.keyClicks(page.search_field, "nunez")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, Column.CLIENT).data() == "NÚÑEZ, José"
    page.search_field.clear()
    qtbot.keyClicks(page.search_field, "201-000-002")
    qtbot.waitUntil(lambda: page.model.index(0, Column.A_NUMBER).data() == "A-201-000-002")
    assert page.model.rowCount() == 1
    page.search_field.clear()
    qtbot.keyClicks(page.search_field, "nobody like this")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert "No case matches" in page.empty_state.text()


def test_from_the_search_enter_opens_the_one_case_found_and_down_goes_to_the_list(
    qtbot, store: Store
) -> None:  # type: ignore[no-untyped-def]
    """Typed as a person types, Enter at once (before the search's delay): the one match opens;
    with several, Enter and Down go to the list's first row, and Enter there opens it (found
    walking the window, 2026-12-07: Down and Enter in the search did nothing)."""
    wanted = add_case(store, "Augustin", "Ricardo")
    add_case(store, "Augustin", "Jean-Robert")
    add_case(store, "Bonilla", "Erick")
    session = UiSession(store, today=lambda: TODAY)
    opened: list[int] = []
    session.case_requested.connect(opened.append)
    page = CasesPage(session)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    page.search_field.setFocus()
    qtbot.keyClicks(page.search_field, "ricardo")
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert opened == [wanted]
    page.search_field.clear()
    qtbot.keyClicks(page.search_field, "augustin")
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert opened == [wanted]  # two match: the list is where to choose
    assert page.focusWidget() is page.table
    assert page.table.currentIndex().row() == 0
    page.search_field.setFocus()
    qtbot.keyClick(page.search_field, Qt.Key.Key_Down)
    assert page.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(opened) == 2 and opened[1] == page.selected_case_id()
    page.search_field.clear()
    qtbot.keyClicks(page.search_field, "nobody like this")
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert len(opened) == 2 and "No case matches" in page.empty_state.text()


def test_filters_and_lazy_paging(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    for index in range(PAGE_SIZE + 5):
        add_case(store, f"Family{index:04d}", "Given")
    page = CasesPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.reload()
    assert page.model.rowCount() == PAGE_SIZE
    assert page.model.canFetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == PAGE_SIZE + 5
    page.claim_filter.setCurrentIndex(page.claim_filter.findData(ClaimType.AFFIRMATIVE))
    assert page.model.rowCount() == 0
    assert "0 case" in page.count_label.text()


def test_opening_a_case_from_the_list_and_going_back(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    case_id = add_case(store, "García López", "María", "A-201-000-003")
    window = MainWindow(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.find_case()
    assert window.stack.currentWidget() is window.cases_page
    window.cases_page.table.setCurrentIndex(window.cases_page.model.index(0, 0))
    qtbot.keyClick(window.cases_page.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.case_page
    assert "GARCÍA LÓPEZ" in texts_shown(window.case_page)
    assert window.windowTitle() == "Clinic"
    window.back()
    assert window.stack.currentWidget() is window.cases_page
    assert case_id


def test_new_intake_shortcut_opens_the_intake_flow(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[bool] = []
    monkeypatch.setattr(
        "clinic.ui.main_window.IntakeDialog.exec", lambda self: opened.append(True) or 0
    )
    window = MainWindow(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(window)
    action = window.findChild(QAction, "newIntakeAction")
    assert action.shortcut().toString() == "Ctrl+N"
    action.trigger()
    assert opened == [True]


def test_idle_auto_lock_clears_every_view_and_unlocks_again(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    add_case(store, "Núñez", "José", "A-201-000-004")
    settings.update_settings(
        store=store, settings=settings.ClinicSettings(auto_lock_minutes=1)
    ).unwrap()
    data_dir = store.datadir
    gate = StoreGate(data_dir)
    reopened: list[Store] = []

    def obtain_again() -> Store:
        reopened.append(lifecycle.unlock_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="t"))
        return reopened[-1]

    app = ClinicApp(QApplication.instance(), gate, store)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    app.window.find_case()
    assert "NÚÑEZ" in texts_shown(app.window)
    app.idle.set_idle_ms(50)
    locked_views: list[str] = []
    monkeypatch.setattr(
        gate, "obtain", lambda: (locked_views.append(texts_shown(app.window)), obtain_again())[1]
    )
    qtbot.waitUntil(lambda: bool(reopened), timeout=3000)
    assert store.locked
    assert "NÚÑEZ" not in locked_views[0] and "201-000-004" not in locked_views[0]
    app.window.find_case()
    qtbot.waitUntil(lambda: "NÚÑEZ" in texts_shown(app.window))
    app.shutdown()


def test_first_run_dialog_refuses_weak_or_mismatched_passphrases(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog(keychain_available=False)
    qtbot.addWidget(dialog)
    assert dialog.use_passphrase.isChecked() and not dialog.use_passphrase.isEnabled()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.passphrase, "short")
    ok.click()
    assert "at least 10" in dialog.message.text()
    assert dialog.result() == 0
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirm.setText(PASSPHRASE + "x")
    ok.click()
    assert "differ" in dialog.message.text()
    dialog.confirm.setText(PASSPHRASE)
    ok.click()
    assert dialog.result() == 1
    assert dialog.chosen_passphrase() == PASSPHRASE


def test_unlock_with_a_wrong_then_the_right_passphrase(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    data_dir = store.datadir
    store.lock()
    attempts = iter(["wrong passphrase", PASSPHRASE])
    shown_errors: list[str] = []

    def fake_exec(dialog: UnlockDialog) -> int:
        if dialog.message.text():
            shown_errors.append(dialog.message.text())
        dialog.passphrase.setText(next(attempts))
        return 1

    monkeypatch.setattr(UnlockDialog, "exec", fake_exec)
    reopened = StoreGate(data_dir).obtain()
    assert reopened is not None and not reopened.locked
    assert shown_errors and "passphrase is not correct" in shown_errors[0]
    reopened.lock()


def test_lost_passphrase_recovered_with_the_kit_key_in_the_window(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    key = store.key_hex_for_recovery_kit()
    data_dir = store.datadir
    store.lock()

    def unlock_exec(dialog: UnlockDialog) -> int:
        dialog.findChild(QWidget, "useRecoveryKey").click()
        return 1

    def recovery_exec(dialog: RecoveryDialog) -> int:
        dialog.use_keychain.setChecked(False)
        dialog.key.setText(" ".join(key[i : i + 8] for i in range(0, 64, 8)).upper())
        dialog.passphrase.setText("a brand new passphrase")
        dialog.confirm.setText("a brand new passphrase")
        dialog._accept_if_valid()
        return dialog.result()

    monkeypatch.setattr(UnlockDialog, "exec", unlock_exec)
    monkeypatch.setattr(RecoveryDialog, "exec", recovery_exec)
    reopened = StoreGate(data_dir).obtain()
    assert reopened is not None
    reopened.lock()
    again = lifecycle.unlock_store(
        data_dir=data_dir, passphrase="a brand new passphrase", actor="t"
    )
    again.lock()


def test_case_table_model_passes_the_model_tester(qtmodeltester, store: Store) -> None:  # type: ignore[no-untyped-def]
    for index in range(5):
        add_case(store, f"Family{index}", "Given", f"A-201-100-00{index}")
    model = CaseTableModel()
    model.reset(
        lambda offset, limit: search.list_cases(
            store=store, today=TODAY, offset=offset, limit=limit
        )
    )
    model.fetchMore()
    assert model.rowCount() == 5
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_back_up_now_from_the_file_menu_and_the_status_line(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    add_case(store, "Núñez", "José")
    folder = tmp_path / "usb"
    folder.mkdir()
    window = MainWindow(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(window)
    assert "No backup folder" in window.backup_label.text()
    monkeypatch.setattr(
        "clinic.ui.file_dialogs.QFileDialog.getExistingDirectory", lambda *a, **k: str(folder)
    )
    told: list[str] = []
    monkeypatch.setattr(
        "clinic.ui.store_actions.QMessageBox.information", lambda _w, _t, text: told.append(text)
    )

    def keep_folder(_w, _t, text, *_args):  # type: ignore[no-untyped-def]
        told.append(text)  # "… Use this folder for daily backups?" (tested in its own file)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr("clinic.ui.store_actions.QMessageBox.question", keep_folder)
    window.findChild(QAction, "backupAction").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    (made,) = folder.glob("*.clinicbackup")
    assert str(made) in told[0]
    assert "Núñez".encode() not in made.read_bytes()
    settings.update_settings(
        store=store, settings=settings.ClinicSettings(backup_folder=str(folder))
    ).unwrap()
    window.session.publish(
        settings.update_settings(
            store=store,
            settings=settings.ClinicSettings(backup_folder=str(folder), clinic_name="x"),
        ).changes
    )
    assert window.backup_label.text().startswith("Last backup:")


def test_today_caps_the_overdue_list_and_shows_all_on_request(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    case_id = add_case(store, "Reyes", "Ana")
    for day in (2, 5, 9, 14, 20):  # five overdue deadlines, the oldest on November 2
        schedule.record_deadline(
            store=store,
            case_id=case_id,
            deadline=DeadlineDraft("task", f"Overdue task {day}", date(2026, 11, day)),
        ).unwrap()
    monkeypatch.setattr("clinic.ui.today_page.TODAY_OVERDUE_LIMIT", 2)
    window = MainWindow(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    page = window.today_page
    more = page.more_overdue

    def listed() -> str:  # every line under the day (and "Overdue") groups of the agenda
        model, top = page.model, QModelIndex()
        return "\n".join(
            str(model.index(row, column, model.index(group, 0, top)).data() or "")
            for group in range(model.rowCount(top))
            for row in range(model.rowCount(model.index(group, 0, top)))
            for column in range(model.columnCount(top))
        )

    assert more.isVisible() and more.text() == "and 3 more overdue — show all"
    assert more.accessibleName() and more.objectName() == "todayMoreOverdue"
    assert "Overdue: 5" in page.summary.text()  # the count is of every overdue deadline
    shown = listed()
    assert "Overdue task 2" in shown and "Overdue task 5" in shown  # the two oldest
    assert "Overdue task 20" not in shown
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert not more.isVisible()
    shown = listed()
    assert all(f"Overdue task {day}" in shown for day in (2, 5, 9, 14, 20))
    assert "Overdue: 5" in page.summary.text()


def test_at_start_up_the_window_paints_first_and_today_fills_just_after(
    qtbot, store: Store
) -> None:  # type: ignore[no-untyped-def]
    case_id = add_case(store, "Reyes", "Ana")
    schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft("task", "Call the client back", date(2026, 12, 2)),
    ).unwrap()
    window = MainWindow(UiSession(store, today=lambda: TODAY), today_after_paint=True)
    qtbot.addWidget(window)
    page = window.today_page
    # Before the first paint: the date and "Loading…", no list read yet.
    assert page.is_loading()
    assert page.stack.currentWidget() is page.loading_state
    assert page.loading_state.text() == "Loading today's hearings and deadlines…"
    assert page.heading.text() and page.model.item_count() == 0
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.show()
    assert not page.is_loading()
    assert page.stack.currentWidget() is page.list_panel
    assert page.model.item_count() == 1
    assert "Call the client back" in page.model.items()[0].what


def test_the_window_modules_load_without_the_pdf_and_calendar_libraries() -> None:
    """Start-up imports the window, not reportlab/PIL/icalendar (~0.3 s): the services that
    build PDFs and .ics files are imported where they are used."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import sys, clinic.app, clinic.ui.application, clinic.ui.main_window\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'PIL', 'icalendar'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
