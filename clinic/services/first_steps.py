"""The first day's start list: what a new clinic sets up before the first intake.

Each step is read from the store itself (never a flag that could disagree with the data): the
clinic's name and letterhead (printed on every PDF), the staff with this computer's user chosen
among them (named as "Prepared by" on PDFs and in the audit trail), a backup folder (a dead laptop must lose nothing), the recovery kit
saved (the only way back if the key is lost; the save is in the audit trail) and the first
client. Today shows the list until every step is done.

An office database has only the clinic's name and the first client to do: its staff are the
server's logins (who is signed in is the server's word, not a choice made on the computer), its
backups are the server's and it has no key of its own to lose (docs/office.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import exists, select

from clinic.domain.enums import AuditAction
from clinic.services import computer_user, office_mode
from clinic.services.results import Entity
from clinic.services.settings_schema import settings_in
from clinic.storage.models import AuditEntry, Client, Staff
from clinic.storage.store import Store


class Step(StrEnum):
    CLINIC_NAME = "clinic_name"
    STAFF = "staff"
    BACKUP_FOLDER = "backup_folder"
    RECOVERY_KIT = "recovery_kit"
    FIRST_INTAKE = "first_intake"


OFFICE_STEPS = (Step.CLINIC_NAME, Step.FIRST_INTAKE)


@dataclass(frozen=True)
class StartList:
    done: frozenset[Step]
    steps: tuple[Step, ...] = tuple(Step)  # the steps this store has (fewer in office mode)

    @property
    def complete(self) -> bool:
        return self.done >= set(self.steps)

    def is_done(self, step: Step) -> bool:
        return step in self.done


def start_list(*, store: Store) -> StartList:
    """Which of the first-day steps this store has done."""
    done: set[Step] = set()
    steps = OFFICE_STEPS if office_mode.is_office(store) else tuple(Step)
    with store.unit_of_work() as session:
        settings = settings_in(session)
        if settings.clinic_name.strip() and settings.letterhead.strip():
            done.add(Step.CLINIC_NAME)
        if settings.backup_folder.strip():
            done.add(Step.BACKUP_FOLDER)
        has_staff = bool(session.scalar(select(exists().where(Staff.active.is_(True)))))
        if session.scalar(select(exists().select_from(Client))):
            done.add(Step.FIRST_INTAKE)
        kit_saved = select(AuditEntry.changes).where(
            AuditEntry.action == AuditAction.EXPORT.value,
            AuditEntry.entity == Entity.STORE.value,
        )
        if any(
            "recovery_kit_saved_to" in (changes or {}) for changes in session.scalars(kit_saved)
        ):
            done.add(Step.RECOVERY_KIT)
    if Step.STAFF in steps and has_staff and computer_user.computer_user(store) is not None:
        done.add(Step.STAFF)  # staff recorded, and this computer's user chosen among them
    return StartList(done=frozenset(done) & set(steps), steps=steps)
