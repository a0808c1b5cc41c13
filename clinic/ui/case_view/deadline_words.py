"""Words for a computed deadline's provenance: what its rule counted from, how sure the rule
is, and its flags (``leap_day_arrival``, ``missing_input:i589_received`` …) in plain words.

Marked for translation in the case view's context ("CaseView") and translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from clinic.domain.deadlines.vocabulary import Confidence
from clinic.domain.enums import CaseFactKind
from clinic.ui.case_view.case_words import tr, word
from clinic.ui.labels import label

# What a rule counted from (the anchor field stored with each computed deadline).
_ANCHORS: dict[str, object] = {
    "last_arrival": QT_TRANSLATE_NOOP("CaseView", "Last arrival"),
    "hearing": QT_TRANSLATE_NOOP("CaseView", "Hearing"),
    "i589_received": QT_TRANSLATE_NOOP("CaseView", "I-589 received"),
    "address_change": QT_TRANSLATE_NOOP("CaseView", "Address change"),
    "judge_ordered": QT_TRANSLATE_NOOP("CaseView", "Date the judge ordered"),
    "member_last_arrival": QT_TRANSLATE_NOOP("CaseView", "Family member's last arrival"),
    "status_ended": QT_TRANSLATE_NOOP("CaseView", "End of a lawful status, TPS or parole"),
    "member_status_ended": QT_TRANSLATE_NOOP(
        "CaseView", "End of a family member's lawful status, TPS or parole"
    ),
    # the extended FOIA reminder still counts from the request's receipt
    "foia_extended": QT_TRANSLATE_NOOP(
        "CaseView", "FOIA request received by the agency (response extended)"
    ),
}


_FLAGS: dict[str, object] = {
    "leap_day_arrival": QT_TRANSLATE_NOOP(
        "CaseView",
        "The arrival was on 29 February; the year was counted to 28 February. Attorney review needed.",
    ),
    "leap_day_anchor": QT_TRANSLATE_NOOP(
        "CaseView",
        "The date counted from was 29 February; the count ended on 28 February. Attorney review needed.",
    ),
    "month_end_clamped": QT_TRANSLATE_NOOP(
        "CaseView",
        "The count landed past the end of a month and was moved to that month's last day.",
    ),
    "unverified_rule": QT_TRANSLATE_NOOP(
        "CaseView", "This rule has not been verified against its source."
    ),
    "roll_capped_before_anchor": QT_TRANSLATE_NOOP(
        "CaseView",
        "Moving to the next business day would reach the hearing itself, so the earlier business day is used.",
    ),
    "clock_stopped": QT_TRANSLATE_NOOP(
        "CaseView",
        "The asylum clock is stopped: record its restart under Record a case date to compute this date.",
    ),
    "court_set_when_detained": QT_TRANSLATE_NOOP(
        "CaseView",
        "Detained case: the court sets this date. Enter the judge's date as a judge-ordered deadline.",
    ),
}

# The case facts a flag can name (``condition_unknown:detained``), as they read mid-sentence.
_FLAG_FIELDS: dict[str, object] = {
    "detained": QT_TRANSLATE_NOOP("CaseView", "whether the client is detained"),
    "unaccompanied_child": QT_TRANSLATE_NOOP(
        "CaseView", "whether the client came as an unaccompanied child"
    ),
    "claim_type": QT_TRANSLATE_NOOP("CaseView", "the claim type"),
    "forum": QT_TRANSLATE_NOOP("CaseView", "the forum"),
    "stage": QT_TRANSLATE_NOOP("CaseView", "the case stage"),
    "relief": QT_TRANSLATE_NOOP("CaseView", "the relief sought"),
    "vd_days": QT_TRANSLATE_NOOP("CaseView", "the voluntary departure period in days"),
    "ead_stopped_days": QT_TRANSLATE_NOOP("CaseView", "the days the asylum clock was stopped"),
    "i589_received": QT_TRANSLATE_NOOP("CaseView", "the I-589's receipt"),
    "ij_denial": QT_TRANSLATE_NOOP("CaseView", "the judge's denial"),
    "asylum_office_denial": QT_TRANSLATE_NOOP("CaseView", "the asylum office's denial"),
    "pfr_filed": QT_TRANSLATE_NOOP("CaseView", "the petition for review"),
    "recommended_approval": QT_TRANSLATE_NOOP("CaseView", "the recommended approval"),
    "foia_response": QT_TRANSLATE_NOOP("CaseView", "the agency's FOIA response"),
    "interview_notice": QT_TRANSLATE_NOOP("CaseView", "the interview notice"),
    "stay_requested": QT_TRANSLATE_NOOP("CaseView", "the motion for a stay of removal"),
    "alien_registered": QT_TRANSLATE_NOOP("CaseView", "the alien registration"),
    "registered_at_14": QT_TRANSLATE_NOOP("CaseView", "the registration after turning 14"),
    "dhs_motion_response_due": QT_TRANSLATE_NOOP("CaseView", "the judge's response date"),
    "i589_rejected": QT_TRANSLATE_NOOP("CaseView", "the I-589's rejection"),
    "own_i589_received": QT_TRANSLATE_NOOP("CaseView", "the person's own I-589"),
    "nonimmigrant": QT_TRANSLATE_NOOP("CaseView", "nonimmigrant status"),
    "immigrant": QT_TRANSLATE_NOOP("CaseView", "immigrant status"),
    "tps": QT_TRANSLATE_NOOP("CaseView", "TPS"),
    "changed": QT_TRANSLATE_NOOP("CaseView", "Changed circumstances"),
    "extraordinary": QT_TRANSLATE_NOOP("CaseView", "Extraordinary circumstances"),
    "kind_not_recorded": QT_TRANSLATE_NOOP(
        "CaseView", "A circumstance (changed or extraordinary: not recorded)"
    ),
    "parole": QT_TRANSLATE_NOOP("CaseView", "parole"),
}

_FLAG_PREFIXES: dict[str, object] = {
    "closure_not_extended": QT_TRANSLATE_NOOP(
        "CaseView", "A court closure ({0}) falls in this period and does not extend it."
    ),
    "missing_input": QT_TRANSLATE_NOOP(
        "CaseView", "Missing information needed for this date: {0}."
    ),
    "invalid_input": QT_TRANSLATE_NOOP(
        "CaseView", "Information this date counts from looks wrong: {0}."
    ),
    "condition_unknown": QT_TRANSLATE_NOOP(
        "CaseView", "Whether this rule applies depends on {0}, which is not recorded."
    ),
    "met_by": QT_TRANSLATE_NOOP("CaseView", "Met: {0} came on or before this date."),
    "late_after": QT_TRANSLATE_NOOP(
        "CaseView", "Late: {0} came after this date; an exception must be shown."
    ),
    "ended_by": QT_TRANSLATE_NOOP("CaseView", "No longer applies: {0} came first."),
    "brought_forward": QT_TRANSLATE_NOOP("CaseView", "Brought forward to the date of {0}."),
    "answered_by": QT_TRANSLATE_NOOP("CaseView", "Settled: {0} is recorded; no follow-up is due."),
    "one_year_exception": QT_TRANSLATE_NOOP(
        "CaseView",
        "{0} recorded as the one-year exception: the I-589 must still be filed within a "
        "reasonable period (8 CFR 208.4(a)(4)-(5)). The attorney decides whether it applies.",
    ),
    "lawful_status_held": QT_TRANSLATE_NOOP(
        "CaseView",
        "{0} was held on this date: the extraordinary-circumstances exception may apply if the "
        "I-589 is filed within a reasonable period after it ends (8 CFR 208.4(a)(5)(iv)). The "
        "attorney decides.",
    ),
}


def anchor_word(field: str) -> str:
    """What a rule counted from (a case fact's kind reads as the fact's word); a FOIA request's
    field carries its id (``foia_received#12``)."""
    name = field.partition("#")[0]
    text = _ANCHORS.get(name)
    if text:
        return tr(text)
    if name in CaseFactKind._value2member_map_:
        return word(CaseFactKind(name))
    return field.replace("_", " ").capitalize()


def confidence_words(confidence: str) -> str:
    try:
        return label(Confidence(confidence))  # the one enum table's words
    except ValueError:
        return confidence


def flag_words(flag: str) -> str:
    """A deadline flag code (``closure_not_extended:Court closed``) in plain words."""
    if flag in _FLAGS:
        return tr(_FLAGS[flag])
    prefix, _, detail = flag.partition(":")
    if prefix in _FLAG_PREFIXES:
        return tr(_FLAG_PREFIXES[prefix]).format(_flag_detail(prefix, detail))
    return flag.replace("_", " ")


def _flag_detail(prefix: str, detail: str) -> str:
    if prefix == "closure_not_extended":
        return detail
    if detail in _FLAG_FIELDS:
        return tr(_FLAG_FIELDS[detail])
    return anchor_word(detail).lower() if detail else ""
