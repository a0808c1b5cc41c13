"""Closed vocabularies of the case tracker. Values are stored in the database: never rename one."""

from enum import StrEnum


class ClaimType(StrEnum):
    AFFIRMATIVE = "affirmative"  # filed with USCIS, asylum-office interview
    DEFENSIVE = "defensive"  # in immigration court removal proceedings


class Relief(StrEnum):
    ASYLUM = "asylum"
    WITHHOLDING = "withholding"  # INA 241(b)(3)
    CAT = "cat"  # Convention Against Torture


class ProtectedGround(StrEnum):
    RACE = "race"
    RELIGION = "religion"
    NATIONALITY = "nationality"
    PARTICULAR_SOCIAL_GROUP = "psg"
    POLITICAL_OPINION = "political_opinion"


class ProceedingKind(StrEnum):
    """Which proceeding a case in immigration court is (an affirmative case keeps "removal":
    the value matters only before a judge). Limited proceedings: 8 CFR 1208.2(c)."""

    REMOVAL = "removal"  # INA 240 removal proceedings (every relief the law allows)
    # 8 CFR 1208.2(c)(1): e.g. Visa Waiver entrants, crew members, stowaways; asylum,
    # withholding and CAT only, nothing else (1208.2(c)(3)(i))
    ASYLUM_ONLY = "asylum_only"
    # 8 CFR 1208.2(c)(2), 1208.31(e): a reinstated or administrative removal order after a
    # positive reasonable-fear finding; withholding and CAT only, no asylum
    WITHHOLDING_ONLY = "withholding_only"


class StatusKind(StrEnum):
    """Lawful status, TPS or parole held in the United States: the circumstance of the
    one-year exception in 8 CFR 208.4(a)(5)(iv) / 1208.4(a)(5)(iv)."""

    NONIMMIGRANT = "nonimmigrant"  # e.g. B-2, F-1, H-1B (the class goes in the detail)
    IMMIGRANT = "immigrant"  # lawful permanent (or conditional) resident
    TPS = "tps"  # Temporary Protected Status
    PAROLE = "parole"  # INA 212(d)(5) parole (humanitarian, CHNV, U4U, ...)


class ForumKind(StrEnum):
    ASYLUM_OFFICE = "asylum_office"
    IMMIGRATION_COURT = "immigration_court"


class Stage(StrEnum):
    INTAKE = "intake"
    PREPARING = "preparing"
    FILED = "filed"
    INTERVIEW = "interview"  # affirmative: asylum-office interview scheduled or held
    HEARINGS = "hearings"  # defensive: master calendar / individual hearings
    DECISION = "decision"
    APPEAL = "appeal"
    # After the BIA's decision: a petition for review pending in a federal court of appeals
    CIRCUIT_COURT = "circuit_court"
    # A closed case with a motion to reopen pending (the order stands until it is granted)
    REOPENING = "reopening"
    CLOSED = "closed"


class Outcome(StrEnum):
    GRANTED = "granted"
    WITHHOLDING_GRANTED = "withholding_granted"
    CAT_GRANTED = "cat_granted"
    DENIED = "denied"
    REFERRED = "referred"  # USCIS referral to immigration court
    DISMISSED = "dismissed"
    TERMINATED = "terminated"
    WITHDRAWN = "withdrawn"
    ADMINISTRATIVELY_CLOSED = "administratively_closed"
    REMOVAL_ORDERED = "removal_ordered"
    VOLUNTARY_DEPARTURE = "voluntary_departure"
    TRANSFERRED = "transferred"  # representation ended or case transferred out
    # 2025-26: USCIS rejects an I-589 whose annual asylum fee went unpaid (8 U.S.C. 1808)
    REJECTED_UNPAID_FEE = "rejected_unpaid_fee"


class HearingKind(StrEnum):
    MASTER_CALENDAR = "master_calendar"
    INDIVIDUAL = "individual"  # individual / merits hearing
    ASYLUM_INTERVIEW = "asylum_interview"
    BIOMETRICS = "biometrics"
    ICE_CHECK_IN = "ice_check_in"
    # Detention (issue 18 § 2): beside the main track, not a stage
    BOND = "bond"  # bond (custody redetermination) hearing before an IJ
    FEAR_REVIEW = "fear_review"  # IJ review of a negative credible- or reasonable-fear finding


class AttendanceMode(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    TELEPHONIC = "telephonic"


class EvidenceCategory(StrEnum):
    IDENTITY = "identity"
    DECLARATION = "declaration"
    CORROBORATION = "corroboration"
    MEDICAL = "medical"  # medical / psychological
    EXPERT = "expert"
    COUNTRY_CONDITIONS = "country_conditions"
    OTHER = "other"


class TranslationStatus(StrEnum):
    NOT_NEEDED = "not_needed"
    NEEDED = "needed"
    TRANSLATED = "translated"  # translated, with a translator's certificate


class EvidenceStatus(StrEnum):
    REQUESTED = "requested"
    RECEIVED = "received"
    FILED = "filed"


class DeadlineOrigin(StrEnum):
    RULE = "rule"
    JUDGE_ORDERED = "judge_ordered"
    MANUAL = "manual"


class DeadlineStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    WAIVED = "waived"
    SUPERSEDED = "superseded"  # a judge-ordered date replaced the rule's default


class StaffRole(StrEnum):
    ATTORNEY = "attorney"
    PARALEGAL = "paralegal"
    VOLUNTEER = "volunteer"


class DetentionStatus(StrEnum):
    NOT_DETAINED = "not_detained"
    DETAINED = "detained"
    RELEASED = "released"  # released on bond, parole or alternatives to detention


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NONBINARY = "nonbinary"
    UNDISCLOSED = "undisclosed"


class MaritalStatus(StrEnum):
    """The I-589's Part A.I 11 (its four boxes)."""

    SINGLE = "single"
    MARRIED = "married"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class ArrivalManner(StrEnum):
    INSPECTED = "inspected"  # admitted at a port of entry
    PAROLED = "paroled"
    WITHOUT_INSPECTION = "without_inspection"
    UNKNOWN = "unknown"


class Relationship(StrEnum):
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER = "other"


class ChecklistState(StrEnum):
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"
    MISSING = "missing"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    STAGE = "stage"
    REFER = "refer"
    IMPORT = "import"  # one spreadsheet import: its rows are each also recorded as "create"
    # Intake: staff confirmed that the new client is not an existing client it strongly matched.
    NOT_SAME_PERSON = "not_same_person"


class CaseFactKind(StrEnum):
    """Dates (and two numbers) of a case that deadline rules count from, beyond hearings,
    arrival and filing. Values match the trigger names in resources/rules/deadlines.toml."""

    DECISION = "decision"
    FINAL_ORDER = "final_order"
    BIA_DECISION = "bia_decision"
    IN_ABSENTIA_ORDER = "in_absentia_order"
    VD_ORDER = "vd_order"
    VD_DAYS = "vd_days"  # a number of days
    NTA_SERVED = "nta_served"
    EAD_EXPIRES = "ead_expires"
    IJ_DENIAL = "ij_denial"
    ASYLUM_GRANTED = "asylum_granted"
    AAF_NOTICE = "aaf_notice"
    # One-year bar exceptions (8 CFR 208.4(a)(4)-(5)): the date a changed circumstance arose
    # (or became known) and the date an extraordinary circumstance began (both may repeat); the
    # date the circumstance ended, which the reasonable-period warning counts from
    CHANGED_CIRCUMSTANCES = "changed_circumstances"
    EXTRAORDINARY_CIRCUMSTANCES = "extraordinary_circumstances"
    EXCEPTION_EVENT_END = "exception_event_end"
    EAD_STOPPED_DAYS = "ead_stopped_days"  # a number of days
    OPPOSING_FILING_RECEIVED = "opposing_filing_received"  # may repeat
    JUDGE_SET_DATE = "judge_set_date"  # may repeat
    BIA_APPEAL_FILED = "bia_appeal_filed"  # the EOIR-26 reached the BIA
    PFR_FILED = "pfr_filed"  # petition for review filed in the court of appeals
    ASYLUM_OFFICE_DENIAL = "asylum_office_denial"  # denial not referred (applicant in status)
    RECOMMENDED_APPROVAL = "recommended_approval"  # asylum recommended for approval
    FOIA_RECEIVED = "foia_received"  # an agency received a FOIA request (may repeat)
    FOIA_RESPONSE = "foia_response"  # an agency's FOIA response (determination) (may repeat)
    FOIA_SENT = "foia_sent"  # the clinic sent a FOIA request to an agency (may repeat)
    # the agency's written notice of unusual circumstances: 10 more working days (may repeat)
    FOIA_EXTENDED = "foia_extended"
    # Affirmative process (asylum-rules.md §§ 2.6-2.7, 8.2)
    INTERVIEW_NOTICE = "interview_notice"  # the asylum office's interview notice arrived
    INTERVIEW_MISSED = "interview_missed"  # the applicant did not appear (may repeat)
    INTERVIEW_RESCHEDULED = "interview_rescheduled"  # at the applicant's request (may repeat)
    BIOMETRICS_MISSED = "biometrics_missed"  # ASC appointment missed (may repeat)
    BIOMETRICS_RESCHEDULED = "biometrics_rescheduled"  # at the applicant's request (may repeat)
    NOID_SERVED = "noid_served"  # the asylum office's Notice of Intent to Deny
    # The asylum EAD clock's log (deadlines/ead_clock.py): further stops and the restarts
    CONTINUANCE_REQUESTED = "continuance_requested"  # by the applicant, in court (may repeat)
    EAD_CLOCK_STOPPED = "ead_clock_stopped"  # another applicant-caused delay (may repeat)
    EAD_CLOCK_RESTARTED = "ead_clock_restarted"  # the delay resolved (may repeat)
    # Detention (asylum-rules.md § 8.2): a bond track beside the main one
    BOND_DECISION = "bond_decision"  # the IJ's custody (bond) decision (may repeat)
    BOND_APPEAL_FILED = "bond_appeal_filed"  # a bond appeal reached the BIA (may repeat)
    BOND_STAY_INVOKED = "bond_stay_invoked"  # DHS filed the EOIR-43 automatic stay (may repeat)
    NEGATIVE_CREDIBLE_FEAR = "negative_credible_fear"  # supervisory AO approved it
    NEGATIVE_REASONABLE_FEAR = "negative_reasonable_fear"  # referral filed with the court
    # Appeals (asylum-rules.md § 8.2)
    BIA_BRIEFING_SCHEDULE = "bia_briefing_schedule"  # the date of the BIA's briefing schedule
    BIA_BRIEF_EXTENDED = "bia_brief_extended"  # the BIA granted the party's one extension
    STAY_REQUESTED = "stay_requested"  # a motion for a stay of removal filed (may repeat)
    STAY_GRANTED = "stay_granted"  # (may repeat)
    STAY_DENIED = "stay_denied"  # (may repeat)
    CIRCUIT_RECORD_FILED = "circuit_record_filed"  # certified administrative record filed
    # 2025-26 events (asylum-rules.md § 8.2)
    ALIEN_REGISTERED = "alien_registered"  # G-325R filed or other registration (may repeat)
    DHS_MOTION_PRETERMIT = "dhs_motion_pretermit"  # received (may repeat)
    DHS_MOTION_DISMISS = "dhs_motion_dismiss"  # to dismiss, e.g. into expedited removal (repeat)
    DHS_MOTION_RESPONSE_DUE = "dhs_motion_response_due"  # the date the judge set (may repeat)
    I589_REJECTED = "i589_rejected"  # returned unfiled, e.g. annual asylum fee unpaid
    # Limited proceedings (8 CFR 1208.2(c)): the removal order reinstated (INA 241(a)(5)) or
    # issued administratively (INA 238(b)), and the I-863 referral that opens them
    REINSTATED_ORDER = "reinstated_order"
    LIMITED_REFERRAL = "limited_referral"


class FoiaAgency(StrEnum):
    """Where a FOIA request for the client's records goes (asylum-rules.md § 8.2)."""

    USCIS = "uscis"  # the A-file
    CBP = "cbp"  # entry and encounter records
    ICE = "ice"
    OBIM = "obim"  # fingerprint (IDENT) records
    EOIR = "eoir"  # the record of proceedings
    STATE = "state"  # Department of State (visa records)
    FBI = "fbi"  # identity history summary
    OTHER = "other_agency"  # not "other": the words table keys enums by value


NUMERIC_CASE_FACTS = frozenset({CaseFactKind.VD_DAYS, CaseFactKind.EAD_STOPPED_DAYS})
REPEATABLE_CASE_FACTS = frozenset(
    {
        CaseFactKind.OPPOSING_FILING_RECEIVED,
        CaseFactKind.JUDGE_SET_DATE,
        CaseFactKind.FOIA_RECEIVED,
        CaseFactKind.FOIA_RESPONSE,
        CaseFactKind.FOIA_SENT,
        CaseFactKind.FOIA_EXTENDED,
        CaseFactKind.INTERVIEW_MISSED,
        CaseFactKind.INTERVIEW_RESCHEDULED,
        CaseFactKind.BIOMETRICS_MISSED,
        CaseFactKind.BIOMETRICS_RESCHEDULED,
        CaseFactKind.CONTINUANCE_REQUESTED,
        CaseFactKind.EAD_CLOCK_STOPPED,
        CaseFactKind.EAD_CLOCK_RESTARTED,
        CaseFactKind.BOND_DECISION,
        CaseFactKind.BOND_APPEAL_FILED,
        CaseFactKind.BOND_STAY_INVOKED,
        CaseFactKind.STAY_REQUESTED,
        CaseFactKind.STAY_GRANTED,
        CaseFactKind.STAY_DENIED,
        CaseFactKind.ALIEN_REGISTERED,
        CaseFactKind.DHS_MOTION_PRETERMIT,
        CaseFactKind.DHS_MOTION_DISMISS,
        CaseFactKind.DHS_MOTION_RESPONSE_DUE,
    }
)
# A FOIA request starts with its sending or (when the sending was not recorded) its receipt;
# the receipt, the extension notice and each response belong to one request (CaseFact.about_id).
FOIA_FACTS = frozenset(
    {
        CaseFactKind.FOIA_SENT,
        CaseFactKind.FOIA_RECEIVED,
        CaseFactKind.FOIA_EXTENDED,
        CaseFactKind.FOIA_RESPONSE,
    }
)
FOIA_STARTS = frozenset({CaseFactKind.FOIA_SENT, CaseFactKind.FOIA_RECEIVED})
# What documents a one-year bar exception (8 CFR 208.4(a)(4)-(5)): the circumstance, or its end.
ONE_YEAR_EXCEPTION_FACTS = frozenset(
    {
        CaseFactKind.CHANGED_CIRCUMSTANCES,
        CaseFactKind.EXTRAORDINARY_CIRCUMSTANCES,
        CaseFactKind.EXCEPTION_EVENT_END,
    }
)
