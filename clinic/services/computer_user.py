"""Who uses this computer: the staff member named on the PDFs ("Prepared by") and in the audit
trail, chosen once per store and kept as a per-user preference outside the store (beside the
language, in ``preferences.json``: only the store's id and the staff member's id, no name).

Never the operating system's login: until someone is chosen the window asks before the first
staff PDF, and the command line takes ``--prepared-by NAME`` or says how to choose.
"""

from __future__ import annotations

from sqlalchemy import text

from clinic.domain.i18n import N_
from clinic.services import language, office_mode, staff
from clinic.services.dto import StaffView
from clinic.services.errors import ErrorKind, ServiceError
from clinic.storage.store import Store

PREFERENCE_KEY = "computer_user"  # {store id: staff id}
UNCHOSEN_ACTOR = "staff (not chosen)"  # the audit actor until someone is chosen


class NoPreparer(ServiceError, LookupError):
    """No staff member is chosen, or the name given is not one of the active staff."""

    kind = ErrorKind.NOT_FOUND
    code = "no_preparer"


def _chosen_ids() -> dict[str, int]:
    raw = language.read_preferences().get(PREFERENCE_KEY)
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool)}


def chosen_staff_id(store: Store) -> int | None:
    """The staff id chosen for ``store`` on this computer, if any."""
    return _chosen_ids().get(store.meta.store_id)


def computer_user(store: Store) -> StaffView | None:
    """The active staff member chosen for this store on this computer (None: nobody yet, or
    the one chosen has left)."""
    wanted = chosen_staff_id(store)
    if wanted is None:
        return None
    return next((s for s in staff.list_staff(store=store) if s.id == wanted), None)


def choose(store: Store, staff_id: int | None) -> StaffView | None:
    """Remember ``staff_id`` (None: forget) as this computer's user for ``store`` and act as
    them from now on (audit trail, "Prepared by")."""
    chosen = _chosen_ids()
    person = None
    if staff_id is None:
        chosen.pop(store.meta.store_id, None)
    else:
        person = next((s for s in staff.list_staff(store=store) if s.id == staff_id), None)
        if person is None:
            raise NoPreparer(N_("No active staff member has the id {id}."), id=str(staff_id))
        chosen[store.meta.store_id] = int(person.id)
    language.save_preference(PREFERENCE_KEY, chosen)
    store.actor = person.name if person is not None else UNCHOSEN_ACTOR
    return person


def act_as_computer_user(store: Store) -> StaffView | None:
    """After unlocking: act as the chosen staff member, when one is chosen (else the store
    keeps the actor it was opened with: :data:`UNCHOSEN_ACTOR` from the window or CLI)."""
    person = computer_user(store)
    if person is not None:
        store.actor = person.name
    return person


def prepare_as(store: Store, name: str | None) -> StaffView:
    """For the command line: act as the active staff member named ``name`` (spaces and case
    do not matter), else as this computer's user; a clear reason when neither is there. In
    office mode, the staff member the login is linked to (``name`` must be them)."""
    if office_mode.is_office(store):
        return _signed_in(store, name)
    if name is None:
        person = act_as_computer_user(store)
        if person is None:
            raise NoPreparer(
                N_(
                    "Who is preparing this? Pass --prepared-by NAME (a staff member from "
                    "Settings), or choose this computer's user once with "
                    "`clinic computer-user NAME`."
                )
            )
        return person
    wanted = " ".join(name.split()).casefold()
    active = staff.list_staff(store=store)
    person = next((s for s in active if " ".join(s.name.split()).casefold() == wanted), None)
    if person is None:
        names = ", ".join(s.name for s in active) or "—"
        raise NoPreparer(
            N_("{name} is not an active staff member. Staff: {names}. Add staff in Settings."),
            name=name,
            names=names,
        )
    store.actor = person.name
    return person


def _signed_in(store: Store, name: str | None) -> StaffView:
    """Office mode: the login's own staff member prepares (the server names them in the audit
    trail; a PDF never says someone else prepared it)."""
    with store.unit_of_work() as session:
        staff_id = session.execute(
            text("SELECT staff_id FROM office_login WHERE login = session_user")
        ).scalar()
    person = None
    if staff_id is not None:
        person = next((s for s in staff.list_staff(store=store) if s.id == staff_id), None)
    if person is None:
        raise NoPreparer(
            N_(
                "The login {login} has no active staff member (an administrator's login has "
                "none), so it cannot prepare this. Sign in as the staff member who prepares it."
            ),
            login=store.actor,
        )
    if (
        name is not None
        and " ".join(name.split()).casefold() != " ".join(person.name.split()).casefold()
    ):
        raise NoPreparer(
            N_(
                "In office mode the PDFs are prepared by who is signed in ({signed_in}); "
                "--prepared-by names {name}. Leave it out, or sign in as {name}."
            ),
            signed_in=person.name,
            name=name,
        )
    store.actor = person.name
    return person
