"""Saving an intake: the client (with family, address, adverse parties), then the case.

The two services are separate transactions, so the case is validated before anything is
written; a client already saved by an earlier attempt is not saved twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from clinic.domain.conflicts import DistinctPerson
from clinic.domain.drafts import AddressDraft, CaseDraft, ClientDraft, FamilyMemberDraft
from clinic.domain.ids import CaseId, ClientId
from clinic.domain.validation import FieldProblem, validate_case
from clinic.services import cases, clients, notes
from clinic.services.results import Changes
from clinic.storage.public import Store


@dataclass(frozen=True)
class IntakeDrafts:
    client: ClientDraft
    family: tuple[FamilyMemberDraft, ...]
    address: AddressDraft | None
    adverse_parties: tuple[str, ...]
    case: CaseDraft


@dataclass(frozen=True)
class SubmissionOutcome:
    client_id: ClientId | None = None
    case_id: CaseId | None = None
    client_problems: tuple[FieldProblem, ...] = ()  # client, ``family[i].…``, ``address.…``
    case_problems: tuple[FieldProblem, ...] = ()
    changes: Changes = field(default_factory=Changes)

    @property
    def ok(self) -> bool:
        return self.case_id is not None


def submit_intake(
    *,
    store: Store,
    today: date,
    drafts: IntakeDrafts,
    saved_client_id: ClientId | None = None,
    conflict_note: str = "",
    distinct_from: tuple[DistinctPerson, ...] = (),
) -> SubmissionOutcome:
    """Store what was typed; report problems by field, never half a client without saying so.
    ``distinct_from``: strong matches staff confirmed as someone else (audited with the client)."""
    case_problems = validate_case(drafts.case, today=today)
    if case_problems:
        return SubmissionOutcome(client_id=saved_client_id, case_problems=case_problems)
    changes = Changes()
    client_id = saved_client_id
    if client_id is None:
        saved = clients.intake_client(
            store=store,
            client=drafts.client,
            today=today,
            family=drafts.family,
            address=drafts.address,
            adverse_parties=drafts.adverse_parties,
            distinct_from=distinct_from,
        )
        if not saved.ok or saved.value is None:
            return SubmissionOutcome(client_problems=saved.problems)
        client_id = saved.value
        changes = saved.changes
    opened = cases.open_case(store=store, client_id=client_id, case=drafts.case, today=today)
    if not opened.ok or opened.value is None:
        return SubmissionOutcome(
            client_id=client_id, case_problems=opened.problems, changes=changes
        )
    changes = changes | opened.changes
    if conflict_note.strip():
        noted = notes.add_note(
            store=store, client_id=client_id, case_id=opened.value, body=conflict_note
        )
        changes = changes | noted.changes
    return SubmissionOutcome(client_id=client_id, case_id=opened.value, changes=changes)
