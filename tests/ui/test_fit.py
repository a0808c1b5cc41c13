"""No text cut off, in English and in Spanish: the deadline's "Why this date" panel, the checklist
tab, the first-start dialog with its passphrase error, and the status bar at start without a
backup folder. The check (clinic.ui.fit_check) measures every visible label and table cell."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QRect
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType
from clinic.services import cases, clients, lifecycle
from clinic.storage.store import Store
from clinic.ui.application import ClinicApp, StoreGate
from clinic.ui.case_view import CaseViewPage
from clinic.ui.case_view.deadline_table_model import Column as DeadlineColumn
from clinic.ui.case_view.row_table_model import RowRole
from clinic.ui.fit_check import unfit_texts
from clinic.ui.passphrase_dialogs import FirstRunDialog
from clinic.ui.session import UiSession
from clinic.ui.translations import Translations

TODAY = date(2026, 12, 7)


@pytest.fixture(params=["en", "es"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    translations = Translations(qapp)
    translations.apply(request.param)
    yield request.param
    translations.remove()
    QLocale.setDefault(before)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    opened = lifecycle.init_store(
        data_dir=data_dir, passphrase="correct horse battery staple", actor="t"
    )
    yield opened
    opened.lock()


def affirmative_case(store: Store) -> int:
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(
            "Mejía Flores",
            "Rosa Elena",
            a_number="A212345678",
            last_arrival_on=date(2026, 4, 7),
        ),
        today=TODAY,
    ).unwrap()
    return cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(ClaimType.AFFIRMATIVE, forum_name="Houston Asylum Office"),
        today=TODAY,
    ).unwrap()


def settle() -> None:
    for _ in range(3):  # deferred layout and column fitting run on the next turns of the loop
        QApplication.processEvents()


@pytest.fixture
def page(qtbot, store: Store) -> CaseViewPage:  # type: ignore[no-untyped-def]
    shown = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(shown)
    shown.resize(1190, 720)  # the case page inside a 1366 x 768 window, as on the laptop
    shown.show()
    return shown


# -- the check itself ----------------------------------------------------------------------


def test_the_check_sees_a_squeezed_label_an_elided_cell_and_passes_a_fitting_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: PLC0415

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    squeezed = QLabel("A long sentence that needs several lines at this narrow width. " * 3)
    squeezed.setWordWrap(True)
    squeezed.setFixedSize(160, 20)
    fits = QLabel("Short")
    model = QStandardItemModel(1, 2)
    model.setItem(0, 0, QStandardItem("A cell text far too long for a column forty pixels wide"))
    tipped = QStandardItem("Another cell text far too long for its column")
    tipped.setToolTip("Another cell text far too long for its column")
    model.setItem(0, 1, tipped)
    table = QTableView()
    table.setModel(model)
    table.setColumnWidth(0, 40)
    table.setColumnWidth(1, 40)
    for widget in (squeezed, fits, table):
        layout.addWidget(widget)
    window.resize(400, 300)
    window.show()
    settle()
    found = unfit_texts(window)
    assert any("A long sentence" in p and "high" in p for p in found), found
    assert any("far too long for a column" in p for p in found), found
    assert not any("'Short'" in p for p in found)
    assert not any("Another cell" in p for p in found)  # its tooltip gives the full text
    squeezed.setFixedSize(QRect(0, 0, 160, squeezed.heightForWidth(160)).size())
    settle()
    assert not any("A long sentence" in p for p in unfit_texts(window))


# -- the screens -----------------------------------------------------------------------------


def test_why_this_date_shows_the_whole_source(lang, qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(affirmative_case(store))
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    table = tab.table
    row = next(
        r
        for r in range(table.model().rowCount())
        if "Minasyan" in table.model().index(r, DeadlineColumn.TITLE).data(RowRole.ROW).source
    )
    table.selectRow(row)
    settle()
    panel = tab.provenance
    assert "Matter of F-P-R-" in panel.source.text()
    assert unfit_texts(panel.window()) == []
    # a narrow panel on a short window: the panel grows taller and its scroll area scrolls
    splitter = tab.findChild(QSplitter, "deadlineSplitter")
    splitter.setSizes([900, 200])
    page.resize(1190, 480)
    settle()
    assert unfit_texts(panel.window()) == []


def test_checklist_columns_are_readable(lang, qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(affirmative_case(store))
    page.tabs.setCurrentWidget(page.checklist)
    settle()
    assert page.checklist.model.rowCount() > 10
    assert unfit_texts(page.window()) == []


def test_first_run_dialog_grows_with_its_passphrase_error(lang, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog(keychain_available=False)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert unfit_texts(dialog) == []
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert dialog.message.text()
    assert unfit_texts(dialog) == []
    dialog.passphrase.setText("correct horse battery staple")
    dialog.confirm.setText("correct horse battery stapl")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert unfit_texts(dialog) == []


def test_start_without_a_backup_folder_says_so_once(lang, qtbot, store) -> None:  # type: ignore[no-untyped-def]
    app = ClinicApp(QApplication.instance(), StoreGate(store.datadir), store)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    app.window.show()
    settle()
    bar = app.window.statusBar()
    assert unfit_texts(bar) == []
    assert bar.currentMessage() == ""
    shown = [w.text() for w in bar.findChildren(QLabel) if w.isVisible() and w.text()]
    backup_words = [t for t in shown if "backup" in t.lower() or "copia" in t.lower()]
    assert len(backup_words) == 1, shown
    app.shutdown()
