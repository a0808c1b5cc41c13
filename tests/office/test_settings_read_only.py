"""Office mode: only an administrator's login may change the clinic's settings and staff (the
server refuses the others' saves: tests/office/test_office_login.py). For a paralegal the
Settings page is read-only and says so, instead of letting them type into fields whose save
will be refused (found walking the office window, 2026-12-07); an administrator's page is
editable; the language and the blank forms stay the person's own. Offscreen, real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clinic.services import office_login
from clinic.ui.application import ClinicApp
from clinic.ui.office_gate import OfficeGate
from clinic.ui.settings_page import SettingsPage
from tests.office import pg_cluster as clusters
from tests.office.pg_cluster import Cluster
from tests.office.staff_laptop import office_database, staff_laptop


def page_of(app: ClinicApp) -> SettingsPage:
    page = app.window.settings_page
    page.reload()
    return page


@pytest.fixture
def paralegal_app(qtbot, pg_cluster: Cluster, tmp_path: Path) -> Iterator[ClinicApp]:  # type: ignore[no-untyped-def]
    database = office_database(pg_cluster)
    laptop = staff_laptop(pg_cluster, tmp_path / "config", database=database, role="paralegal")
    laptop.superuser_sql(f"ALTER ROLE \"{laptop.login}\" VALID UNTIL 'infinity'")
    signed = office_login.sign_in(password=laptop.first_password, folder=laptop.config)
    app = ClinicApp(QApplication.instance(), OfficeGate(), signed.store)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    yield app
    app.shutdown()
    signed.store.lock()
    clusters.drop_database(pg_cluster, database)


@pytest.fixture
def admin_app(qtbot, pg_cluster: Cluster) -> Iterator[ClinicApp]:  # type: ignore[no-untyped-def]
    from clinic.storage.postgres import open_office_store  # noqa: PLC0415

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


def test_a_paralegal_reads_the_settings_and_is_told_who_changes_them(
    paralegal_app: ClinicApp,
) -> None:
    page = page_of(paralegal_app)
    assert page.read_only_note.isVisibleTo(page)
    assert "administrator" in page.read_only_note.text()
    for widget in (
        page.clinic_name,
        page.letterhead,
        *page.office.values(),
        page.timezone,
        page.rules,
        page.closures,
        page.add_staff_button,
        page.handout_languages,
    ):
        assert not widget.isEnabled(), widget.objectName()
    assert not page.save_action.isEnabled()
    assert page.language_box.isEnabled() and page.forms_box.isEnabled()


def test_an_administrator_changes_them(admin_app: ClinicApp) -> None:
    page = page_of(admin_app)
    assert not page.read_only_note.isVisibleTo(page)
    assert page.clinic_name.isEnabled() and page.add_staff_button.isEnabled()
    assert page.save_action.isEnabled()
