"""The English word for every value of the enums shown to people: one table per enum, used
by the window, the staff PDFs and the command line alike (issue 19 § 3).

Each runtime translates these words through its own catalogue, under the context
:func:`context` ("enum.Stage"), so that the same English word can read differently by what it
names ("Other" category, "Other" relative):

* the window (:func:`clinic.ui.case_view.case_words.word`, :func:`clinic.ui.labels.label`) through
  Qt's ``resources/translations/clinic_es.ts``, where ``tools/translations.py`` writes them;
* the PDFs (:func:`clinic.reports.pdf_words.enum_word`) and the command line through gettext's
  ``resources/locale/es/LC_MESSAGES/clinic.po`` (``msgctxt``), where ``tools/messages.py`` does.

tests/ui/test_enum_words_agree.py checks that both catalogues give the same Spanish for every
value. A new member gets its word here (the test of this table fails until it has one); its
Spanish follows docs/glossary-es.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Any

from clinic.domain.deadlines.vocabulary import Confidence
from clinic.domain.enums import (
    ArrivalManner,
    AttendanceMode,
    CaseFactKind,
    ChecklistState,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    DetentionStatus,
    EvidenceCategory,
    EvidenceStatus,
    FoiaAgency,
    ForumKind,
    HearingKind,
    MaritalStatus,
    Outcome,
    ProceedingKind,
    ProtectedGround,
    Relationship,
    Relief,
    Sex,
    StaffRole,
    Stage,
    StatusKind,
    TranslationStatus,
)
from clinic.domain.i18n import pgettext

WORDS: dict[type[StrEnum], Mapping[Any, str]] = {
    StaffRole: {
        StaffRole.ATTORNEY: "Attorney",
        StaffRole.PARALEGAL: "Paralegal",
        StaffRole.VOLUNTEER: "Volunteer",
    },
    ClaimType: {
        ClaimType.AFFIRMATIVE: "Affirmative",
        ClaimType.DEFENSIVE: "Defensive",
    },
    Relief: {
        Relief.ASYLUM: "Asylum",
        Relief.WITHHOLDING: "Withholding of removal",
        Relief.CAT: "Convention Against Torture",
    },
    ProtectedGround: {
        ProtectedGround.RACE: "Race",
        ProtectedGround.RELIGION: "Religion",
        ProtectedGround.NATIONALITY: "Nationality",
        ProtectedGround.PARTICULAR_SOCIAL_GROUP: "Particular social group",
        ProtectedGround.POLITICAL_OPINION: "Political opinion",
    },
    ForumKind: {
        ForumKind.ASYLUM_OFFICE: "Asylum office",
        ForumKind.IMMIGRATION_COURT: "Immigration court",
    },
    Stage: {
        Stage.INTAKE: "Intake",
        Stage.PREPARING: "Preparing",
        Stage.FILED: "Filed",
        Stage.INTERVIEW: "Interview",
        Stage.HEARINGS: "Hearings",
        Stage.DECISION: "Decision",
        Stage.APPEAL: "Appeal",
        Stage.CIRCUIT_COURT: "Court of appeals",
        Stage.REOPENING: "Motion to reopen",
        Stage.CLOSED: "Closed",
    },
    Outcome: {
        Outcome.GRANTED: "Asylum granted",
        Outcome.WITHHOLDING_GRANTED: "Withholding granted",
        Outcome.CAT_GRANTED: "CAT protection granted",
        Outcome.DENIED: "Denied",
        Outcome.REFERRED: "Referred to court",
        Outcome.DISMISSED: "Dismissed",
        Outcome.TERMINATED: "Terminated",
        Outcome.WITHDRAWN: "Withdrawn",
        Outcome.ADMINISTRATIVELY_CLOSED: "Administratively closed",
        Outcome.REMOVAL_ORDERED: "Removal ordered",
        Outcome.VOLUNTARY_DEPARTURE: "Voluntary departure",
        Outcome.TRANSFERRED: "Transferred or representation ended",
        Outcome.REJECTED_UNPAID_FEE: "I-589 rejected: annual asylum fee unpaid",
    },
    HearingKind: {
        HearingKind.MASTER_CALENDAR: "Master calendar hearing",
        HearingKind.INDIVIDUAL: "Individual hearing",
        HearingKind.ASYLUM_INTERVIEW: "Asylum interview",
        HearingKind.BIOMETRICS: "Biometrics",
        HearingKind.ICE_CHECK_IN: "ICE check-in",
        HearingKind.BOND: "Bond hearing",
        HearingKind.FEAR_REVIEW: "Credible- or reasonable-fear review before a judge",
    },
    AttendanceMode: {
        AttendanceMode.IN_PERSON: "In person",
        AttendanceMode.VIDEO: "Video",
        AttendanceMode.TELEPHONIC: "Telephone",
    },
    EvidenceCategory: {
        EvidenceCategory.IDENTITY: "Identity",
        EvidenceCategory.DECLARATION: "Declaration",
        EvidenceCategory.CORROBORATION: "Corroboration",
        EvidenceCategory.MEDICAL: "Medical or psychological",
        EvidenceCategory.EXPERT: "Expert report",
        EvidenceCategory.COUNTRY_CONDITIONS: "Country conditions",
        EvidenceCategory.OTHER: "Other",
    },
    TranslationStatus: {
        TranslationStatus.NOT_NEEDED: "No translation needed",
        TranslationStatus.NEEDED: "Needs translation",
        TranslationStatus.TRANSLATED: "Translated, certified",
    },
    EvidenceStatus: {
        EvidenceStatus.REQUESTED: "Requested",
        EvidenceStatus.RECEIVED: "Received",
        EvidenceStatus.FILED: "Filed",
    },
    DeadlineOrigin: {
        DeadlineOrigin.RULE: "Rule",
        DeadlineOrigin.JUDGE_ORDERED: "Judge-ordered",
        DeadlineOrigin.MANUAL: "Manual",
    },
    ChecklistState: {
        ChecklistState.DONE: "Done",
        ChecklistState.NOT_APPLICABLE: "Not applicable",
        ChecklistState.MISSING: "Missing",
    },
    DeadlineStatus: {
        DeadlineStatus.OPEN: "Open",
        DeadlineStatus.DONE: "Done",
        DeadlineStatus.WAIVED: "Waived",
        DeadlineStatus.SUPERSEDED: "Replaced by a judge's order",
    },
    DetentionStatus: {
        DetentionStatus.NOT_DETAINED: "Not detained",
        DetentionStatus.DETAINED: "Detained",
        DetentionStatus.RELEASED: "Released (bond, parole or ATD)",
    },
    Sex: {
        Sex.FEMALE: "Female",
        Sex.MALE: "Male",
        Sex.NONBINARY: "Non-binary",
        Sex.UNDISCLOSED: "Prefers not to say",
    },
    ArrivalManner: {
        ArrivalManner.INSPECTED: "Inspected at a port of entry",
        ArrivalManner.PAROLED: "Paroled",
        ArrivalManner.WITHOUT_INSPECTION: "Entered without inspection",
        ArrivalManner.UNKNOWN: "Not known",
    },
    Relationship: {
        Relationship.SPOUSE: "Spouse",
        Relationship.CHILD: "Child",
        Relationship.PARENT: "Parent",
        Relationship.SIBLING: "Sibling",
        Relationship.OTHER: "Other",
    },
    CaseFactKind: {
        # 8 CFR 1003.38(b): the BIA appeal runs from an oral decision, or a written one's mailing
        CaseFactKind.DECISION: "Judge's decision (oral: its date; written: date mailed or served)",
        CaseFactKind.FINAL_ORDER: "Final order",
        CaseFactKind.BIA_DECISION: "BIA decision",
        CaseFactKind.IN_ABSENTIA_ORDER: "In-absentia order",
        CaseFactKind.VD_ORDER: "Voluntary departure order",
        CaseFactKind.VD_DAYS: "Voluntary departure period (days)",
        CaseFactKind.NTA_SERVED: "Notice to Appear served",
        CaseFactKind.EAD_EXPIRES: "Work permit (EAD) expires",
        CaseFactKind.IJ_DENIAL: "Immigration judge's denial",
        CaseFactKind.ASYLUM_GRANTED: "Asylum granted",
        CaseFactKind.AAF_NOTICE: "Annual asylum fee notice",
        CaseFactKind.CHANGED_CIRCUMSTANCES: "One-year exception: changed circumstances arose",
        CaseFactKind.EXTRAORDINARY_CIRCUMSTANCES: "One-year exception: extraordinary circumstances began",
        CaseFactKind.EXCEPTION_EVENT_END: "Exceptional circumstance ended",
        CaseFactKind.EAD_STOPPED_DAYS: "Days the asylum clock was stopped, counted by hand (added to the log)",
        CaseFactKind.OPPOSING_FILING_RECEIVED: "Opposing filing received",
        CaseFactKind.JUDGE_SET_DATE: "Date set by the judge",
        CaseFactKind.BIA_APPEAL_FILED: "BIA appeal filed",
        CaseFactKind.PFR_FILED: "Petition for review filed",
        CaseFactKind.ASYLUM_OFFICE_DENIAL: "Asylum office denial (not referred)",
        CaseFactKind.RECOMMENDED_APPROVAL: "Asylum recommended for approval",
        CaseFactKind.FOIA_SENT: "FOIA request sent",
        CaseFactKind.FOIA_RECEIVED: "FOIA request received by the agency (acknowledged)",
        CaseFactKind.FOIA_EXTENDED: "FOIA response extended by the agency in writing (unusual circumstances)",
        CaseFactKind.FOIA_RESPONSE: "FOIA response from the agency",
        CaseFactKind.INTERVIEW_NOTICE: "Asylum interview notice received",
        CaseFactKind.INTERVIEW_MISSED: "Asylum interview missed (did not appear)",
        CaseFactKind.INTERVIEW_RESCHEDULED: "Asylum interview rescheduled at the applicant's request",
        CaseFactKind.BIOMETRICS_MISSED: "Biometrics appointment missed (did not appear)",
        CaseFactKind.BIOMETRICS_RESCHEDULED: "Biometrics appointment rescheduled at the applicant's request",
        CaseFactKind.NOID_SERVED: "Notice of Intent to Deny from the asylum office",
        CaseFactKind.CONTINUANCE_REQUESTED: "Continuance requested by the applicant (asylum clock stops)",
        CaseFactKind.EAD_CLOCK_STOPPED: "Asylum clock stopped: another applicant-caused delay (say which in the note)",
        CaseFactKind.EAD_CLOCK_RESTARTED: "Asylum clock restarted (the delay is resolved)",
        CaseFactKind.BOND_DECISION: "Bond decision by the judge",
        CaseFactKind.BOND_APPEAL_FILED: "Bond appeal filed with the BIA",
        CaseFactKind.BOND_STAY_INVOKED: "DHS invoked the automatic stay of the bond order (EOIR-43)",
        CaseFactKind.NEGATIVE_CREDIBLE_FEAR: "Negative credible-fear determination (review requested)",
        CaseFactKind.NEGATIVE_REASONABLE_FEAR: "Negative reasonable-fear determination referred to the judge",
        CaseFactKind.BIA_BRIEFING_SCHEDULE: "BIA briefing schedule (its date)",
        CaseFactKind.BIA_BRIEF_EXTENDED: "BIA granted the briefing extension",
        CaseFactKind.STAY_REQUESTED: "Motion for a stay of removal filed",
        CaseFactKind.STAY_GRANTED: "Stay of removal granted",
        CaseFactKind.STAY_DENIED: "Stay of removal denied",
        CaseFactKind.CIRCUIT_RECORD_FILED: "Certified administrative record filed in the court of appeals",
        CaseFactKind.ALIEN_REGISTERED: "Alien registration (G-325R filed, or a document that counts)",
        CaseFactKind.DHS_MOTION_PRETERMIT: "DHS motion to pretermit received",
        CaseFactKind.DHS_MOTION_DISMISS: "DHS motion to dismiss received",
        CaseFactKind.DHS_MOTION_RESPONSE_DUE: "Response to a DHS motion due (date set by the judge)",
        CaseFactKind.I589_REJECTED: "I-589 rejected by USCIS (e.g. annual asylum fee unpaid)",
        CaseFactKind.REINSTATED_ORDER: "Removal order reinstated, or issued administratively",
        CaseFactKind.LIMITED_REFERRAL: "Referred to the judge for asylum-only or withholding-only proceedings (I-863)",
    },
    # people (issue 18 § 2): the kind of proceeding, lawful status / TPS / parole
    ProceedingKind: {
        ProceedingKind.REMOVAL: "Removal proceedings",
        ProceedingKind.ASYLUM_ONLY: "Asylum-only proceedings",
        ProceedingKind.WITHHOLDING_ONLY: "Withholding-only proceedings",
    },
    StatusKind: {
        StatusKind.NONIMMIGRANT: "Nonimmigrant status",
        StatusKind.IMMIGRANT: "Immigrant status",
        StatusKind.TPS: "Temporary Protected Status (TPS)",
        StatusKind.PAROLE: "Parole",
    },
    MaritalStatus: {
        MaritalStatus.SINGLE: "Single",
        MaritalStatus.MARRIED: "Married",
        MaritalStatus.DIVORCED: "Divorced",
        MaritalStatus.WIDOWED: "Widowed",
    },
    FoiaAgency: {
        FoiaAgency.USCIS: "USCIS (A-file)",
        FoiaAgency.CBP: "CBP (entry and encounter records)",
        FoiaAgency.ICE: "ICE",
        FoiaAgency.OBIM: "OBIM (fingerprint records)",
        FoiaAgency.EOIR: "EOIR (record of proceedings)",
        FoiaAgency.STATE: "State Department (visa records)",
        FoiaAgency.FBI: "FBI (identity history)",
        FoiaAgency.OTHER: "Another agency",
    },
    # how sure a deadline rule is (resources/rules/deadlines.toml ``confidence``)
    Confidence: {
        Confidence.CONFIRMED: "Confirmed against the primary source",
        Confidence.SECONDARY: "From a secondary source; the attorney should confirm",
        Confidence.UNVERIFIED: "Not verified against its source; the attorney must confirm",
    },
}


def context(kind: type[StrEnum]) -> str:
    """The catalogues' context of an enum's words ("enum.Stage")."""
    return f"enum.{kind.__name__}"


def english(value: StrEnum) -> str:
    """The English word for ``value``; a value the table lacks (a row Clinic would not accept)
    reads as its stored value, tidied ("some_value" → "Some value")."""
    return WORDS.get(type(value), {}).get(value) or value.value.replace("_", " ").capitalize()


def translated(value: StrEnum, lang: str) -> str:
    """The word for ``value`` in ``lang`` from gettext's catalogue (the PDFs' and the command
    line's); English when the catalogue lacks it."""
    return pgettext(context(type(value)), english(value), lang)


def has_word(value: StrEnum) -> bool:
    return value in WORDS.get(type(value), {})


def entries() -> Iterator[tuple[str, str]]:
    """Every (context, English word) pair, for the tools that write the catalogues."""
    for kind, words in WORDS.items():
        for text in words.values():
            yield context(kind), text
