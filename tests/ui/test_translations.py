"""The Spanish staff interface: the catalogue is complete and current, the translators (ours and
Qt's) load, and every page and dialog shown in Spanish has no English left and no cut-off text."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QDate, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QWidget,
)

from clinic.domain.enums import Stage
from clinic.domain.validation import Problem
from clinic.services import cases, lifecycle, search
from clinic.services.demo import fill_demo_data
from clinic.storage.store import Store
from clinic.ui.case_view.case_words import problem_words
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
from clinic.ui.case_view.evidence_dialogs import AddEvidenceDialog
from clinic.ui.case_view.hearing_dialogs import HearingOutcomeDialog, ScheduleHearingDialog
from clinic.ui.case_view.stage_dialogs import MoveStageDialog, ReferralDialog
from clinic.ui.intake import IntakeDialog
from clinic.ui.main_window import MainWindow
from clinic.ui.passphrase_dialogs import FirstRunDialog, UnlockDialog
from clinic.ui.recovery_dialog import RecoveryDialog
from clinic.ui.session import UiSession
from clinic.ui.settings_staff import AddStaffDialog
from clinic.ui.translations import Translations, current_language, locale_for

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 3, 2)
WINDOW = (1280, 800)  # a common laptop screen: the window must fit it in every language


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_tool", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


TOOL = load_tool()


def english_sources() -> set[str]:
    """Source texts whose Spanish differs: seeing one in the Spanish window means it was missed."""
    found = set()
    for message in TOOL.read_messages(TOOL.catalogue("es")):
        if "%" in message.source or "{" in message.source:
            continue  # shown only after the values are filled in
        source = plain(message.source)
        if source and source != plain(message.translation) and any(c.isalpha() for c in source):
            found.add(source)
    return found


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("spanish")
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(folder / "d"),
        passphrase="correct horse battery staple",
        actor="t",
    )
    fill_demo_data(store=store, clients=6, seed=3, today=TODAY)
    yield store
    store.lock()


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[Translations]:
    before = QLocale()
    translations = Translations(qapp)
    translations.apply("es")
    yield translations
    translations.remove()
    QLocale.setDefault(before)


@pytest.fixture
def session(demo_store: Store) -> UiSession:
    return UiSession(demo_store, today=lambda: TODAY)


def busiest_case(store: Store) -> int:
    listed = search.list_cases(store=store, today=TODAY)
    case = max(listed, key=lambda c: (c.next_hearing is not None, c.stage is Stage.HEARINGS))
    return int(case.id)


# -- what the user would see -----------------------------------------------------------------


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can read in ``root`` as it is shown now."""
    title = root.windowTitle()  # "Clinic" is the program's name in every language
    found: list[tuple[str, str]] = [("window title", title)] if title != "Clinic" else []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        found.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((where, widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        if isinstance(widget, QLineEdit):
            found.append((f"{where} placeholder", widget.placeholderText()))
        if isinstance(widget, QTabBar):
            found += [(where, widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            found += [(where, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            count = model.columnCount() if widget.orientation() == Qt.Orientation.Horizontal else 0
            found += [
                (where, str(model.headerData(i, widget.orientation()) or "")) for i in range(count)
            ]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += [(f"{where} cell", text) for text in cell_texts(widget.model())]
    return [(where, text) for where, text in found if text]


def cell_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """What the first rows of a list, table or tree show (and their children's)."""
    parent = parent or QModelIndex()
    texts = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep columnCount private
        columns = 1
    for row in range(min(model.rowCount(parent), 40)):
        for column in range(columns):
            index = model.index(row, column, parent)
            texts.append(str(index.data() or ""))
            texts.append(str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
        if not parent.isValid():
            texts += cell_texts(model, model.index(row, 0, parent))
    return texts


def english_left(root: QWidget) -> list[str]:
    sources = english_sources()
    return [f"{where}: {text!r}" for where, text in visible_texts(root) if plain(text) in sources]


def clipped(root: QWidget) -> list[str]:
    """Texts that do not fit the room they were given."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 1:
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    problems.append(
                        f"{where} {widget.text()!r}: {needed} px high > {widget.height()}"
                    )
            elif widget.sizeHint().width() > widget.width() + 1:
                problems.append(
                    f"{where} {widget.text()!r}: {widget.sizeHint().width()} px wide > {widget.width()}"
                )
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"{where} {widget.text()!r}: needs {widget.sizeHint().width()} px")
        elif isinstance(widget, QGroupBox) and widget.title():
            needed = widget.fontMetrics().horizontalAdvance(plain(widget.title()))
            if needed > widget.width():
                problems.append(f"{where} {widget.title()!r}: needs {needed} px")
        elif isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{where}: its content is wider than the window and scrolls sideways")
        elif isinstance(widget, QTabBar):
            needed = sum(widget.tabSizeHint(i).width() for i in range(widget.count()))
            if needed > widget.width() + 1:
                problems.append(f"{where}: tabs need {needed} px > {widget.width()}")
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            for section in range(widget.count()):
                if widget.isSectionHidden(section):
                    continue
                mode = widget.sectionResizeMode(section)
                last = section == widget.count() - 1 and widget.stretchLastSection()
                cut = widget.sectionSizeHint(section) > widget.sectionSize(section) + 1
                if mode == QHeaderView.ResizeMode.Interactive and not last and cut:
                    text = widget.model().headerData(section, Qt.Orientation.Horizontal)
                    problems.append(f"{where} heading {text!r} is cut")
    return problems


def shown(widget: QWidget, qtbot, size: tuple[int, int] | None = None) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    QApplication.processEvents()  # deferred column fitting runs on the next turn of the loop
    return widget


def mnemonic_clashes(root: QWidget) -> list[str]:
    """Two visible labels, buttons or tabs with the same Alt+letter in one window."""
    seen: dict[str, str] = {}
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts = []
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            found = re.search(r"&([^&\s])", text.replace("&&", ""))
            if found is None:
                continue
            key = found.group(1).lower()
            if key in seen:
                problems.append(f"Alt+{key}: {seen[key]!r} and {text!r}")
            seen[key] = text
    return problems


def check(widget: QWidget) -> list[str]:
    return english_left(widget) + clipped(widget) + mnemonic_clashes(widget)


# -- the catalogue ----------------------------------------------------------------------------


def test_catalogue_is_complete_and_current() -> None:
    """Every user-visible string in clinic/ui has a finished Spanish translation, and the
    committed .ts matches what lupdate extracts now (run `make translations` to refresh it)."""
    assert TOOL.problems("es") == []


def test_the_completeness_check_sees_an_unfinished_and_a_missing_text(tmp_path: Path) -> None:
    """Edits a copy of the catalogue: one text marked unfinished, another removed (the deadline
    rule names, which come from the rule file, not from code others are editing)."""
    root = ET.parse(TOOL.catalogue("es")).getroot()
    rules = next(c for c in root.iter("context") if c.findtext("name") == "DeadlineRules")
    messages = {m.findtext("source"): m for m in rules.iter("message")}
    one_year = messages["One-year asylum filing deadline"].find("translation")
    assert one_year is not None and one_year.text
    one_year.set("type", "unfinished")
    rules.remove(messages["Judge-ordered deadline"])
    broken = tmp_path / "clinic_es.ts"
    ET.ElementTree(root).write(broken, encoding="utf-8", xml_declaration=True)
    found = TOOL.problems("es", broken)
    assert "untranslated (unfinished): [DeadlineRules] 'One-year asylum filing deadline'" in found
    assert "not in the catalogue yet: [DeadlineRules] 'Judge-ordered deadline'" in found


def test_translations_keep_their_placeholders() -> None:
    for message in TOOL.read_messages(TOOL.catalogue("es")):
        for marker in ("%1", "%2", "%3", "%n", "{0}", "{1}", "{name}", "{number}", "{field}"):
            if marker in message.source and message.translation:
                assert marker in message.translation, (message.context, message.source)


# -- loading ----------------------------------------------------------------------------------


def test_spanish_loads_our_words_qt_words_and_the_locale(spanish, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("MainWindow", "Settings") == "Configuración"
    assert (
        QCoreApplication.translate("enum.Relief", "Withholding of removal")
        == "Suspensión de la expulsión (withholding of removal)"
    )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"
    assert current_language() == "es"
    long_date = QLocale().toString(QDate(2027, 3, 2), QLocale.FormatType.LongFormat)
    assert long_date == "martes, 2 de marzo de 2027"
    assert QLocale().toString(1234.5, "f", 1) == "1,234.5"  # es_US groups like the US
    assert problem_words(Problem.REQUIRED) != "This field is required."


def test_english_removes_the_translators(spanish) -> None:  # type: ignore[no-untyped-def]
    spanish.apply("en")
    assert QCoreApplication.translate("MainWindow", "Settings") == "Settings"
    assert current_language() == "en"


def test_a_spanish_computer_keeps_its_own_formats() -> None:
    mexico = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
    assert locale_for("es", mexico) == mexico
    assert locale_for("es", QLocale("en_US")).name() == "es_US"
    assert locale_for("en", QLocale.c()).name() == "en_US"


# -- every screen in Spanish ------------------------------------------------------------------


def test_main_pages_in_spanish(spanish, session, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = shown(MainWindow(session), qtbot, WINDOW)
    problems = []
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        problems += [f"page {row}: {p}" for p in check(window)]
    assert window.minimumSizeHint().width() <= WINDOW[0]
    assert problems == []
    assert window.menuBar().actions()[0].text() == "&Archivo"


def test_case_view_tabs_in_spanish(spanish, session, demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = shown(MainWindow(session), qtbot, WINDOW)
    window.show_case(busiest_case(demo_store))
    tabs = window.case_page.tabs
    problems = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        QApplication.processEvents()
        problems += [f"tab {tabs.tabText(index)}: {p}" for p in check(window)]
    assert window.width() <= WINDOW[0], "a tab needs more than a laptop's width"
    assert problems == []


def test_intake_steps_in_spanish(spanish, session, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(IntakeDialog(session), qtbot)
    problems = []
    for step in range(len(dialog.pages)):
        dialog._show_step(step)
        QApplication.processEvents()
        problems += [f"step {step + 1}: {p}" for p in check(dialog)]
    assert problems == []
    dialog.discard()


def case_dialogs(session: UiSession, store: Store) -> list[QDialog]:
    case = cases.get_case(store=store, case_id=busiest_case(store))
    assert case is not None
    dialogs: list[QDialog] = [
        EditClientDialog(session, case.client),
        AddFamilyMemberDialog(session, case.client.id),
        RecordMoveDialog(session, case.client.id),
        ScheduleHearingDialog(session, case),
        AddDeadlineDialog(session, case),
        CaseFactDialog(session, case),
        AddEvidenceDialog(session, case.id),
        MoveStageDialog(session, case, Stage.DECISION),
        ReferralDialog(session, case),
    ]
    if case.hearings:
        dialogs.append(HearingOutcomeDialog(session, case.hearings[0]))
    if case.deadlines:
        dialogs.append(WaiveDeadlineDialog(session, case.deadlines[0]))
    return dialogs


def test_dialogs_in_spanish(spanish, session, demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialogs = [
        FirstRunDialog(keychain_available=False),
        UnlockDialog(),
        RecoveryDialog(keychain_available=True),
        AddStaffDialog(lambda _draft: None),  # type: ignore[arg-type,return-value]
        *case_dialogs(session, demo_store),
    ]
    problems = []
    for dialog in dialogs:
        shown(dialog, qtbot)
        problems += [f"{dialog.objectName() or type(dialog).__name__}: {p}" for p in check(dialog)]
        dialog.hide()  # not close(): form dialogs delete themselves on close, before qtbot does
    assert problems == []


def test_changing_the_language_in_settings_rebuilds_the_window(  # type: ignore[no-untyped-def]
    spanish, session, qtbot, monkeypatch, tmp_path
) -> None:
    from clinic.ui.application import ClinicApp  # noqa: PLC0415 - needs the app's translators

    monkeypatch.setenv("CLINIC_CONFIG_DIR", str(tmp_path))
    app = object.__new__(ClinicApp)  # only the window handling, without unlock and idle lock
    app.app = QApplication.instance()
    app.translations = spanish
    app.session = session
    app.window = shown(app._make_window(), qtbot, WINDOW)
    old = app.window
    box = old.settings_page.language_box
    box.combo.setCurrentIndex(box.combo.findData("en"))
    box.combo.activated.emit(box.combo.currentIndex())
    QApplication.processEvents()
    assert app.window is not old
    qtbot.addWidget(app.window)
    assert app.window.menuBar().actions()[0].text() == "&File"
    assert app.window.stack.currentWidget() is app.window.settings_page
    assert (tmp_path / "preferences.json").read_text(encoding="utf-8").count('"en"') == 1


def test_export_import_and_pdf_dialogs_in_spanish(spanish, session, demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from clinic.ui.docket_dialog import DocketDialog  # noqa: PLC0415 - one test uses them
    from clinic.ui.export_dialogs import (  # noqa: PLC0415
        BundlePassphraseDialog,
        CalendarExportDialog,
        FunderReportDialog,
    )
    from clinic.ui.handout_dialog import HandoutDialog  # noqa: PLC0415
    from clinic.ui.import_wizard.wizard import ImportWizard  # noqa: PLC0415
    from clinic.ui.packet_dialog import PacketDialog  # noqa: PLC0415

    paralegals = ["Marcus Bell", "Nadia Haddad"]
    dialogs = [
        DocketDialog(TODAY, TODAY, paralegals),
        CalendarExportDialog(TODAY, paralegals),
        FunderReportDialog(TODAY),
        BundlePassphraseDialog(),
        HandoutDialog(),
        PacketDialog(session, busiest_case(demo_store)),
        ImportWizard(session),
    ]
    problems = []
    for dialog in dialogs:
        shown(dialog, qtbot)
        problems += [f"{dialog.objectName() or type(dialog).__name__}: {p}" for p in check(dialog)]
        dialog.close()
    assert problems == []
