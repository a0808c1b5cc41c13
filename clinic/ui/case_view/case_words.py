"""Words the case view shows for stored values: enum words, dates, times, A-numbers, countries
and languages (a deadline's flags and provenance: :mod:`clinic.ui.case_view.deadline_words`).

Every string is marked for translation (``QT_TRANSLATE_NOOP``) and translated when shown, so
a Spanish catalogue can follow without touching the code.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QTime

from clinic.domain.anumber import InvalidANumber, format_a_number
from clinic.domain.enums import (
    ArrivalManner,
    AttendanceMode,
    CaseFactKind,
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
    Stage,
    StatusKind,
    TranslationStatus,
)
from clinic.domain.problem_text import describe
from clinic.domain.validation import Problem
from clinic.ui.date_text import date_text
from clinic.ui.intake.iso_choices import local_country_name, local_language_name
from clinic.ui.translations import current_language

CONTEXT = "CaseView"


def tr(text: object) -> str:
    """Translate a string marked with ``QT_TRANSLATE_NOOP`` (typed ``object`` by the stubs)."""
    return QCoreApplication.translate(CONTEXT, str(text))


ENUM_WORDS: dict[StrEnum, object] = {
    ClaimType.AFFIRMATIVE: QT_TRANSLATE_NOOP("CaseView", "Affirmative"),
    ClaimType.DEFENSIVE: QT_TRANSLATE_NOOP("CaseView", "Defensive"),
    Relief.ASYLUM: QT_TRANSLATE_NOOP("CaseView", "Asylum"),
    Relief.WITHHOLDING: QT_TRANSLATE_NOOP("CaseView", "Withholding of removal"),
    Relief.CAT: QT_TRANSLATE_NOOP("CaseView", "Convention Against Torture"),
    ProtectedGround.RACE: QT_TRANSLATE_NOOP("CaseView", "Race"),
    ProtectedGround.RELIGION: QT_TRANSLATE_NOOP("CaseView", "Religion"),
    ProtectedGround.NATIONALITY: QT_TRANSLATE_NOOP("CaseView", "Nationality"),
    ProtectedGround.PARTICULAR_SOCIAL_GROUP: QT_TRANSLATE_NOOP(
        "CaseView", "Particular social group"
    ),
    ProtectedGround.POLITICAL_OPINION: QT_TRANSLATE_NOOP("CaseView", "Political opinion"),
    ForumKind.ASYLUM_OFFICE: QT_TRANSLATE_NOOP("CaseView", "Asylum office"),
    ForumKind.IMMIGRATION_COURT: QT_TRANSLATE_NOOP("CaseView", "Immigration court"),
    Stage.INTAKE: QT_TRANSLATE_NOOP("CaseView", "Intake"),
    Stage.PREPARING: QT_TRANSLATE_NOOP("CaseView", "Preparing"),
    Stage.FILED: QT_TRANSLATE_NOOP("CaseView", "Filed"),
    Stage.INTERVIEW: QT_TRANSLATE_NOOP("CaseView", "Interview"),
    Stage.HEARINGS: QT_TRANSLATE_NOOP("CaseView", "Hearings"),
    Stage.DECISION: QT_TRANSLATE_NOOP("CaseView", "Decision"),
    Stage.APPEAL: QT_TRANSLATE_NOOP("CaseView", "Appeal"),
    Stage.CIRCUIT_COURT: QT_TRANSLATE_NOOP("CaseView", "Court of appeals"),
    Stage.REOPENING: QT_TRANSLATE_NOOP("CaseView", "Motion to reopen"),
    Stage.CLOSED: QT_TRANSLATE_NOOP("CaseView", "Closed"),
    Outcome.GRANTED: QT_TRANSLATE_NOOP("CaseView", "Asylum granted"),
    Outcome.WITHHOLDING_GRANTED: QT_TRANSLATE_NOOP("CaseView", "Withholding granted"),
    Outcome.CAT_GRANTED: QT_TRANSLATE_NOOP("CaseView", "CAT protection granted"),
    Outcome.DENIED: QT_TRANSLATE_NOOP("CaseView", "Denied"),
    Outcome.REFERRED: QT_TRANSLATE_NOOP("CaseView", "Referred to court"),
    Outcome.DISMISSED: QT_TRANSLATE_NOOP("CaseView", "Dismissed"),
    Outcome.TERMINATED: QT_TRANSLATE_NOOP("CaseView", "Terminated"),
    Outcome.WITHDRAWN: QT_TRANSLATE_NOOP("CaseView", "Withdrawn"),
    Outcome.ADMINISTRATIVELY_CLOSED: QT_TRANSLATE_NOOP("CaseView", "Administratively closed"),
    Outcome.REMOVAL_ORDERED: QT_TRANSLATE_NOOP("CaseView", "Removal ordered"),
    Outcome.VOLUNTARY_DEPARTURE: QT_TRANSLATE_NOOP("CaseView", "Voluntary departure"),
    Outcome.TRANSFERRED: QT_TRANSLATE_NOOP("CaseView", "Transferred or representation ended"),
    Outcome.REJECTED_UNPAID_FEE: QT_TRANSLATE_NOOP(
        "CaseView", "I-589 rejected: annual asylum fee unpaid"
    ),
    HearingKind.MASTER_CALENDAR: QT_TRANSLATE_NOOP("CaseView", "Master calendar hearing"),
    HearingKind.INDIVIDUAL: QT_TRANSLATE_NOOP("CaseView", "Individual hearing"),
    HearingKind.ASYLUM_INTERVIEW: QT_TRANSLATE_NOOP("CaseView", "Asylum interview"),
    HearingKind.BIOMETRICS: QT_TRANSLATE_NOOP("CaseView", "Biometrics"),
    HearingKind.ICE_CHECK_IN: QT_TRANSLATE_NOOP("CaseView", "ICE check-in"),
    HearingKind.BOND: QT_TRANSLATE_NOOP("CaseView", "Bond hearing"),
    HearingKind.FEAR_REVIEW: QT_TRANSLATE_NOOP(
        "CaseView", "Credible- or reasonable-fear review before a judge"
    ),
    AttendanceMode.IN_PERSON: QT_TRANSLATE_NOOP("CaseView", "In person"),
    AttendanceMode.VIDEO: QT_TRANSLATE_NOOP("CaseView", "Video"),
    AttendanceMode.TELEPHONIC: QT_TRANSLATE_NOOP("CaseView", "Telephone"),
    EvidenceCategory.IDENTITY: QT_TRANSLATE_NOOP("CaseView", "Identity"),
    EvidenceCategory.DECLARATION: QT_TRANSLATE_NOOP("CaseView", "Declaration"),
    EvidenceCategory.CORROBORATION: QT_TRANSLATE_NOOP("CaseView", "Corroboration"),
    EvidenceCategory.MEDICAL: QT_TRANSLATE_NOOP("CaseView", "Medical or psychological"),
    EvidenceCategory.EXPERT: QT_TRANSLATE_NOOP("CaseView", "Expert report"),
    EvidenceCategory.COUNTRY_CONDITIONS: QT_TRANSLATE_NOOP("CaseView", "Country conditions"),
    EvidenceCategory.OTHER: QT_TRANSLATE_NOOP("CaseView", "Other"),
    TranslationStatus.NOT_NEEDED: QT_TRANSLATE_NOOP("CaseView", "Not needed"),
    TranslationStatus.NEEDED: QT_TRANSLATE_NOOP("CaseView", "Needs translation"),
    TranslationStatus.TRANSLATED: QT_TRANSLATE_NOOP("CaseView", "Translated, certified"),
    EvidenceStatus.REQUESTED: QT_TRANSLATE_NOOP("CaseView", "Requested"),
    EvidenceStatus.RECEIVED: QT_TRANSLATE_NOOP("CaseView", "Received"),
    EvidenceStatus.FILED: QT_TRANSLATE_NOOP("CaseView", "Filed"),
    DeadlineOrigin.RULE: QT_TRANSLATE_NOOP("CaseView", "Rule"),
    DeadlineOrigin.JUDGE_ORDERED: QT_TRANSLATE_NOOP("CaseView", "Judge-ordered"),
    DeadlineOrigin.MANUAL: QT_TRANSLATE_NOOP("CaseView", "Manual"),
    DeadlineStatus.OPEN: QT_TRANSLATE_NOOP("CaseView", "Open"),
    DeadlineStatus.DONE: QT_TRANSLATE_NOOP("CaseView", "Done"),
    DeadlineStatus.WAIVED: QT_TRANSLATE_NOOP("CaseView", "Waived"),
    DeadlineStatus.SUPERSEDED: QT_TRANSLATE_NOOP("CaseView", "Replaced by a judge's order"),
    DetentionStatus.NOT_DETAINED: QT_TRANSLATE_NOOP("CaseView", "Not detained"),
    DetentionStatus.DETAINED: QT_TRANSLATE_NOOP("CaseView", "Detained"),
    DetentionStatus.RELEASED: QT_TRANSLATE_NOOP("CaseView", "Released (bond, parole or ATD)"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("CaseView", "Female"),
    Sex.MALE: QT_TRANSLATE_NOOP("CaseView", "Male"),
    Sex.NONBINARY: QT_TRANSLATE_NOOP("CaseView", "Non-binary"),
    Sex.UNDISCLOSED: QT_TRANSLATE_NOOP("CaseView", "Prefers not to say"),
    ArrivalManner.INSPECTED: QT_TRANSLATE_NOOP("CaseView", "Inspected at a port of entry"),
    ArrivalManner.PAROLED: QT_TRANSLATE_NOOP("CaseView", "Paroled"),
    ArrivalManner.WITHOUT_INSPECTION: QT_TRANSLATE_NOOP("CaseView", "Entered without inspection"),
    ArrivalManner.UNKNOWN: QT_TRANSLATE_NOOP("CaseView", "Not known"),
    Relationship.SPOUSE: QT_TRANSLATE_NOOP("CaseView", "Spouse"),
    Relationship.CHILD: QT_TRANSLATE_NOOP("CaseView", "Child"),
    Relationship.PARENT: QT_TRANSLATE_NOOP("CaseView", "Parent"),
    Relationship.SIBLING: QT_TRANSLATE_NOOP("CaseView", "Sibling"),
    Relationship.OTHER: QT_TRANSLATE_NOOP("CaseView", "Other"),
    # 8 CFR 1003.38(b): the BIA appeal runs from an oral decision, or a written one's mailing
    CaseFactKind.DECISION: QT_TRANSLATE_NOOP(
        "CaseView", "Judge's decision (oral: its date; written: date mailed or served)"
    ),
    CaseFactKind.FINAL_ORDER: QT_TRANSLATE_NOOP("CaseView", "Final order"),
    CaseFactKind.BIA_DECISION: QT_TRANSLATE_NOOP("CaseView", "BIA decision"),
    CaseFactKind.IN_ABSENTIA_ORDER: QT_TRANSLATE_NOOP("CaseView", "In-absentia order"),
    CaseFactKind.VD_ORDER: QT_TRANSLATE_NOOP("CaseView", "Voluntary departure order"),
    CaseFactKind.VD_DAYS: QT_TRANSLATE_NOOP("CaseView", "Voluntary departure period (days)"),
    CaseFactKind.NTA_SERVED: QT_TRANSLATE_NOOP("CaseView", "Notice to Appear served"),
    CaseFactKind.EAD_EXPIRES: QT_TRANSLATE_NOOP("CaseView", "Work permit (EAD) expires"),
    CaseFactKind.IJ_DENIAL: QT_TRANSLATE_NOOP("CaseView", "Immigration judge's denial"),
    CaseFactKind.ASYLUM_GRANTED: QT_TRANSLATE_NOOP("CaseView", "Asylum granted"),
    CaseFactKind.AAF_NOTICE: QT_TRANSLATE_NOOP("CaseView", "Annual asylum fee notice"),
    CaseFactKind.EXCEPTION_EVENT_END: QT_TRANSLATE_NOOP(
        "CaseView", "Exceptional circumstance ended"
    ),
    CaseFactKind.EAD_STOPPED_DAYS: QT_TRANSLATE_NOOP(
        "CaseView", "Days the asylum clock was stopped, counted by hand (added to the log)"
    ),
    CaseFactKind.OPPOSING_FILING_RECEIVED: QT_TRANSLATE_NOOP(
        "CaseView", "Opposing filing received"
    ),
    CaseFactKind.JUDGE_SET_DATE: QT_TRANSLATE_NOOP("CaseView", "Date set by the judge"),
    CaseFactKind.BIA_APPEAL_FILED: QT_TRANSLATE_NOOP("CaseView", "BIA appeal filed"),
    CaseFactKind.PFR_FILED: QT_TRANSLATE_NOOP("CaseView", "Petition for review filed"),
    CaseFactKind.ASYLUM_OFFICE_DENIAL: QT_TRANSLATE_NOOP(
        "CaseView", "Asylum office denial (not referred)"
    ),
    CaseFactKind.RECOMMENDED_APPROVAL: QT_TRANSLATE_NOOP(
        "CaseView", "Asylum recommended for approval"
    ),
    CaseFactKind.FOIA_SENT: QT_TRANSLATE_NOOP("CaseView", "FOIA request sent"),
    CaseFactKind.FOIA_RECEIVED: QT_TRANSLATE_NOOP(
        "CaseView", "FOIA request received by the agency (acknowledged)"
    ),
    CaseFactKind.FOIA_EXTENDED: QT_TRANSLATE_NOOP(
        "CaseView", "FOIA response extended by the agency in writing (unusual circumstances)"
    ),
    CaseFactKind.FOIA_RESPONSE: QT_TRANSLATE_NOOP("CaseView", "FOIA response from the agency"),
    CaseFactKind.INTERVIEW_NOTICE: QT_TRANSLATE_NOOP(
        "CaseView", "Asylum interview notice received"
    ),
    CaseFactKind.INTERVIEW_MISSED: QT_TRANSLATE_NOOP(
        "CaseView", "Asylum interview missed (did not appear)"
    ),
    CaseFactKind.INTERVIEW_RESCHEDULED: QT_TRANSLATE_NOOP(
        "CaseView", "Asylum interview rescheduled at the applicant's request"
    ),
    CaseFactKind.BIOMETRICS_MISSED: QT_TRANSLATE_NOOP(
        "CaseView", "Biometrics appointment missed (did not appear)"
    ),
    CaseFactKind.BIOMETRICS_RESCHEDULED: QT_TRANSLATE_NOOP(
        "CaseView", "Biometrics appointment rescheduled at the applicant's request"
    ),
    CaseFactKind.NOID_SERVED: QT_TRANSLATE_NOOP(
        "CaseView", "Notice of Intent to Deny from the asylum office"
    ),
    CaseFactKind.CONTINUANCE_REQUESTED: QT_TRANSLATE_NOOP(
        "CaseView", "Continuance requested by the applicant (asylum clock stops)"
    ),
    CaseFactKind.EAD_CLOCK_STOPPED: QT_TRANSLATE_NOOP(
        "CaseView", "Asylum clock stopped: another applicant-caused delay (say which in the note)"
    ),
    CaseFactKind.EAD_CLOCK_RESTARTED: QT_TRANSLATE_NOOP(
        "CaseView", "Asylum clock restarted (the delay is resolved)"
    ),
    CaseFactKind.BOND_DECISION: QT_TRANSLATE_NOOP("CaseView", "Bond decision by the judge"),
    CaseFactKind.BOND_APPEAL_FILED: QT_TRANSLATE_NOOP("CaseView", "Bond appeal filed with the BIA"),
    CaseFactKind.BOND_STAY_INVOKED: QT_TRANSLATE_NOOP(
        "CaseView", "DHS invoked the automatic stay of the bond order (EOIR-43)"
    ),
    CaseFactKind.NEGATIVE_CREDIBLE_FEAR: QT_TRANSLATE_NOOP(
        "CaseView", "Negative credible-fear determination (review requested)"
    ),
    CaseFactKind.NEGATIVE_REASONABLE_FEAR: QT_TRANSLATE_NOOP(
        "CaseView", "Negative reasonable-fear determination referred to the judge"
    ),
    CaseFactKind.BIA_BRIEFING_SCHEDULE: QT_TRANSLATE_NOOP(
        "CaseView", "BIA briefing schedule (its date)"
    ),
    CaseFactKind.BIA_BRIEF_EXTENDED: QT_TRANSLATE_NOOP(
        "CaseView", "BIA granted the briefing extension"
    ),
    CaseFactKind.STAY_REQUESTED: QT_TRANSLATE_NOOP(
        "CaseView", "Motion for a stay of removal filed"
    ),
    CaseFactKind.STAY_GRANTED: QT_TRANSLATE_NOOP("CaseView", "Stay of removal granted"),
    CaseFactKind.STAY_DENIED: QT_TRANSLATE_NOOP("CaseView", "Stay of removal denied"),
    CaseFactKind.CIRCUIT_RECORD_FILED: QT_TRANSLATE_NOOP(
        "CaseView", "Certified administrative record filed in the court of appeals"
    ),
    CaseFactKind.ALIEN_REGISTERED: QT_TRANSLATE_NOOP(
        "CaseView", "Alien registration (G-325R filed, or a document that counts)"
    ),
    CaseFactKind.DHS_MOTION_PRETERMIT: QT_TRANSLATE_NOOP(
        "CaseView", "DHS motion to pretermit received"
    ),
    CaseFactKind.DHS_MOTION_DISMISS: QT_TRANSLATE_NOOP(
        "CaseView", "DHS motion to dismiss received"
    ),
    CaseFactKind.DHS_MOTION_RESPONSE_DUE: QT_TRANSLATE_NOOP(
        "CaseView", "Response to a DHS motion due (date set by the judge)"
    ),
    CaseFactKind.I589_REJECTED: QT_TRANSLATE_NOOP(
        "CaseView", "I-589 rejected by USCIS (e.g. annual asylum fee unpaid)"
    ),
    CaseFactKind.REINSTATED_ORDER: QT_TRANSLATE_NOOP(
        "CaseView", "Removal order reinstated, or issued administratively"
    ),
    CaseFactKind.LIMITED_REFERRAL: QT_TRANSLATE_NOOP(
        "CaseView", "Referred to the judge for asylum-only or withholding-only proceedings (I-863)"
    ),
    # people (issue 18 § 2): the kind of proceeding, lawful status / TPS / parole
    ProceedingKind.REMOVAL: QT_TRANSLATE_NOOP("CaseView", "Removal proceedings"),
    ProceedingKind.ASYLUM_ONLY: QT_TRANSLATE_NOOP("CaseView", "Asylum-only proceedings"),
    ProceedingKind.WITHHOLDING_ONLY: QT_TRANSLATE_NOOP("CaseView", "Withholding-only proceedings"),
    StatusKind.NONIMMIGRANT: QT_TRANSLATE_NOOP("CaseView", "Nonimmigrant status"),
    StatusKind.IMMIGRANT: QT_TRANSLATE_NOOP("CaseView", "Immigrant status"),
    StatusKind.TPS: QT_TRANSLATE_NOOP("CaseView", "Temporary Protected Status (TPS)"),
    StatusKind.PAROLE: QT_TRANSLATE_NOOP("CaseView", "Parole"),
    MaritalStatus.SINGLE: QT_TRANSLATE_NOOP("CaseView", "Single"),
    MaritalStatus.MARRIED: QT_TRANSLATE_NOOP("CaseView", "Married"),
    MaritalStatus.DIVORCED: QT_TRANSLATE_NOOP("CaseView", "Divorced"),
    MaritalStatus.WIDOWED: QT_TRANSLATE_NOOP("CaseView", "Widowed"),
    FoiaAgency.USCIS: QT_TRANSLATE_NOOP("CaseView", "USCIS (A-file)"),
    FoiaAgency.CBP: QT_TRANSLATE_NOOP("CaseView", "CBP (entry and encounter records)"),
    FoiaAgency.ICE: QT_TRANSLATE_NOOP("CaseView", "ICE"),
    FoiaAgency.OBIM: QT_TRANSLATE_NOOP("CaseView", "OBIM (fingerprint records)"),
    FoiaAgency.EOIR: QT_TRANSLATE_NOOP("CaseView", "EOIR (record of proceedings)"),
    FoiaAgency.STATE: QT_TRANSLATE_NOOP("CaseView", "State Department (visa records)"),
    FoiaAgency.FBI: QT_TRANSLATE_NOOP("CaseView", "FBI (identity history)"),
    FoiaAgency.OTHER: QT_TRANSLATE_NOOP("CaseView", "Another agency"),
}


def word(value: StrEnum | None) -> str:
    """The display word for an enum value (empty for None)."""
    if value is None:
        return ""
    text = ENUM_WORDS.get(value)
    return tr(text) if text else value.value.replace("_", " ").capitalize()


def problem_words(code: Problem) -> str:
    """A validation code's message, through the translation layer."""
    return describe(code, current_language())


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def short_date(value: date | None) -> str:
    """A date in the user's locale with a four-digit year, e.g. 1/15/2027 (empty for None)."""
    return date_text(value)


def short_time(on: date, at: time | None, timezone: str) -> str:
    """A time of day in the user's locale with the place's zone abbreviation, e.g. 9:00 AM CDT."""
    if at is None:
        return ""
    text = QLocale().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)
    try:
        zone = datetime.combine(on, at, ZoneInfo(timezone)).tzname() or timezone
    except (ZoneInfoNotFoundError, ValueError):
        zone = timezone
    return f"{text} {zone}".strip()


def a_number_text(digits: str | None) -> str:
    if not digits:
        return QCoreApplication.translate("CaseView", "No A-number")
    try:
        return format_a_number(digits)
    except InvalidANumber:
        return digits


def a_number_shown(digits: str | None) -> str:
    """The A-number as shown on the case: one Clinic would refuse (written by an older version or
    by hand) is marked, never hidden (issue 16 § 5; ``clinic doctor`` names its record)."""
    if digits:
        try:
            format_a_number(digits)
        except InvalidANumber:
            return QCoreApplication.translate("CaseView", "%1 (not valid)").replace("%1", digits)
    return a_number_text(digits)


def country_name(code: str) -> str:
    local = local_country_name(code, current_language())
    if local:
        return local
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


def language_name(code: str) -> str:
    local = local_language_name(code, current_language())
    if local:
        return local
    language = QLocale.codeToLanguage(code)
    if language == QLocale.Language.AnyLanguage:
        return code
    return QLocale.languageToString(language)


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("CaseView", "Yes")
        if value
        else QCoreApplication.translate("CaseView", "No")
    )


def file_size(size: int) -> str:
    return QLocale().formattedDataSize(size)
