"""Render the main screens with demo data into docs/screenshots/ (run by `make screenshots`).

Uses a throwaway data folder and the offscreen (or Xvfb) Qt platform; nothing is kept but PNGs.
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

SIZE = (1280, 800)
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"docs/screenshots/{name}.png")


def main() -> int:
    keys.SCRYPT_N = 2**12  # a throwaway store; the cost is recorded in its key file
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Clinic-screenshots")
    QSettings().clear()
    use_readable_locale()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = lifecycle.resolve_data_dir(Path(folder) / "data")
        store = lifecycle.init_store(data_dir=data_dir, passphrase="screenshots only", actor="demo")  # noqa: S106
        today = date.today()
        fill_demo_data(store=store, clients=80, seed=3, today=today)
        session = UiSession(store, today=lambda: today)
        window = MainWindow(session)
        window.resize(*SIZE)
        window.show()
        window.nav.setCurrentRow(0)
        save(window, "today")
        window.nav.setCurrentRow(1)
        save(window, "cases")
        window.nav.setCurrentRow(2)
        save(window, "calendar")
        listed = search.list_cases(store=store, today=today)
        busy = max(listed, key=lambda c: (c.next_hearing is not None, c.stage.value == "hearings"))
        window.show_case(busy.id)
        tabs = window.case_page.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            name = tabs.tabText(index).replace("&", "").split()[0].lower()
            save(window, f"case-{index + 1}-{name}")
        dialog = IntakeDialog(session, window)
        dialog.resize(1040, 740)
        dialog.show()
        save(dialog, "intake")
        dialog.reject()
        window.nav.setCurrentRow(3)
        save(window, "settings")
        session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
