"""Take the README's screenshots on a real X display (run by `make screenshots`).

The window is shown maximised on a 1366×768 screen (Xvfb with the openbox window manager, Qt's
xcb platform: tools/with-display.sh starts both when no display is set), so each picture is
what a person on a common laptop sees, title bar included, grabbed from the X server. English
goes to docs/screenshots/, Spanish to docs/screenshots/es/ and the dark scheme (English) to
docs/screenshots/dark/ (same file names). A throwaway data folder with synthetic demo data;
nothing is kept but PNGs.

    bash tools/with-display.sh .venv/bin/python tools/screenshots.py         # all three sets
    bash tools/with-display.sh .venv/bin/python tools/screenshots.py es      # Spanish only
    bash tools/with-display.sh .venv/bin/python tools/screenshots.py dark    # dark only
    bash tools/with-display.sh .venv/bin/python tools/screenshots.py en es i589  # the I-589's only

Besides the top of each case tab, the I-589 tab is shown further down (issue 23): Parts B and C,
the entries table with Part A.III's addresses, and the other lists with Parts D and E
(``case-4-i589-*.png``; rows typed into the throwaway store first, so the tables are not empty).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QGroupBox, QScrollArea, QWidget

from clinic.domain.background import AddressKind, AddressRow, SchoolRow, WorkRow
from clinic.domain.entries import EntryFact
from clinic.domain.enums import ArrivalManner, DeadlineStatus, ForumKind, HearingKind, Stage
from clinic.services import background, cases, entries, lifecycle, search
from clinic.services.demo import fill_demo_data
from clinic.services.dto import CaseView
from clinic.storage import keys
from clinic.ui import look
from clinic.ui.application import use_readable_locale
from clinic.ui.intake import IntakeDialog
from clinic.ui.main_window import MainWindow
from clinic.ui.session import UiSession
from clinic.ui.translations import Translations

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"


@dataclass(frozen=True)
class Variant:
    name: str
    language: str
    dark: bool
    folder: Path


VARIANTS = {
    "en": Variant("en", "en", False, SHOTS),
    "es": Variant("es", "es", False, SHOTS / "es"),
    "dark": Variant("dark", "en", True, SHOTS / "dark"),
}


def settle(seconds: float = 0.4) -> None:
    """Let Qt and the X server finish painting before a grab."""
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + seconds
    while True:
        app.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.02)


def save_screen(out: Path, name: str) -> None:
    """The whole screen as the X server shows it (the window and any dialog over it)."""
    settle()
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    path = out / f"{name}.png"
    screen.grabWindow(0).save(str(path))
    print(path.relative_to(ROOT))


def wait_until(predicate: Callable[[], object], timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end and not predicate():
        settle(0.05)


def tab_name(widget: QWidget, index: int) -> str:
    """File names stay English in every language: the tab's object name ("overviewTab")."""
    name = widget.objectName().removesuffix("Tab")
    return name.lower() if name else str(index + 1)


def show_explanation(tab: QWidget) -> None:
    """On the Deadlines tab, select the first rule deadline so its "how it was counted" shows."""
    table = getattr(tab, "table", None)
    if tab.objectName() != "deadlinesTab" or table is None:
        return
    for row in range(table.model().rowCount()):  # in the order shown (the view may sort)
        table.selectRow(row)
        shown = tab.selected_deadline()  # type: ignore[attr-defined]
        if shown is not None and shown.explanation:
            return


def _open(case: CaseView) -> bool:
    return case.stage is not Stage.CLOSED


def _has_rule(case: CaseView, prefix: str) -> bool:
    return any(
        d.rule_id.startswith(prefix) and d.status is DeadlineStatus.OPEN for d in case.deadlines
    )


# Issue 18's acceptance: the screenshots show the demo's new events. (file name, which demo
# case, which tab, which deadline to select so its reasoning shows)
EVENTS: tuple[tuple[str, Callable[[CaseView], bool], str, str | None], ...] = (
    (
        "event-bond-hearing",
        lambda c: c.detained and any(h.kind is HearingKind.BOND for h in c.hearings),
        "hearings",
        None,
    ),
    (
        "event-bond-appeal",
        lambda c: c.detained and any(d.rule_id == "bond-appeal" for d in c.deadlines),
        "deadlines",
        "bond-appeal",
    ),
    ("event-foia-pending", lambda c: _has_rule(c, "foia-response-due"), "deadlines", "foia-"),
    (
        "event-bia-briefing",
        lambda c: c.stage is Stage.APPEAL and _has_rule(c, "bia-brief"),
        "deadlines",
        "bia-brief",
    ),
    (
        "event-referred-checklist",
        lambda c: _open(c) and c.referred_on is not None,
        "checklist",
        None,
    ),
    (
        "event-unaccompanied-child-checklist",
        lambda c: (
            _open(c)
            and c.client.unaccompanied_child
            and c.forum_kind is ForumKind.IMMIGRATION_COURT
        ),
        "checklist",
        None,
    ),
)


def select_rule(tab: QWidget, prefix: str) -> None:
    """Select the first deadline (as shown) whose rule id starts with ``prefix``."""
    table = tab.table  # type: ignore[attr-defined]
    for row in range(table.model().rowCount()):
        table.selectRow(row)
        shown = tab.selected_deadline()  # type: ignore[attr-defined]
        if shown is not None and shown.rule_id.startswith(prefix):
            table.scrollTo(table.model().index(row, 0))
            return
    raise SystemExit(f"screenshots: no deadline of rule {prefix!r} on the chosen case")


def render_events(window: MainWindow, store: object, today: date, out: Path) -> None:
    """One picture per new event of the demo; a demo without one of them is an error."""
    listed = search.list_cases(store=store, today=today)  # type: ignore[arg-type]
    views = [cases.get_case(store=store, case_id=c.id) for c in listed]  # type: ignore[arg-type]
    page = window.case_page
    for name, wanted, tab_attribute, rule in EVENTS:
        case = next((c for c in views if wanted(c)), None)
        if case is None:
            raise SystemExit(f"screenshots: the demo data has no case for {name}")
        window.show_case(case.id)
        tab = getattr(page, tab_attribute)
        page.tabs.setCurrentWidget(tab)
        settle(0.2)
        if rule is not None:
            select_rule(tab, rule)
        if tab_attribute == "checklist":  # the I-589's own list, where C4 and C5 show
            choose_template(tab, "i589-defensive")
        save_screen(out, name)


def choose_template(tab: QWidget, template_id: str) -> None:
    """Pick a checklist in the tab's combo box, as a person would."""
    combo = tab.template_combo  # type: ignore[attr-defined]
    index = combo.findData(template_id)
    if index < 0:
        raise SystemExit(f"screenshots: checklist {template_id!r} is not offered for the case")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    settle(0.2)


def fill_i589_lists(store: object, case: CaseView, today: date) -> None:
    """A few rows in the I-589's tables of ``case``'s client (a throwaway store)."""
    client_id = case.client.id
    arrival = case.client.last_arrival_on or date(today.year - 2, 3, 14)
    earlier = date(arrival.year - 4, 7, 2)
    entries.record_entry(
        store=store,  # type: ignore[arg-type]
        client_id=client_id,
        entry=EntryFact(
            earlier, "Miami, FL", ArrivalManner.INSPECTED, "B-2", date(earlier.year, 12, 31)
        ),
        today=today,
    ).unwrap()
    rows = (
        AddressRow(
            AddressKind.RESIDENCE,
            "2231 N Kedzie Ave",
            "Chicago",
            "IL",
            "US",
            date(arrival.year, arrival.month, 1),
        ),
        AddressRow(
            AddressKind.BEFORE_US,
            "Barrio El Centro",
            "San Pedro Sula",
            "Cortés",
            "HN",
            date(2015, 1, 1),
            date(arrival.year, arrival.month, 1),
        ),
        SchoolRow(
            "Instituto Central Vicente Cáceres",
            "High school",
            "Tegucigalpa, Honduras",
            date(2004, 2, 1),
            date(2008, 11, 1),
        ),
        WorkRow(
            "Panadería La Espiga, San Pedro Sula",
            "Baker",
            date(2012, 5, 1),
            date(arrival.year - 1, 12, 1),
        ),
    )
    for row in rows:
        background.add_row(store=store, client_id=client_id, row=row, today=today).unwrap()  # type: ignore[arg-type]


def render_i589(window: MainWindow, case: CaseView, out: Path) -> None:
    """The I-589 tab further down than its top: Parts B and C, the entries table with the
    addresses, and the other lists with Parts D and E."""
    page = window.case_page
    window.show_case(case.id)
    tab = page.i589
    page.tabs.setCurrentWidget(tab)
    settle(0.2)
    scroll = tab.findChild(QScrollArea, "i589Questions")
    content = scroll.widget()
    lists = tab.lists
    for name, widget in (
        ("case-4-i589-part-b", tab.findChild(QGroupBox, "i589Part_B")),
        ("case-4-i589-entries", lists.editors["entries"]),
        ("case-4-i589-lists", lists.editors["jobs"]),
    ):
        top = widget.mapTo(content, widget.rect().topLeft()).y()
        scroll.verticalScrollBar().setValue(top - 8)
        settle(0.2)
        save_screen(out, name)
    scroll.verticalScrollBar().setValue(0)


def render(session: UiSession, store: object, today: date, out: Path, *, only_i589: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    stale = (
        out.glob("case-4-i589-*.png")
        if only_i589
        else [*out.glob("case-*.png"), *out.glob("event-*.png")]
    )
    for old in stale:  # no stale pictures
        old.unlink()
    window = MainWindow(session)
    window.showMaximized()
    wait_until(lambda: window.isVisible() and window.today_page.agenda is not None)
    listed = search.list_cases(store=store, today=today)  # type: ignore[arg-type]
    busy = max(listed, key=lambda c: (c.next_hearing is not None, c.stage.value == "hearings"))
    busy_case = cases.get_case(store=store, case_id=busy.id)  # type: ignore[arg-type]
    fill_i589_lists(store, busy_case, today)
    if only_i589:
        render_i589(window, busy_case, out)
        window.close()
        window.deleteLater()
        settle(0.2)
        return
    for name, page in (
        ("today", window.today_page),
        ("cases", window.cases_page),
        ("calendar", window.calendar_page),
    ):
        window.show_page(page)
        save_screen(out, name)
    window.show_case(busy.id)
    tabs = window.case_page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        show_explanation(tabs.widget(index))
        save_screen(out, f"case-{index + 1}-{tab_name(tabs.widget(index), index)}")
    render_i589(window, busy_case, out)
    render_events(window, store, today, out)
    dialog = IntakeDialog(session, window)
    dialog.show()
    save_screen(out, "intake")
    dialog.reject()
    window.show_page(window.settings_page)
    save_screen(out, "settings")
    window.close()
    window.deleteLater()
    settle(0.2)


def main(argv: list[str]) -> int:
    if os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"):
        print("screenshots: run on an X display (QT_QPA_PLATFORM=xcb), e.g. through")
        print("  bash tools/with-display.sh .venv/bin/python tools/screenshots.py")
        return 2
    only_i589 = "i589" in argv
    names = [name for name in argv if name != "i589"]
    chosen = [VARIANTS[name] for name in names] if names else list(VARIANTS.values())
    keys.SCRYPT_N = 2**12  # a throwaway store; the cost is recorded in its key file
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Clinic-screenshots")
    QSettings().clear()
    use_readable_locale()
    translations = Translations(app)
    appearance = look.install(app)
    today = date.today()
    for variant in chosen:  # one store each: the demo's titles and notes are in its language
        with tempfile.TemporaryDirectory() as folder:
            data_dir = lifecycle.resolve_data_dir(Path(folder) / "data")
            secret = "screenshots only, a throwaway store"  # noqa: S105
            store = lifecycle.init_store(data_dir=data_dir, passphrase=secret, actor="demo")
            fill_demo_data(store=store, clients=80, seed=3, today=today, language=variant.language)
            session = UiSession(store, today=lambda: today)
            translations.apply(variant.language)
            appearance.force(Qt.ColorScheme.Dark if variant.dark else Qt.ColorScheme.Light)
            render(session, store, today, variant.folder, only_i589=only_i589)
            session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
