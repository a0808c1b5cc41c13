"""Intake, client upkeep, cases, stages, referral, scheduling and the conflict check."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import select

from clinic.domain.conflicts import MatchReason, PartyKind
from clinic.domain.drafts import (
    AddressDraft,
    CaseDraft,
    ClientDraft,
    DeadlineDraft,
    EvidenceDraft,
    FamilyMemberDraft,
    HearingDraft,
    StaffDraft,
)
from clinic.domain.enums import (
    AttendanceMode,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    DetentionStatus,
    EvidenceCategory,
    EvidenceStatus,
    ForumKind,
    HearingKind,
    Outcome,
    ProtectedGround,
    Relationship,
    Relief,
    StaffRole,
    Stage,
    TranslationStatus,
)
from clinic.domain.ids import CaseId, ClientId, StaffId
from clinic.domain.validation import FieldProblem, Problem
from clinic.services import cases, clients, evidence, schedule, staff
from clinic.storage.models import (
    AdverseParty,
    AuditEntry,
    Case,
    Client,
    ClientAddress,
    FamilyMember,
)
from clinic.storage.store import Store, count_rows

OPENED = date(2026, 1, 5)

JOSE = ClientDraft(
    family_name="Núñez García",
    given_name="José María",
    other_names=("Pepe Núñez",),
    a_number="A-123-456-789",
    date_of_birth=date(1990, 5, 17),
    nationalities=("hn",),
    languages=("ES", "quc"),
    phone="+1 555 123 4567",
)


def intake(store: Store, today: date, draft: ClientDraft = JOSE, **kwargs: object) -> ClientId:
    return clients.intake_client(store=store, client=draft, today=today, **kwargs).unwrap()  # type: ignore[arg-type]


def open_case(
    store: Store,
    today: date,
    client_id: ClientId,
    claim_type: ClaimType = ClaimType.AFFIRMATIVE,
    **changes: object,
) -> CaseId:
    draft = replace(CaseDraft(claim_type=claim_type, opened_on=OPENED), **changes)
    return cases.open_case(store=store, client_id=client_id, case=draft, today=today).unwrap()


def move(store: Store, case_id: CaseId, *stages: Stage) -> None:
    for stage in stages:
        cases.change_stage(store=store, case_id=case_id, stage=stage, on=OPENED).unwrap()


def audit_entries(store: Store) -> list[AuditEntry]:
    with store.unit_of_work() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def chain_head(store: Store) -> bytes | None:
    """The audit chain's head kept in a laptop's data folder (None when there is none yet). An
    office database keeps no head outside the server: there ``row_counts`` (audit_log included)
    is the proof that nothing was written."""
    datadir = getattr(store, "datadir", None)
    if datadir is None or not datadir.audit_head.exists():
        return None
    return bytes(datadir.audit_head.read_bytes())


def row_counts(store: Store) -> dict[str, int]:
    return {
        model.__name__: count_rows(store, model)
        for model in (Client, FamilyMember, ClientAddress, AdverseParty, Case, AuditEntry)
    }


# --- intake ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("A-123-456-789", "123456789"),
        ("a 12345678", "012345678"),
        ("A#123.456.789", "123456789"),
        ("  123 456 789 ", "123456789"),
        ("", None),
    ],
)
def test_intake_stores_the_a_number_as_nine_digits(
    store: Store, today: date, typed: str, stored: str | None
) -> None:
    client_id = intake(store, today, replace(JOSE, a_number=typed))
    assert clients.get_client(store=store, client_id=client_id).a_number == stored


def test_intake_normalises_codes_and_names(store: Store, today: date) -> None:
    client_id = intake(
        store, today, replace(JOSE, family_name="  Núñez García ", other_names=(" Pepe Núñez ",))
    )
    view = clients.get_client(store=store, client_id=client_id)
    assert view.family_name == "Núñez García"
    assert view.nationalities == ("HN",)
    assert view.languages == ("es", "quc")
    assert view.other_names == ("Pepe Núñez",)
    assert view.display_name == "NÚÑEZ GARCÍA, José María"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("A-123-456-789", "123456789"),
        ("a 123 456 789", "A#123.456.789"),
        ("12345678", "A-012-345-678"),  # an old eight-digit number is the padded nine-digit one
    ],
)
def test_duplicate_a_number_is_rejected_with_a_code(
    store: Store, today: date, first: str, second: str
) -> None:
    intake(store, today, replace(JOSE, a_number=first))
    before = row_counts(store)
    result = clients.intake_client(
        store=store,
        client=ClientDraft("Other", "Person", a_number=second),
        today=today,
        family=[FamilyMemberDraft("Other", "Kid", Relationship.CHILD)],
        adverse_parties=["Someone"],
    )
    assert not result.ok
    assert result.value is None
    assert result.problems == (FieldProblem("a_number", Problem.DUPLICATE_A_NUMBER),)
    assert row_counts(store) == before


def test_update_client_to_another_clients_a_number_is_rejected(store: Store, today: date) -> None:
    intake(store, today)
    other = intake(store, today, ClientDraft("Other", "Person", a_number="A-987-654-321"))
    before = row_counts(store)
    result = clients.update_client(
        store=store,
        client_id=other,
        client=ClientDraft("Other", "Person", a_number="123-456-789"),
        today=today,
    )
    assert result.problems == (FieldProblem("a_number", Problem.DUPLICATE_A_NUMBER),)
    assert clients.get_client(store=store, client_id=other).a_number == "987654321"
    assert row_counts(store) == before


def test_update_client_keeping_its_own_a_number_is_fine(store: Store, today: date) -> None:
    client_id = intake(store, today)
    result = clients.update_client(
        store=store, client_id=client_id, client=replace(JOSE, phone="+1 555 000 1111"), today=today
    )
    assert result.ok
    assert clients.get_client(store=store, client_id=client_id).phone == "+1 555 000 1111"


def test_intake_saves_family_address_and_adverse_parties(store: Store, today: date) -> None:
    client_id = intake(
        store,
        today,
        family=[
            FamilyMemberDraft("Núñez", "Ana", Relationship.CHILD, date(2015, 2, 3), "a 98765432"),
            FamilyMemberDraft("López", "María", Relationship.SPOUSE, in_us=True, derivative=True),
        ],
        address=AddressDraft("1200 Main St", "Houston", "TX", "77002", country="us"),
        adverse_parties=["Carlos Mendoza Ruiz", "  ", " El Flaco "],
    )
    view = clients.get_client(store=store, client_id=client_id)
    assert [(f.family_name, f.given_name, f.relationship) for f in view.family] == [
        ("Núñez", "Ana", Relationship.CHILD),
        ("López", "María", Relationship.SPOUSE),
    ]
    assert view.family[0].a_number == "098765432"
    assert view.family[0].date_of_birth == date(2015, 2, 3)
    assert (view.family[1].in_us, view.family[1].derivative) == (True, True)
    assert [(a.line1, a.city, a.state, a.postal_code, a.country) for a in view.addresses] == [
        ("1200 Main St", "Houston", "TX", "77002", "US")
    ]
    with store.unit_of_work() as session:
        adverse = session.scalars(
            select(AdverseParty.name)
            .where(AdverseParty.client_id == client_id)
            .order_by(AdverseParty.id)
        ).all()
    assert adverse == ["Carlos Mendoza Ruiz", "El Flaco"]
    # client + 2 family + 1 address + 2 adverse parties, each audited
    entities = [e.entity for e in audit_entries(store)]
    assert entities == [
        "client",
        "family_member",
        "family_member",
        "client_address",
        "adverse_party",
        "adverse_party",
    ]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"client": replace(JOSE, family_name="")},
            (FieldProblem("family_name", Problem.REQUIRED),),
        ),
        (
            {"client": replace(JOSE, a_number="A-123-456-78O", email="nope")},
            (
                FieldProblem("a_number", Problem.A_NUMBER_HAS_LETTERS),
                FieldProblem("email", Problem.BAD_EMAIL),
            ),
        ),
        (
            {
                "family": [
                    FamilyMemberDraft("Núñez", "Ana", Relationship.CHILD),
                    FamilyMemberDraft("", "Luis", Relationship.CHILD, a_number="000000000"),
                ]
            },
            (
                FieldProblem("family[1].family_name", Problem.REQUIRED),
                FieldProblem("family[1].a_number", Problem.A_NUMBER_ALL_ZEROS),
            ),
        ),
        (
            {"address": AddressDraft("", "", state="TX", country="USA")},
            (
                FieldProblem("address.city", Problem.ADDRESS_PLACE_REQUIRED),
                FieldProblem("address.country", Problem.UNKNOWN_COUNTRY),
            ),
        ),
    ],
)
def test_invalid_intake_returns_problems_and_writes_nothing(
    store: Store, today: date, kwargs: dict[str, object], expected: tuple[FieldProblem, ...]
) -> None:
    head_before = chain_head(store)
    arguments: dict[str, object] = {"client": JOSE, "adverse_parties": ["Carlos Mendoza"], **kwargs}
    result = clients.intake_client(store=store, today=today, **arguments)  # type: ignore[arg-type]
    assert result.problems == expected
    assert result.value is None
    assert all(n == 0 for n in row_counts(store).values()), row_counts(store)
    assert chain_head(store) == head_before


def test_invalid_input_after_earlier_work_leaves_counts_unchanged(
    store: Store, today: date
) -> None:
    intake(store, today, family=[FamilyMemberDraft("Núñez", "Ana", Relationship.CHILD)])
    before = row_counts(store)
    head = chain_head(store)
    result = clients.intake_client(
        store=store,
        client=ClientDraft("Ok", "Name"),
        today=today,
        family=[
            FamilyMemberDraft("Núñez", "Ana", Relationship.CHILD, date_of_birth=date(2099, 1, 1))
        ],
    )
    assert result.problems == (FieldProblem("family[0].date_of_birth", Problem.DATE_IN_FUTURE),)
    assert row_counts(store) == before
    assert chain_head(store) == head


def test_rejected_update_client_writes_nothing(store: Store, today: date) -> None:
    client_id = intake(store, today)
    before = row_counts(store)
    result = clients.update_client(
        store=store, client_id=client_id, client=replace(JOSE, phone="call me"), today=today
    )
    assert result.problems == (FieldProblem("phone", Problem.BAD_PHONE),)
    assert row_counts(store) == before
    assert clients.get_client(store=store, client_id=client_id).phone == "+1 555 123 4567"


# --- client updates --------------------------------------------------------------------------


def test_update_client_is_audited_with_before_and_after(store: Store, today: date) -> None:
    client_id = intake(store, today)
    updated = replace(
        JOSE,
        family_name="Núñez",
        phone="+1 555 987 6543",
        date_of_birth=date(1990, 5, 18),
        detention=DetentionStatus.DETAINED,
        detention_facility="Krome",
    )
    result = clients.update_client(store=store, client_id=client_id, client=updated, today=today)
    assert result.ok
    last = audit_entries(store)[-1]
    assert (last.actor, last.action, last.entity, last.entity_id) == (
        "tester",
        "update",
        "client",
        client_id,
    )
    assert last.changes == {
        "family_name": ["Núñez García", "Núñez"],
        "phone": ["+1 555 123 4567", "+1 555 987 6543"],
        "date_of_birth": ["1990-05-17", "1990-05-18"],
        "detention": ["not_detained", "detained"],
        "detention_facility": ["", "Krome"],
        "_version": 2,  # the version the row reached (clinic.services.versions)
    }
    view = clients.get_client(store=store, client_id=client_id)
    assert (view.family_name, view.phone, view.detention_facility) == (
        "Núñez",
        "+1 555 987 6543",
        "Krome",
    )


def test_update_client_without_changes_writes_no_audit_entry(store: Store, today: date) -> None:
    client_id = intake(store, today)
    before = len(audit_entries(store))
    result = clients.update_client(store=store, client_id=client_id, client=JOSE, today=today)
    assert result.ok
    assert result.changes.touched == frozenset()
    assert len(audit_entries(store)) == before


def test_add_family_member_and_record_move_keep_history(store: Store, today: date) -> None:
    client_id = intake(store, today, address=AddressDraft("1 Old Rd", "El Paso", "TX"))
    clients.add_family_member(
        store=store,
        client_id=client_id,
        member=FamilyMemberDraft("Núñez", "Luis", Relationship.SIBLING),
        today=today,
    ).unwrap()
    clients.record_move(
        store=store,
        client_id=client_id,
        address=AddressDraft("2 New Ave", "Houston", "TX", moved_in_on=date(2026, 11, 1)),
        today=today,
    ).unwrap()
    view = clients.get_client(store=store, client_id=client_id)
    assert [f.given_name for f in view.family] == ["Luis"]
    assert [a.line1 for a in view.addresses] == ["1 Old Rd", "2 New Ave"]
    assert view.addresses[1].moved_in_on == date(2026, 11, 1)


# --- cases -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim_type", "forum"),
    [
        (ClaimType.AFFIRMATIVE, ForumKind.ASYLUM_OFFICE),
        (ClaimType.DEFENSIVE, ForumKind.IMMIGRATION_COURT),
    ],
)
def test_open_case_derives_the_forum(
    store: Store, today: date, claim_type: ClaimType, forum: ForumKind
) -> None:
    client_id = intake(store, today)
    case_id = cases.open_case(
        store=store, client_id=client_id, case=CaseDraft(claim_type=claim_type), today=today
    ).unwrap()
    view = cases.get_case(store=store, case_id=case_id)
    assert view.forum_kind is forum
    assert view.claim_type is claim_type
    assert view.stage is Stage.INTAKE
    assert view.opened_on == today  # defaults to today
    assert view.relief == frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT})
    assert [(h.from_stage, h.to_stage, h.note) for h in view.history] == [
        (None, Stage.INTAKE, "Case opened")
    ]
    assert view.client.id == client_id
    assert clients.get_client(store=store, client_id=client_id).case_ids == (case_id,)


def test_open_case_stores_fields_normalised(store: Store, today: date) -> None:
    client_id = intake(store, today)
    paralegal = staff.add_staff(
        store=store, staff=StaffDraft("Ana Pérez", StaffRole.PARALEGAL)
    ).unwrap()
    case_id = open_case(
        store,
        today,
        client_id,
        grounds=frozenset({ProtectedGround.PARTICULAR_SOCIAL_GROUP}),
        psg_definition="  Honduran women unable to leave a relationship  ",
        forum_name=" Houston Asylum Office ",
        receipt_number="zla-25-12345678",
        filed_on=date(2026, 2, 1),
        paralegal_id=paralegal,
        detained=True,
    )
    view = cases.get_case(store=store, case_id=case_id)
    assert view.receipt_number == "ZLA2512345678"
    assert view.forum_name == "Houston Asylum Office"
    assert view.psg_definition == "Honduran women unable to leave a relationship"
    assert view.grounds == frozenset({ProtectedGround.PARTICULAR_SOCIAL_GROUP})
    assert view.opened_on == OPENED
    assert view.filed_on == date(2026, 2, 1)
    assert view.paralegal is not None
    assert view.paralegal.name == "Ana Pérez"
    assert view.detained is True


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"forum_kind": ForumKind.IMMIGRATION_COURT},
            (FieldProblem("forum_kind", Problem.FORUM_MISMATCH),),
        ),
        ({"relief": frozenset()}, (FieldProblem("relief", Problem.RELIEF_REQUIRED),)),
        ({"paralegal_id": StaffId(999)}, (FieldProblem("paralegal_id", Problem.UNKNOWN_STAFF),)),
        ({"attorney_id": StaffId(998)}, (FieldProblem("attorney_id", Problem.UNKNOWN_STAFF),)),
    ],
)
def test_open_case_rejects_bad_input_and_writes_nothing(
    store: Store, today: date, changes: dict[str, object], expected: tuple[FieldProblem, ...]
) -> None:
    client_id = intake(store, today)
    before = row_counts(store)
    draft = replace(CaseDraft(ClaimType.AFFIRMATIVE), **changes)
    result = cases.open_case(store=store, client_id=client_id, case=draft, today=today)
    assert result.problems == expected
    assert row_counts(store) == before


def test_update_case_refuses_a_claim_type_change(store: Store, today: date) -> None:
    case_id = open_case(store, today, intake(store, today))
    before = row_counts(store)
    result = cases.update_case(
        store=store,
        case_id=case_id,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Court"),
        today=today,
    )
    assert result.problems == (FieldProblem("claim_type", Problem.CLAIM_TYPE_CHANGE),)
    view = cases.get_case(store=store, case_id=case_id)
    assert view.claim_type is ClaimType.AFFIRMATIVE
    assert view.forum_kind is ForumKind.ASYLUM_OFFICE
    assert view.forum_name == ""
    assert row_counts(store) == before


def test_update_case_saves_and_audits_the_form(store: Store, today: date) -> None:
    case_id = open_case(store, today, intake(store, today))
    result = cases.update_case(
        store=store,
        case_id=case_id,
        case=CaseDraft(
            ClaimType.AFFIRMATIVE,
            forum_name="Houston Asylum Office",
            receipt_number="ZLA2512345678",
        ),
        today=today,
    )
    assert result.ok
    view = cases.get_case(store=store, case_id=case_id)
    assert view.forum_name == "Houston Asylum Office"
    assert view.opened_on == OPENED  # an empty opened_on keeps the stored date
    last = audit_entries(store)[-1]
    assert (last.action, last.entity, last.entity_id) == ("update", "case", case_id)
    assert last.changes == {
        "forum_name": ["", "Houston Asylum Office"],
        "receipt_number": ["", "ZLA2512345678"],
        "_version": view.version,
    }


# --- stages ----------------------------------------------------------------------------------


def test_change_stage_enforces_the_state_machine(store: Store, today: date) -> None:
    case_id = open_case(store, today, intake(store, today))

    def change(stage: Stage, outcome: Outcome | None = None) -> tuple[FieldProblem, ...]:
        return cases.change_stage(
            store=store, case_id=case_id, stage=stage, on=date(2026, 3, 1), outcome=outcome
        ).problems

    assert change(Stage.FILED) == (FieldProblem("stage", Problem.STAGE_NOT_ALLOWED),)
    assert change(Stage.HEARINGS) == (FieldProblem("stage", Problem.STAGE_NOT_ALLOWED),)
    assert change(Stage.INTAKE) == (FieldProblem("stage", Problem.STAGE_UNCHANGED),)
    assert change(Stage.PREPARING, Outcome.GRANTED) == (
        FieldProblem("stage", Problem.OUTCOME_NOT_EXPECTED),
    )
    assert change(Stage.CLOSED) == (FieldProblem("stage", Problem.OUTCOME_REQUIRED),)
    # nothing of the above was written
    view = cases.get_case(store=store, case_id=case_id)
    assert view.stage is Stage.INTAKE
    assert len(view.history) == 1
    assert len(audit_entries(store)) == 2  # client + case

    assert change(Stage.PREPARING) == ()
    assert change(Stage.FILED) == ()
    assert change(Stage.INTERVIEW) == ()
    assert change(Stage.FILED) == ()  # a mistaken click stepped back
    assert change(Stage.INTERVIEW) == ()
    assert change(Stage.DECISION, Outcome.GRANTED) == ()
    view = cases.get_case(store=store, case_id=case_id)
    assert (view.stage, view.outcome, view.closed_on) == (Stage.DECISION, Outcome.GRANTED, None)
    assert [(h.from_stage, h.to_stage) for h in view.history] == [
        (None, Stage.INTAKE),
        (Stage.INTAKE, Stage.PREPARING),
        (Stage.PREPARING, Stage.FILED),
        (Stage.FILED, Stage.INTERVIEW),
        (Stage.INTERVIEW, Stage.FILED),
        (Stage.FILED, Stage.INTERVIEW),
        (Stage.INTERVIEW, Stage.DECISION),
    ]
    assert view.history[-1].outcome is Outcome.GRANTED
    assert all(h.actor == "tester" for h in view.history)


def test_close_and_reopen_a_case(store: Store, today: date) -> None:
    case_id = open_case(store, today, intake(store, today))
    move(store, case_id, Stage.PREPARING)
    closed = cases.change_stage(
        store=store,
        case_id=case_id,
        stage=Stage.CLOSED,
        on=date(2026, 6, 1),
        outcome=Outcome.WITHDRAWN,
        note=" Client moved away ",
    )
    assert closed.ok
    view = cases.get_case(store=store, case_id=case_id)
    assert (view.stage, view.outcome, view.closed_on) == (
        Stage.CLOSED,
        Outcome.WITHDRAWN,
        date(2026, 6, 1),
    )
    assert view.history[-1].note == "Client moved away"
    last = audit_entries(store)[-1]
    assert (last.action, last.entity, last.entity_id) == ("stage", "case", case_id)
    assert last.changes["stage"] == ["preparing", "closed"]
    assert last.changes["outcome"] == [None, "withdrawn"]
    assert last.changes["closed_on"] == [None, "2026-06-01"]

    assert cases.change_stage(
        store=store, case_id=case_id, stage=Stage.FILED, on=date(2026, 7, 1)
    ).problems == (FieldProblem("stage", Problem.STAGE_NOT_ALLOWED),)
    reopened = cases.change_stage(
        store=store, case_id=case_id, stage=Stage.PREPARING, on=date(2026, 7, 1)
    )
    assert reopened.ok
    view = cases.get_case(store=store, case_id=case_id)
    assert (view.stage, view.outcome, view.closed_on) == (Stage.PREPARING, None, None)


# --- referral to court -----------------------------------------------------------------------


def test_refer_to_court_turns_the_case_defensive_and_keeps_its_history(
    store: Store, today: date
) -> None:
    case_id = open_case(store, today, intake(store, today), forum_name="Houston Asylum Office")
    move(store, case_id, Stage.PREPARING, Stage.FILED)
    interview = schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(
            HearingKind.ASYLUM_INTERVIEW, date(2026, 4, 2), timezone="America/Chicago"
        ),
    ).unwrap()
    item = evidence.add_evidence(
        store=store,
        case_id=case_id,
        evidence=EvidenceDraft("Passport", EvidenceCategory.IDENTITY),
        today=today,
    ).unwrap()
    deadline = schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft("biometrics", "Attend biometrics", date(2026, 3, 1)),
    ).unwrap()
    # a court hearing does not belong to an affirmative case yet
    premature = schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, date(2026, 12, 10)),
    )
    assert premature.problems == (FieldProblem("kind", Problem.HEARING_KIND_MISMATCH),)

    result = cases.refer_to_court(
        store=store,
        case_id=case_id,
        on=date(2026, 5, 20),
        court=" Houston Immigration Court ",
        judge=" IJ Lee ",
        note="NTA received",
    )
    assert result.ok
    view = cases.get_case(store=store, case_id=case_id)
    assert view.claim_type is ClaimType.DEFENSIVE
    assert view.forum_kind is ForumKind.IMMIGRATION_COURT
    assert view.forum_name == "Houston Immigration Court"
    assert view.judge == "IJ Lee"
    assert view.stage is Stage.HEARINGS
    assert view.referred_on == date(2026, 5, 20)
    assert view.outcome is None
    assert [h.id for h in view.hearings] == [interview]
    assert [e.id for e in view.evidence] == [item]
    assert [d.id for d in view.deadlines] == [deadline]
    assert [(h.from_stage, h.to_stage, h.is_referral) for h in view.history] == [
        (None, Stage.INTAKE, False),
        (Stage.INTAKE, Stage.PREPARING, False),
        (Stage.PREPARING, Stage.FILED, False),
        (Stage.FILED, Stage.HEARINGS, True),
    ]
    referral = view.history[-1]
    assert referral.outcome is Outcome.REFERRED
    assert referral.claim_type is ClaimType.DEFENSIVE
    assert referral.on == date(2026, 5, 20)
    assert referral.note == "NTA received"
    assert view.history[0].claim_type is ClaimType.AFFIRMATIVE  # earlier events keep their type

    # the referral, then (court rules replacing the asylum office's) the recomputed deadlines
    last = next(e for e in reversed(audit_entries(store)) if e.action == "refer")
    assert (last.action, last.entity, last.entity_id) == ("refer", "case", case_id)
    assert last.changes["claim_type"] == ["affirmative", "defensive"]
    assert last.changes["forum_kind"] == ["asylum_office", "immigration_court"]
    assert last.changes["stage"] == ["filed", "hearings"]
    assert last.changes["referred_on"] == [None, "2026-05-20"]

    # now the court schedules a master calendar hearing, with the case's judge by default
    hearing = schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, date(2026, 12, 10)),
    ).unwrap()
    view = cases.get_case(store=store, case_id=case_id)
    assert [h.id for h in view.hearings] == [interview, hearing]
    assert view.hearings[1].judge == "IJ Lee"


@pytest.mark.parametrize(
    ("claim_type", "stages", "court", "expected"),
    [
        (
            ClaimType.AFFIRMATIVE,
            (),
            "Houston Immigration Court",
            FieldProblem("stage", Problem.REFERRAL_NEEDS_FILED),
        ),
        (
            ClaimType.AFFIRMATIVE,
            (Stage.PREPARING,),
            "Houston Immigration Court",
            FieldProblem("stage", Problem.REFERRAL_NEEDS_FILED),
        ),
        (
            ClaimType.DEFENSIVE,
            (Stage.PREPARING, Stage.FILED),
            "Houston Immigration Court",
            FieldProblem("stage", Problem.REFERRAL_NEEDS_AFFIRMATIVE),
        ),
        (
            ClaimType.AFFIRMATIVE,
            (Stage.PREPARING, Stage.FILED),
            "  ",
            FieldProblem("forum_name", Problem.REQUIRED),
        ),
    ],
)
def test_refer_to_court_rejections_change_nothing(
    store: Store,
    today: date,
    claim_type: ClaimType,
    stages: tuple[Stage, ...],
    court: str,
    expected: FieldProblem,
) -> None:
    case_id = open_case(store, today, intake(store, today), claim_type)
    move(store, case_id, *stages)
    before = cases.get_case(store=store, case_id=case_id)
    entries = len(audit_entries(store))
    result = cases.refer_to_court(store=store, case_id=case_id, on=date(2026, 5, 20), court=court)
    assert result.problems == (expected,)
    after = cases.get_case(store=store, case_id=case_id)
    assert after == before
    assert len(audit_entries(store)) == entries


def test_referral_from_decision_clears_the_outcome(store: Store, today: date) -> None:
    case_id = open_case(store, today, intake(store, today))
    move(store, case_id, Stage.PREPARING, Stage.FILED, Stage.INTERVIEW)
    cases.change_stage(
        store=store, case_id=case_id, stage=Stage.DECISION, on=OPENED, outcome=Outcome.REFERRED
    ).unwrap()
    cases.refer_to_court(store=store, case_id=case_id, on=OPENED, court="Houston").unwrap()
    view = cases.get_case(store=store, case_id=case_id)
    assert (view.claim_type, view.stage, view.outcome) == (
        ClaimType.DEFENSIVE,
        Stage.HEARINGS,
        None,
    )


# --- hearings, deadlines, evidence -----------------------------------------------------------


def test_hearings_deadlines_and_evidence_round_trip(store: Store, today: date) -> None:
    case_id = open_case(store, today, intake(store, today), ClaimType.DEFENSIVE, judge="IJ Lee")
    individual = HearingDraft(
        kind=HearingKind.INDIVIDUAL,
        on=date(2027, 2, 1),
        at=time(8, 30),
        timezone="America/Chicago",
        location="Houston Immigration Court",
        address="600 Jefferson St\nHouston, TX",
        judge="IJ Park",
        mode=AttendanceMode.VIDEO,
        notes="Interpreter: K'iche'",
    )
    master = HearingDraft(HearingKind.MASTER_CALENDAR, date(2026, 12, 10))
    h2 = schedule.schedule_hearing(store=store, case_id=case_id, hearing=individual).unwrap()
    h1 = schedule.schedule_hearing(store=store, case_id=case_id, hearing=master).unwrap()
    schedule.record_hearing_outcome(store=store, hearing_id=h1, outcome=" Reset to 2027 ").unwrap()
    d1 = schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft(
            "filing",
            "File evidence",
            date(2027, 1, 17),
            DeadlineOrigin.MANUAL,
            "",
            "Ask the client for the police report first",
        ),
    ).unwrap()
    e1 = evidence.add_evidence(
        store=store,
        case_id=case_id,
        evidence=EvidenceDraft(
            "Declaration",
            EvidenceCategory.DECLARATION,
            language="QUC",
            translation=TranslationStatus.NEEDED,
            obtained_on=date(2026, 10, 1),
            source="Client",
            status=EvidenceStatus.RECEIVED,
            notes="Draft 2",
        ),
        today=today,
    ).unwrap()
    e2 = evidence.add_evidence(
        store=store,
        case_id=case_id,
        evidence=EvidenceDraft("Country report", EvidenceCategory.COUNTRY_CONDITIONS),
        today=today,
    ).unwrap()

    view = cases.get_case(store=store, case_id=case_id)
    assert [h.id for h in view.hearings] == [h1, h2]  # by date
    first, second = view.hearings
    assert (first.kind, first.on, first.at, first.judge, first.outcome) == (
        HearingKind.MASTER_CALENDAR,
        date(2026, 12, 10),
        None,
        "IJ Lee",  # the case's judge when none is given
        "Reset to 2027",
    )
    assert (
        second.kind,
        second.on,
        second.at,
        second.timezone,
        second.location,
        second.address,
        second.judge,
        second.mode,
        second.notes,
    ) == (
        HearingKind.INDIVIDUAL,
        date(2027, 2, 1),
        time(8, 30),
        "America/Chicago",
        "Houston Immigration Court",
        "600 Jefferson St\nHouston, TX",
        "IJ Park",
        AttendanceMode.VIDEO,
        "Interpreter: K'iche'",
    )
    (deadline,) = [d for d in view.deadlines if d.origin is DeadlineOrigin.MANUAL]
    assert (
        deadline.id,
        deadline.kind,
        deadline.title,
        deadline.due_on,
        deadline.origin,
        deadline.rule_id,
        deadline.status,
        deadline.notes,
    ) == (
        d1,
        "filing",
        "File evidence",
        date(2027, 1, 17),
        DeadlineOrigin.MANUAL,
        "",
        DeadlineStatus.OPEN,
        "Ask the client for the police report first",
    )
    computed = {d.rule_id for d in view.deadlines if d.origin is DeadlineOrigin.RULE}
    assert {"master-calendar-filing", "individual-hearing-filing"} <= computed
    assert [(e.id, e.exhibit_order) for e in view.evidence] == [(e1, 1), (e2, 2)]
    declaration = view.evidence[0]
    assert (
        declaration.title,
        declaration.category,
        declaration.language,
        declaration.translation,
        declaration.obtained_on,
        declaration.status,
    ) == (
        "Declaration",
        EvidenceCategory.DECLARATION,
        "quc",
        TranslationStatus.NEEDED,
        date(2026, 10, 1),
        EvidenceStatus.RECEIVED,
    )


@pytest.mark.parametrize(
    ("hearing", "expected"),
    [
        (
            HearingDraft(HearingKind.MASTER_CALENDAR, date(2026, 1, 4)),
            FieldProblem("on", Problem.HEARING_BEFORE_CASE_OPENED),
        ),
        (
            HearingDraft(HearingKind.MASTER_CALENDAR, date(2026, 12, 1), timezone="Houston"),
            FieldProblem("timezone", Problem.UNKNOWN_TIMEZONE),
        ),
        (
            HearingDraft(HearingKind.ASYLUM_INTERVIEW, date(2026, 12, 1)),
            FieldProblem("kind", Problem.HEARING_KIND_MISMATCH),
        ),
    ],
)
def test_schedule_hearing_rejects_bad_input(
    store: Store, today: date, hearing: HearingDraft, expected: FieldProblem
) -> None:
    case_id = open_case(store, today, intake(store, today), ClaimType.DEFENSIVE)
    result = schedule.schedule_hearing(store=store, case_id=case_id, hearing=hearing)
    assert result.problems == (expected,)
    assert cases.get_case(store=store, case_id=case_id).hearings == ()


def test_close_deadline_waive_needs_a_reason(store: Store, today: date) -> None:
    case_id = open_case(store, today, intake(store, today))
    deadline_id = schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft("filing", "File I-589", date(2026, 12, 1)),
    ).unwrap()
    entries = len(audit_entries(store))

    for reason in ("", "   "):
        result = schedule.close_deadline(
            store=store,
            deadline_id=deadline_id,
            status=DeadlineStatus.WAIVED,
            on=today,
            reason=reason,
        )
        assert result.problems == (FieldProblem("status_reason", Problem.REQUIRED),)
    (deadline,) = cases.get_case(store=store, case_id=case_id).deadlines
    assert deadline.status is DeadlineStatus.OPEN
    assert len(audit_entries(store)) == entries

    schedule.close_deadline(
        store=store,
        deadline_id=deadline_id,
        status=DeadlineStatus.WAIVED,
        on=today,
        reason=" Judge excused ",
    ).unwrap()
    (deadline,) = cases.get_case(store=store, case_id=case_id).deadlines
    assert (deadline.status, deadline.status_reason) == (DeadlineStatus.WAIVED, "Judge excused")

    schedule.close_deadline(
        store=store, deadline_id=deadline_id, status=DeadlineStatus.OPEN, on=today
    ).unwrap()
    schedule.close_deadline(
        store=store, deadline_id=deadline_id, status=DeadlineStatus.DONE, on=today
    ).unwrap()
    (deadline,) = cases.get_case(store=store, case_id=case_id).deadlines
    assert (deadline.status, deadline.status_reason) == (DeadlineStatus.DONE, "")
    last = audit_entries(store)[-1]
    assert (last.entity, last.entity_id) == ("deadline", deadline_id)
    assert last.changes == {
        "status": ["open", "done"],
        "completed_on": [None, today.isoformat()],
        "_version": deadline.version,
    }


# --- conflict check --------------------------------------------------------------------------


@pytest.fixture
def known(store: Store, today: date) -> dict[str, ClientId]:
    jose = intake(
        store,
        today,
        family=[
            FamilyMemberDraft("Núñez", "Ana Lucía", Relationship.CHILD, a_number="A-987-654-321")
        ],
        adverse_parties=["Carlos Mendoza Ruiz"],
    )
    other = intake(
        store, today, ClientDraft("Núñez García", "José María", date_of_birth=date(1991, 1, 1))
    )
    unrelated = intake(store, today, ClientDraft("Okafor", "Chidi", a_number="A-555-444-333"))
    return {"jose": jose, "other": other, "unrelated": unrelated}


def test_conflict_check_finds_the_client_by_an_accent_free_reordered_name(
    store: Store, known: dict[str, ClientId]
) -> None:
    matches = clients.check_conflicts(store=store, names=["Garcia Nunez Jose Maria"])
    found = {(m.party.kind, m.party.party_id) for m in matches}
    assert (PartyKind.CLIENT, known["jose"]) in found
    assert (PartyKind.CLIENT, known["unrelated"]) not in found
    jose = next(
        m for m in matches if m.party.party_id == known["jose"] and m.party.kind is PartyKind.CLIENT
    )
    assert MatchReason.SAME_NAME in jose.reasons
    assert jose.score == 100.0
    assert jose.party.display_name == "NÚÑEZ GARCÍA, José María"


def test_conflict_check_finds_the_client_by_alias(store: Store, known: dict[str, ClientId]) -> None:
    matches = clients.check_conflicts(store=store, names=["PEPE NUNEZ"])
    assert [(m.party.kind, m.party.party_id, m.matched_name) for m in matches] == [
        (PartyKind.CLIENT, known["jose"], "Pepe Núñez")
    ]


@pytest.mark.parametrize("typed", ["A-123-456-789", "123456789", "a 123 456 789"])
def test_conflict_check_finds_the_client_by_a_number(
    store: Store, known: dict[str, ClientId], typed: str
) -> None:
    matches = clients.check_conflicts(store=store, names=["Totally Different"], a_number=typed)
    assert len(matches) == 1
    (match,) = matches
    assert (match.party.kind, match.party.party_id) == (PartyKind.CLIENT, known["jose"])
    assert match.reasons == (MatchReason.SAME_A_NUMBER,)
    assert match.score == 100.0


def test_conflict_check_finds_family_members(store: Store, known: dict[str, ClientId]) -> None:
    by_name = clients.check_conflicts(store=store, names=["Ana Lucia Nunez"])
    assert [(m.party.kind, m.party.client_id) for m in by_name] == [
        (PartyKind.FAMILY_MEMBER, known["jose"])
    ]
    by_number = clients.check_conflicts(store=store, names=[], a_number="987654321")
    assert [(m.party.kind, m.party.client_id) for m in by_number] == [
        (PartyKind.FAMILY_MEMBER, known["jose"])
    ]


def test_conflict_check_finds_adverse_parties(store: Store, known: dict[str, ClientId]) -> None:
    matches = clients.check_conflicts(store=store, names=["mendoza ruiz, carlos"])
    assert [(m.party.kind, m.party.client_id, m.party.display_name) for m in matches] == [
        (PartyKind.ADVERSE_PARTY, known["jose"], "Carlos Mendoza Ruiz")
    ]


def test_conflict_check_excludes_the_client_itself_when_asked(
    store: Store, known: dict[str, ClientId]
) -> None:
    names = ["José María Núñez García", "Ana Lucía Núñez", "Carlos Mendoza Ruiz"]
    everyone = clients.check_conflicts(store=store, names=names, a_number="A-123-456-789")
    assert known["jose"] in {m.party.client_id for m in everyone}
    others = clients.check_conflicts(
        store=store, names=names, a_number="A-123-456-789", exclude_client=known["jose"]
    )
    assert known["jose"] not in {m.party.client_id for m in others}
    # the other client of the same name is still a possible conflict
    assert [(m.party.kind, m.party.party_id) for m in others] == [
        (PartyKind.CLIENT, known["other"])
    ]


def test_conflict_check_with_an_unrelated_name_finds_nothing(
    store: Store, known: dict[str, ClientId]
) -> None:
    assert clients.check_conflicts(store=store, names=["Wei Zhang"], a_number="A-111-222-333") == []


def test_conflict_check_ignores_an_unusable_a_number(
    store: Store, known: dict[str, ClientId]
) -> None:
    assert clients.check_conflicts(store=store, names=["Wei Zhang"], a_number="A-12") == []


def test_conflict_check_does_not_write(store: Store, known: dict[str, ClientId]) -> None:
    before = row_counts(store)
    head = chain_head(store)
    clients.check_conflicts(store=store, names=["José Núñez"])
    assert row_counts(store) == before
    assert chain_head(store) == head


def test_stage_change_and_referral_cannot_predate_the_case(store: Store, today: date) -> None:
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Reyes", "Ana"), today=today
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(ClaimType.AFFIRMATIVE, opened_on=date(2026, 1, 10)),
        today=today,
    ).unwrap()
    early = date(2026, 1, 9)
    result = cases.change_stage(store=store, case_id=case_id, stage=Stage.PREPARING, on=early)
    assert [(p.field, p.code) for p in result.problems] == [
        ("on", Problem.HEARING_BEFORE_CASE_OPENED)
    ]
    assert cases.get_case(store=store, case_id=case_id).stage is Stage.INTAKE
