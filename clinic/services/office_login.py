"""The window's sign-in to the office database (docs/office.md, "The window in office mode"):
the connection 'clinic connect' saved, the password from the keychain, from the
passphrase-protected file or typed by the person, a first password replaced by their own
before anything else, and who the server says is signed in.

No password is kept here: a typed one goes to the keychain (when the connection keeps it
there) or nowhere; the store's engine holds it in its connect arguments until it is locked.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from clinic.domain.i18n import N_
from clinic.services import language
from clinic.storage import postgres_settings, postgres_staff
from clinic.storage.errors import CannotUnlock, KeychainUnavailable, WrongPassphrase
from clinic.storage.postgres import OfficeError, OfficeStore, open_office_store
from clinic.storage.postgres_identity import StaffIdentity, who_signed_in
from clinic.storage.postgres_settings import OfficeSettings
from clinic.storage.postgres_target import WrongLogin

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "LoginPlan",
    "SignedIn",
    "StaffIdentity",
    "WrongLogin",
    "choose_own_password",
    "login_plan",
    "new_password_problem",
    "sign_in",
]

MIN_PASSWORD_LENGTH = postgres_staff.MIN_PASSWORD_LENGTH
KEYCHAIN = "keychain"


def _folder(folder: Path | None) -> Path:
    return folder or language.config_dir()


def _settings(folder: Path | None) -> OfficeSettings:
    settings = postgres_settings.load_settings(_folder(folder))
    if settings is None:
        raise OfficeError(
            N_("This computer is not connected to an office server: run 'clinic connect'.")
        )
    return settings


@dataclass(frozen=True)
class LoginPlan:
    """What the login screen shows before anything is typed."""

    server: str  # host:port/database, no password
    user: str
    password_in: str  # "keychain" or "file"
    kept: bool  # the keychain holds this login's password: no need to type it

    @property
    def asks_passphrase(self) -> bool:
        return self.password_in != KEYCHAIN


def login_plan(folder: Path | None = None) -> LoginPlan | None:
    """``None`` when this computer is not connected to an office server (laptop mode)."""
    settings = postgres_settings.load_settings(_folder(folder))
    if settings is None:
        return None
    target = settings.target()
    kept = settings.password_in == KEYCHAIN and (
        postgres_settings.password_from_keychain(target) is not None
    )
    return LoginPlan(
        server=f"{target.host}:{target.port}/{target.database}",
        user=target.user,
        password_in=settings.password_in,
        kept=kept,
    )


@dataclass(frozen=True)
class SignedIn:
    store: OfficeStore
    identity: StaffIdentity
    first_password_until: datetime | None  # a first password: the person chooses their own now


def sign_in(
    *, password: str | None = None, passphrase: str | None = None, folder: Path | None = None
) -> SignedIn:
    """Open the office database as the connected staff member: with ``password`` when the
    person typed it, otherwise the one kept in the keychain or in the file ``passphrase``
    unwraps. A typed password that works (not a first one) is kept in the keychain when the
    connection keeps it there."""
    settings = _settings(folder)
    target = settings.target()
    typed = password is not None
    if password is None:
        password = _kept_password(settings, passphrase, _folder(folder))
    store = open_office_store(target, password)
    try:
        until = postgres_staff.first_password_until(store.engine)
        identity = who_signed_in(store.engine, target.database)
        if typed and until is None and settings.password_in == KEYCHAIN:
            # Without a usable keychain the person simply types it again next time.
            with contextlib.suppress(KeychainUnavailable):
                postgres_settings.keep_in_keychain(target, password)
    except BaseException:
        store.lock()
        raise
    return SignedIn(store=store, identity=identity, first_password_until=until)


class WrongOfficePassphrase(WrongPassphrase):
    """The passphrase does not open the office password kept on this computer. Said in office
    terms: there is no recovery kit for it (that is a laptop store's); the person's own office
    password connects the computer again."""

    def __init__(self) -> None:
        CannotUnlock.__init__(
            self,
            N_(
                "The passphrase is not correct. Check the keyboard layout and Caps Lock, then "
                "try again. If it is lost, connect this computer again with your office "
                "password (clinic connect --password-file); if that is lost too, ask the "
                "administrator for a new first password."
            ),
        )


def _kept_password(settings: OfficeSettings, passphrase: str | None, folder: Path) -> str:
    target = settings.target()
    if settings.password_in == KEYCHAIN:
        found = postgres_settings.password_from_keychain(target)
        if found is None:
            raise CannotUnlock(
                N_("The keychain has no password for {user} on the office server; type it."),
                user=target.user,
            )
        return found
    if passphrase is None:
        raise CannotUnlock(N_("The office password is protected by a passphrase; enter it."))
    try:
        return postgres_settings.password_from_file(folder, target, passphrase)
    except WrongPassphrase:
        raise WrongOfficePassphrase() from None


def new_password_problem(new_password: str, *, old: str) -> str | None:
    """Why ``new_password`` cannot be the person's own (the command line's rules), or None."""
    return postgres_staff.password_problem(new_password, old=old)


def choose_own_password(
    *,
    signed_in: SignedIn,
    first_password: str,
    new_password: str,
    folder: Path | None = None,
) -> SignedIn:
    """Replace a first password by the person's own (its verifier computed here), keep it as
    the connection keeps passwords (the keychain; a first password is never in the
    passphrase-protected file, which 'clinic connect' fills) and open the database again with it: the old
    engine's connect arguments hold the first password, which no longer works."""
    problem = new_password_problem(new_password, old=first_password)
    if problem is not None:
        raise OfficeError(problem)
    settings = _settings(folder)
    target = settings.target()
    postgres_staff.set_own_password(signed_in.store.engine, target.user, new_password)
    signed_in.store.lock()
    return sign_in(password=new_password, folder=folder)  # kept in the keychain there
