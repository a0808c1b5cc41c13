"""A colleague's change reaches an open window on a real display, in office mode (issue 21,
LISTEN/NOTIFY): two staff logins on the tests' PostgreSQL server. Paula's window shows Cases;
Maria takes in a client and the case appears in Paula's list within about 2 s. Paula opens it
and starts typing a note (with the keyboard); Maria adds a note of her own, which shows in
Paula's history while Paula's half-written note stays as typed. Then the office server stops
taking connections: Paula's Save says so, her note still there, the status bar says the server
cannot be reached, then that it is back, and the same Save works.

Screenshots: 01-colleague-case-listed, 02-colleague-note-heard, 03-server-unreachable,
04-server-back (looked at)."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from harness import focus_window, settle, shot, wait_until, xdotool_click_at, xdotool_type
from PySide6.QtWidgets import QApplication

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType

REFRESH_S = 2.5  # about 2 s: the listener's wake-up, the gathering and the pages' queries


@dataclass
class Office:
    cluster: object
    database: str
    paula: object  # OfficeStore, the window's login (attorney)
    maria: object  # OfficeStore, a colleague's (paralegal)


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
    return open_office_store(target, made.first_password)


@pytest.fixture
def office() -> Iterator[Office]:
    from tests.office import pg_cluster  # noqa: PLC0415
    from tests.office.staff_laptop import office_database  # noqa: PLC0415

    try:
        cluster = pg_cluster.shared_cluster()
    except pg_cluster.ServerMissing as exc:
        if pg_cluster.missing_server_is_a_failure():
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    database = office_database(cluster)
    paula = _login(cluster, database, "paula", "attorney", "Paula Reyes")
    maria = _login(cluster, database, "maria", "paralegal", "Maria Lopez")
    yield Office(cluster, database, paula, maria)
    paula.lock()  # type: ignore[attr-defined]
    maria.lock()  # type: ignore[attr-defined]
    pg_cluster.drop_database(cluster, database)


def test_a_colleagues_changes_reach_the_open_window_and_a_lost_server_is_said(
    office: Office, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from clinic.services import cases, clients, notes  # noqa: PLC0415
    from clinic.ui.application import ClinicApp  # noqa: PLC0415
    from clinic.ui.case_view.notes_tab import NotesTab  # noqa: PLC0415
    from clinic.ui.office_gate import OfficeGate  # noqa: PLC0415

    app = ClinicApp(QApplication.instance(), OfficeGate(), office.paula)  # type: ignore[arg-type]
    main = app.window
    qtbot.addWidget(main)
    main.resize(1280, 690)  # the status bar on the screen too
    main.move(20, 20)
    main.show()
    focus_window(main)
    main.show_page(main.cases_page)
    assert app.colleagues is not None
    wait_until(lambda: app.colleagues.listening is not None, message="the listener")
    settle(1.0)  # its LISTEN is in place
    today = app.session.today()

    started = time.monotonic()
    client = clients.intake_client(
        store=office.maria,
        client=ClientDraft("Quispe Mamani", "Rosalía"),
        today=today,
    ).unwrap()
    case = cases.open_case(
        store=office.maria,
        client_id=client,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Chicago Immigration Court"),
        today=today,
    ).unwrap()
    wait_until(
        lambda: main.cases_page.model.rowCount() == 1, REFRESH_S, "the colleague's case listed"
    )
    assert time.monotonic() - started < REFRESH_S + 0.5
    settle(0.3)
    shot("01-colleague-case-listed")

    main.show_case(case)
    page = main.case_page
    tab = next(t for t in page.case_tabs if isinstance(t, NotesTab))
    page.tabs.setCurrentWidget(tab)
    wait_until(tab.isVisible, message="the notes tab")
    focus_window(main)
    xdotool_click_at(tab.note)
    wait_until(tab.note.hasFocus, message="the note box to have the focus")
    xdotool_type("Asked about the hearing")
    wait_until(lambda: tab.note.toPlainText() == "Asked about the hearing", message="the typing")
    rows = tab.model.rowCount()
    notes.add_note(store=office.maria, client_id=client, case_id=case, body="Called the court")
    wait_until(lambda: tab.model.rowCount() > rows, REFRESH_S, "Maria's note in the history")
    assert tab.note.toPlainText() == "Asked about the hearing"
    assert tab.note.hasFocus()
    settle(0.3)
    shot("02-colleague-note-heard")

    with psycopg.connect(office.cluster.conninfo(), autocommit=True) as admin:  # type: ignore[attr-defined]
        admin.execute(f'ALTER DATABASE "{office.database}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (office.database,),
            )
            xdotool_click_at(tab.add_button)
            wait_until(lambda: "cannot be reached" in tab.note_problem.text(), 15, "the problem")
            wait_until(lambda: "cannot be reached" in main.status.text(), 5, "the status bar")
            assert tab.note.toPlainText() == "Asked about the hearing"
            settle(0.3)
            shot("03-server-unreachable")
        finally:
            admin.execute(f'ALTER DATABASE "{office.database}" ALLOW_CONNECTIONS true')
    wait_until(lambda: "again" in main.status.text(), 20, "the server back in the status bar")
    settle(0.3)
    shot("04-server-back")
    xdotool_click_at(tab.add_button)
    wait_until(lambda: tab.note_status.text() == "Note saved.", 10, "the note saved")
    app.shutdown()
