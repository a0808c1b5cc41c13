"""Clinic staff: attorneys, paralegals and volunteers."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select

from clinic.domain.drafts import StaffDraft
from clinic.domain.ids import StaffId
from clinic.domain.validation import validate_staff
from clinic.services.auditing import record_created
from clinic.services.dto import StaffView
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.services.views import staff_view
from clinic.storage.models import Staff
from clinic.storage.store import Store


def add_staff(*, store: Store, staff: StaffDraft) -> Result[StaffId]:
    problems = validate_staff(staff)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        values = asdict(staff)
        values["name"] = staff.name.strip()
        row = Staff(**values)
        session.add(row)
        session.flush()
        record_created(
            session, actor=store.actor, entity=Entity.STAFF, entity_id=row.id, values=values
        )
        return Result(StaffId(row.id), changes=Changes.of((Entity.STAFF, row.id)))


def list_staff(*, store: Store, active_only: bool = True) -> list[StaffView]:
    query = select(Staff).order_by(Staff.name)
    if active_only:
        query = query.where(Staff.active.is_(True))
    with store.unit_of_work() as session:
        return [staff_view(row) for row in session.scalars(query)]
