"""The window in office mode on a real display, against a real throwaway PostgreSQL server
(tests/office/pg_cluster.py: TLS, SCRAM): the real `clinic` program, connected to the office
database as 'clinic connect' leaves a laptop (the address saved, no password). Typed as a
person types (xdotool): a wrong password shows its message, the first password from the
administrator asks for the person's own (twice), and the main window names the staff member
and their role. Then the lock asks the login again, and the Spanish login is shown too.
The program runs in its own process; this test only watches the screen and types."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from harness import screen_image, shot, shots_folder, xdotool, xdotool_key, xdotool_type
from PySide6.QtCore import QRect

OWN = "a walk along the river at dawn"
TODAY = date(2026, 12, 7)


def visible_window(pattern: str, timeout: float = 30.0) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        out = xdotool("search", "--onlyvisible", "--name", pattern, check=False)
        if out.split():
            return out.split()[0]
        time.sleep(0.2)
    raise AssertionError(f"no window matching {pattern!r} appeared within {timeout:.0f} s")


def shot_window(name: str, window_id: str) -> Path:
    """Only the window (with its frame's inside), for the documentation."""
    geometry = xdotool("getwindowgeometry", "--shell", window_id)
    values = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
    rect = QRect(int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"]))
    path = shots_folder() / f"{name}.png"
    assert screen_image(rect.adjusted(-4, -44, 4, 4)).save(str(path))
    return path


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """An office database with 12 demo clients and a paralegal's login (a first password)."""
    from tests.office import pg_cluster  # noqa: PLC0415
    from tests.office.staff_laptop import office_database, staff_laptop  # noqa: PLC0415

    try:
        cluster = pg_cluster.shared_cluster()
    except pg_cluster.ServerMissing as exc:
        if pg_cluster.missing_server_is_a_failure():
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    database = office_database(cluster)
    from clinic.services.demo import fill_demo_data  # noqa: PLC0415
    from clinic.storage.postgres import open_office_store  # noqa: PLC0415

    admin = open_office_store(
        pg_cluster.superuser_target(cluster, database), cluster.superuser_password
    )
    fill_demo_data(store=admin, clients=12, seed=7, today=TODAY)  # type: ignore[arg-type]
    admin.lock()
    laptop = staff_laptop(cluster, tmp_path_factory.mktemp("laptop") / "config", database=database)
    yield laptop
    pg_cluster.drop_database(cluster, database)


class App:
    def __init__(self, config: Path, log: Path, *, lang: str = "en") -> None:
        env = dict(os.environ)  # the keyring session's keychain, as on a desktop
        env["CLINIC_CONFIG_DIR"] = str(config)
        env["LANGUAGE"] = lang
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "clinic", "--lang", lang],
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def type_into(window_id: str, text: str) -> None:
    xdotool("windowactivate", "--sync", window_id, check=False)
    xdotool_type(text)


def test_staff_login_first_password_own_password_main_window_and_lock(
    office, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    app = App(office.config, tmp_path / "app.log")
    try:
        login = visible_window("^Sign in to the office server$")
        shot_window("01-office-login", login)
        type_into(login, "not my password")
        xdotool_key("Return")
        time.sleep(2.0)
        assert app.alive(), app.output()
        login = visible_window("^Sign in to the office server$")
        shot("02-wrong-password")
        shot_window("02-wrong-password-dialog", login)
        assert "Traceback" not in app.output(), app.output()

        xdotool_key("ctrl+a")
        xdotool_type(office.first_password)
        xdotool_key("Return")
        own = visible_window("^Choose your own password$")
        shot("03-choose-own-password")
        type_into(own, "too short")
        xdotool_key("Tab")
        xdotool_type("too short")
        xdotool_key("Return")
        time.sleep(0.8)
        visible_window("^Choose your own password$")  # refused, still asking
        shot("04-own-password-refused")
        xdotool_key("ctrl+a")  # the refusal put the cursor back in the first field
        xdotool_type(OWN)
        xdotool_key("Tab", "ctrl+a")
        xdotool_type(OWN)
        xdotool_key("Return")

        main = visible_window("^Clinic — Maria Lopez \\(paralegal\\)$", timeout=60)
        time.sleep(1.5)
        shot("05-main-window-office")
        assert app.alive(), app.output()
        assert "Traceback" not in app.output(), app.output()

        # Lock by hand: the main window goes, the login comes again (the keychain has the
        # person's own password now, so Sign in is enough).
        xdotool("windowactivate", "--sync", main, check=False)
        xdotool_key("ctrl+l")
        again = visible_window("^Sign in to the office server$")
        time.sleep(0.5)
        shot("06-locked")
        xdotool("windowactivate", "--sync", again, check=False)
        xdotool_key("Return")
        visible_window("^Clinic — Maria Lopez \\(paralegal\\)$", timeout=60)
        xdotool_key("ctrl+q")
        app.process.wait(20)
        assert app.process.returncode == 0, app.output()
    finally:
        app.stop()

    # Spanish: the login with a wrong password's message (the keychain's password is taken
    # out so the dialog asks, as on a laptop whose keychain was reset).
    import keyring  # noqa: PLC0415

    from clinic.storage import keys, postgres_settings  # noqa: PLC0415

    keyring.delete_password(
        keys.KEYCHAIN_SERVICE,
        "office-password:" + postgres_settings._identity(office.target),
    )
    spanish = App(office.config, tmp_path / "app-es.log", lang="es")
    try:
        login = visible_window("^Iniciar sesión en el servidor de la oficina$")
        type_into(login, "not my password")
        xdotool_key("Return")
        time.sleep(2.0)
        login = visible_window("^Iniciar sesión en el servidor de la oficina$")
        shot_window("07-office-login-es", login)
        assert "Traceback" not in spanish.output(), spanish.output()
    finally:
        spanish.stop()


def test_a_volunteer_sees_only_the_cases_assigned_to_them(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The demo's volunteer gets a login linked to their staff row ('add-staff --existing');
    the server's row-level security gives their session only the cases assigned to them, and
    the window (Cases, title and status bar) is theirs: the documentation's screenshot."""
    import psycopg  # noqa: PLC0415

    from clinic.storage import postgres_server, postgres_settings  # noqa: PLC0415
    from clinic.storage.postgres import OfficeTarget  # noqa: PLC0415
    from tests.office import pg_cluster  # noqa: PLC0415

    cluster, database = office.cluster, office.database
    with psycopg.connect(cluster.conninfo(database)) as connection:
        row = connection.execute(
            "SELECT name FROM staff WHERE role = 'volunteer' ORDER BY id LIMIT 1"
        ).fetchone()
        total = connection.execute("SELECT count(*) FROM asylum_case").fetchone()
    assert row is not None and total is not None
    name = str(row[0])
    login = f"vol{os.getpid()}"
    made = postgres_server.add_staff(
        pg_cluster.superuser_target(cluster, database),
        cluster.superuser_password,
        login=login,
        role="volunteer",
        full_name=name,
        existing=True,
    )
    office.superuser_sql(f"ALTER ROLE \"{login}\" VALID UNTIL 'infinity'")  # as if their own
    target = OfficeTarget(
        host="localhost",
        port=cluster.port,
        database=database,
        user=login,
        sslmode="verify-full",
        ca_file=cluster.ca_file,
    )
    config = tmp_path / "volunteer-config"
    postgres_settings.save_settings(config, target, "keychain")
    postgres_settings.keep_in_keychain(target, made.first_password)
    with psycopg.connect(
        cluster.conninfo(database), user=login, password=made.first_password
    ) as connection:
        theirs = connection.execute("SELECT count(*) FROM asylum_case").fetchone()
    assert theirs is not None and 0 < theirs[0] < total[0], (theirs, total)

    app = App(config, tmp_path / "volunteer.log")
    try:
        main = visible_window(f"^Clinic — {name} \\(volunteer\\)$", timeout=60)
        xdotool("windowactivate", "--sync", main, check=False)
        xdotool_key("ctrl+2")
        time.sleep(2.0)
        shot_window("08-volunteer-cases", main)
        assert app.alive(), app.output()
        assert "Traceback" not in app.output(), app.output()
        xdotool_key("ctrl+q")
        app.process.wait(20)
        assert app.process.returncode == 0, app.output()
    finally:
        app.stop()
