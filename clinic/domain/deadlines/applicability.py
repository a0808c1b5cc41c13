"""Which rules apply to one case, and which of its dates each rule counts from.

Conditions with an unknown fact still apply (a missed deadline costs more than a spare one) and say
so with a ``condition_unknown:<field>`` flag. Detained cases get a "set by the court" entry for rules
marked court_set_when_detained instead of a computed date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from clinic.domain.deadlines.counting import add_months
from clinic.domain.deadlines.foia import (
    FOIA_EXTENDED_LABEL,
    FOIA_RECEIVED_LABEL,
    FOIA_RESPONSE_LABEL,
    foia_anchor_keys,
    request_of,
)
from clinic.domain.deadlines.people import (
    PERSON_TRIGGERS,
    own_i589_received,
    person_anchor_keys,
)
from clinic.domain.deadlines.rules import Rule
from clinic.domain.deadlines.values import Anchor, CaseFacts, HearingFact
from clinic.domain.deadlines.vocabulary import Trigger
from clinic.domain.enums import HearingKind, ProceedingKind
from clinic.domain.stages import FINAL_ORDER_STAGES

__all__ = [
    "ANCHOR_DATES",
    "ANCHOR_DATE_LABELS",
    "ANCHOR_DATE_WORDS",
    "ANNIVERSARY_LABEL",
    "CASE_DATES",
    "CASE_DATE_LABELS",
    "CASE_NUMBERS",
    "HEARING_LABELS",
    "TRIGGER_LABELS",
    "AnchorKey",
    "Fit",
    "anchor_keys",
    "anchors_for",
    "fit",
]


def _fourteenth(facts: CaseFacts) -> date | None:
    """The 14th birthday, when the person was in the United States on it (INA 262(b))."""
    if facts.birth_date is None:
        return None
    birthday = add_months(facts.birth_date, 14 * 12).on
    arrived = facts.last_arrival
    return birthday if arrived is not None and birthday > arrived else None


def _registered_at_14(facts: CaseFacts, _field: str) -> date | None:
    """A registration on or after the 14th birthday (one before it does not count)."""
    birthday = _fourteenth(facts)
    if birthday is None:
        return None
    return min((on for on in facts.alien_registered if on >= birthday), default=None)


def _first_response_date(facts: CaseFacts, _field: str) -> date | None:
    return min(facts.dhs_response_due, default=None)


_SINGLE: dict[Trigger, tuple[str, Callable[[CaseFacts], date | None]]] = {
    Trigger.LAST_ARRIVAL: ("Last arrival", lambda f: f.last_arrival),
    # 8 CFR 1003.38(b): the oral decision's date, or a written decision's mailing / e-service date
    Trigger.DECISION: (
        "IJ decision (oral, or written decision mailed or served)",
        lambda f: f.decision,
    ),
    Trigger.FINAL_ORDER: ("Final order", lambda f: f.final_order),
    Trigger.BIA_DECISION: ("BIA decision", lambda f: f.bia_decision),
    Trigger.IN_ABSENTIA_ORDER: ("In-absentia order", lambda f: f.in_absentia_order),
    Trigger.VD_ORDER: ("VD order", lambda f: f.vd_order),
    Trigger.NTA_SERVED: ("NTA served", lambda f: f.nta_served),
    Trigger.I589_RECEIVED: ("I-589 received", lambda f: f.i589_received),
    Trigger.EAD_EXPIRES: ("EAD expires", lambda f: f.ead_expires),
    Trigger.IJ_DENIAL: ("IJ denial", lambda f: f.ij_denial),
    Trigger.ASYLUM_GRANTED: ("Asylum granted", lambda f: f.asylum_granted),
    Trigger.AAF_NOTICE: ("AAF notice", lambda f: f.aaf_notice),
    Trigger.EXCEPTION_EVENT_END: ("Exception circumstance ended", lambda f: f.exception_event_end),
    Trigger.CHANGED_CIRCUMSTANCES: (
        "Changed circumstances arose",
        lambda f: max(f.changed_circumstances, default=None),
    ),
    Trigger.BIA_APPEAL_FILED: ("BIA appeal filed", lambda f: f.bia_appeal_filed),
    Trigger.NOID_SERVED: ("Notice of Intent to Deny", lambda f: f.noid_served),
    Trigger.NEGATIVE_CREDIBLE_FEAR: (
        "Negative credible-fear determination approved",
        lambda f: f.negative_credible_fear,
    ),
    Trigger.BIA_BRIEFING_SCHEDULE: (
        "BIA briefing schedule",
        lambda f: None if f.brief_extended else f.briefing_schedule,
    ),
    Trigger.BIA_BRIEF_EXTENDED: (
        "BIA briefing schedule, extended once",
        lambda f: f.briefing_schedule if f.brief_extended else None,
    ),
    Trigger.PFR_FILED: ("Petition for review filed", lambda f: f.pfr_filed),
    Trigger.CIRCUIT_RECORD_FILED: (
        "Certified administrative record filed",
        lambda f: f.circuit_record_filed,
    ),
    Trigger.FOURTEENTH_BIRTHDAY: ("14th birthday in the United States", _fourteenth),
    Trigger.I589_REJECTED: ("I-589 rejected", lambda f: f.i589_rejected),
    Trigger.NEGATIVE_REASONABLE_FEAR: (
        "Negative reasonable-fear referral filed with the court",
        lambda f: f.negative_reasonable_fear,
    ),
    Trigger.REINSTATED_ORDER: (
        "Removal order reinstated or issued administratively",
        lambda f: f.reinstated_order,
    ),
    Trigger.LIMITED_REFERRAL: (
        "Notice of Referral to Immigration Judge (I-863)",
        lambda f: f.limited_referral,
    ),
}
_MULTI: dict[Trigger, tuple[str, Callable[[CaseFacts], tuple[date, ...]]]] = {
    Trigger.ADDRESS_CHANGE: ("Address change", lambda f: f.address_changes),
    Trigger.OPPOSING_FILING_RECEIVED: (
        "Opposing filing received",
        lambda f: f.opposing_filing_received,
    ),
    Trigger.JUDGE_SET_DATE: ("Judge-set date", lambda f: f.judge_set_dates),
    Trigger.INTERVIEW_MISSED: ("Asylum interview missed", lambda f: f.interview_missed),
    Trigger.BIOMETRICS_MISSED: ("Biometrics appointment missed", lambda f: f.biometrics_missed),
    Trigger.BOND_DECISION: ("Bond decision", lambda f: f.bond_decisions),
    Trigger.DHS_MOTION_PRETERMIT: ("DHS motion to pretermit received", lambda f: f.dhs_pretermit),
    Trigger.DHS_MOTION_DISMISS: ("DHS motion to dismiss received", lambda f: f.dhs_dismiss),
    Trigger.DHS_MOTION_RESPONSE_DUE: (
        "Response date set by the judge",
        lambda f: f.dhs_response_due,
    ),
    Trigger.BOND_STAY_INVOKED: ("DHS automatic stay (EOIR-43) filed", lambda f: f.bond_stays),
}
# Triggers with one anchor per request, its id in the field (foia.foia_anchor_keys).
_KEYED = {
    Trigger.FOIA_RECEIVED: FOIA_RECEIVED_LABEL,
    Trigger.FOIA_EXTENDED: FOIA_EXTENDED_LABEL,
    Trigger.FOIA_RESPONSE: FOIA_RESPONSE_LABEL,
}
TRIGGER_LABELS: dict[Trigger, str] = {
    **{trigger: label for trigger, (label, _) in _SINGLE.items()},
    **{trigger: label for trigger, (label, _) in _MULTI.items()},
    **_KEYED,
    Trigger.HEARING: "Hearing",
    Trigger.MEMBER_LAST_ARRIVAL: "Family member's last arrival",
    Trigger.STATUS_ENDED: "Lawful status ended",
    Trigger.MEMBER_STATUS_ENDED: "Family member's lawful status ended",
}
HEARING_LABELS = {
    HearingKind.MASTER_CALENDAR: "Master calendar hearing",
    HearingKind.INDIVIDUAL: "Individual hearing",
    HearingKind.ASYLUM_INTERVIEW: "Asylum interview",
    HearingKind.BIOMETRICS: "Biometrics appointment",
    HearingKind.ICE_CHECK_IN: "ICE check-in",
    HearingKind.BOND: "Bond hearing",
    HearingKind.FEAR_REVIEW: "Fear review hearing",
}
# A repeating rule's later anchors are the previous anniversary of its trigger date.
ANNIVERSARY_LABEL = "Filing anniversary"
# Case dates a rule may be met by, ended by, brought forward by, or need (rules.CASE_DATE_FIELDS).
CASE_DATES: dict[str, Callable[[CaseFacts], date | None]] = {
    "i589_received": lambda f: f.i589_received,
    "ij_denial": lambda f: f.ij_denial,
    "asylum_office_denial": lambda f: f.asylum_office_denial,
    "pfr_filed": lambda f: f.pfr_filed,
    "recommended_approval": lambda f: f.recommended_approval,
    "vd_order": lambda f: f.vd_order,
    "i589_rejected": lambda f: f.i589_rejected,
    "asylum_granted": lambda f: f.asylum_granted,
}
CASE_DATE_LABELS = {
    "i589_received": "I-589 received",
    "ij_denial": "IJ denial",
    "asylum_office_denial": "Asylum-office denial",
    "pfr_filed": "Petition for review filed",
    "recommended_approval": "Asylum recommended for approval",
    "vd_order": "VD order",
    "i589_rejected": "I-589 rejected",
    "asylum_granted": "Asylum granted",
}


def _first_response(facts: CaseFacts, field: str) -> date | None:
    request = request_of(field, facts)
    return min((on for _, on in request.responses), default=None) if request else None


# Dates of the anchor's own request (rules.ANCHOR_DATE_FIELDS), read with the anchor's field.
ANCHOR_DATES: dict[str, Callable[[CaseFacts, str], date | None]] = {
    "foia_response": _first_response,
    "interview_notice": lambda f, _field: f.interview_notice,
    "stay_requested": lambda f, _field: f.stay_requested,
    "alien_registered": lambda f, _field: min(f.alien_registered, default=None),
    "registered_at_14": _registered_at_14,
    "dhs_motion_response_due": _first_response_date,
    "own_i589_received": own_i589_received,
}
ANCHOR_DATE_LABELS = {
    "foia_response": "FOIA response",
    "interview_notice": "Interview notice",
    "stay_requested": "Motion for a stay of removal",
    "alien_registered": "Alien registration",
    "registered_at_14": "Alien registration",
    "dhs_motion_response_due": "Response date set by the judge",
    "own_i589_received": "I-589 received",
}
# What the engine says when such a date settles the rule (engine._settle).
ANCHOR_DATE_WORDS = {
    "foia_response": "answered, so no follow-up is due",
    "interview_notice": "received, so this warning no longer applies",
    "stay_requested": "filed, so no follow-up is due",
    "alien_registered": "recorded, so this is done",
    "registered_at_14": "recorded, so this is done",
    "dhs_motion_response_due": "the judge's date replaces this default",
    "own_i589_received": "filed, so this warning no longer applies",
}
CASE_NUMBERS: dict[str, Callable[[CaseFacts], int | None]] = {
    "vd_days": lambda f: f.vd_days,
    "ead_stopped_days": lambda f: f.ead_stopped_days,
}


@dataclass(frozen=True)
class Fit:
    court_set: bool = False
    flags: tuple[str, ...] = ()


def _member(value: StrEnum | None, allowed: frozenset[Any]) -> bool | None:
    if not allowed:
        return True
    return None if value is None else value in allowed


def _overlap(values: frozenset[Any], allowed: frozenset[Any]) -> bool | None:
    if not allowed:
        return True
    return bool(values & allowed) if values else None


def fit(rule: Rule, facts: CaseFacts) -> Fit | None:
    """Whether the rule's conditions hold; None = not applicable. Unknown facts apply, flagged."""
    cond = rule.conditions
    if facts.stage in FINAL_ORDER_STAGES and not rule.after_closing:
        return None  # a closed case (or one past its final order) keeps what its closing starts
    court = rule.court_set_when_detained and facts.detained is True
    checks = {
        "claim_type": _member(facts.claim_type, cond.claim_types),
        "forum": _member(facts.forum, cond.forums),
        "stage": _member(facts.stage, cond.stages),
        "relief": _overlap(facts.relief, cond.relief),
        "unaccompanied_child": _not_uac(facts.unaccompanied_child) if cond.not_for_uac else True,
        "detained": True
        if cond.detained is None or court
        else _same(facts.detained, cond.detained),
    }
    if cond.arrival_manners and facts.arrival_manner not in cond.arrival_manners:
        return None  # e.g. registration: only an arrival recorded as without inspection
    if cond.proceedings and (facts.proceeding or ProceedingKind.REMOVAL) not in cond.proceedings:
        return None  # e.g. no one-year deadline in withholding-only proceedings
    if any(ok is False for ok in checks.values()):
        return None
    unknown = tuple(f"condition_unknown:{name}" for name, ok in checks.items() if ok is None)
    return Fit(court_set=court, flags=unknown)


def _not_uac(value: bool | None) -> bool | None:
    return None if value is None else not value


def _same(value: bool | None, wanted: bool) -> bool | None:
    return None if value is None else value == wanted


def anchors_for(rule: Rule, facts: CaseFacts, hearings_from: date | None) -> list[Anchor]:
    return [Anchor(*key) for key in anchor_keys(rule, facts, hearings_from)]


AnchorKey = tuple[str, str, date]  # Anchor's fields, as a plain (cheaply hashed) tuple


def anchor_keys(rule: Rule, facts: CaseFacts, hearings_from: date | None) -> list[AnchorKey]:
    """The fields of :func:`anchors_for`'s anchors, in the same order."""
    if any(CASE_DATES[name](facts) is None for name in rule.requires):
        return []
    trigger = rule.trigger
    if trigger is Trigger.HEARING or trigger in _KEYED or trigger.value in PERSON_TRIGGERS:
        return _one_per_event(rule, facts, hearings_from)
    if trigger in _MULTI:
        label, get_many = _MULTI[trigger]
        return [(trigger.value, label, on) for on in sorted(set(get_many(facts)))]
    label, get_one = _SINGLE[trigger]
    on = get_one(facts)
    if on is None:
        return []
    if rule.repeat_yearly:
        return _anniversaries(rule, trigger, label, on)
    return [(trigger.value, label, on)]


def _one_per_event(rule: Rule, facts: CaseFacts, hearings_from: date | None) -> list[AnchorKey]:
    """One anchor per hearing, per FOIA request or per person (its id in the field)."""
    if rule.trigger.value in PERSON_TRIGGERS:
        return person_anchor_keys(rule.trigger.value, facts)
    if rule.trigger is not Trigger.HEARING:
        return foia_anchor_keys(rule.trigger.value, facts)
    field = Trigger.HEARING.value
    return [
        (field, HEARING_LABELS[h.kind], h.on)
        for h in facts.hearings
        if _wanted(rule, h, hearings_from)
    ]


def _anniversaries(rule: Rule, trigger: Trigger, label: str, on: date) -> list[AnchorKey]:
    """A rule due every year (e.g. the annual asylum fee): each due date counts one year from
    the previous anniversary (the first from the trigger date itself); years due before the
    rule's ``due_not_before`` are skipped, then ``repeat_yearly`` of them are kept."""
    keys: list[AnchorKey] = []
    years = 0
    while len(keys) < rule.repeat_yearly:
        due = add_months(on, 12 * (years + 1)).on
        if rule.due_not_before is None or due >= rule.due_not_before:
            previous = add_months(on, 12 * years).on
            keys.append((trigger.value, label if years == 0 else ANNIVERSARY_LABEL, previous))
        years += 1
    return keys


def _wanted(rule: Rule, hearing: HearingFact, hearings_from: date | None) -> bool:
    kinds = rule.conditions.hearing_kinds
    in_time = hearings_from is None or hearing.on >= hearings_from
    return in_time and (not kinds or hearing.kind in kinds)
