"""Office mode's set-up intentions: the server administrator's (init, staff, status) and a
laptop's (connect). See docs/office.md."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clinic.domain.i18n import N_
from clinic.services import language
from clinic.storage import postgres_server, postgres_settings, postgres_tls
from clinic.storage.errors import CannotUnlock
from clinic.storage.postgres import (
    OfficeError,
    OfficeStore,
    OfficeTarget,
    open_office_store,
    parse_target,
)
from clinic.storage.postgres_server import InitReport, NewStaff, ServerStatus
from clinic.storage.postgres_tls import MadeCertificates

__all__ = [
    "Connected",
    "InitReport",
    "MadeCertificates",
    "NewStaff",
    "OfficeError",
    "ServerStatus",
    "add_staff",
    "connect",
    "disable_staff",
    "init_server",
    "make_certificates",
    "open_saved",
    "saved_settings",
    "server_status",
    "target_of",
]


def target_of(url: str, *, user: str | None = None, ca_file: Path | None = None) -> OfficeTarget:
    """The address checked against the transport rules (no password in it)."""
    return parse_target(url, user=user, ca_file=ca_file)


CERTIFICATE_DAYS = postgres_tls.SERVER_DAYS


def make_certificates(*, hosts: list[str], folder: Path, days: int) -> MadeCertificates:
    """A private CA and a server certificate for ``hosts`` (names or addresses) in ``folder``;
    never over existing files."""
    return postgres_tls.make_certificates(
        folder, postgres_tls.parse_hosts(hosts), server_days=postgres_tls.check_days(days)
    )


def init_server(*, target: OfficeTarget, password: str | None) -> InitReport:
    """A new office database holds no deadlines yet: it starts current with this version's
    deadline rules, as a new laptop store does, so no window recomputes it for an upgrade."""
    from clinic.services.rules_upgrade import RULES_VERSION_KEY, rules_version  # noqa: PLC0415

    return postgres_server.init_server(
        target, password, first_settings={RULES_VERSION_KEY: rules_version()}
    )


def add_staff(
    *,
    target: OfficeTarget,
    password: str | None,
    login: str,
    role: str,
    full_name: str | None,
    existing: bool = False,
) -> NewStaff:
    """A staff member's own login; with ``existing``, linked to the staff row of that name and
    role already in the database (one that came with 'clinic server import-store')."""
    return postgres_server.add_staff(
        target, password, login=login, role=role, full_name=full_name, existing=existing
    )


def disable_staff(*, target: OfficeTarget, password: str | None, login: str) -> int:
    return postgres_server.disable_staff(target, password, login=login)


def server_status(*, target: OfficeTarget, password: str | None) -> ServerStatus:
    return postgres_server.server_status(target, password)


def _settings_folder() -> Path:
    return language.config_dir()


@dataclass(frozen=True)
class Connected:
    settings_file: Path
    password_in: str  # "keychain" or "file"
    password_file: Path | None


def connect(
    *,
    target: OfficeTarget,
    password: str,
    passphrase: str | None,
    new_password: str | None = None,
    folder: Path | None = None,
) -> Connected:
    """Prove the login works (a wrong password or an unknown server is said here), replace a
    first password by the person's own (``new_password``; a first password is never kept),
    then save the address and keep the password: in the keychain, or wrapped by
    ``passphrase``."""
    store = open_office_store(target, password)
    try:
        if postgres_server.first_password_until(store.engine) is not None:
            if new_password is None:
                raise OfficeError(
                    N_(
                        "This is the first password the administrator gave you; it stops "
                        "working after 7 days. Choose your own now: run 'clinic connect' again "
                        "with --new-password."
                    )
                )
            problem = postgres_server.password_problem(new_password, old=password)
            if problem is not None:
                raise OfficeError(problem)
            postgres_server.set_own_password(store.engine, target.user, new_password)
            password = new_password
    finally:
        store.lock()
    where = folder or _settings_folder()
    wrapped: Path | None = None
    if passphrase is None:
        postgres_settings.keep_in_keychain(target, password)
        password_in = "keychain"  # noqa: S105 - where it is kept, not a password
    else:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        wrapped = postgres_settings.keep_in_file(where, target, password, passphrase)
        password_in = "file"  # noqa: S105 - where it is kept
    saved = postgres_settings.save_settings(where, target, password_in)
    return Connected(settings_file=saved, password_in=password_in, password_file=wrapped)


def saved_settings(folder: Path | None = None) -> postgres_settings.OfficeSettings | None:
    return postgres_settings.load_settings(folder or _settings_folder())


def open_saved(*, passphrase: str | None = None, folder: Path | None = None) -> OfficeStore:
    """Open the office database saved by :func:`connect`, its password from where it is kept."""
    where = folder or _settings_folder()
    settings = postgres_settings.load_settings(where)
    if settings is None:
        raise OfficeError(
            N_("This computer is not connected to an office server: run 'clinic connect'.")
        )
    target = settings.target()
    if settings.password_in == "keychain":  # noqa: S105 - where it is kept
        password = postgres_settings.password_from_keychain(target)
        if password is None:
            raise CannotUnlock(
                N_(
                    "The keychain has no password for {user} on the office server; run "
                    "'clinic connect' again."
                ),
                user=target.user,
            )
    else:
        if passphrase is None:
            raise CannotUnlock(N_("The office password is protected by a passphrase; enter it."))
        password = postgres_settings.password_from_file(where, target, passphrase)
    return open_office_store(target, password)
