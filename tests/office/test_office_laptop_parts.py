"""What only makes sense for a laptop store is not offered in office mode (offscreen): the start
list's backup folder, recovery kit and "Who are you?" steps, File → back up, restore and
recovery kit, Help → data folder, the status bar's backup state, Settings' backup folder,
backups kept and this computer's user. A laptop window has every one of them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from clinic.services import lifecycle
from clinic.services.first_steps import OFFICE_STEPS, Step
from clinic.storage.postgres import open_office_store
from clinic.storage.public import DataDir, Store
from clinic.ui.application import ClinicApp, StoreGate
from clinic.ui.main_window import LAPTOP_ONLY_ACTIONS, MainWindow
from clinic.ui.office_gate import OfficeGate
from tests.office import pg_cluster as clusters
from tests.office.pg_cluster import Cluster

LAPTOP_STEPS = (Step.STAFF, Step.BACKUP_FOLDER, Step.RECOVERY_KIT)


@pytest.fixture
def office_app(qtbot, pg_cluster: Cluster) -> Iterator[ClinicApp]:  # type: ignore[no-untyped-def]
    template = clusters.office_template(pg_cluster)
    database = clusters.new_office_database(template)
    store = open_office_store(
        clusters.tester_target(pg_cluster, database), template.tester_password
    )
    app = ClinicApp(QApplication.instance(), OfficeGate(), store)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    yield app
    app.shutdown()
    store.lock()
    clusters.drop_database(pg_cluster, database)


@pytest.fixture
def laptop_app(qtbot, tmp_path: Path) -> Iterator[ClinicApp]:  # type: ignore[no-untyped-def]
    data_dir = DataDir(tmp_path / "store")
    store: Store = lifecycle.init_store(
        data_dir=data_dir, passphrase="a long test passphrase", actor="tester"
    )
    app = ClinicApp(QApplication.instance(), StoreGate(data_dir), store)
    qtbot.addWidget(app.window)
    yield app
    app.shutdown()


def offered(window: MainWindow) -> dict[str, bool]:
    """Each laptop-only part: is it offered (visible, or would be once its page shows)?"""
    parts: dict[str, bool] = {}
    for name in LAPTOP_ONLY_ACTIONS:
        action = window.findChild(QAction, name)
        assert action is not None, name
        parts[name] = action.isVisible() and action.isEnabled()
    window.today_page.reload()  # read at once (the window reads it just after its first paint)
    start = window.today_page.start_list
    assert not start.isHidden(), "a new store shows its start list"
    for step in (*LAPTOP_STEPS, *OFFICE_STEPS):
        parts[f"step {step.value}"] = start.texts[step].isVisibleTo(start)
    settings = window.settings_page
    fields: dict[str, QWidget] = {
        "backup folder": settings.backup_folder,
        "backups kept": settings.backups_kept,
        "this computer's user": settings.staff_list.me_combo,
    }
    for label, field in fields.items():
        parts[label] = field.isVisibleTo(settings)
    parts["backup state"] = window.backup_label.isVisibleTo(window) and bool(
        window.backup_label.text()
    )
    return parts


def test_office_mode_leaves_the_laptop_parts_out(office_app: ClinicApp) -> None:
    window = office_app.window
    window.show()
    parts = offered(window)
    assert parts.pop(f"step {Step.CLINIC_NAME.value}") and parts.pop(
        f"step {Step.FIRST_INTAKE.value}"
    )
    assert not any(parts.values()), [name for name, shown in parts.items() if shown]
    assert "of 2 steps" in window.today_page.start_list.progress.text() or "Two steps" in (
        window.today_page.start_list.progress.text()
    )
    backup = window.findChild(QAction, "backupAction")
    assert backup is not None
    backup.trigger()  # its shortcut (Ctrl+Shift+B) does nothing: no folder dialog opens
    assert QApplication.activeModalWidget() is None


def test_a_laptop_window_offers_every_one_of_them(laptop_app: ClinicApp) -> None:
    window = laptop_app.window
    window.show()
    parts = offered(window)
    assert all(parts.values()), [name for name, shown in parts.items() if not shown]
    assert "Five steps" in window.today_page.start_list.progress.text()
