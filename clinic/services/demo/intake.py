"""Who each client is, and their intake: the client form, family, address, moves and the people
they fear."""

from __future__ import annotations

import random
from datetime import date

from clinic.domain.drafts import AddressDraft, ClientDraft, FamilyMemberDraft
from clinic.domain.enums import (
    ArrivalManner,
    ClaimType,
    DetentionStatus,
    Relationship,
    Sex,
    Stage,
)
from clinic.domain.ids import ClientId
from clinic.services.clients import intake_client, record_move
from clinic.services.demo import people
from clinic.services.demo.dice import between, chance, days, pick, weighted
from clinic.services.demo.places import CITIES, CITY_BY_NAME, FACILITIES, STREETS, City
from clinic.services.demo.plans import DETAINED_PACE, Plan, make_steps, timeline
from clinic.services.demo.profiles import Profile
from clinic.services.demo.spanish import words
from clinic.services.demo.story import Demo, Story

_DETAINABLE = frozenset(
    {Stage.PREPARING, Stage.FILED, Stage.HEARINGS, Stage.DECISION, Stage.APPEAL}
)
_SEXES = ((Sex.FEMALE, 45), (Sex.MALE, 50), (Sex.NONBINARY, 2), (Sex.UNDISCLOSED, 3))
_CLIENT_NOTES = (
    "Prefers a female interpreter and a female attorney for the declaration.",
    "Works nights; call after 3 pm. WhatsApp preferred.",
    "Hearing-impaired in one ear; sit on the left side.",
)


def new_story(demo: Demo, profile: Profile, plan: Plan) -> Story:
    rng, today = demo.rng, demo.today
    detained = plan.claim is ClaimType.DEFENSIVE and plan.final in _DETAINABLE
    detained = detained and chance(rng, 0.28)
    detained = detained and not demo.child_wanted  # drawn first: the same draws as before
    opened_on, steps = timeline(
        rng, make_steps(rng, plan), today, pace=DETAINED_PACE if detained else 1.0
    )
    if detained:
        detention = DetentionStatus.DETAINED
    elif plan.claim is ClaimType.DEFENSIVE and chance(rng, 0.4):
        detention = DetentionStatus.RELEASED
    else:
        detention = DetentionStatus.NOT_DETAINED
    facility = pick(rng, FACILITIES) if detained else None
    city = _city(rng, profile)
    sex = weighted(rng, _SEXES)
    female = sex is Sex.FEMALE or (sex is not Sex.MALE and chance(rng, 0.5))
    person = people.make_person(rng, profile.style, female)
    child = (not detained and chance(rng, 0.04)) or demo.child_wanted
    demo.children += child
    years_open = (today - opened_on).days // 365
    if child:  # 12-16 at intake, so a child at intake even if the case is old
        age = rng.randint(12, 16) + years_open
    else:
        age = max(int(rng.triangular(18, 64, 29)), 18 + years_open)
    birth = today - days(age * 365 + rng.randint(0, 364))
    arrived_on = _arrival(rng, opened_on, birth, plan, detained=detained, child=child)
    return Story(
        plan, profile, person, sex, female, birth, child, opened_on, arrived_on, city,
        facility, detention, steps,
    )  # fmt: skip


def _city(rng: random.Random, profile: Profile) -> City:
    if chance(rng, 0.6):
        return CITY_BY_NAME[pick(rng, profile.cities)]
    return weighted(rng, [(c, c.weight) for c in CITIES])


def _arrival(
    rng: random.Random, opened_on: date, birth: date, plan: Plan, *, detained: bool, child: bool
) -> date | None:
    if not detained and chance(rng, 0.03):
        return None  # the client does not remember
    if detained:
        gap = rng.randint(3, 60)
    elif child:
        gap = rng.randint(20, 200)
    elif chance(rng, 0.85 if plan.claim is ClaimType.AFFIRMATIVE else 0.55):
        gap = rng.randint(15, 200)  # most clients come soon after arriving
    else:
        gap = rng.randint(200, 1600)
    earliest = birth + days(11 * 365 if child else 16 * 365)
    return max(opened_on - days(gap), min(earliest, opened_on))


def intake(demo: Demo, story: Story) -> ClientId:
    family = _family(demo, story)
    address = None if story.facility else _address(demo.rng, story)
    client_id = intake_client(
        store=demo.store,
        client=_client_draft(demo, story),
        today=demo.today,
        family=family,
        address=address,
        adverse_parties=_adverse(demo.rng, story.profile),
    ).unwrap()
    demo.counts.clients += 1
    demo.counts.family_members += len(family)
    story.client_id = client_id
    if address is not None and story.closed_on is None and chance(demo.rng, 0.12):
        _move(demo, story, address)
    return client_id


def _client_draft(demo: Demo, story: Story) -> ClientDraft:
    rng, profile, person = demo.rng, story.profile, story.person
    languages = weighted(rng, profile.languages)
    has_a_number = story.plan.claim is ClaimType.DEFENSIVE or chance(rng, 0.55)
    manner, place = pick(rng, profile.arrivals)
    if story.detention is not DetentionStatus.NOT_DETAINED and manner is ArrivalManner.INSPECTED:
        manner, place = ArrivalManner.WITHOUT_INSPECTION, "near Hidalgo, TX"
    phone = "" if story.facility else f"({story.city.area_code}) 555-01{rng.randint(0, 99):02d}"
    email = ""
    if not story.facility and chance(rng, 0.35):
        local = people.ascii_text(person.latin).lower().replace(" ", ".").replace("'", "")
        email = f"{local}{rng.randint(1, 99)}@example.com"
    nationalities: tuple[str, ...] = (profile.country,)
    if profile.country == "VE" and chance(rng, 0.1):
        nationalities = ("VE", "CO")
    return ClientDraft(
        family_name=person.family,
        given_name=person.given,
        other_names=person.aliases,
        a_number=demo.a_number() if has_a_number else "",
        date_of_birth=story.birth,
        sex=story.sex,
        nationalities=nationalities,
        languages=languages,
        interpreter_needed="en" not in languages,
        phone=phone,
        email=email,
        last_arrival_on=story.arrived_on,
        last_arrival_place=words(demo.language, place) if story.arrived_on else "",
        last_arrival_manner=manner if story.arrived_on else ArrivalManner.UNKNOWN,
        detention=story.detention,
        detention_facility=story.facility.name if story.facility else "",
        unaccompanied_child=story.child,
        notes=words(demo.language, _client_notes(rng, languages, child=story.child)),
    )


def _client_notes(rng: random.Random, languages: tuple[str, ...], *, child: bool) -> str:
    if "quc" in languages or "mam" in languages:
        return "Speaks a Mayan language at home; use a Mam/K'iche' interpreter, not Spanish."
    if child:
        return "Unaccompanied minor; sponsor is an older sibling. Check TVPRA timelines."
    return pick(rng, _CLIENT_NOTES) if chance(rng, 0.1) else ""


def _street_address(rng: random.Random, city: City, moved_in: date, line2: str) -> AddressDraft:
    return AddressDraft(
        line1=f"{rng.randint(100, 9899)} {pick(rng, STREETS)}",
        line2=line2,
        city=city.name,
        state=city.state,
        postal_code=pick(rng, city.zips),
        country="US",
        moved_in_on=moved_in,
    )


def _address(rng: random.Random, story: Story) -> AddressDraft:
    moved_in = between(rng, story.arrived_on or story.opened_on, story.opened_on)
    line2 = f"Apt {rng.randint(1, 30)}{pick(rng, 'ABCD')}" if chance(rng, 0.5) else ""
    return _street_address(rng, story.city, moved_in, line2)


def _move(demo: Demo, story: Story, old: AddressDraft) -> None:
    """A move across town while the case is open (the change-of-address rules count from it)."""
    rng, today = demo.rng, demo.today
    moved_on = between(rng, max(story.opened_on, today - days(120)), today)
    line2 = f"Unit {rng.randint(1, 12)}" if chance(rng, 0.4) else ""
    new = _street_address(rng, story.city, moved_on, line2)
    record_move(store=demo.store, client_id=story.client_id, address=new, today=today).unwrap()


def _adverse(rng: random.Random, profile: Profile) -> list[str]:
    names = [pick(rng, profile.adverse)] if chance(rng, 0.5) else []
    if chance(rng, 0.35):
        names.append(people.make_person(rng, profile.style, female=False).full_name)
    return names


_Relative = tuple[people.Person, Relationship, tuple[int, int], bool]  # who, how, age range, in US


def _family(demo: Demo, story: Story) -> list[FamilyMemberDraft]:
    rng, style, client = demo.rng, story.profile.style, story.person
    age = (demo.today - story.birth).days // 365
    members: list[_Relative] = []
    if story.child:
        parent = people.parent(rng, style, client, female=chance(rng, 0.6))
        members.append((parent, Relationship.PARENT, (age + 18, age + 40), False))
        if chance(rng, 0.6):
            sibling = people.sibling(rng, style, client, female=chance(rng, 0.5))
            members.append((sibling, Relationship.SIBLING, (age + 2, age + 10), True))
        return [_member(demo, story, m) for m in members]
    spouse = None
    if age >= 20 and chance(rng, 0.55):
        spouse = people.spouse(rng, style, client, female=not story.female)
        members.append((spouse, Relationship.SPOUSE, (age - 6, age + 6), chance(rng, 0.6)))
    parents = (spouse, client) if story.female else (client, spouse)
    for _ in range(weighted(rng, ((0, 3), (1, 3), (2, 3), (3, 1))) if age >= 20 else 0):
        kid = people.child(rng, style, parents, female=chance(rng, 0.5))
        members.append((kid, Relationship.CHILD, (0, max(0, age - 18)), chance(rng, 0.6)))
    if chance(rng, 0.2):
        parent = people.parent(rng, style, client, female=chance(rng, 0.5))
        members.append((parent, Relationship.PARENT, (age + 18, min(age + 40, 100)), False))
    return [_member(demo, story, m) for m in members]


def _member(demo: Demo, story: Story, relative: _Relative) -> FamilyMemberDraft:
    rng, today = demo.rng, demo.today
    person, relation, years, in_us = relative
    born = today - days(rng.randint(max(0, years[0]) * 365, max(0, years[1]) * 365 + 364))
    may_derive = relation is Relationship.SPOUSE or (
        relation is Relationship.CHILD and (today - born).days < 21 * 365
    )
    derivative = (
        in_us
        and may_derive
        and chance(rng, 0.85 if story.plan.claim is ClaimType.AFFIRMATIVE else 0.6)
    )
    return FamilyMemberDraft(
        family_name=person.family,
        given_name=person.given,
        relationship=relation,
        date_of_birth=born,
        a_number=demo.a_number() if in_us and chance(rng, 0.4) else "",
        in_us=in_us,
        derivative=derivative,
    )
