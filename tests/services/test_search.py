"""Finding cases and clients the way staff type: any case, accents, aliases, A-numbers, receipts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest

from clinic.domain.drafts import CaseDraft, ClientDraft, DeadlineDraft, HearingDraft, StaffDraft
from clinic.domain.enums import ClaimType, DeadlineStatus, HearingKind, Outcome, StaffRole, Stage
from clinic.domain.ids import CaseId, ClientId, StaffId
from clinic.services import cases, clients, schedule, staff
from clinic.services.search import CaseFilter, count_cases, list_cases, search_clients
from clinic.storage.store import Store

OPENED = date(2026, 1, 5)


@dataclass(frozen=True)
class World:
    ana: StaffId
    ben: StaffId
    jose: ClientId
    alexei: ClientId
    an: ClientId
    chidi: ClientId
    jose_case: CaseId
    alexei_case: CaseId
    an_case: CaseId


def _client(store: Store, today: date, draft: ClientDraft) -> ClientId:
    return clients.intake_client(store=store, client=draft, today=today).unwrap()


def _case(store: Store, today: date, client_id: ClientId, draft: CaseDraft) -> CaseId:
    return cases.open_case(store=store, client_id=client_id, case=draft, today=today).unwrap()


@pytest.fixture
def world(store: Store, today: date) -> World:
    ana = staff.add_staff(store=store, staff=StaffDraft("Ana Pérez", StaffRole.PARALEGAL)).unwrap()
    ben = staff.add_staff(store=store, staff=StaffDraft("Ben Okoye", StaffRole.PARALEGAL)).unwrap()

    jose = _client(
        store,
        today,
        ClientDraft(
            "Núñez García", "José María", other_names=("Pepe Núñez",), a_number="A-123-456-789"
        ),
    )
    jose_case = _case(
        store,
        today,
        jose,
        CaseDraft(
            ClaimType.AFFIRMATIVE,
            opened_on=OPENED,
            receipt_number="ZLA2512345678",
            paralegal_id=ana,
        ),
    )
    for on, kind in [
        (date(2026, 10, 1), HearingKind.BIOMETRICS),  # past
        (date(2027, 2, 1), HearingKind.ASYLUM_INTERVIEW),
        (date(2026, 12, 15), HearingKind.ASYLUM_INTERVIEW),
    ]:
        schedule.schedule_hearing(
            store=store, case_id=jose_case, hearing=HearingDraft(kind, on)
        ).unwrap()
    done = schedule.record_deadline(
        store=store,
        case_id=jose_case,
        deadline=DeadlineDraft("filing", "Earliest, done", date(2026, 12, 1)),
    ).unwrap()
    schedule.close_deadline(
        store=store, deadline_id=done, status=DeadlineStatus.DONE, on=today
    ).unwrap()
    waived = schedule.record_deadline(
        store=store,
        case_id=jose_case,
        deadline=DeadlineDraft("filing", "Waived", date(2026, 12, 5)),
    ).unwrap()
    schedule.close_deadline(
        store=store, deadline_id=waived, status=DeadlineStatus.WAIVED, on=today, reason="Not needed"
    ).unwrap()
    schedule.record_deadline(
        store=store, case_id=jose_case, deadline=DeadlineDraft("filing", "Open", date(2027, 1, 10))
    ).unwrap()

    alexei = _client(store, today, ClientDraft("Алексеев", "Алексей", a_number="98765432"))
    alexei_case = _case(
        store,
        today,
        alexei,
        CaseDraft(ClaimType.DEFENSIVE, opened_on=OPENED, detained=True, paralegal_id=ben),
    )
    cases.change_stage(store=store, case_id=alexei_case, stage=Stage.PREPARING, on=OPENED).unwrap()
    schedule.schedule_hearing(
        store=store, case_id=alexei_case, hearing=HearingDraft(HearingKind.MASTER_CALENDAR, today)
    ).unwrap()

    an = _client(store, today, ClientDraft("Nguyen", "Van An"))
    an_case = _case(store, today, an, CaseDraft(ClaimType.AFFIRMATIVE, opened_on=OPENED))
    cases.change_stage(
        store=store, case_id=an_case, stage=Stage.CLOSED, on=today, outcome=Outcome.WITHDRAWN
    ).unwrap()

    chidi = _client(store, today, ClientDraft("Okafor", "Chidi"))  # intake only, no case yet
    return World(ana, ben, jose, alexei, an, chidi, jose_case, alexei_case, an_case)


def names(store: Store, today: date, text: str = "", flt: CaseFilter | None = None) -> list[str]:
    return [s.client_name for s in list_cases(store=store, today=today, text=text, case_filter=flt)]


JOSE = "NÚÑEZ GARCÍA, José María"
ALEXEI = "АЛЕКСЕЕВ, Алексей"
AN = "NGUYEN, Van An"


def test_list_cases_without_text_lists_every_case(store: Store, today: date, world: World) -> None:
    summaries = list_cases(store=store, today=today)
    assert {s.id for s in summaries} == {world.jose_case, world.alexei_case, world.an_case}
    assert count_cases(store=store) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names: any case, accents or none, any word order
        ("jose", {JOSE}),
        ("NUNEZ", {JOSE}),
        ("núñez", {JOSE}),
        ("Nuñez Garcia", {JOSE}),
        ("garcia jose nunez", {JOSE}),
        ("  José   Núñez  ", {JOSE}),
        ("nguy", {AN}),
        ("van an", {AN}),
        # alias
        ("pepe", {JOSE}),
        # other scripts, romanised as in the passport
        ("Алексей", {ALEXEI}),
        ("aleksei", {ALEXEI}),
        ("alekseev", {ALEXEI}),
        # A-numbers, with or without dashes, old eight-digit form
        ("A-123-456-789", {JOSE}),
        ("123456789", {JOSE}),
        ("123-456-789", {JOSE}),
        ("a 123 456 789", {JOSE}),
        ("A#123.456.789", {JOSE}),
        ("456-789", {JOSE}),
        ("98765432", {ALEXEI}),
        ("A-098-765-432", {ALEXEI}),
        # receipt numbers
        ("ZLA2512345678", {JOSE}),
        ("zla2512345678", {JOSE}),
        ("ZLA-25-12345678", {JOSE}),
        ("ZLA251", {JOSE}),
        # nothing
        ("zapata", set()),
        ("ZLA9999999999", set()),
        ("999999", set()),
    ],
)
def test_search_cases(
    store: Store, today: date, world: World, text: str, expected: set[str]
) -> None:
    found = names(store, today, text)
    assert set(found) == expected
    assert len(found) == len(expected)
    assert count_cases(store=store, text=text) == len(expected)


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (CaseFilter(), {JOSE, ALEXEI, AN}),
        (CaseFilter(claim_type=ClaimType.AFFIRMATIVE), {JOSE, AN}),
        (CaseFilter(claim_type=ClaimType.DEFENSIVE), {ALEXEI}),
        (CaseFilter(stage=Stage.PREPARING), {ALEXEI}),
        (CaseFilter(stage=Stage.CLOSED), {AN}),
        (CaseFilter(stage=Stage.INTAKE), {JOSE}),
        (CaseFilter(stage=Stage.HEARINGS), set()),
        (CaseFilter(detained=True), {ALEXEI}),
        (CaseFilter(detained=False), {JOSE, AN}),
        (CaseFilter(include_closed=False), {JOSE, ALEXEI}),
        (CaseFilter(claim_type=ClaimType.AFFIRMATIVE, include_closed=False), {JOSE}),
        (CaseFilter(claim_type=ClaimType.DEFENSIVE, detained=False), set()),
    ],
)
def test_filters(
    store: Store, today: date, world: World, flt: CaseFilter, expected: set[str]
) -> None:
    found = names(store, today, flt=flt)
    assert set(found) == expected
    assert len(found) == len(expected)
    assert count_cases(store=store, case_filter=flt) == len(expected)


def test_filter_by_paralegal(store: Store, today: date, world: World) -> None:
    assert names(store, today, flt=CaseFilter(paralegal_id=world.ana)) == [JOSE]
    assert names(store, today, flt=CaseFilter(paralegal_id=world.ben)) == [ALEXEI]
    assert count_cases(store=store, case_filter=CaseFilter(paralegal_id=world.ana)) == 1


def test_text_and_filter_combine(store: Store, today: date, world: World) -> None:
    flt = CaseFilter(claim_type=ClaimType.DEFENSIVE)
    assert names(store, today, "jose", flt) == []
    assert count_cases(store=store, text="jose", case_filter=flt) == 0
    assert names(store, today, "aleksei", flt) == [ALEXEI]


def test_summary_rows(store: Store, today: date, world: World) -> None:
    by_id = {s.id: s for s in list_cases(store=store, today=today)}
    jose = by_id[world.jose_case]
    assert jose.client_id == world.jose
    assert jose.client_name == JOSE
    assert jose.a_number == "123456789"
    assert jose.claim_type is ClaimType.AFFIRMATIVE
    assert jose.stage is Stage.INTAKE
    assert jose.paralegal == "Ana Pérez"
    assert jose.detained is False
    alexei = by_id[world.alexei_case]
    assert (alexei.a_number, alexei.paralegal, alexei.detained, alexei.stage) == (
        "098765432",
        "Ben Okoye",
        True,
        Stage.PREPARING,
    )
    assert by_id[world.an_case].paralegal == ""


def test_next_hearing_ignores_past_hearings(store: Store, today: date, world: World) -> None:
    by_id = {s.id: s for s in list_cases(store=store, today=today)}
    assert by_id[world.jose_case].next_hearing == date(2026, 12, 15)
    assert by_id[world.alexei_case].next_hearing == today  # a hearing today is still ahead
    assert by_id[world.an_case].next_hearing is None
    later = {s.id: s for s in list_cases(store=store, today=date(2026, 12, 16))}
    assert later[world.jose_case].next_hearing == date(2027, 2, 1)
    assert later[world.alexei_case].next_hearing is None


def test_next_deadline_ignores_done_and_waived_deadlines(
    store: Store, today: date, world: World
) -> None:
    by_id = {s.id: s for s in list_cases(store=store, today=today)}
    deadlines = cases.get_case(store=store, case_id=world.jose_case).deadlines
    closed = {d.due_on for d in deadlines if d.status is not DeadlineStatus.OPEN}
    assert date(2026, 12, 1) in closed  # the done one, earliest of all
    # The earliest open one: the interpreter reminder a week before the asylum interview
    # (8 CFR 208.9(g)), then the manual deadline of Jan 10.
    open_dates = sorted(d.due_on for d in deadlines if d.status is DeadlineStatus.OPEN)
    assert open_dates[:2] == [date(2026, 12, 8), date(2027, 1, 10)]
    assert by_id[world.jose_case].next_deadline == date(2026, 12, 8)
    assert by_id[world.alexei_case].next_deadline is None


def test_reopened_deadline_counts_again(store: Store, today: date, world: World) -> None:
    (done,) = [
        d
        for d in cases.get_case(store=store, case_id=world.jose_case).deadlines
        if d.status is DeadlineStatus.DONE
    ]
    schedule.close_deadline(
        store=store, deadline_id=done.id, status=DeadlineStatus.OPEN, on=today
    ).unwrap()
    by_id = {s.id: s for s in list_cases(store=store, today=today)}
    assert by_id[world.jose_case].next_deadline == date(2026, 12, 1)


def test_paging(store: Store, today: date, world: World) -> None:
    everything = list_cases(store=store, today=today)
    first = list_cases(store=store, today=today, limit=2)
    rest = list_cases(store=store, today=today, offset=2, limit=2)
    assert [s.id for s in first + rest] == [s.id for s in everything]
    assert len(first) == 2
    assert len(rest) == 1


def test_search_follows_a_renamed_client(store: Store, today: date, world: World) -> None:
    clients.update_client(
        store=store,
        client_id=world.an,
        client=ClientDraft("Trần", "Thị Bích", other_names=("Bich Tran",)),
        today=today,
    ).unwrap()
    assert names(store, today, "nguyen") == []
    assert names(store, today, "tran thi") == ["TRẦN, Thị Bích"]
    assert names(store, today, "bich") == ["TRẦN, Thị Bích"]


def test_cases_are_listed_alphabetically_whatever_the_accents_or_case(
    store: Store, today: date
) -> None:
    for family in ["Zapata", "Álvarez", "Morales", "de la Cruz"]:
        client_id = _client(store, today, ClientDraft(family, "X"))
        _case(store, today, client_id, CaseDraft(ClaimType.AFFIRMATIVE))
    assert names(store, today) == ["ÁLVAREZ, X", "DE LA CRUZ, X", "MORALES, X", "ZAPATA, X"]


# --- clients ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("okafor", [("OKAFOR, Chidi", None, 0)]),
        ("CHIDI", [("OKAFOR, Chidi", None, 0)]),
        ("jose nunez", [(JOSE, "123456789", 1)]),
        ("Pepe", [(JOSE, "123456789", 1)]),
        ("A-123-456-789", [(JOSE, "123456789", 1)]),
        ("98765432", [(ALEXEI, "098765432", 1)]),
        ("aleksei", [(ALEXEI, "098765432", 1)]),
        ("van an", [(AN, None, 1)]),
        ("zapata", []),
        ("", []),
        ("   ", []),
        ("--", []),
    ],
)
def test_search_clients(
    store: Store, world: World, text: str, expected: list[tuple[str, str | None, int]]
) -> None:
    hits = search_clients(store=store, text=text)
    assert [(h.name, h.a_number, h.case_count) for h in hits] == expected


def test_search_clients_finds_a_client_with_no_case_and_its_id(store: Store, world: World) -> None:
    (hit,) = search_clients(store=store, text="okafor chidi")
    assert hit.id == world.chidi
    assert hit.case_count == 0
    assert world.chidi not in {
        s.client_id for s in list_cases(store=store, today=date(2026, 11, 28))
    }


def test_search_clients_counts_every_case(store: Store, today: date, world: World) -> None:
    _case(store, today, world.jose, replace(CaseDraft(ClaimType.DEFENSIVE), opened_on=OPENED))
    (hit,) = search_clients(store=store, text="pepe")
    assert hit.case_count == 2
    assert sorted(names(store, today, "pepe")) == [JOSE, JOSE]
