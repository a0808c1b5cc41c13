"""A stored deadline explanation in the reader's language, at display time.

The engine writes each explanation in English (:mod:`explain`), and that text is what is stored
and audited, so the record never depends on the language of whoever computed it. Its words come
from a closed vocabulary: the anchor labels, units, roll and holiday phrases below, weekday
abbreviations and ISO dates. :func:`explanation_in` swaps those phrases for their catalogue
translation (``resources/locale/<lang>/LC_MESSAGES/clinic.po``) in one pass, leaving dates,
numbers and anything it does not know (a closure reason typed into closures.toml) as written.
English comes back unchanged.

A rule's ``name`` (resources/rules/deadlines.toml) is translated whole by :func:`rule_name_in`,
under the context :data:`RULE_CONTEXT` in both catalogues: gettext's for the command line and
the PDFs (``tools/messages.py`` adds every name), Qt's for the window
(:mod:`clinic.ui.rule_words`, ``tools/translations.py``). tests/ui/test_enum_words_agree.py
checks both give the same words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clinic.domain.deadlines.applicability import HEARING_LABELS, TRIGGER_LABELS
from clinic.domain.i18n import N_, SOURCE_LANGUAGE, gettext, pgettext

__all__ = ["RULE_CONTEXT", "explanation_in", "rule_name_in", "unknown_labels"]

# The catalogues' context of the rule file's names (msgctxt in clinic.po, <context> in the .ts)
RULE_CONTEXT = "DeadlineRules"

_PHRASES = (
    # anchor labels (applicability.TRIGGER_LABELS and HEARING_LABELS, kept in step by a test)
    N_("Last arrival"),
    N_("IJ decision (oral, or written decision mailed or served)"),
    N_("Final order"),
    N_("BIA decision"),
    N_("In-absentia order"),
    N_("VD order"),
    N_("NTA served"),
    N_("I-589 received"),
    N_("EAD expires"),
    N_("IJ denial"),
    N_("Asylum granted"),
    N_("AAF notice"),
    N_("Exception circumstance ended"),
    N_("Changed circumstances arose"),
    N_("Address change"),
    N_("Opposing filing received"),
    N_("Judge-set date"),
    N_("BIA appeal filed"),
    N_("Filing anniversary"),
    N_("FOIA request received by the agency"),
    N_("FOIA request received by the agency, extended in writing"),
    N_("FOIA response"),
    # the agency in a FOIA anchor's label (foia.AGENCY_LABELS; acronyms stay as written)
    N_("State Department"),
    N_("another agency"),
    N_("agency not recorded"),
    N_("Notice of Intent to Deny"),
    N_("Asylum interview missed"),
    N_("Biometrics appointment missed"),
    N_("Interview notice"),
    # the asylum EAD clock's log (ead_clock.ClockCount.words / open_words)
    N_("Asylum clock stopped"),
    N_("restarted"),
    N_("the asylum clock is stopped since"),
    N_("; record its restart to compute this date"),
    N_("asylum interview rescheduled at the applicant's request"),
    N_("biometrics rescheduled at the applicant's request"),
    N_("asylum interview missed"),
    N_("biometrics appointment missed"),
    N_("continuance requested by the applicant"),
    N_("other applicant-caused delay"),
    # detention (bond track, fear reviews)
    N_("Bond decision"),
    N_("DHS automatic stay (EOIR-43) filed"),
    N_("Negative credible-fear determination approved"),
    N_("Negative reasonable-fear referral filed with the court"),
    N_("Bond hearing"),
    N_("Fear review hearing"),
    # appeals: BIA briefs, stays, the court of appeals
    N_("BIA briefing schedule"),
    N_("BIA briefing schedule, extended once"),
    N_("Certified administrative record filed"),
    N_("Motion for a stay of removal"),
    N_(": filed, so no follow-up is due"),
    # 2025-26 events: registration, DHS motions, a rejected I-589
    N_("14th birthday in the United States"),
    N_("I-589 rejected"),
    N_("DHS motion to pretermit received"),
    N_("DHS motion to dismiss received"),
    N_("Response date set by the judge"),
    N_("Alien registration"),
    N_(": recorded, so this is done"),
    N_(": the judge's date replaces this default"),
    N_("Asylum-office denial"),
    N_("Petition for review filed"),
    N_("Asylum recommended for approval"),
    # people (deadlines/people.py): family members' own one-year deadlines, lawful status
    N_("Family member's last arrival"),
    N_("Spouse's last arrival"),
    N_("Child's last arrival"),
    N_("Parent's last arrival"),
    N_("Sibling's last arrival"),
    N_("Lawful status ended"),
    N_("Family member's lawful status ended"),
    N_("Nonimmigrant status ended"),
    N_("Immigrant status ended"),
    N_("TPS ended"),
    N_("Parole ended"),
    N_("spouse"),
    N_("child"),
    N_("parent"),
    N_("sibling"),
    N_("family member"),
    N_("nonimmigrant status"),
    N_("immigrant status"),
    N_("parole"),
    N_("until"),
    N_(
        ": held on this date; the extraordinary-circumstances exception may apply if the I-589 "
        "is filed within a reasonable period after it ends (8 CFR 208.4(a)(5)(iv)); the "
        "attorney decides"
    ),
    N_(": filed, so this warning no longer applies"),
    # one-year exceptions (deadlines/exceptions.py)
    N_("One-year exception recorded"),
    N_("changed circumstances"),
    N_("extraordinary circumstances"),
    N_("circumstance ended"),
    N_(
        "the I-589 must still be filed within a reasonable period (8 CFR 208.4(a)(4)-(5)); "
        "the attorney decides whether the exception applies"
    ),
    # limited proceedings (8 CFR 1208.2(c))
    N_("Removal order reinstated or issued administratively"),
    N_("Notice of Referral to Immigration Judge (I-863)"),
    N_("Hearing"),
    N_("Master calendar hearing"),
    N_("Individual hearing"),
    N_("Asylum interview"),
    N_("Biometrics appointment"),
    N_("ICE check-in"),
    # the arithmetic and the roll (explain._arithmetic, explain._roll_words)
    N_(", so counted from"),
    N_("(before"),
    N_("→ the next business day is not before"),
    N_(", so the deadline is the preceding business day"),
    N_("→ ICPM: next business day"),
    N_("; safe date: preceding business day"),
    N_("→ next business day"),
    N_("an earliest date is not rolled"),
    N_("a warning date is not rolled"),
    N_("a reminder date is not rolled"),
    N_("this rule does not roll (conservative)"),
    N_("the month's last day, the earlier date, is used; attorney review"),
    # what the case's own dates say (engine._settle)
    N_(": allowed from then on"),
    N_(": on or before this date, so it no longer applies"),
    N_(": on or before this date, so met"),
    N_(": after this date, so late; an exception is needed"),
    N_(": answered, so no follow-up is due"),
    N_(": received, so this warning no longer applies"),
    # holidays and closures (explain._day_notes, calendar.day_off_reason)
    N_("is a closure day"),
    N_("(observed)"),  # a holiday's observed day: "Christmas Day (observed)"
    N_("(observed"),  # the weekday it moved to: "(observed Fri 2027-12-24)"
    N_(": not extended under this rule's closure policy; confirm with an attorney"),
    N_("New Year's Day"),
    N_("Martin Luther King Jr. Day"),
    N_("Washington's Birthday"),
    N_("Memorial Day"),
    N_("Juneteenth National Independence Day"),
    N_("Independence Day"),
    N_("Labor Day"),
    N_("Columbus Day"),
    N_("Veterans Day"),
    N_("Thanksgiving Day"),
    N_("Christmas Day"),
    # dates the engine could not compute (engine.court_set, engine._for_anchor)
    N_(
        "detained case, so the court sets this deadline; enter the judge's date as a "
        "judge-ordered deadline"
    ),
    N_("the number of voluntary-departure days the judge granted"),
)
_IS = N_(" is ")
_ENTER = N_("enter {wanted} to compute this date")
_UNITS = {
    "day": (N_("{n} day"), N_("{n} days")),
    "business day": (N_("{n} business day"), N_("{n} business days")),
    "month": (N_("{n} month"), N_("{n} months")),
    "year": (N_("{n} year"), N_("{n} years")),
    "stopped-clock day": (N_("{n} stopped-clock day"), N_("{n} stopped-clock days")),
}
_WEEKDAYS = {
    "Mon": N_("Mon"),
    "Tue": N_("Tue"),
    "Wed": N_("Wed"),
    "Thu": N_("Thu"),
    "Fri": N_("Fri"),
    "Sat": N_("Sat"),
    "Sun": N_("Sun"),
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NO_DAY = N_("(no day {day} of {month} in {year}:")
_MONTH_NAMES = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def _bounded(phrase: str) -> str:
    """``phrase`` as a pattern that matches whole words only where it starts or ends with one."""
    head = r"\b" if phrase[0].isalnum() else ""
    tail = r"\b" if phrase[-1].isalnum() else ""
    return head + re.escape(phrase) + tail


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    phrases = "|".join(_bounded(p.strip()) for p in sorted(_PHRASES, key=len, reverse=True))
    return re.compile(
        rf"(?P<count>\b\d+) (?P<unit>{units})s?\b"
        rf"|(?P<weekday>\b(?:{'|'.join(_WEEKDAYS)})) (?=\d{{4}}-\d\d-\d\d)"
        rf"|\(no (?P<month>{'|'.join(_MONTHS)}) (?P<day>\d+) in (?P<year>\d{{4}}):"
        rf"|(?<=\d\d) is (?!a closure day)"
        rf"|\benter (?P<wanted>.+?) to compute this date"
        rf"|(?P<phrase>{phrases})"
    )


def explanation_in(text: str, lang: str) -> str:
    """``text`` (an explanation the engine wrote in English) in ``lang``; English unchanged."""
    if lang == SOURCE_LANGUAGE or not text:
        return text

    def swap(match: re.Match[str]) -> str:
        if match["count"] is not None:
            n = int(match["count"])
            singular, plural = _UNITS[match["unit"]]
            return gettext(singular if n == 1 else plural, lang).format(n=n)
        if match["weekday"] is not None:
            return gettext(_WEEKDAYS[match["weekday"]], lang) + " "
        if match["month"] is not None:
            month = gettext(_MONTH_NAMES[_MONTHS.index(match["month"])], lang)
            return gettext(_NO_DAY, lang).format(day=match["day"], month=month, year=match["year"])
        if match["wanted"] is not None:
            return gettext(_ENTER, lang).format(wanted=gettext(match["wanted"], lang))
        if match["phrase"] is None:
            return gettext(_IS, lang)
        return gettext(_PHRASE_BY_STRIPPED.get(match["phrase"], match["phrase"]), lang).strip()

    return _pattern().sub(swap, text)


_PHRASE_BY_STRIPPED = {p.strip(): p for p in _PHRASES}


def rule_name_in(name: str, lang: str) -> str:
    """A deadline or rule name from the rule file in ``lang`` ("Biometrics not done …" →
    "Datos biométricos sin tomar …"); a name the catalogue does not know (a deadline typed by
    staff) comes back as it is."""
    return pgettext(RULE_CONTEXT, name, lang)


def unknown_labels() -> set[str]:
    """Anchor labels the engine can write that this module would leave untranslated (a test)."""
    return (set(TRIGGER_LABELS.values()) | set(HEARING_LABELS.values())) - set(_PHRASES)
