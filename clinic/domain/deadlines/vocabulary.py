"""The closed vocabularies of the rule file (values are written in deadlines.toml: never rename one)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ClosurePolicy", "Confidence", "Direction", "Kind", "OffsetUnit", "Roll", "Trigger"]


class Trigger(StrEnum):
    """The case facts a rule may count from. Adding one needs code: the engine must find the date."""

    LAST_ARRIVAL = "last_arrival"
    HEARING = "hearing"
    OPPOSING_FILING_RECEIVED = "opposing_filing_received"
    DECISION = "decision"
    FINAL_ORDER = "final_order"
    BIA_DECISION = "bia_decision"
    IN_ABSENTIA_ORDER = "in_absentia_order"
    VD_ORDER = "vd_order"
    NTA_SERVED = "nta_served"
    I589_RECEIVED = "i589_received"
    EAD_EXPIRES = "ead_expires"
    IJ_DENIAL = "ij_denial"
    ADDRESS_CHANGE = "address_change"
    ASYLUM_GRANTED = "asylum_granted"
    AAF_NOTICE = "aaf_notice"
    JUDGE_SET_DATE = "judge_set_date"
    EXCEPTION_EVENT_END = "exception_event_end"
    CHANGED_CIRCUMSTANCES = "changed_circumstances"  # the latest changed circumstance arose
    BIA_APPEAL_FILED = "bia_appeal_filed"
    FOIA_RECEIVED = "foia_received"
    FOIA_RESPONSE = "foia_response"
    FOIA_EXTENDED = "foia_extended"  # counts from the receipt of a request the agency extended
    INTERVIEW_MISSED = "interview_missed"
    BIOMETRICS_MISSED = "biometrics_missed"
    NOID_SERVED = "noid_served"
    BOND_DECISION = "bond_decision"
    BOND_STAY_INVOKED = "bond_stay_invoked"
    NEGATIVE_CREDIBLE_FEAR = "negative_credible_fear"
    NEGATIVE_REASONABLE_FEAR = "negative_reasonable_fear"
    BIA_BRIEFING_SCHEDULE = "bia_briefing_schedule"
    BIA_BRIEF_EXTENDED = "bia_brief_extended"  # counts from the schedule of an extended brief
    PFR_FILED = "pfr_filed"
    CIRCUIT_RECORD_FILED = "circuit_record_filed"
    FOURTEENTH_BIRTHDAY = "fourteenth_birthday"  # in the United States (after the last arrival)
    DHS_MOTION_PRETERMIT = "dhs_motion_pretermit"
    DHS_MOTION_DISMISS = "dhs_motion_dismiss"
    DHS_MOTION_RESPONSE_DUE = "dhs_motion_response_due"
    I589_REJECTED = "i589_rejected"
    # people (deadlines/people.py): one anchor per family member filing their own I-589, per
    # status period that may explain a late filing
    MEMBER_LAST_ARRIVAL = "member_last_arrival"
    STATUS_ENDED = "status_ended"
    MEMBER_STATUS_ENDED = "member_status_ended"
    # limited proceedings (8 CFR 1208.2(c)): the removal order reinstated (or issued
    # administratively) before withholding-only proceedings, and the I-863 referral
    REINSTATED_ORDER = "reinstated_order"
    LIMITED_REFERRAL = "limited_referral"


class OffsetUnit(StrEnum):
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"
    BUSINESS_DAYS = "business_days"


class Direction(StrEnum):
    FORWARD = "forward"
    BACK = "back"


class Roll(StrEnum):
    NEXT_BUSINESS_DAY = "next_business_day"
    NONE = "none"


class ClosurePolicy(StrEnum):
    EXTEND = "extend"
    WARN = "warn"


class Kind(StrEnum):
    DEADLINE = "deadline"
    EARLIEST_DATE = "earliest_date"
    WARNING = "warning"
    REMINDER = "reminder"


class Confidence(StrEnum):
    CONFIRMED = "confirmed"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"
