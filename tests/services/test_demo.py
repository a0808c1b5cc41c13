"""Synthetic demo data: made only through the services, valid, varied and reproducible."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from clinic.domain.deadlines.shipped import load_shipped_calendar
from clinic.domain.drafts import ClientDraft, FamilyMemberDraft
from clinic.domain.enums import (
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    DetentionStatus,
    ForumKind,
    HearingKind,
    StaffRole,
    Stage,
    TranslationStatus,
)
from clinic.domain.validation import validate_client, validate_family_member
from clinic.services import lifecycle
from clinic.services.cases import get_case
from clinic.services.checklists import case_checklist
from clinic.services.deadlines import agenda, case_deadlines, recompute, rules_in_force
from clinic.services.demo import DemoSummary, fill_demo_data, make_pdf
from clinic.services.demo import evidence as demo_evidence
from clinic.services.demo.spanish import spanish_words
from clinic.services.dto import CaseView, ClientView
from clinic.services.evidence import read_evidence_file
from clinic.services.search import list_cases
from clinic.services.staff import list_staff
from clinic.storage import keys
from clinic.storage.store import Store

TODAY = date(2025, 6, 15)
CLIENTS = 30
PASSPHRASE = "correct horse battery staple"


def _new_store(root: Path) -> Store:
    return lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(root / "data"), passphrase=PASSPHRASE, actor="test"
    )


def _views(store: Store) -> list[CaseView]:
    return [get_case(store=store, case_id=c.id) for c in list_cases(store=store, today=TODAY)]


Fingerprint = list[tuple[str, str | None, ClaimType, Stage, list[tuple[str, date, DeadlineStatus]]]]


def _fingerprint(store: Store) -> Fingerprint:
    """Who, their case, and its deadlines (rule, due, status): equal for equal seeds."""
    return [
        (
            c.client_name,
            c.a_number,
            c.claim_type,
            c.stage,
            sorted(
                (d.rule_id, d.due_on, d.status) for d in case_deadlines(store=store, case_id=c.id)
            ),
        )
        for c in list_cases(store=store, today=TODAY)
    ]


@pytest.fixture(scope="module")
def fast_keys() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "SCRYPT_N", 2**12)
        yield


@pytest.fixture(scope="module")
def demo(
    fast_keys: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, DemoSummary]]:
    store = _new_store(tmp_path_factory.mktemp("demo"))
    try:
        yield store, fill_demo_data(store=store, clients=CLIENTS, seed=1, today=TODAY)
    finally:
        store.lock()


@pytest.fixture(scope="module")
def views(demo: tuple[Store, DemoSummary]) -> list[CaseView]:
    return _views(demo[0])


@pytest.fixture
def fresh_store(fast_keys: None, tmp_path: Path) -> Iterator[Store]:
    store = _new_store(tmp_path)
    try:
        yield store
    finally:
        store.lock()


def test_summary_counts_match_what_the_services_show(
    demo: tuple[Store, DemoSummary], views: list[CaseView]
) -> None:
    store, summary = demo
    assert summary.clients == CLIENTS
    assert summary.cases == len(views) == len(list_cases(store=store, today=TODAY))
    assert len({v.client.id for v in views}) == summary.clients
    assert sum(len(v.hearings) for v in views) == summary.hearings
    assert sum(len(v.deadlines) for v in views) == summary.deadlines
    assert sum(len(v.evidence) for v in views) == summary.evidence_items
    assert sum(len(e.files) for v in views for e in v.evidence) == summary.files
    assert sum(len(v.client.family) for v in views) == summary.family_members
    staff = list_staff(store=store, active_only=False)
    assert len(staff) == summary.staff
    assert 4 <= summary.staff <= 6
    assert {s.role for s in staff} == set(StaffRole)
    assert min(summary.hearings, summary.deadlines, summary.evidence_items, summary.files) > 0


def test_both_claim_types_every_stage_and_referrals_appear(views: list[CaseView]) -> None:
    assert {v.claim_type for v in views} == set(ClaimType)
    assert {v.stage for v in views} == set(Stage)
    referred = [v for v in views if any(event.is_referral for event in v.history)]
    assert len(referred) >= 2
    for case in referred:
        assert case.claim_type is ClaimType.DEFENSIVE
        assert case.referred_on is not None
        assert case.forum_name.endswith("Immigration Court")
    for case in views:
        if case.stage is Stage.CLOSED:
            assert case.outcome is not None
            assert case.closed_on is not None


def _has(text: str, low: int, high: int) -> bool:
    return any(low <= ord(ch) <= high for ch in text)


def test_names_come_in_several_scripts_with_latin_aliases(views: list[CaseView]) -> None:
    clients = [v.client for v in views]
    names = [f"{c.family_name} {c.given_name}" for c in clients]
    scripts = {
        "cyrillic": any(_has(n, 0x0400, 0x04FF) for n in names),
        "cjk": any(_has(n, 0x4E00, 0x9FFF) for n in names),
        "arabic": any(_has(n, 0x0600, 0x06FF) for n in names),
        "latin with diacritics": any(_has(n, 0x00C0, 0x024F) for n in names),
    }
    assert all(scripts.values()), scripts
    for client in clients:
        if not client.family_name.isascii() and not _has(client.family_name, 0x00C0, 0x024F):
            # every name written in a non-Latin script has a Latin alias to search by
            assert any(alias.isascii() for alias in client.other_names), client.other_names


def test_same_seed_gives_the_same_data_and_another_seed_does_not(
    demo: tuple[Store, DemoSummary], fast_keys: None, tmp_path: Path
) -> None:
    store, summary = demo
    again = _new_store(tmp_path / "again")
    other = _new_store(tmp_path / "other")
    try:
        assert fill_demo_data(store=again, clients=CLIENTS, seed=1, today=TODAY) == summary
        fill_demo_data(store=other, clients=CLIENTS, seed=2, today=TODAY)
        assert _fingerprint(again) == _fingerprint(store)
        assert _fingerprint(other) != _fingerprint(store)
        first, second = _views(store), _views(again)
        assert [(h.kind, h.on) for v in first for h in v.hearings] == [
            (h.kind, h.on) for v in second for h in v.hearings
        ]
        assert [f.sha256 for v in first for e in v.evidence for f in e.files] == [
            f.sha256 for v in second for e in v.evidence for f in e.files
        ]
    finally:
        again.lock()
        other.lock()


def _as_draft(client: ClientView) -> ClientDraft:
    return ClientDraft(
        family_name=client.family_name,
        given_name=client.given_name,
        other_names=client.other_names,
        a_number=client.a_number or "",
        date_of_birth=client.date_of_birth,
        sex=client.sex,
        nationalities=client.nationalities,
        languages=client.languages,
        interpreter_needed=client.interpreter_needed,
        phone=client.phone,
        email=client.email,
        last_arrival_on=client.last_arrival_on,
        last_arrival_place=client.last_arrival_place,
        last_arrival_manner=client.last_arrival_manner,
        detention=client.detention,
        detention_facility=client.detention_facility,
        unaccompanied_child=client.unaccompanied_child,
        notes=client.notes,
    )


def test_every_client_and_family_member_validates(views: list[CaseView]) -> None:
    a_numbers = [v.client.a_number for v in views if v.client.a_number]
    assert len(a_numbers) == len(set(a_numbers))
    assert all(len(a) == 9 and a.isdigit() for a in a_numbers)
    for case in views:
        client = case.client
        assert validate_client(_as_draft(client), today=TODAY) == ()
        for member in client.family:
            draft = FamilyMemberDraft(
                family_name=member.family_name,
                given_name=member.given_name,
                relationship=member.relationship,
                date_of_birth=member.date_of_birth,
                a_number=member.a_number or "",
                in_us=member.in_us,
                derivative=member.derivative,
            )
            assert validate_family_member(draft, today=TODAY) == ()
            assert not member.derivative or member.in_us
        if client.detention is DetentionStatus.DETAINED:
            assert client.detention_facility
            assert case.detained
        else:
            assert client.addresses
            assert all(a.country == "US" and a.postal_code for a in client.addresses)


def test_dates_are_consistent(views: list[CaseView]) -> None:
    earliest = TODAY - timedelta(days=400)
    latest = TODAY + timedelta(days=300)
    for case in views:
        assert case.opened_on <= TODAY
        days = [event.on for event in case.history]
        assert days == sorted(days)
        assert days[0] == case.opened_on
        assert days[-1] <= TODAY
        client = case.client
        if client.date_of_birth and client.last_arrival_on:
            assert client.date_of_birth < client.last_arrival_on <= case.opened_on
        for hearing in case.hearings:
            assert max(case.opened_on, earliest) <= hearing.on <= latest
            if case.closed_on is not None:
                assert hearing.on <= case.closed_on
            if case.claim_type is ClaimType.AFFIRMATIVE:
                assert hearing.kind in {HearingKind.ASYLUM_INTERVIEW, HearingKind.BIOMETRICS}
            elif case.referred_on is None:
                assert hearing.kind is not HearingKind.ASYLUM_INTERVIEW
    hearing_days = [h.on for v in views for h in v.hearings]
    assert min(hearing_days) < TODAY < max(hearing_days)


def test_no_hearing_or_interview_on_a_weekend_or_court_holiday(views: list[CaseView]) -> None:
    """Issue 18: one demo hearing fell on a Saturday. Courts and asylum offices sit on business
    days only (5 U.S.C. 6103 holidays with observed dates; closures.toml days)."""
    calendar = load_shipped_calendar()
    hearings = [h for v in views for h in v.hearings]
    assert len(hearings) > 20
    off = [(h.kind, h.on) for h in hearings if not calendar.is_business_day(h.on)]
    assert off == []


def test_some_foia_requests_are_pending_with_a_response_date(views: list[CaseView]) -> None:
    """Issue 18 § 2: FOIA requests per agency, the response due in business days; a written
    extension moves it to 30; two agencies' requests received the same day are two rows."""
    pending = [
        d
        for v in views
        for d in v.deadlines
        if d.rule_id.startswith("foia-response-due") and d.status is DeadlineStatus.OPEN
    ]
    assert pending
    assert all("business days" in d.explanation for d in pending)
    assert any("(USCIS)" in d.explanation for d in pending)
    assert any(d.rule_id == "foia-response-due-extended" for v in views for d in v.deadlines)
    same_day = [
        v
        for v in views
        if len({d.anchor_field for d in v.deadlines if d.rule_id.startswith("foia-response-due")})
        > len({d.anchor_on for d in v.deadlines if d.rule_id.startswith("foia-response-due")})
    ]
    assert same_day


def test_deadlines_are_open_done_and_waived_some_overdue(views: list[CaseView]) -> None:
    deadlines = [d for v in views for d in v.deadlines]
    assert {d.status for d in deadlines} == set(DeadlineStatus)
    assert all(d.status_reason for d in deadlines if d.status is DeadlineStatus.WAIVED)
    computed = [d for d in deadlines if d.origin is DeadlineOrigin.RULE]
    # past ones: the annual asylum fee lists a reminder for each future year pending
    past = [d for d in computed if d.act_by < TODAY]
    assert sum(d.status is DeadlineStatus.DONE for d in past) > len(past) / 3
    assert any(d.status is DeadlineStatus.OPEN and d.act_by < TODAY for d in computed)
    assert any(d.status is DeadlineStatus.OPEN and d.act_by >= TODAY for d in computed)
    assert any(d.origin is DeadlineOrigin.MANUAL for d in deadlines)


def test_rule_deadlines_are_the_engines_own(
    demo: tuple[Store, DemoSummary], views: list[CaseView]
) -> None:
    """Every computed deadline comes from a shipped rule and the recorded facts: recomputing
    changes nothing, and decisions were recorded as facts rules count from."""
    deadlines = [d for v in views for d in v.deadlines]
    known = {rule.id for rule in rules_in_force()}
    assert not [d for d in deadlines if d.origin is DeadlineOrigin.RULE and not d.rule_id]
    assert {d.rule_id for d in deadlines if d.origin is DeadlineOrigin.RULE} <= known
    assert not recompute(store=demo[0]).touched
    anchors = {d.anchor_field for d in deadlines if d.origin is DeadlineOrigin.RULE}
    assert {"last_arrival", "hearing", "i589_received", "decision"} <= anchors


def test_judge_ordered_dates_supersede_the_rule_default(views: list[CaseView]) -> None:
    superseded = 0
    for case in views:
        ordered = {
            d.kind: d.due_on for d in case.deadlines if d.origin is DeadlineOrigin.JUDGE_ORDERED
        }
        for row in case.deadlines:
            if row.status is DeadlineStatus.SUPERSEDED:
                superseded += 1
                assert row.anchor_on is not None
                assert row.anchor_on >= ordered[row.rule_id]
    assert superseded > 0


def test_today_page_shows_overdue_computed_deadlines(demo: tuple[Store, DemoSummary]) -> None:
    items = agenda(store=demo[0], today=TODAY)
    overdue = [i for i in items if i.overdue]
    assert overdue
    assert all(i.deadline is not None and i.on < TODAY for i in overdue)
    assert any(i.deadline.origin is DeadlineOrigin.RULE for i in overdue if i.deadline)


def test_evidence_has_translations_and_small_valid_files(
    demo: tuple[Store, DemoSummary], views: list[CaseView]
) -> None:
    store = demo[0]
    items = [e for v in views for e in v.evidence]
    assert {e.translation for e in items} == set(TranslationStatus)
    assert len({e.category for e in items}) >= 5
    files = [f for e in items for f in e.files]
    assert {f.media_type for f in files} >= {"application/pdf", "text/plain"}
    for file in files:
        content = read_evidence_file(store=store, file_id=file.id)
        assert len(content) == file.size < 4096
        if file.media_type == "application/pdf":
            reader = pypdf.PdfReader(io.BytesIO(content), strict=True)
            assert "Synthetic demo document" in reader.pages[0].extract_text()
        elif file.media_type == "image/png":
            assert content.startswith(b"\x89PNG\r\n\x1a\n")


def test_make_pdf_pages_parse() -> None:
    content = make_pdf([["Exhibit A (page one)", "Ñandú \\ back-slash"], ["Second page"]])
    reader = pypdf.PdfReader(io.BytesIO(content), strict=True)
    assert len(reader.pages) == 2
    assert "Exhibit A (page one)" in reader.pages[0].extract_text()
    assert "Second page" in reader.pages[1].extract_text()


def test_progress_is_reported_after_each_client(fresh_store: Store) -> None:
    calls: list[tuple[int, int]] = []
    summary = fill_demo_data(
        store=fresh_store,
        clients=3,
        seed=5,
        today=TODAY,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert summary.clients == summary.cases == 3


def test_a_large_demo_attaches_files_for_a_sample_of_its_clients(
    fresh_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond FILES_FOR_EVERY_CLIENT clients only every FILES_ONE_IN-th client's evidence gets
    files; the items themselves, and everything else, are drawn as before."""
    full = fill_demo_data(store=fresh_store, clients=12, seed=4, today=TODAY)
    monkeypatch.setattr(demo_evidence, "FILES_FOR_EVERY_CLIENT", 4)
    monkeypatch.setattr(demo_evidence, "FILES_ONE_IN", 3)
    assert [n for n in range(1, 13) if demo_evidence.files_for(n)] == [1, 2, 3, 4, 6, 9, 12]
    store = _new_store(tmp_path / "sampled")
    try:
        sampled = fill_demo_data(store=store, clients=12, seed=4, today=TODAY)
        views = sorted(_views(store), key=lambda v: v.client.id)
    finally:
        store.lock()
    assert dataclasses.replace(sampled, files=full.files) == full
    assert 0 < sampled.files < full.files
    with_files = [i for i, v in enumerate(views, 1) if any(e.files for e in v.evidence)]
    assert with_files and set(with_files) <= {1, 2, 3, 4, 6, 9, 12}


def test_no_clients_adds_only_staff(fresh_store: Store) -> None:
    summary = fill_demo_data(store=fresh_store, clients=0, today=TODAY)
    assert summary.clients == summary.cases == summary.files == 0
    assert summary.staff >= 4
    assert list_cases(store=fresh_store, today=TODAY) == []


# Names that stay as written in a Spanish demo: agencies, organisations, foreign documents.
PROPER_NAMES = {
    "USCIS",
    "UNHCR",
    "Human Rights Watch",
    "U.S. Department of State",
    "Cédula de identidad",
    "Acte de naissance",
    "Carte d'identification nationale (CIN)",
    "DNI (Documento Nacional de Identificación)",
    "DPI (Documento Personal de Identificación)",
    "DUI (Documento Único de Identidad)",
    "Tazkira (تذکره)",
    "Case opened",  # written by services.cases.open_case, not by the demo
    "Brownsville, TX (Gateway International Bridge)",
    "Chicago O'Hare International Airport, IL",
    "Dulles International Airport, VA",
    "George Bush Intercontinental Airport, Houston, TX",
    "JFK International Airport, NY",
    "Los Angeles International Airport, CA",
    "Miami International Airport, FL",
    "Philadelphia International Airport, PA",
}


def _written_texts(view: CaseView) -> list[str]:
    """Every text the demo wrote for one case that a user reads as words (not names/places)."""
    texts = [view.psg_definition, view.client.notes, view.client.last_arrival_place]
    texts += [d.title for d in view.deadlines if d.origin is not DeadlineOrigin.RULE]
    texts += [d.notes for d in view.deadlines]
    # reasons the rule engine wrote (met by a filing, ended by a denial) are engine words,
    # stored in English and worded at display like explanations, not demo texts
    texts += [
        d.status_reason
        for d in view.deadlines
        if not any(f.startswith(("met_by:", "ended_by:", "answered_by:")) for f in d.flags)
    ]
    texts += [t for h in view.hearings for t in (h.outcome, h.notes)]
    texts += [t for e in view.evidence for t in (e.title, e.source, e.notes)]
    texts += [event.note for event in view.history]
    texts += [note.body for note in view.notes]
    return [text for text in texts if text]


def test_spanish_demo_writes_spanish_words_with_the_same_records(
    demo: tuple[Store, DemoSummary], views: list[CaseView], fast_keys: None, tmp_path: Path
) -> None:
    store = _new_store(tmp_path / "es")
    try:
        summary = fill_demo_data(store=store, clients=CLIENTS, seed=1, today=TODAY, language="es")
        spanish = _views(store)
    finally:
        store.lock()
    assert summary == demo[1]  # the same draws: same people, cases, dates and counts
    assert [v.client.family_name for v in spanish] == [v.client.family_name for v in views]
    english_texts = [t for v in views for t in _written_texts(v)]
    spanish_texts = [t for v in spanish for t in _written_texts(v)]
    assert len(spanish_texts) == len(english_texts) > 50
    table = spanish_words()
    left_english = [t for t in spanish_texts if t in table]
    assert left_english == []
    unchanged = {en for en, es in zip(english_texts, spanish_texts, strict=True) if en == es}
    assert unchanged <= PROPER_NAMES, unchanged - PROPER_NAMES
    assert sum(t in table.values() for t in spanish_texts) > len(spanish_texts) // 2
    reports = [t for t in spanish_texts if "Country Report" in t or "World Report" in t]
    assert reports == []
    assert any(t.startswith("Cerrado: ") for t in spanish_texts) or all(
        v.stage is not Stage.CLOSED for v in spanish
    )


def test_unknown_demo_language_is_refused(fresh_store: Store) -> None:
    with pytest.raises(ValueError, match="use 'en' or 'es'"):
        fill_demo_data(store=fresh_store, clients=1, today=TODAY, language="fr")


def test_affirmative_cases_show_the_asylum_office_events(views: list[CaseView]) -> None:
    """Issue 18 § 2: interview notices settle the LIFO warning; the interpreter reminder
    counts back from each upcoming interview; some clients missed biometrics or an interview
    or got a Notice of Intent to Deny, each with its dated rule."""
    rules = {d.rule_id for v in views for d in v.deadlines}
    assert "interview-interpreter" in rules
    assert rules & {"interview-missed-good-cause", "noid-reply", "biometrics-missed"}
    settled = [
        d
        for v in views
        for d in v.deadlines
        if d.rule_id == "interview-lifo-window" and "answered_by:interview_notice" in d.flags
    ]
    assert settled and all(d.status is DeadlineStatus.DONE for d in settled)


def test_some_work_permit_dates_read_the_asylum_clock_log(views: list[CaseView]) -> None:
    """Issue 18 § 2: the EAD clock is a log; a demo client who missed biometrics or asked to
    reschedule has earliest EAD dates moved by the stop, or waiting for its restart."""
    ead = [d for v in views for d in v.deadlines if d.rule_id.startswith("ead-earliest")]
    assert any("Asylum clock stopped" in d.explanation or "clock_stopped" in d.flags for d in ead)


def test_a_detained_client_has_a_bond_hearing_and_its_appeal_date(views: list[CaseView]) -> None:
    """Issue 18 § 2: the bond track beside the main one — a detained client's bond hearing,
    the judge's bond decision and the 30-day bond appeal — without a stage of its own."""
    bonded = [v for v in views if any(h.kind is HearingKind.BOND for h in v.hearings)]
    assert bonded
    assert all(v.detained for v in bonded)
    appeals = [d for v in bonded for d in v.deadlines if d.rule_id == "bond-appeal"]
    assert appeals
    assert all(d.explanation.startswith("Bond decision ") for d in appeals)


def test_a_bia_appeal_has_its_briefing_schedule(views: list[CaseView]) -> None:
    """Issue 18 § 2: a pending BIA appeal with its briefing schedule (21 days, or 42 with the
    one extension)."""
    briefs = [
        d
        for v in views
        if v.stage is Stage.APPEAL
        for d in v.deadlines
        if d.rule_id in ("bia-brief", "bia-brief-extended")
    ]
    assert briefs
    assert all(d.explanation.startswith("BIA briefing schedule") for d in briefs)


def test_the_2025_events_appear(views: list[CaseView]) -> None:
    """Issue 18 § 2: alien registration (some recorded, some still due) and DHS motions to
    pretermit with the response date, by default or as the judge set it."""
    rules = {d.rule_id for v in views for d in v.deadlines}
    assert "alien-registration" in rules
    assert "dhs-pretermit-response" in rules
    registered = [
        d
        for v in views
        for d in v.deadlines
        if d.rule_id == "alien-registration" and "answered_by:alien_registered" in d.flags
    ]
    assert registered


def test_an_unaccompanied_child_and_a_referred_case_with_their_checklists(
    demo: tuple[Store, DemoSummary], views: list[CaseView]
) -> None:
    """Issue 18 acceptance: the demo has an unaccompanied child (the last client is one when
    none came by chance), whose I-589 goes to USCIS even before a judge (INA 208(b)(3)(C),
    C4), and an affirmative case the asylum office referred, which files no new I-589
    (8 CFR 208.14(c)(1), C5); the screenshots show both."""
    store = demo[0]

    def items(case: CaseView) -> set[str]:
        shown = case_checklist(
            store=store, case_id=case.id, today=TODAY, template_id="i589-defensive"
        )
        return {i.item.id for i in shown.checklist.items}

    children = [v for v in views if v.client.unaccompanied_child]
    assert children
    for child in children:
        if child.forum_kind is ForumKind.IMMIGRATION_COURT:
            assert "i589-uac-with-uscis" in items(child)
            assert "i589-filed-with-court" not in items(child)
    referred = [v for v in views if v.referred_on is not None and v.stage is not Stage.CLOSED]
    assert referred
    for case in referred:
        assert "i589-referred" in items(case)
        assert "i589-filed-with-court" not in items(case)


def test_a_demo_without_a_child_by_chance_makes_the_last_client_one(fresh_store: Store) -> None:
    """Ten clients (seed 1) draw no child by chance: the last one is made one."""
    fill_demo_data(store=fresh_store, clients=10, seed=1, today=TODAY)
    views = sorted(_views(fresh_store), key=lambda v: v.id)
    assert [v.client.unaccompanied_child for v in views] == [False] * 9 + [True]
