"""FOIA requests in the window (issue 18 § 2): the 'What happened' dialog records a request's
sending with its agency, then its receipt, the agency's written extension and its response,
each for the request chosen; the Deadlines tab shows one reminder per request with the agency
in its reasoning; two requests received the same day stay two rows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from clinic.domain.enums import CaseFactKind, DeadlineStatus, FoiaAgency
from clinic.services import deadlines
from clinic.storage.store import Store
from clinic.ui.case_view.deadline_dialogs import CaseFactDialog
from clinic.ui.case_view.deadline_table_model import Column as DeadlineColumn
from tests.ui.test_case_view import cell, new_case, opened
from tests.ui.test_case_view import page as page  # noqa: PLC0414 (fixtures)
from tests.ui.test_case_view import session as session  # noqa: PLC0414
from tests.ui.test_case_view import store as store  # noqa: PLC0414


def record(qtbot, view, kind: CaseFactKind, on: date, **choose: object) -> CaseFactDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.deadlines.fact_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, view, CaseFactDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    if "agency" in choose:
        dialog.agency.set_value(choose["agency"])
    if "request" in choose:
        dialog.request.setCurrentIndex(dialog.request.findData(choose["request"]))
    dialog.on.set_value(on)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def foia_rows(of: Store, case_id: int) -> list[tuple[str, date, DeadlineStatus]]:  # type: ignore[no-untyped-def]
    return sorted(
        (d.anchor_field.partition("#")[0], d.due_on, d.status)
        for d in deadlines.case_deadlines(store=of, case_id=case_id)
        if d.rule_id.startswith("foia")
    )


def test_a_foia_request_from_sending_to_response(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    page.show_case(case_id)
    page.tabs.setCurrentWidget(page.deadlines)
    dialog = record(qtbot, page, CaseFactKind.FOIA_SENT, date(2026, 5, 28))
    assert dialog.agency.isVisibleTo(dialog) and not dialog.request.isVisibleTo(dialog)
    assert "agency" in dialog.problem_text("agency")  # no agency chosen: refused, kept open
    dialog.agency.set_value(FoiaAgency.USCIS)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [uscis] = deadlines.foia_requests(store=store, case_id=case_id)
    assert uscis.agency is FoiaAgency.USCIS and uscis.sent_on == date(2026, 5, 28)

    dialog = record(qtbot, page, CaseFactKind.FOIA_RECEIVED, date(2026, 6, 1), request=uscis.id)
    assert not dialog.isVisible()
    # a second request, to CBP, received the same day without its sending recorded
    dialog = record(
        qtbot, page, CaseFactKind.FOIA_RECEIVED, date(2026, 6, 1), agency=FoiaAgency.CBP
    )
    assert not dialog.isVisible()
    assert foia_rows(store, case_id) == [
        ("foia_received", date(2026, 6, 30), DeadlineStatus.OPEN),
        ("foia_received", date(2026, 6, 30), DeadlineStatus.OPEN),
    ]
    tab = page.deadlines
    explained = []
    for row in range(tab.table.model().rowCount()):
        if "FOIA" in (cell(tab.table, row, DeadlineColumn.TITLE) or ""):
            tab.table.selectRow(row)
            explained.append(tab.provenance.explanation.text())
    assert sorted(explained) == [
        "FOIA request received by the agency (CBP) Mon 2026-06-01 + 20 business days"
        " = Tue 2026-06-30. Fri 2026-06-19 is Juneteenth National Independence Day",
        "FOIA request received by the agency (USCIS) Mon 2026-06-01 + 20 business days"
        " = Tue 2026-06-30. Fri 2026-06-19 is Juneteenth National Independence Day",
    ]

    # the USCIS request is extended in writing: its reminder moves to 30 working days
    record(qtbot, page, CaseFactKind.FOIA_EXTENDED, date(2026, 6, 25), request=uscis.id)
    assert foia_rows(store, case_id) == [
        ("foia_extended", date(2026, 7, 15), DeadlineStatus.OPEN),
        ("foia_received", date(2026, 6, 30), DeadlineStatus.OPEN),
    ]
    # its response closes that reminder and opens the 90-day appeal period
    record(qtbot, page, CaseFactKind.FOIA_RESPONSE, date(2026, 7, 20), request=uscis.id)
    assert foia_rows(store, case_id) == [
        ("foia_extended", date(2026, 7, 15), DeadlineStatus.DONE),
        ("foia_received", date(2026, 6, 30), DeadlineStatus.OPEN),
        ("foia_response", date(2026, 10, 18), DeadlineStatus.OPEN),
    ]


def test_a_response_needs_its_request_and_a_date_after_it(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    page.show_case(case_id)
    dialog = record(qtbot, page, CaseFactKind.FOIA_RESPONSE, date(2026, 7, 20))
    assert dialog.isVisible()
    assert "FOIA request" in dialog.problem_text("about_id")
    dialog.discard()
    deadlines.record_case_fact(
        store=store,
        case_id=case_id,
        kind=CaseFactKind.FOIA_SENT,
        on=date(2026, 5, 28),
        agency=FoiaAgency.EOIR,
    ).unwrap()
    [eoir] = deadlines.foia_requests(store=store, case_id=case_id)
    dialog = record(qtbot, page, CaseFactKind.FOIA_RESPONSE, date(2026, 5, 1), request=eoir.id)
    assert dialog.isVisible()
    assert "before the FOIA request" in dialog.problem_text("on")
    dialog.discard()
