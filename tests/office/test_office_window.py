"""The window in office mode (offscreen), against the tests' real PostgreSQL server: the staff
login dialog with a wrong then a first password, choosing one's own password, the main window
naming the server, the staff member and their role, and a lock that closes the connection and
asks the login again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from clinic.storage import keys
from clinic.ui.application import ClinicApp
from clinic.ui.office_gate import OfficeGate
from clinic.ui.office_login_dialogs import Asking, OwnPasswordDialog, StaffLoginDialog
from tests.office import pg_cluster as pg_cluster_module
from tests.office.pg_cluster import Cluster
from tests.office.staff_laptop import StaffLaptop, office_database, staff_laptop

OWN = "a walk along the river at dawn"

pytestmark = pytest.mark.skipif(
    not keys.keychain_available(), reason="needs a keychain (tools/with-keyring-session.sh)"
)


@pytest.fixture
def laptop(
    pg_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[StaffLaptop]:
    database = office_database(pg_cluster)
    made = staff_laptop(pg_cluster, tmp_path / "config", database=database, role="volunteer")
    monkeypatch.setenv("CLINIC_CONFIG_DIR", str(made.config))
    yield made
    pg_cluster_module.drop_database(pg_cluster, database)


def test_first_login_in_the_window_then_lock_and_sign_in_again(
    qtbot, laptop: StaffLaptop, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, str, bool, str]] = []  # asking, message, password field shown, server
    answers = iter(["not my password", laptop.first_password])

    def login_exec(dialog: StaffLoginDialog) -> int:
        server = dialog.findChild(QLabel, "staffLoginServer").text()
        seen.append(
            (dialog.asking.value, dialog.message.text(), not dialog.secret.isHidden(), server)
        )
        if dialog.asking is Asking.PASSWORD:
            dialog.secret.setText(next(answers))
        return 1

    choices: list[str] = []

    def own_exec(dialog: OwnPasswordDialog) -> int:
        for new, again in (("short", "short"), (OWN, OWN + "x"), (OWN, OWN)):
            dialog.password.setText(new)
            dialog.confirm.setText(again)
            dialog._accept_if_valid()
            choices.append(dialog.message.text())
        return dialog.result()

    monkeypatch.setattr(StaffLoginDialog, "exec", login_exec)
    monkeypatch.setattr(OwnPasswordDialog, "exec", own_exec)
    gate = OfficeGate()
    store = gate.obtain()
    assert store is not None
    assert [s[0] for s in seen] == ["password", "password"]
    assert seen[0][1] == "" and seen[0][2] and laptop.database in seen[0][3]
    assert "did not accept the user name" in seen[1][1]
    assert "at least 12 characters" in choices[0] and "differ" in choices[1]
    assert gate.identity is not None and gate.identity.role == "volunteer"

    app = ClinicApp(QApplication.instance(), gate, store)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    status = app.window.findChild(QLabel, "officeSignedIn").text()
    assert laptop.database in status and "Maria Lopez" in status
    assert laptop.login in status and "volunteer" in status
    assert "Maria Lopez" in app.window.windowTitle()

    seen.clear()
    app.lock()  # the connection is closed and the login asked again (the keychain has it now)
    assert store.locked
    assert [s[0] for s in seen] == ["nothing"] and not seen[0][2]
    assert app.session.is_open and app.session.store is not store
    assert laptop.login in app.window.findChild(QLabel, "officeSignedIn").text()
    app.shutdown()


def test_the_keychain_opens_the_office_database_without_a_question(
    laptop: StaffLaptop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clinic.services import office_login  # noqa: PLC0415

    first = office_login.sign_in(password=laptop.first_password)
    office_login.choose_own_password(
        signed_in=first, first_password=laptop.first_password, new_password=OWN
    ).store.lock()

    def no_dialog(_dialog: StaffLoginDialog) -> int:
        raise AssertionError("no login dialog when the keychain has the password")

    monkeypatch.setattr(StaffLoginDialog, "exec", no_dialog)
    store = OfficeGate().obtain()
    assert store is not None
    store.lock()


def test_an_unreachable_server_is_said_in_the_login_dialog(
    laptop: StaffLaptop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clinic.storage import postgres_settings  # noqa: PLC0415
    from clinic.storage.postgres import OfficeTarget  # noqa: PLC0415

    moved = OfficeTarget(**{**laptop.target.__dict__, "port": 1})  # nothing listens there
    postgres_settings.save_settings(laptop.config, moved, "keychain")
    messages: list[str] = []

    def login_exec(dialog: StaffLoginDialog) -> int:
        if dialog.message.text():
            messages.append(dialog.message.text())
            return 0  # the person gives up: the window does not open
        dialog.secret.setText(laptop.first_password)
        return 1

    monkeypatch.setattr(StaffLoginDialog, "exec", login_exec)
    assert OfficeGate().obtain() is None
    assert messages and "cannot be reached" in messages[0]
