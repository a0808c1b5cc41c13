"""The bulk path's shared session (clinic.services.bulk.BulkStore): rows stay loaded from one
action to the next, yet each action sees what the actions before it wrote, as one by one."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from clinic.domain.enums import CaseFactKind, FoiaAgency
from clinic.services.bulk import bulk_writes
from clinic.services.deadlines import record_case_fact
from clinic.services.demo import fill_demo_data
from clinic.services.search import list_cases
from clinic.storage.models import CaseFact
from clinic.storage.store import Store


def test_each_action_of_a_bulk_write_sees_the_facts_recorded_before_it(
    store: Store, today: date
) -> None:
    fill_demo_data(store=store, clients=1, seed=2, today=today)
    case_id = list_cases(store=store, today=today)[0].id
    earlier, later = today - timedelta(days=20), today - timedelta(days=5)
    with bulk_writes(store) as bulk:
        writes = bulk.as_store
        for on in (earlier, later):  # the second replaces the first (one decision a case)
            record_case_fact(
                store=writes, case_id=case_id, kind=CaseFactKind.DECISION, on=on
            ).unwrap()
        sent = record_case_fact(
            store=writes,
            case_id=case_id,
            kind=CaseFactKind.FOIA_SENT,
            on=earlier,
            agency=FoiaAgency.CBP,
        ).unwrap()
        received = record_case_fact(  # names the request recorded just before
            store=writes,
            case_id=case_id,
            kind=CaseFactKind.FOIA_RECEIVED,
            on=later,
            about_id=sent,
        ).unwrap()
    with store.unit_of_work() as session:
        facts = {
            f.id: f for f in session.scalars(select(CaseFact).where(CaseFact.case_id == case_id))
        }
        decisions = [f.on for f in facts.values() if f.kind is CaseFactKind.DECISION]
        assert decisions == [later]
        assert facts[received].about_id == sent
        assert facts[received].agency == FoiaAgency.CBP.value
