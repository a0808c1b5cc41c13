"""The window's sign-in to the office database, at the services level, against the tests' real
PostgreSQL server: a first login replaced by the person's own password, the password kept in
the keychain (never in a file in plaintext), who the server says is signed in, and the words
for a wrong or expired password, an unreachable server and a certificate problem."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from clinic.services import office_login, office_mode, rules_upgrade, settings
from clinic.services.errors import ErrorKind, reason_of
from clinic.services.office import OfficeError
from clinic.storage import keys, postgres_settings, postgres_tls
from clinic.storage.errors import CannotUnlock, NotPermitted, WrongPassphrase
from clinic.storage.postgres import OfficeTarget
from tests.office import pg_cluster as pg_cluster_module
from tests.office.pg_cluster import Cluster
from tests.office.staff_laptop import StaffLaptop, office_database, staff_laptop

OWN = "a walk along the river at dawn"

needs_keychain = pytest.mark.skipif(
    not keys.keychain_available(), reason="needs a keychain (tools/with-keyring-session.sh)"
)


@pytest.fixture(scope="module")
def database(pg_cluster: Cluster) -> Iterator[str]:
    name = office_database(pg_cluster)
    yield name
    pg_cluster_module.drop_database(pg_cluster, name)


@pytest.fixture
def laptop(pg_cluster: Cluster, database: str, tmp_path: Path) -> StaffLaptop:
    return staff_laptop(pg_cluster, tmp_path / "config", database=database)


def test_the_window_decides_office_mode_from_the_file_connect_saves(
    laptop: StaffLaptop, tmp_path: Path
) -> None:
    assert office_mode.SETTINGS_FILE == postgres_settings.SETTINGS_FILE
    assert office_mode.connected(laptop.config)
    assert not office_mode.connected(tmp_path / "elsewhere")
    assert office_login.login_plan(tmp_path / "elsewhere") is None


@needs_keychain
def test_first_login_then_own_password_kept_in_the_keychain(laptop: StaffLaptop) -> None:
    plan = office_login.login_plan(laptop.config)
    assert plan is not None
    assert plan.user == laptop.login and plan.server.endswith(f"/{laptop.database}")
    assert not plan.kept and not plan.asks_passphrase
    with pytest.raises(CannotUnlock, match="has no password"):
        office_login.sign_in(folder=laptop.config)  # nothing kept yet: the dialog asks

    first = office_login.sign_in(password=laptop.first_password, folder=laptop.config)
    assert first.first_password_until is not None
    assert first.identity.login == laptop.login
    assert first.identity.role == "paralegal" and first.identity.name == "Maria Lopez"
    plan = office_login.login_plan(laptop.config)
    assert plan is not None and not plan.kept  # a first password is never kept

    for weak, why in ((laptop.first_password, "not the first password"), ("short", "12")):
        with pytest.raises(OfficeError, match=why):
            office_login.choose_own_password(
                signed_in=first,
                first_password=laptop.first_password,
                new_password=weak,
                folder=laptop.config,
            )
    own = office_login.choose_own_password(
        signed_in=first,
        first_password=laptop.first_password,
        new_password=OWN,
        folder=laptop.config,
    )
    assert first.store.locked  # its engine held the first password
    assert own.first_password_until is None
    with own.store.unit_of_work() as session:
        assert session.execute(text("SELECT session_user")).scalar() == laptop.login
    own.store.lock()

    plan = office_login.login_plan(laptop.config)
    assert plan is not None and plan.kept
    again = office_login.sign_in(folder=laptop.config)  # from the keychain, nothing typed
    assert again.identity.login == laptop.login and again.first_password_until is None
    again.store.lock()
    with pytest.raises(office_login.WrongLogin):
        office_login.sign_in(password=laptop.first_password, folder=laptop.config)
    # nothing about the password in the configuration folder
    for path in laptop.config.iterdir():
        assert OWN.encode() not in path.read_bytes()
        assert laptop.first_password.encode() not in path.read_bytes()


def test_a_wrong_password_is_said_plainly(laptop: StaffLaptop) -> None:
    with pytest.raises(office_login.WrongLogin, match="did not accept the user name"):
        office_login.sign_in(password="not the password at all", folder=laptop.config)


def test_an_expired_first_password_is_refused_with_words_that_say_so(
    laptop: StaffLaptop,
) -> None:
    laptop.superuser_sql(f"ALTER ROLE \"{laptop.login}\" VALID UNTIL '2020-01-01'")
    with pytest.raises(office_login.WrongLogin, match="expired"):
        office_login.sign_in(password=laptop.first_password, folder=laptop.config)


def _save(laptop: StaffLaptop, **changes: object) -> None:
    fields = {**laptop.target.__dict__, **changes}
    postgres_settings.save_settings(laptop.config, OfficeTarget(**fields), "keychain")  # type: ignore[arg-type]


def test_an_unreachable_server_is_said_plainly(laptop: StaffLaptop) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _save(laptop, port=port)
    with pytest.raises(OfficeError, match="cannot be reached"):
        office_login.sign_in(password=laptop.first_password, folder=laptop.config)


def test_a_certificate_from_another_ca_is_said_plainly(laptop: StaffLaptop, tmp_path: Path) -> None:
    other = postgres_tls.make_certificates(
        tmp_path / "other-ca", postgres_tls.parse_hosts(["localhost"]), server_days=30
    )
    _save(laptop, ca_file=other.ca_certificate)
    with pytest.raises(OfficeError, match="could not be checked against the clinic's CA"):
        office_login.sign_in(password=laptop.first_password, folder=laptop.config)


def test_the_password_in_the_passphrase_protected_file(
    pg_cluster: Cluster, database: str, tmp_path: Path
) -> None:
    laptop = staff_laptop(pg_cluster, tmp_path / "config", database=database, password_in="file")
    laptop.superuser_sql(f"ALTER ROLE \"{laptop.login}\" VALID UNTIL 'infinity'")  # as if own
    postgres_settings.keep_in_file(
        laptop.config, laptop.target, laptop.first_password, "the laptop's passphrase"
    )
    plan = office_login.login_plan(laptop.config)
    assert plan is not None and plan.asks_passphrase and not plan.kept
    with pytest.raises(CannotUnlock, match="passphrase"):
        office_login.sign_in(folder=laptop.config)
    with pytest.raises(WrongPassphrase) as wrong:
        office_login.sign_in(passphrase="a wrong passphrase", folder=laptop.config)
    # office words: no recovery kit here (a laptop store's), the office password connects again
    assert "recovery kit" not in str(wrong.value)
    assert "clinic connect --password-file" in str(wrong.value)
    assert "clinic connect --password-file" in wrong.value.message_in("es")
    assert "kit" not in wrong.value.message_in("es")
    signed = office_login.sign_in(passphrase="the laptop's passphrase", folder=laptop.config)
    assert signed.identity.role == "paralegal" and signed.first_password_until is None
    signed.store.lock()


def test_a_paralegal_is_not_asked_to_update_the_rules_version(laptop: StaffLaptop) -> None:
    """Only an administrator writes the clinic's settings, where the deadline rules' version is
    kept: a paralegal's window does not redo every case's deadlines and then fail at every start
    (found walking the office window, 2026-12-07); it says an administrator updates them."""
    # As if the database's deadlines were computed by an older Clinic: another rules version.
    laptop.superuser_sql(
        'UPDATE setting SET value = CAST(\'{"engine": "older", "rules": {}}\' AS json) '
        f"WHERE key = '{rules_upgrade.RULES_VERSION_KEY}'"
    )
    signed_in = office_login.sign_in(password=laptop.first_password, folder=laptop.config)
    try:
        with signed_in.store.unit_of_work() as session:
            assert rules_upgrade.rules_changed(session)
        with pytest.raises(rules_upgrade.RulesNeedAnAdministrator) as refused:
            rules_upgrade.upgrade_rules(store=signed_in.store, actor=laptop.login)
        assert refused.value.changed
        with signed_in.store.unit_of_work() as session:
            assert rules_upgrade.rules_changed(session)  # nothing recorded
    finally:
        signed_in.store.lock()
        current = json.dumps(rules_upgrade.rules_version()).replace("'", "''")
        laptop.superuser_sql(
            f"UPDATE setting SET value = CAST('{current}' AS json) "
            f"WHERE key = '{rules_upgrade.RULES_VERSION_KEY}'"
        )


def test_a_new_office_database_is_current_with_the_deadline_rules(laptop: StaffLaptop) -> None:
    """'clinic server init' records this version's deadline rules in the new database, as a new
    laptop store does: it holds no deadlines yet, so nobody's window (a paralegal's, here)
    says the rules need an administrator (found starting make office-demo, 2026-12-07)."""
    signed_in = office_login.sign_in(password=laptop.first_password, folder=laptop.config)
    try:
        with signed_in.store.unit_of_work() as session:
            assert rules_upgrade.rules_changed(session) == []
        assert rules_upgrade.upgrade_rules(store=signed_in.store, actor=laptop.login)[0] == []
    finally:
        signed_in.store.lock()


def test_a_paralegal_saving_the_clinic_settings_is_told_an_administrator_does(
    laptop: StaffLaptop,
) -> None:
    """The server refuses the write (only admins write ``setting``): the window said
    SQLAlchemy's 'permission denied for table setting … autoflush' (found walking office mode,
    2026-12-07); now the store's words, nothing saved."""
    laptop.superuser_sql(f"ALTER ROLE \"{laptop.login}\" VALID UNTIL 'infinity'")  # as if own
    signed = office_login.sign_in(password=laptop.first_password, folder=laptop.config)
    try:
        before = settings.get_settings(store=signed.store)
        with pytest.raises(NotPermitted) as refused:
            settings.update_settings(
                store=signed.store, settings=replace(before, clinic_name="Lakeside Clinic")
            )
        reason = reason_of(refused.value)
        assert (reason.kind, reason.code) == (ErrorKind.REJECTED, "not_permitted")
        assert "administrator" in str(refused.value) and "SQL" not in str(refused.value)
        assert "administrador" in refused.value.message_in("es")
        assert settings.get_settings(store=signed.store).clinic_name == before.clinic_name
    finally:
        signed.store.lock()
