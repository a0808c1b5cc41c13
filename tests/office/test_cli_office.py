"""The command line in office mode (issue 21, one code path): on a computer connected with
'clinic connect', the everyday commands open the office database as the connected staff member
(its password from the keychain, typed, or unwrapped by the passphrase that protects it here),
the server's row-level security decides what they see, the PDFs name who is signed in, and the
commands that exist only for a laptop store are refused with what to do instead. Each command
runs in a subprocess against the tests' real PostgreSQL server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from clinic.storage import keys, postgres_settings
from tests.office import pg_cluster as pg_cluster_module
from tests.office.pg_cluster import Cluster
from tests.office.staff_laptop import StaffLaptop, office_database, staff_laptop

PASSPHRASE = "the passphrase that protects my office password"
TODAY = date(2026, 12, 7)


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**12)


@pytest.fixture(scope="module")
def database(pg_cluster: Cluster) -> Iterator[str]:
    """An office database holding 8 demo clients, filled by the administrator."""
    from clinic.services.demo import fill_demo_data  # noqa: PLC0415
    from clinic.storage.postgres import open_office_store  # noqa: PLC0415

    name = office_database(pg_cluster)
    admin = open_office_store(
        pg_cluster_module.superuser_target(pg_cluster, name), pg_cluster.superuser_password
    )
    try:
        fill_demo_data(store=admin, clients=8, seed=5, today=TODAY)  # type: ignore[arg-type]
    finally:
        admin.lock()
    yield name
    pg_cluster_module.drop_database(pg_cluster, name)


def connected(
    cluster: Cluster,
    database: str,
    folder: Path,
    *,
    role: str,
    own: bool = True,
    full_name: str = "Maria Lopez",
) -> StaffLaptop:
    """A computer connected as a new staff member, the password kept in a passphrase-protected
    file (``own``: as if they had chosen their own password already)."""
    laptop = staff_laptop(
        cluster, folder, database=database, role=role, full_name=full_name, password_in="file"
    )
    if own:
        laptop.superuser_sql(f"ALTER ROLE \"{laptop.login}\" VALID UNTIL 'infinity'")
    postgres_settings.keep_in_file(laptop.config, laptop.target, laptop.first_password, PASSPHRASE)
    return laptop


def clinic(
    laptop: StaffLaptop, *argv: str, secret: str = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLINIC_", "PG"))}
    env["CLINIC_CONFIG_DIR"] = str(laptop.config)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, "-m", "clinic", "--passphrase-stdin", *argv],
        input=secret + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


def case_count(cluster: Cluster, database: str) -> int:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(cluster.conninfo(database)) as connection:
        row = connection.execute("SELECT count(*) FROM asylum_case").fetchone()
    assert row is not None
    return int(row[0])


def test_everyday_commands_work_on_the_office_database_as_the_signed_in_person(
    pg_cluster: Cluster, database: str, tmp_path: Path
) -> None:
    laptop = connected(pg_cluster, database, tmp_path / "config", role="paralegal")
    listed = clinic(laptop, "cases", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == case_count(pg_cluster, database)  # a paralegal sees every case

    pdf = tmp_path / "checklist.pdf"
    made = clinic(laptop, "checklist", str(rows[0]["id"]), "--out", str(pdf))
    assert made.returncode == 0, made.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Maria Lopez" in text  # prepared by who is signed in, not a name typed anywhere

    other = clinic(
        laptop,
        "checklist",
        str(rows[0]["id"]),
        "--out",
        str(tmp_path / "x.pdf"),
        "--prepared-by",
        "Somebody Else",
    )
    assert other.returncode != 0 and "signed in" in other.stderr
    assert not (tmp_path / "x.pdf").exists()

    wrong = clinic(laptop, "cases", "--json", secret="not the passphrase")
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr


def test_a_volunteer_lists_only_their_cases(
    pg_cluster: Cluster, database: str, tmp_path: Path
) -> None:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(pg_cluster.conninfo(database)) as connection:
        row = connection.execute(
            "SELECT s.name, count(c.id) FROM staff s JOIN asylum_case c ON c.paralegal_id = s.id "
            "WHERE s.role = 'volunteer' GROUP BY s.name ORDER BY s.name LIMIT 1"
        ).fetchone()
    if row is None:
        pytest.skip("the demo assigned no case to its volunteer")
    volunteer = staff_laptop(
        pg_cluster,
        tmp_path / "vol",
        database=database,
        role="volunteer",
        full_name=str(row[0]),
        password_in="file",
    )
    # Linked to the demo's volunteer as 'add-staff --existing' does (a new login, their row).
    volunteer.superuser_sql(
        f"UPDATE office_login SET staff_id = (SELECT id FROM staff WHERE name = '{row[0]}' "
        f"AND role = 'volunteer' ORDER BY id LIMIT 1) WHERE login = '{volunteer.login}'"
    )
    volunteer.superuser_sql(f"ALTER ROLE \"{volunteer.login}\" VALID UNTIL 'infinity'")
    postgres_settings.keep_in_file(
        volunteer.config, volunteer.target, volunteer.first_password, PASSPHRASE
    )
    listed = clinic(volunteer, "cases", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == row[1] < case_count(pg_cluster, database)


def test_laptop_only_commands_are_refused_with_what_to_do(
    pg_cluster: Cluster, database: str, tmp_path: Path
) -> None:
    laptop = connected(pg_cluster, database, tmp_path / "config", role="paralegal")
    before = case_count(pg_cluster, database)
    for argv, words in [
        (("demo", "--clients", "2"), "make office-demo"),
        (("backup", "--to", str(tmp_path / "b.clinicbackup")), "clinic server backup"),
        (("recovery-kit", "--out", str(tmp_path / "kit.pdf")), "no recovery kit"),
        (("doctor",), "clinic server status"),
        (("computer-user", "Maria Lopez"), "signed in"),
    ]:
        done = clinic(laptop, *argv)
        assert done.returncode == 2, (argv, done.stdout, done.stderr)
        assert words in done.stderr, (argv, done.stderr)
        assert "Traceback" not in done.stderr
    assert case_count(pg_cluster, database) == before
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.clinicbackup"))


def test_a_first_password_must_be_replaced_first(
    pg_cluster: Cluster, database: str, tmp_path: Path
) -> None:
    laptop = connected(pg_cluster, database, tmp_path / "config", role="paralegal", own=False)
    done = clinic(laptop, "cases", "--json")
    assert done.returncode == 2 and "--new-password" in done.stderr, done.stderr
