"""Deadlines as a clinic lives them. The demo records the FACTS rules count from (decisions,
orders, an expiring work permit, a DHS motion, a date the judge set); the deadline engine
computes every rule deadline from them and from the case's dates. Then the demo does the work:
most past deadlines done on a plausible day, a few waived with a reason, and a few recent ones
left open, overdue. Manual tasks and judge-ordered filing dates are added as staff would.

No legal period is written here: every due date comes from the rule book. How the deadlines
are then worked (done, waived, left open) is :mod:`clinic.services.demo.deadline_work`.
"""

from __future__ import annotations

from datetime import date

from clinic.domain.deadlines.vocabulary import Kind, Trigger
from clinic.domain.drafts import DeadlineDraft
from clinic.domain.enums import CaseFactKind as F
from clinic.domain.enums import (
    ClaimType,
    DeadlineOrigin,
    FoiaAgency,
    Outcome,
    Relief,
    Stage,
)
from clinic.services.bulk import refresh_pending
from clinic.services.deadlines import case_deadlines, record_case_fact
from clinic.services.demo.deadline_work import settle
from clinic.services.demo.dice import between, chance, days, pick
from clinic.services.demo.hearings import court_day
from clinic.services.demo.plans import DENIALS
from clinic.services.demo.spanish import words
from clinic.services.demo.story import Demo, Story
from clinic.services.dto import DeadlineView
from clinic.services.schedule import record_deadline

Fact = tuple[F, date | None, int | None, str]
_TASKS = (
    ("call_client", "Call client about police report"),
    ("translation", "Certified translation of identity document"),
    ("medical", "Schedule psychological evaluation"),
    ("foia", "FOIA request to CBP and USCIS for prior encounters"),
    ("witness", "Collect witness declaration from relative"),
)


def add_case_deadlines(demo: Demo, story: Story) -> None:
    _record(demo, story, case_facts(demo, story))
    _record_foia(demo, story)
    for draft in _drafts(demo, story):
        record_deadline(store=demo.store, case_id=story.case_id, deadline=draft).unwrap()
    refresh_pending(demo.store)  # the bulk path computes the case's deadlines here, once
    rows = case_deadlines(store=demo.store, case_id=story.case_id)
    expires = _work_permit_expiry(demo, story, rows)
    if expires is not None:
        _record(demo, story, [(F.EAD_EXPIRES, expires, None, "(c)(8) work permit card expires")])
        refresh_pending(demo.store)
        rows = case_deadlines(store=demo.store, case_id=story.case_id)
    settle(demo, story, rows)


def _record(demo: Demo, story: Story, facts: list[Fact]) -> None:
    for kind, on, number, note in facts:
        record_case_fact(
            store=demo.store,
            case_id=story.case_id,
            kind=kind,
            on=on,
            number=number,
            note=words(demo.language, note),
        ).unwrap()


def case_facts(demo: Demo, story: Story) -> list[Fact]:
    """What happened in the case that rules count from (hearings, arrival and filing aside)."""
    return (
        _decision_facts(demo, story)
        + _pending_facts(demo, story)
        + _asylum_office_facts(demo, story)
        + _bond_facts(demo, story)
        + _appeal_facts(demo, story)
        + _circuit_facts(demo, story)
        + _registration_facts(demo, story)
    )


def _registration_facts(demo: Demo, story: Story) -> list[Fact]:
    """Alien registration (2025): many open cases' clients hold a document that counts or filed
    a G-325R; the others show the deadline (past due for arrivals before March 2025)."""
    rng, today = demo.rng, demo.today
    if story.closed_on is not None or story.arrived_on is None or not chance(rng, 0.6):
        return []
    on = min(today, max(story.arrived_on, today - days(rng.randint(20, 400))))
    return [(F.ALIEN_REGISTERED, on, None, "G-325R filed; confirmation saved")]


def _circuit_facts(demo: Demo, story: Story) -> list[Fact]:
    """A petition for review in the court of appeals: a stay of removal asked for at once
    (and granted or denied), the certified record filed by the government weeks later."""
    rng, today = demo.rng, demo.today
    filed = story.first(Stage.CIRCUIT_COURT)
    if filed is None or story.closed_on is not None:
        return []
    facts: list[Fact] = [(F.PFR_FILED, filed, None, "Petition for review filed")]
    if chance(rng, 0.8):
        facts.append((F.STAY_REQUESTED, filed, None, "Motion for a stay of removal filed"))
        decided = filed + days(rng.randint(10, 40))
        if decided <= today:
            kind = F.STAY_GRANTED if chance(rng, 0.5) else F.STAY_DENIED
            facts.append((kind, decided, None, "Order on the stay motion"))
    record = filed + days(rng.randint(30, 60))
    if record <= today:
        facts.append((F.CIRCUIT_RECORD_FILED, record, None, "Certified administrative record"))
    return facts


def _appeal_facts(demo: Demo, story: Story) -> list[Fact]:
    """A BIA appeal still pending: the appeal reached the BIA, the briefing schedule came with
    the transcript, and some clients got the one 21-day extension."""
    rng, today = demo.rng, demo.today
    appealed = story.first(Stage.APPEAL)
    last = story.steps[-1][0].stage if story.steps else Stage.INTAKE
    if appealed is None or last is not Stage.APPEAL or story.closed_on is not None:
        return []
    facts: list[Fact] = [(F.BIA_APPEAL_FILED, appealed, None, "EOIR-26 received by the BIA")]
    schedule = appealed + days(rng.randint(30, 90))
    if schedule > today:
        return facts
    facts.append((F.BIA_BRIEFING_SCHEDULE, schedule, None, "Briefing schedule and transcript"))
    granted = schedule + days(rng.randint(8, 18))
    if granted <= today and chance(rng, 0.4):
        facts.append((F.BIA_BRIEF_EXTENDED, granted, None, "21-day extension granted"))
    return facts


def _bond_facts(demo: Demo, story: Story) -> list[Fact]:
    """A detained client's bond decision at the bond hearing; some appealed to the BIA, in
    some DHS stayed the release (EOIR-43) the next business day."""
    rng, today, held = demo.rng, demo.today, story.bond_hearing
    if held is None or story.closed_on is not None:
        return []
    facts: list[Fact] = [(F.BOND_DECISION, held, None, "Bond denied: flight risk")]
    if chance(rng, 0.3):
        facts[0] = (F.BOND_DECISION, held, None, "Bond set at $7,500")
        if chance(rng, 0.5):
            stay = court_day(held + days(1))
            if stay <= today:
                facts.append((F.BOND_STAY_INVOKED, stay, None, "DHS filed EOIR-43"))
    elif (appeal := held + days(rng.randint(10, 28))) < today and chance(rng, 0.5):
        facts.append((F.BOND_APPEAL_FILED, appeal, None, "Bond appeal (EOIR-26) filed"))
    return facts


def _asylum_office_facts(demo: Demo, story: Story) -> list[Fact]:
    """An open affirmative case waiting for its interview: the notice came; some clients asked
    to reschedule biometrics or the interview, missed one, or got a Notice of Intent to Deny."""
    rng, today = demo.rng, demo.today
    noticed = story.first(Stage.INTERVIEW)
    last = story.steps[-1][0].stage if story.steps else Stage.INTAKE
    affirmative = story.plan.claim is ClaimType.AFFIRMATIVE
    if not affirmative or last is not Stage.INTERVIEW or noticed is None or noticed > today:
        return []
    facts: list[Fact] = [(F.INTERVIEW_NOTICE, noticed, None, "Interview notice (I-797C)")]
    soon = min(today, noticed + days(rng.randint(2, 12)))
    if chance(rng, 0.2):
        note = "Client asked to reschedule: surgery that week"
        facts.append((F.INTERVIEW_RESCHEDULED, soon, None, note))
        facts += _restart(demo, soon, "Rescheduled interview attended")
    filed = story.filed_on
    if filed is not None and chance(rng, 0.3):
        missed = min(today, filed + days(rng.randint(15, 40)))
        facts.append((F.BIOMETRICS_MISSED, missed, None, "Notice went to the old address"))
        facts += _restart(demo, missed, "Biometrics taken at the new appointment")
    if chance(rng, 0.25):
        missed = max(noticed, today - days(rng.randint(3, 30)))
        facts.append((F.INTERVIEW_MISSED, missed, None, "Client was ill; doctor's note asked"))
    elif chance(rng, 0.25):
        noid = max(noticed, today - days(rng.randint(1, 12)))
        facts.append((F.NOID_SERVED, noid, None, "Notice of Intent to Deny (in status)"))
    return facts


def _decision_facts(demo: Demo, story: Story) -> list[Fact]:
    facts: list[Fact] = []
    court = story.after(Stage.HEARINGS, Stage.DECISION)
    ruled = court[0].outcome if court else None
    if court and ruled is not None:
        on = court[1]
        facts.append((F.DECISION, on, None, "Oral decision of the immigration judge"))
        if ruled in DENIALS:
            facts.append((F.IJ_DENIAL, on, None, "Asylum denied"))
        if ruled is Outcome.VOLUNTARY_DEPARTURE:
            facts.append((F.VD_DAYS, None, pick(demo.rng, (30, 60)), "Days the judge granted"))
            facts.append((F.VD_ORDER, on, None, "Voluntary departure granted"))
    bia = story.after(Stage.APPEAL, Stage.DECISION)
    if bia is not None:
        facts.append((F.BIA_DECISION, bia[1], None, "BIA dismissed the appeal"))
        facts.append((F.FINAL_ORDER, bia[1], None, "BIA decision"))
    elif court and ruled in DENIALS and story.closed_on is not None:
        facts.append((F.FINAL_ORDER, court[1], None, "Appeal waived"))
    granted = next((on for outcome, on in story.decisions() if outcome is Outcome.GRANTED), None)
    if granted is not None and Relief.ASYLUM in story.relief:
        facts.append((F.ASYLUM_GRANTED, granted, None, "Asylum granted"))
    return facts


def _pending_facts(demo: Demo, story: Story) -> list[Fact]:
    """A DHS motion or a date the judge set, for some cases waiting for their hearing."""
    rng, today = demo.rng, demo.today
    facts: list[Fact] = []
    last = story.steps[-1][0].stage if story.steps else Stage.INTAKE
    if story.in_court and last is Stage.HEARINGS:
        start = story.first(Stage.HEARINGS) or story.opened_on
        if chance(rng, 0.15) or demo.dhs_motions == 0:
            demo.dhs_motions += 1
            received = max(start, today - days(rng.randint(1, 25)))
            facts.append((F.DHS_MOTION_PRETERMIT, received, None, "DHS motion to pretermit"))
            if chance(rng, 0.5):
                set_for = court_day(received + days(rng.randint(14, 30)))
                note = "Response ordered by the judge"
                facts.append((F.DHS_MOTION_RESPONSE_DUE, set_for, None, note))
        if chance(rng, 0.06):
            set_for = today + days(rng.randint(-25, 45))
            facts.append((F.JUDGE_SET_DATE, set_for, None, "Biometrics to be completed by"))
    return facts


def _restart(demo: Demo, stopped: date, note: str) -> list[Fact]:
    """The asylum clock restarts when the delay is resolved: most stops are resolved by now."""
    restart = stopped + days(demo.rng.randint(8, 40))
    if restart > demo.today or chance(demo.rng, 0.25):
        return []  # still stopped: the EAD dates wait for the restart
    return [(F.EAD_CLOCK_RESTARTED, restart, None, note)]


def _record_foia(demo: Demo, story: Story) -> None:
    """FOIA requests for the client's records in some open cases: the USCIS A-file sent and
    acknowledged (sometimes extended in writing), a CBP request received the same day, an
    OBIM request answered. Each later fact names its request."""
    last = story.steps[-1][0].stage if story.steps else Stage.INTAKE
    rng, today = demo.rng, demo.today
    if story.closed_on is not None or last is Stage.INTAKE or not chance(rng, 0.25):
        return
    sent = max(story.opened_on, today - days(rng.randint(8, 45)))
    received = min(today, sent + days(rng.randint(1, 6)))
    uscis = _foia(demo, story, F.FOIA_SENT, sent, "USCIS A-file request", agency=FoiaAgency.USCIS)
    _foia(demo, story, F.FOIA_RECEIVED, received, "Acknowledgment letter", about=uscis)
    if chance(rng, 0.5) or demo.foia_extensions == 0:
        demo.foia_extensions += 1
        notice = min(today, received + days(rng.randint(10, 20)))
        note = "Unusual circumstances: records held in a field office"
        _foia(demo, story, F.FOIA_EXTENDED, notice, note, about=uscis)
    if chance(rng, 0.4):
        note = "CBP request for entry records"
        _foia(demo, story, F.FOIA_RECEIVED, received, note, agency=FoiaAgency.CBP)
    if chance(rng, 0.3):
        obim = _foia(
            demo, story, F.FOIA_SENT, sent, "OBIM fingerprint records", agency=FoiaAgency.OBIM
        )
        answered = min(today, sent + days(rng.randint(15, 40)))
        note = "Records released in part"
        _foia(demo, story, F.FOIA_RESPONSE, answered, note, about=obim)


def _foia(
    demo: Demo,
    story: Story,
    kind: F,
    on: date,
    note: str,
    *,
    agency: FoiaAgency | None = None,
    about: int | None = None,
) -> int:
    return record_case_fact(
        store=demo.store,
        case_id=story.case_id,
        kind=kind,
        on=on,
        note=words(demo.language, note),
        agency=agency,
        about_id=about,
    ).unwrap()


def _work_permit_expiry(demo: Demo, story: Story, rows: list[DeadlineView]) -> date | None:
    """Some clients of open cases got a work permit well after the engine's earliest dates
    counted from filing; their card expires some time around today."""
    rng, today = demo.rng, demo.today
    earliest = [
        row.due_on
        for row in rows
        if row.kind == Kind.EARLIEST_DATE and row.anchor_field == Trigger.I589_RECEIVED
    ]
    if story.closed_on is not None or not earliest or not chance(rng, 0.3):
        return None
    if max(earliest) > today - days(90):
        return None
    return today + days(rng.randint(-30, 420))


def _drafts(demo: Demo, story: Story) -> list[DeadlineDraft]:
    """A manual task for some cases; a judge-ordered filing date before some merits hearings."""
    rng, today = demo.rng, demo.today
    drafts = []
    if story.steps and chance(rng, 0.25):
        kind, title = pick(rng, _TASKS)
        due = between(rng, story.opened_on + days(7), story.closed_on or today + days(60))
        drafts.append(DeadlineDraft(kind=kind, title=words(demo.language, title), due_on=due))
    hearing = story.next_individual
    if hearing is not None and (demo.judge_orders < 2 or chance(rng, 0.1)):
        demo.judge_orders += 1
        drafts.append(
            DeadlineDraft(
                kind="individual-hearing-filing",
                title=words(
                    demo.language, "Pre-hearing brief, exhibits and witness list (judge-ordered)"
                ),
                due_on=between(rng, today - days(10), hearing - days(14)),
                origin=DeadlineOrigin.JUDGE_ORDERED,
                notes=words(
                    demo.language,
                    "Set by the immigration judge at the last master calendar hearing",
                ),
            )
        )
    return drafts
