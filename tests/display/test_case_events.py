"""Real-display test of the case events of issue 18 § 2: on a detained client's case in court,
a bond hearing beside the main track and the judge's bond decision; the Deadlines tab lists the
30-day bond appeal (rolled past a weekend) with its reasoning and source beside the case's
other dates; the Hearings tab lists the bond hearing. Screenshots of both tabs."""

from __future__ import annotations

from datetime import date, time

from harness import settle, shot, wait_until

from clinic.domain.drafts import HearingDraft
from clinic.domain.enums import CaseFactKind, ClaimType, HearingKind, Stage
from clinic.services import deadlines, schedule
from clinic.services.search import list_cases
from clinic.ui.case_view.deadline_table_model import Column

TODAY = date(2026, 12, 7)


def test_a_bond_hearing_and_the_bond_appeal_on_screen(window, store) -> None:  # type: ignore[no-untyped-def]
    case = next(
        c
        for c in list_cases(store=store, today=TODAY)
        if c.claim_type is ClaimType.DEFENSIVE and c.stage is Stage.HEARINGS
    )
    schedule.schedule_hearing(
        store=store,
        case_id=case.id,
        hearing=HearingDraft(
            HearingKind.BOND, date(2026, 11, 6), time(8, 30), "America/Chicago", "Houston"
        ),
    ).unwrap()
    # decided Fri Nov 6: + 30 = Sun Dec 6 -> Mon Dec 7
    deadlines.record_case_fact(
        store=store, case_id=case.id, kind=CaseFactKind.BOND_DECISION, on=date(2026, 11, 6)
    ).unwrap()
    window.show_case(case.id)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    model = tab.table.model()
    row = next(
        r
        for r in range(model.rowCount())
        if "Appeal of the bond decision" in (model.index(r, Column.TITLE).data() or "")
    )
    tab.table.selectRow(row)
    settle(0.5)
    wait_until(tab.provenance.explanation.isVisible, message="the reasoning")
    assert tab.provenance.explanation.text().startswith(
        "Bond decision Fri 2026-11-06 + 30 days = Sun 2026-12-06 → next business day Mon 2026-12-07"
    )
    assert "1003.38" in tab.provenance.source.text()
    shot("deadlines-bond-appeal")
    page.tabs.setCurrentWidget(page.hearings)
    settle(0.5)
    hearings = page.hearings.table.model()
    cells = [
        hearings.index(r, c).data() or ""
        for r in range(hearings.rowCount())
        for c in range(hearings.columnCount())
    ]
    assert any("Bond hearing" in str(text) for text in cells), cells
    shot("hearings-bond")
