"""The generator: staff first, then each client's intake, case, hearings, deadlines, evidence
and notes, every record through the service a user's action would call."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date

from clinic.domain.drafts import CaseDraft, StaffDraft
from clinic.domain.enums import ClaimType, Relief, StaffRole, Stage
from clinic.domain.ids import CaseId, StaffId
from clinic.services.bulk import bulk_writes, refresh_pending
from clinic.services.cases import change_stage, open_case, refer_to_court
from clinic.services.demo import names
from clinic.services.demo.deadlines import add_case_deadlines
from clinic.services.demo.dice import chance, pick, weighted
from clinic.services.demo.evidence import add_case_evidence, add_case_note
from clinic.services.demo.hearings import plan_hearings, schedule
from clinic.services.demo.intake import intake, new_story
from clinic.services.demo.people import ascii_text
from clinic.services.demo.plans import Step, make_plans
from clinic.services.demo.profiles import pick_profiles
from clinic.services.demo.spanish import fill, words
from clinic.services.demo.story import Demo, Story
from clinic.services.staff import add_staff
from clinic.storage.store import Store

_RELIEF = (
    (frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT}), 75),
    (frozenset({Relief.ASYLUM, Relief.WITHHOLDING}), 15),
    (frozenset({Relief.WITHHOLDING, Relief.CAT}), 10),  # barred from asylum
)


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind ``fill_demo_data`` created."""

    clients: int
    cases: int
    hearings: int
    deadlines: int
    evidence_items: int
    files: int
    family_members: int
    staff: int


# From this many clients on, a demo without an unaccompanied child by chance makes its last
# client one (issue 18); smaller demos, like the tests' few clients, are left as drawn.
CHILD_FROM = 10
# Clients written per transaction (the services' bulk path, clinic.services.bulk): each chunk
# is committed whole; its deadlines are computed once per case, its audit entries chained
# in memory and inserted together.
CHUNK = 500


def fill_demo_data(
    *,
    store: Store,
    clients: int = 50,
    seed: int = 1,
    today: date,
    progress: Callable[[int, int], None] | None = None,
    language: str = "en",
    one_by_one: bool = False,
) -> DemoSummary:
    """Fill an open store with ``clients`` synthetic clients, each with one case and its work.

    Reproducible: the same ``seed`` and ``today`` give the same people, cases, dates, deadlines
    and files. Staff (4-6) are added first. ``progress(done, total)`` is called after each
    client. Each chunk of ``CHUNK`` clients is one transaction through the services' bulk path
    (``one_by_one=True``: every action its own transaction, as a user's; the same rows).
    ``language="es"`` writes titles, notes and reasons in Spanish (module ``spanish``); the
    random draws, dates and people are the same as in English.
    Raises ``ValueError`` (from ``Result.unwrap``) if a service rejects generated data.
    """
    if clients < 0:
        raise ValueError("clients must not be negative")
    if language not in ("en", "es"):
        raise ValueError(f"unknown demo language {language!r}; use 'en' or 'es'")
    demo = Demo(store=store, rng=random.Random(seed), today=today, language=language)
    with _writes(store, one_by_one=one_by_one) as writer:
        demo.store = writer
        _add_staff(demo)
    profiles = pick_profiles(demo.rng, clients)
    plans = make_plans(demo.rng, clients)
    work = list(enumerate(zip(profiles, plans, strict=True), start=1))
    chunk = 1 if one_by_one else CHUNK
    for start in range(0, clients, chunk):
        with _writes(store, one_by_one=one_by_one) as writer:
            demo.store = writer
            for done, (profile, plan) in work[start : start + chunk]:
                demo.child_wanted = done == clients >= CHILD_FROM and demo.children == 0
                _client_and_case(demo, new_story(demo, profile, plan))
                if progress is not None:
                    progress(done, clients)
    demo.store = store
    return DemoSummary(**asdict(demo.counts))


@contextlib.contextmanager
def _writes(store: Store, *, one_by_one: bool) -> Iterator[Store]:
    """The store the services write through: the bulk path's, one transaction per chunk of
    clients, or (``one_by_one``) the store itself, a transaction per action."""
    if one_by_one:
        yield store
        return
    with bulk_writes(store) as bulk:
        yield bulk.as_store


def _add_staff(demo: Demo) -> None:
    rng = demo.rng
    team = [(name, StaffRole.ATTORNEY) for name in rng.sample(names.STAFF_ATTORNEYS, 2)]
    paralegals = rng.sample(names.STAFF_PARALEGALS, rng.randint(1, 3))
    team += [(name, StaffRole.PARALEGAL) for name in paralegals]
    team.append((pick(rng, names.STAFF_VOLUNTEERS), StaffRole.VOLUNTEER))
    for name, role in team:
        local = ascii_text(name).lower().replace(" ", ".").replace("-", "")
        draft = StaffDraft(name, role, f"{local}@clinic.example.org")
        demo.staff.setdefault(role, []).append(add_staff(store=demo.store, staff=draft).unwrap())
        demo.counts.staff += 1


def _client_and_case(demo: Demo, story: Story) -> None:
    intake(demo, story)
    story.case_id = _open_case(demo, story)
    _walk(demo, story)
    add_case_deadlines(demo, story)
    add_case_evidence(demo, story)
    add_case_note(demo, story)


def _assignees(demo: Demo, story: Story) -> tuple[StaffId, StaffId | None]:
    rng = demo.rng
    paralegals = demo.staff[StaffRole.PARALEGAL]
    if chance(rng, 0.15):
        paralegals = paralegals + demo.staff[StaffRole.VOLUNTEER]
    paralegal = pick(rng, paralegals)
    unassigned = not story.steps and chance(rng, 0.5)  # no attorney yet at intake
    return paralegal, None if unassigned else pick(rng, demo.staff[StaffRole.ATTORNEY])


def _judge(demo: Demo) -> str:
    return f"{pick(demo.rng, names.JUDGE_FIRST)} {pick(demo.rng, names.JUDGE_LAST)}"


def _open_case(demo: Demo, story: Story) -> CaseId:
    rng, claim = demo.rng, story.plan.claim
    grounds, psg = pick(rng, story.profile.claims)
    relief = weighted(rng, _RELIEF)
    if claim is ClaimType.AFFIRMATIVE:
        relief |= {Relief.ASYLUM}  # USCIS decides asylum only
        forum, judge = story.city.asylum_office, ""
    else:
        forum = story.facility.court if story.facility else story.city.court
        judge = _judge(demo)
    story.relief = relief
    filed = story.filed_on
    receipt = ""
    if claim is ClaimType.AFFIRMATIVE and filed is not None:
        serial = rng.randint(0, 99_999_999)
        receipt = f"{story.city.receipt_prefix}{filed.year % 100:02d}{serial:08d}"
    paralegal, attorney = _assignees(demo, story)
    draft = CaseDraft(
        claim_type=claim,
        relief=relief,
        grounds=grounds,
        psg_definition=words(demo.language, psg),
        forum_name=forum,
        judge=judge,
        paralegal_id=paralegal,
        attorney_id=attorney,
        opened_on=story.opened_on,
        filed_on=filed,
        receipt_number=receipt,
        detained=story.facility is not None,
        agency_hold=story.facility is not None and chance(rng, 0.2),
    )
    case_id = open_case(
        store=demo.store, client_id=story.client_id, case=draft, today=demo.today
    ).unwrap()
    demo.counts.cases += 1
    return case_id


def _walk(demo: Demo, story: Story) -> None:
    """Move the case through its stages, scheduling each hearing while its kind fits."""
    store, case_id = demo.store, story.case_id
    before, after = plan_hearings(demo, story)
    for step, on in story.steps:
        # a stage change (or referral) changes which rules apply: deadlines the case had until
        # now are computed first, so those settled meanwhile stay as history, as one by one
        refresh_pending(store)
        if step.refer:
            schedule(demo, story, before)
            before = []
            refer_to_court(
                store=store,
                case_id=case_id,
                on=on,
                court=story.city.court,
                judge=_judge(demo),
                note=_note(demo, step),
            ).unwrap()
        else:
            change_stage(
                store=store,
                case_id=case_id,
                stage=step.stage,
                on=on,
                outcome=step.outcome,
                note=_note(demo, step),
            ).unwrap()
    schedule(demo, story, before + after)


def _note(demo: Demo, step: Step) -> str:
    """The step's note in the demo's language."""
    if step.stage is Stage.CLOSED and step.outcome is not None:
        return fill(
            demo.language, "Closed: {outcome}", outcome=step.outcome.value.replace("_", " ")
        )
    return words(demo.language, step.note)
