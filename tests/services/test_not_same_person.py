"""Intake over a strong conflict match: the "different person" confirmation is audited on the new
client (who, which matched client, the score), names no one, and reads in the case history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.domain.conflicts import DistinctPerson, MatchReason
from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType, Outcome, Stage
from clinic.services import cases, clients, history, lifecycle
from clinic.storage.models import AuditEntry
from clinic.storage.store import Store

TODAY = date(2026, 12, 7)
BORN = date(1991, 3, 14)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "d"),
        passphrase="correct horse battery staple",
        actor="ana",
    )
    yield opened
    opened.lock()


def add_client(store: Store, family: str, given: str) -> int:
    draft = ClientDraft(family, given, date_of_birth=BORN)
    return int(clients.intake_client(store=store, client=draft, today=TODAY).unwrap())


def open_case(store: Store, client_id: int) -> int:
    draft = CaseDraft(ClaimType.AFFIRMATIVE, opened_on=TODAY)
    return int(
        cases.open_case(store=store, client_id=client_id, case=draft, today=TODAY).unwrap()  # type: ignore[arg-type]
    )


def test_the_confirmation_is_audited_on_the_new_client_without_names(store: Store) -> None:
    rosa = add_client(store, "Mejía Flores", "Rosa Elena")
    confirmed = DistinctPerson(rosa, 100.0, (MatchReason.SIMILAR_NAME, MatchReason.SAME_BIRTH_DATE))
    new = clients.intake_client(
        store=store, client=ClientDraft("Mejia", "Rosa"), today=TODAY, distinct_from=[confirmed]
    ).unwrap()
    with store.unit_of_work() as session:
        [entry] = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "not_same_person")
        ).all()
        assert (entry.actor, entry.entity, entry.entity_id) == ("ana", "client", new)
        assert entry.changes == {
            "not_same_as_client": [None, rosa],
            "match_score": [None, 100.0],
            "match_reasons": [None, ["similar_name", "same_birth_date"]],
        }
        assert "Rosa" not in str(entry.changes)  # another client's identity stays out


def test_a_confirmation_for_a_client_that_does_not_exist_saves_nothing(store: Store) -> None:
    with pytest.raises(LookupError):
        clients.intake_client(
            store=store,
            client=ClientDraft("Mejia", "Rosa"),
            today=TODAY,
            distinct_from=[DistinctPerson(999, 100.0, ())],
        )
    with store.unit_of_work() as session:
        assert session.scalars(select(AuditEntry).where(AuditEntry.entity == "client")).all() == []


def test_the_confirmation_reads_in_the_new_clients_case_history(store: Store) -> None:
    rosa = add_client(store, "Mejía Flores", "Rosa Elena")
    new = clients.intake_client(
        store=store,
        client=ClientDraft("Mejia", "Rosa"),
        today=TODAY,
        distinct_from=[DistinctPerson(rosa, 100.0, (MatchReason.SAME_NAME,))],
    ).unwrap()
    case_id = open_case(store, new)
    summaries = [e.summary for e in history.case_trail(store=store, case_id=case_id)]  # type: ignore[arg-type]
    assert any(
        s.startswith("confirmed a different person from a matched client") for s in summaries
    )


def test_the_case_to_open_is_the_newest_open_one(store: Store) -> None:
    rosa = add_client(store, "Mejía Flores", "Rosa Elena")
    assert clients.case_to_open(store=store, client_id=rosa) is None  # type: ignore[arg-type]
    first = open_case(store, rosa)
    second = open_case(store, rosa)
    assert clients.case_to_open(store=store, client_id=rosa) == second  # type: ignore[arg-type]
    cases.change_stage(
        store=store,
        case_id=second,  # type: ignore[arg-type]
        stage=Stage.CLOSED,
        on=TODAY,
        outcome=Outcome.WITHDRAWN,
    ).unwrap()
    assert clients.case_to_open(store=store, client_id=rosa) == first  # type: ignore[arg-type]
