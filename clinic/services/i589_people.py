"""Who prepared the I-589 and who interpreted (issue 23; Parts D and E), recorded per case
(migration 0011): the clinic's staff member who prepared the form, chosen from Staff, and the
interpreter's name and language. Audited on the case. The signature boxes stay empty: the form
is signed in ink."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from clinic.domain.enums import AuditAction
from clinic.domain.ids import CaseId
from clinic.domain.reference_codes import is_language_code
from clinic.domain.validation import FieldProblem, Problem, Problems
from clinic.services.auditing import record
from clinic.services.errors import NotFound, Thing
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.storage.models import Case, Staff
from clinic.storage.store import Store

MAX_NAME = 200

__all__ = ["I589People", "i589_people", "set_i589_people"]


@dataclass(frozen=True)
class I589People:
    preparer_id: int | None = None  # a staff member's id
    interpreter_name: str = ""
    interpreter_language: str = ""  # ISO 639 code


def _problems(people: I589People) -> Problems:
    found: list[FieldProblem] = []
    name = people.interpreter_name.strip()
    if len(name) > MAX_NAME:
        found.append(FieldProblem("interpreter_name", Problem.TOO_LONG))
    elif any(ord(c) < 32 for c in name):
        found.append(FieldProblem("interpreter_name", Problem.CONTROL_CHARACTERS))
    language = people.interpreter_language.strip()
    if language and not is_language_code(language):
        found.append(FieldProblem("interpreter_language", Problem.UNKNOWN_LANGUAGE))
    if name and not language:
        found.append(FieldProblem("interpreter_language", Problem.REQUIRED))
    if language and not name:
        found.append(FieldProblem("interpreter_name", Problem.REQUIRED))
    return tuple(found)


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(Thing.CASE, case_id)
    return case


def set_i589_people(*, store: Store, case_id: CaseId, people: I589People) -> Result[int]:
    """Record the preparer (an active staff member, or none; one recorded before stays even
    once inactive) and the interpreter (a name and a language, or neither), audited on the
    case."""
    problems = _problems(people)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        case = _case(session, case_id)
        if people.preparer_id not in (None, case.i589_preparer_id):  # who it was may stay
            staff = session.get(Staff, people.preparer_id)
            if staff is None or not staff.active:
                return rejected((FieldProblem("preparer", Problem.UNKNOWN_STAFF),))
        after = {
            "i589_preparer_id": people.preparer_id,
            "i589_interpreter_name": people.interpreter_name.strip(),
            "i589_interpreter_language": people.interpreter_language.strip().lower(),
        }
        changes = {k: [getattr(case, k), v] for k, v in after.items() if getattr(case, k) != v}
        if changes:
            for name, value in after.items():
                setattr(case, name, value)
            record(
                session,
                actor=store.actor,
                action=AuditAction.UPDATE,
                entity=Entity.CASE,
                entity_id=case.id,
                changes=changes,
            )
        return Result(case.id, changes=Changes.of((Entity.CASE, case.id)))


def i589_people(*, store: Store, case_id: CaseId) -> I589People:
    with store.unit_of_work() as session:
        case = _case(session, case_id)
        return I589People(
            case.i589_preparer_id, case.i589_interpreter_name, case.i589_interpreter_language
        )
