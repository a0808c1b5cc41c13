"""Render the main screens with demo data into docs/screenshots/ (run by `make screenshots`).

English goes to docs/screenshots/, Spanish to docs/screenshots/es/ (same file names). Uses a
throwaway data folder and the offscreen (or Xvfb) Qt platform; nothing is kept but PNGs.

    python tools/screenshots.py            # both languages
    python tools/screenshots.py es         # Spanish only
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from clinic.services import lifecycle, search
from clinic.services.demo import fill_demo_data
from clinic.storage import keys
from clinic.ui.application import use_readable_locale
from clinic.ui.intake import IntakeDialog
from clinic.ui.main_window import MainWindow
from clinic.ui.session import UiSession
from clinic.ui.translations import Translations

SIZE = (1280, 800)
ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {"en": ROOT / "docs" / "screenshots", "es": ROOT / "docs" / "screenshots" / "es"}


def save(widget: QWidget, out: Path, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(out / f"{name}.png"))
    print((out / f"{name}.png").relative_to(ROOT))


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


def render(session: UiSession, store: object, today: date, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("case-*.png"):  # tabs come and go: no stale tab pictures
        old.unlink()
    window = MainWindow(session)
    window.resize(*SIZE)
    window.show()
    window.nav.setCurrentRow(0)
    save(window, out, "today")
    window.nav.setCurrentRow(1)
    save(window, out, "cases")
    window.nav.setCurrentRow(2)
    save(window, out, "calendar")
    listed = search.list_cases(store=store, today=today)
    busy = max(listed, key=lambda c: (c.next_hearing is not None, c.stage.value == "hearings"))
    window.show_case(busy.id)
    tabs = window.case_page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        show_explanation(tabs.widget(index))
        save(window, out, f"case-{index + 1}-{tab_name(tabs.widget(index), index)}")
    dialog = IntakeDialog(session, window)
    dialog.resize(max(1040, dialog.width()), 740)  # as wide as its words need
    dialog.show()
    save(dialog, out, "intake")
    dialog.reject()
    window.nav.setCurrentRow(3)
    save(window, out, "settings")
    window.close()
    window.deleteLater()


def main(argv: list[str]) -> int:
    languages = argv or list(FOLDERS)
    keys.SCRYPT_N = 2**12  # a throwaway store; the cost is recorded in its key file
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Clinic-screenshots")
    QSettings().clear()
    use_readable_locale()
    translations = Translations(app)
    today = date.today()
    for language in languages:  # one store each: the demo's titles and notes are in `language`
        with tempfile.TemporaryDirectory() as folder:
            data_dir = lifecycle.resolve_data_dir(Path(folder) / "data")
            secret = "screenshots only"  # noqa: S105 - a throwaway store
            store = lifecycle.init_store(data_dir=data_dir, passphrase=secret, actor="demo")
            fill_demo_data(store=store, clients=80, seed=3, today=today, language=language)
            session = UiSession(store, today=lambda: today)
            translations.apply(language)
            render(session, store, today, FOLDERS[language])
            session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
