"""A case's history reads as sentences: who changed what, including its hearings and notes."""

from __future__ import annotations

from datetime import date, time

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind, Stage
from clinic.services import cases, clients, history, notes, schedule
from clinic.storage.store import Store


def test_case_trail_covers_case_client_hearings_and_notes(store: Store, today: date) -> None:
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Reyes", "Ana"), today=today
    ).unwrap()
    other = clients.intake_client(
        store=store, client=ClientDraft("Other", "Person"), today=today
    ).unwrap()
    case_id = cases.open_case(
        store=store, client_id=client_id, case=CaseDraft(ClaimType.DEFENSIVE), today=today
    ).unwrap()
    cases.open_case(
        store=store, client_id=other, case=CaseDraft(ClaimType.DEFENSIVE), today=today
    ).unwrap()
    cases.change_stage(store=store, case_id=case_id, stage=Stage.PREPARING, on=today).unwrap()
    hearing_id = schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, date(2027, 1, 5), time(9)),
    ).unwrap()
    schedule.record_hearing_outcome(store=store, hearing_id=hearing_id, outcome="Reset").unwrap()
    notes.add_note(store=store, client_id=client_id, case_id=case_id, body="Client called").unwrap()
    trail = history.case_trail(store=store, case_id=case_id)
    summaries = [t.summary for t in trail]
    assert [t.seq for t in trail] == sorted((t.seq for t in trail), reverse=True)
    assert "added client" in summaries and "added case" in summaries
    assert "moved case (stage: intake → preparing)" in summaries
    assert "changed hearing (outcome: — → Reset)" in summaries
    assert "added note" in summaries
    assert all(t.actor == "tester" for t in trail)
    assert {t.entity_id for t in trail if t.entity == "client"} == {client_id}
    view = cases.get_case(store=store, case_id=case_id)
    assert [(n.author, n.body) for n in view.notes] == [("tester", "Client called")]
