"""A save over a colleague's newer change, on a real display, in office mode (issue 21): two staff
logins on the tests' PostgreSQL server; Paula opens the client's details and types a new phone;
Maria saves another phone and a note first; Paula's Save is refused and the dialog shows both
side by side, her typing still in the field; then the same in Spanish; Save mine over theirs
saves hers (both changes audited under their logins, as the server wrote them).

The screenshots ``01-conflict`` and ``02-conflict-es`` (the dialog with its title bar) are the
documentation's docs/screenshots/office-conflict.png and es/office-conflict.png."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import shiboken6
from harness import (
    focus_window,
    global_rect,
    screen_image,
    settle,
    shots_folder,
    wait_until,
    xdotool_click_at,
    xdotool_key,
    xdotool_type,
)
from PySide6.QtWidgets import QApplication

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType

TODAY_CLIENT = ClientDraft(
    "Quispe Mamani", "Rosalía", a_number="A-201-555-124", phone="(312) 555-0100"
)


@dataclass
class Office:
    paula: object  # OfficeStore, opened as the attorney's login
    maria: object  # OfficeStore, opened as the paralegal's login
    maria_login: str
    paula_login: str
    case_id: int
    client_id: int


def _login(cluster, database: str, name: str, role: str, full_name: str):  # type: ignore[no-untyped-def]
    from clinic.storage import postgres_server  # noqa: PLC0415
    from clinic.storage.postgres import OfficeTarget, open_office_store  # noqa: PLC0415
    from tests.office import pg_cluster  # noqa: PLC0415

    login = f"{name}{secrets.token_hex(2)}"  # logins are the whole cluster's
    made = postgres_server.add_staff(
        pg_cluster.superuser_target(cluster, database),
        cluster.superuser_password,
        login=login,
        role=role,
        full_name=full_name,
    )
    target = OfficeTarget(
        host="localhost",
        port=cluster.port,
        database=database,
        user=login,
        sslmode="verify-full",
        ca_file=cluster.ca_file,
    )
    return login, open_office_store(target, made.first_password)


@pytest.fixture
def office() -> Iterator[Office]:
    from clinic.services import cases, clients  # noqa: PLC0415
    from tests.display.conftest import TODAY  # noqa: PLC0415
    from tests.office import pg_cluster  # noqa: PLC0415
    from tests.office.staff_laptop import office_database  # noqa: PLC0415

    try:
        cluster = pg_cluster.shared_cluster()
    except pg_cluster.ServerMissing as exc:
        if pg_cluster.missing_server_is_a_failure():
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    database = office_database(cluster)
    paula_login, paula = _login(cluster, database, "paula", "attorney", "Paula Reyes")
    maria_login, maria = _login(cluster, database, "maria", "paralegal", "Maria Lopez")
    client_id = clients.intake_client(store=paula, client=TODAY_CLIENT, today=TODAY).unwrap()
    case_id = cases.open_case(
        store=paula,
        client_id=client_id,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Chicago Immigration Court"),
        today=TODAY,
    ).unwrap()
    yield Office(paula, maria, maria_login, paula_login, case_id, client_id)
    paula.lock()
    maria.lock()
    pg_cluster.drop_database(cluster, database)


def _maria_saves(office: Office, **changes: object) -> None:
    from clinic.services import clients  # noqa: PLC0415
    from tests.display.conftest import TODAY  # noqa: PLC0415

    current = clients.get_client(store=office.maria, client_id=office.client_id)
    draft = replace(
        TODAY_CLIENT,
        phone=current.phone,
        notes=current.notes,
        detention_facility=current.detention_facility,
    )
    clients.update_client(
        store=office.maria,
        client_id=office.client_id,
        client=replace(draft, **changes),
        today=TODAY,
        expected_version=current.version,
    ).unwrap()


def _dialog_shot(name: str, dialog) -> Path:  # type: ignore[no-untyped-def]
    """The dialog with its title bar, as the documentation shows it."""
    path = shots_folder() / f"{name}.png"
    assert screen_image(global_rect(dialog).adjusted(-2, -28, 2, 2)).save(str(path))
    return path


def _type_phone_and_save(dialog, phone: str) -> None:  # type: ignore[no-untyped-def]
    focus_window(dialog)
    xdotool_click_at(dialog.phone)
    wait_until(dialog.phone.hasFocus, message="the phone field to have the focus")
    xdotool_key("ctrl+a")
    xdotool_type(phone)
    wait_until(lambda: dialog.phone.text() == phone, message="the typed phone")
    xdotool_click_at(dialog.save_button)


def test_a_colleagues_newer_change_is_shown_side_by_side_and_mine_saved_over(
    office: Office, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from clinic.services import clients  # noqa: PLC0415
    from clinic.storage.models import AuditEntry  # noqa: PLC0415
    from clinic.ui.case_view.client_dialogs import EditClientDialog  # noqa: PLC0415
    from clinic.ui.main_window import MainWindow  # noqa: PLC0415
    from clinic.ui.session import UiSession  # noqa: PLC0415
    from clinic.ui.translations import Translations  # noqa: PLC0415
    from tests.display.conftest import TODAY  # noqa: PLC0415

    session = UiSession(office.paula, today=lambda: TODAY)  # type: ignore[arg-type]
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.resize(1280, 760)
    main.move(20, 20)
    main.show()
    focus_window(main)
    main.show_case(office.case_id)
    page = main.case_page
    wait_until(page.isVisible, message="the case")
    page.tabs.setCurrentWidget(page.client_tab)
    xdotool_click_at(page.client_tab.edit_button)
    wait_until(
        lambda: any(d.isVisible() for d in page.findChildren(EditClientDialog)),
        message="Edit client",
    )
    dialog = next(d for d in page.findChildren(EditClientDialog) if d.isVisible())

    # Maria saves first, while Paula's dialog is open
    _maria_saves(office, phone="(312) 555-0199", notes="Prefers calls after 5 pm")
    _type_phone_and_save(dialog, "(773) 555-0123")
    panel = dialog.conflict_panel
    wait_until(panel.isVisible, message="the conflict shown")
    settle(0.5)
    assert dialog.isVisible() and dialog.phone.text() == "(773) 555-0123"
    # the server recorded Maria's login; the window names the staff member it belongs to
    assert panel.heading.text().startswith("Maria Lopez changed this record at ")
    assert "Nothing was saved" in panel.heading.text()
    table = panel.table
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(4)]
        for r in range(table.rowCount())
    }
    assert rows["Phone"][1] == "(312) 555-0100"
    assert rows["Phone"][2].startswith("(312) 555-0199 (Maria Lopez, ")
    assert rows["Phone"][3] == "(773) 555-0123"
    assert rows["Notes"][3] == "(you left it: theirs is kept)"
    assert rows["Notes"][2].startswith("Prefers calls after 5 pm")
    _dialog_shot("01-conflict", dialog)
    assert clients.get_client(store=office.paula, client_id=office.client_id).phone == (
        "(312) 555-0199"
    )

    # Spanish: a dialog made after the switch, and Maria's next save
    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    dialog.discard()
    try:
        translations.apply("es")
        view = clients.get_client(store=office.paula, client_id=office.client_id)
        spanish = EditClientDialog(session, view, page)
        spanish.start_tracking()
        spanish.show()
        wait_until(spanish.isVisible, message="the Spanish dialog")
        # a field Paula left (the facility) would simply be kept: Maria changes the phone too
        _maria_saves(office, phone="(312) 555-0177", detention_facility="Broadview")
        _type_phone_and_save(spanish, "(773) 555-0123")
        wait_until(spanish.conflict_panel.isVisible, message="the conflict in Spanish")
        settle(0.5)
        heading = spanish.conflict_panel.heading.text()
        assert "No se guardó nada" in heading and heading.startswith("Maria Lopez cambió")
        assert spanish.conflict_panel.save_mine.text() == "Guardar lo &mío encima"
        _dialog_shot("02-conflict-es", spanish)
        xdotool_click_at(spanish.conflict_panel.save_mine)
        wait_until(
            lambda: not shiboken6.isValid(spanish) or not spanish.isVisible(),
            message="saved over theirs (the dialog closes)",
        )
    finally:
        translations.apply("en")
        translations.remove()

    now = clients.get_client(store=office.paula, client_id=office.client_id)
    assert (now.phone, now.notes, now.detention_facility) == (
        "(773) 555-0123",
        "Prefers calls after 5 pm",
        "Broadview",
    )
    with office.paula.unit_of_work() as s:  # type: ignore[attr-defined]
        phones = [
            (e.actor, e.changes["phone"])
            for e in s.query(AuditEntry)
            .filter(AuditEntry.entity == "client", AuditEntry.entity_id == office.client_id)
            .order_by(AuditEntry.seq)
            if "phone" in e.changes and e.action == "update"
        ]
    assert phones == [
        (office.maria_login, ["(312) 555-0100", "(312) 555-0199"]),
        (office.maria_login, ["(312) 555-0199", "(312) 555-0177"]),
        (office.paula_login, ["(312) 555-0177", "(773) 555-0123"]),
    ]
    main.hide()
