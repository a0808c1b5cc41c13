"""Real-display test of issue 18 § 2's people facts: a client in TPS and a child who files an
I-589 of their own, on the new 'Entries & status' tab; the Deadlines tab names the TPS held on
the client's one-year deadline (8 CFR 208.4(a)(5)(iv), never deciding it) and counts the child's
own one-year deadline past Martin Luther King Jr. Day (INA 208(a)(2)(B)); withholding-only
proceedings with the protective petition for review (8 CFR 1208.2(c); Riley v. Bondi); the
travel warning after a grant (8 CFR 223.1(b), 208.24); and the status-bar note when a store
computed by older rules is opened. Screenshots of each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from harness import settle, shot, wait_until
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHeaderView

from clinic.domain.drafts import AddressDraft, CaseDraft, ClientDraft, FamilyMemberDraft
from clinic.domain.entries import EntryFact, StatusPeriod
from clinic.domain.enums import (
    ArrivalManner,
    CaseFactKind,
    ClaimType,
    ProceedingKind,
    Relationship,
    Stage,
    StatusKind,
)
from clinic.services import cases, clients, deadlines, entries, rules_upgrade
from clinic.services.search import list_cases
from clinic.storage.models import Setting
from clinic.ui.case_view.deadline_table_model import Column
from clinic.ui.case_view.people_tab import EntryColumn, FamilyColumn
from clinic.ui.translations import Translations

TODAY = date(2026, 12, 7)


def _new_case(store) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft("Mejía Castro", "Iris", last_arrival_on=date(2025, 12, 25)),
        family=[
            FamilyMemberDraft(
                "Mejía Castro", "Teo", Relationship.CHILD, date(2004, 3, 2), in_us=True
            )
        ],
        address=AddressDraft("12 Elm St", "Houston", "TX", "77002", moved_in_on=date(2026, 1, 5)),
        today=TODAY,
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(ClaimType.DEFENSIVE, opened_on=date(2026, 1, 10)),
        today=TODAY,
    ).unwrap()
    member_id = clients.get_client(store=store, client_id=client_id).family[0].id
    return client_id, case_id, member_id


def _select(tab, words: str) -> None:  # type: ignore[no-untyped-def]
    model = tab.table.model()
    row = next(
        r for r in range(model.rowCount()) if words in (model.index(r, Column.TITLE).data() or "")
    )
    tab.table.selectRow(row)
    settle(0.5)
    wait_until(tab.provenance.explanation.isVisible, message="the reasoning")


def _assert_no_text_cut(table) -> None:  # type: ignore[no-untyped-def]
    """Every column but the stretching one is as wide as its widest cell and its heading."""
    header = table.horizontalHeader()
    for column in range(header.count()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        wanted = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        heading = table.model().headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= wanted, (
            f"{table.objectName()}: column {heading!r} is {header.sectionSize(column)} px wide, "
            f"its text needs {wanted}"
        )


def test_tps_and_a_childs_own_application_on_screen(window, store) -> None:  # type: ignore[no-untyped-def]
    client_id, case_id, child_id = _new_case(store)
    entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(
            date(2025, 12, 25),
            "Hidalgo, TX",
            ArrivalManner.PAROLED,
            "parole",
            date(2026, 1, 24),
            "98765432101",
        ),
        today=TODAY,
    ).unwrap()
    entries.record_status(
        store=store,
        client_id=client_id,
        status=StatusPeriod(0, StatusKind.TPS, "Honduras", date(2026, 1, 20), date(2027, 3, 9)),
        today=TODAY,
    ).unwrap()
    entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(
            date(2026, 1, 18),
            "San Ysidro, CA",
            ArrivalManner.WITHOUT_INSPECTION,
            "EWI",
            member_id=child_id,
        ),
        today=TODAY,
    ).unwrap()
    entries.set_own_filing(
        store=store, client_id=client_id, member_id=child_id, files_own=True,
        received_on=None, today=TODAY,
    ).unwrap()  # fmt: skip
    window.show_case(case_id)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    people = page.people
    page.tabs.setCurrentWidget(people)
    settle(0.5)
    assert people.entry_table.model().rowCount() == 2
    assert people.entry_table.model().index(0, EntryColumn.PLACE).data() == "San Ysidro, CA"
    assert people.family_table.model().index(0, FamilyColumn.COVERED).data() == "Own I-589"
    for table in (people.entry_table, people.status_table, people.family_table):
        _assert_no_text_cut(table)
    shot("entries-status-tab")

    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    _select(tab, "One-year asylum filing deadline")
    text = tab.provenance.explanation.text()
    # Thu 2025-12-25 + 1 year = Fri 2026-12-25 (Christmas) -> Mon 2026-12-28
    assert text.startswith("Last arrival Thu 2025-12-25 + 1 year = Fri 2026-12-25")
    assert "Mon 2026-12-28" in text
    assert "TPS until Tue 2027-03-09: held on this date" in text
    shot("deadlines-one-year-tps")
    _select(tab, "family member filing their own I-589")
    text = tab.provenance.explanation.text()
    # Sun 2026-01-18 + 1 year = Mon 2027-01-18 (Martin Luther King Jr. Day) -> Tue 2027-01-19
    assert text.startswith("Child's last arrival Sun 2026-01-18 + 1 year = Mon 2027-01-18")
    assert "Tue 2027-01-19" in text
    assert "208(b)(3)(A)" in tab.provenance.source.text()
    shot("deadlines-child-own-one-year")


def test_withholding_only_and_the_travel_warning_on_screen(window, store) -> None:  # type: ignore[no-untyped-def]
    case = next(
        c
        for c in list_cases(store=store, today=TODAY)
        if c.claim_type is ClaimType.DEFENSIVE and c.stage is Stage.HEARINGS
    )
    entries.set_proceeding(
        store=store, case_id=case.id, proceeding=ProceedingKind.WITHHOLDING_ONLY
    ).unwrap()
    # reinstated Fri 2026-11-06 + 30 = Sun 2026-12-06 -> Mon 2026-12-07
    deadlines.record_case_fact(
        store=store, case_id=case.id, kind=CaseFactKind.REINSTATED_ORDER, on=date(2026, 11, 6)
    ).unwrap()
    deadlines.record_case_fact(
        store=store, case_id=case.id, kind=CaseFactKind.LIMITED_REFERRAL, on=date(2026, 11, 20)
    ).unwrap()
    window.show_case(case.id)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    page.tabs.setCurrentWidget(page.people)
    settle(0.5)
    assert page.people.proceeding.text() == "Proceeding: Withholding-only proceedings"
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    _select(tab, "protective petition for review")
    assert tab.provenance.explanation.text().startswith(
        "Removal order reinstated or issued administratively Fri 2026-11-06 + 30 days = "
        "Sun 2026-12-06 → next business day Mon 2026-12-07"
    )
    assert "Riley v. Bondi" in tab.provenance.source.text()
    model = tab.table.model()
    rows = [
        (model.index(r, Column.TITLE).data(), model.index(r, Column.STATUS).data())
        for r in range(model.rowCount())
    ]
    # no asylum in withholding-only proceedings, so no open one-year deadline; the demo's I-589
    # met it before the proceeding was recorded, and that row stays as history ("Done")
    assert [s for t, s in rows if t == "One-year asylum filing deadline"] in ([], ["Done"]), rows
    shot("deadlines-withholding-only")

    granted = next(  # an I-589 before the asylum office: the interview, then the grant
        c
        for c in list_cases(store=store, today=TODAY)
        if c.claim_type is ClaimType.AFFIRMATIVE and c.stage is Stage.INTERVIEW
    )
    deadlines.record_case_fact(
        store=store, case_id=granted.id, kind=CaseFactKind.ASYLUM_GRANTED, on=date(2026, 12, 1)
    ).unwrap()
    window.show_case(granted.id)
    wait_until(page.isVisible, message="the case page")
    page.tabs.setCurrentWidget(tab)
    _select(tab, "refugee travel document")
    assert "223.1(b)" in tab.provenance.source.text()
    model = tab.table.model()
    fees = [
        model.index(r, Column.STATUS).data()
        for r in range(model.rowCount())
        if (model.index(r, Column.TITLE).data() or "").startswith("Annual asylum fee")
    ]
    # granted, so no longer pending: no yearly fee after the grant (8 U.S.C. 1808)
    assert fees and "Open" not in fees, fees
    shot("deadlines-travel-warning")


@pytest.fixture
def older_store(store):  # type: ignore[no-untyped-def]
    """The demo store as a version without the travel warning left it."""
    version = rules_upgrade.rules_version()
    rules = {k: v for k, v in version["rules"].items() if k != "post-grant-travel-warning"}
    with store.unit_of_work() as session:
        session.get(Setting, rules_upgrade.RULES_VERSION_KEY).value = {**version, "rules": rules}
    return store


UPGRADED = {
    "en": "Deadlines were recomputed with this version's corrected rules (1 rule changed).",
    "es": "Los plazos se recalcularon con las reglas corregidas de esta versión (cambió 1 regla).",
}


@pytest.fixture(params=["en", "es"])
def language(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The window's catalogues as the application installs them (English too: its plurals)."""
    before = QLocale()
    translations = Translations(qapp)
    translations.apply(request.param)
    yield request.param
    translations.remove()
    QLocale.setDefault(before)


def test_a_store_with_older_rules_is_recomputed_when_the_window_opens(  # type: ignore[no-untyped-def]
    older_store, language, request
) -> None:
    window = request.getfixturevalue("window")
    wait_until(
        lambda: window.statusBar().currentMessage() != "",
        timeout=30,
        message="the status-bar note",
    )
    assert window.statusBar().currentMessage() == UPGRADED[language]
    with older_store.unit_of_work() as session:
        assert rules_upgrade.rules_changed(session) == []
    shot(f"rules-upgraded-status-bar-{language}")
