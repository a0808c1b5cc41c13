"""The applicant's I-589 details (issue 23; the questions are clinic/domain/applicant.py):
read and recorded like every other client field — checked, audited field by field, no deadline
depends on them."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from functools import cache

from clinic.domain.applicant import (
    FIELD_NAMES,
    ApplicantDetails,
    normalised,
    validate_applicant_details,
)
from clinic.domain.i589_questions import Interview, parse_questions
from clinic.domain.ids import ClientId
from clinic.resource_files import resource_path
from clinic.services.auditing import update_audited
from clinic.services.errors import NotFound, Thing
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.storage.models import Client
from clinic.storage.store import Store

QUESTIONS = ("forms", "i-589", "questions.toml")


@cache
def interview_questions() -> Interview:
    """The interview's questions (``resources/forms/i-589/questions.toml``)."""
    path = resource_path(*QUESTIONS)
    return parse_questions(path.read_text(encoding="utf-8"), str(path))


def details_of(client: Client) -> ApplicantDetails:
    return ApplicantDetails(**{name: getattr(client, name) for name in FIELD_NAMES})


def applicant_details(*, store: Store, client_id: ClientId) -> ApplicantDetails:
    with store.unit_of_work() as session:
        row = session.get(Client, client_id)
        if row is None:
            raise NotFound(Thing.CLIENT, client_id)
        return details_of(row)


def set_applicant_details(
    *, store: Store, client_id: ClientId, details: ApplicantDetails, today: date
) -> Result[ClientId]:
    """Record the details (all of them: an empty one clears what was recorded)."""
    problems = validate_applicant_details(details, today=today)
    if problems:
        return rejected(problems)
    values = asdict(normalised(details))
    with store.unit_of_work() as session:
        row = session.get(Client, client_id)
        if row is None:
            raise NotFound(Thing.CLIENT, client_id)
        changes = update_audited(
            session, actor=store.actor, entity=Entity.CLIENT, row=row, values=values
        )
        if not changes:
            return Result(client_id)
        return Result(client_id, changes=Changes.of((Entity.CLIENT, row.id)))
