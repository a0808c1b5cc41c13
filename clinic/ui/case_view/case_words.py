"""Words the case view shows for stored values: enum words, dates, times, A-numbers, countries
and languages (a deadline's flags and provenance: :mod:`clinic.ui.case_view.deadline_words`).

Enum words are :mod:`clinic.domain.enum_words`'s (one table for the window and the PDFs, see
:func:`clinic.ui.labels.label`); every other string is marked for translation and translated
when shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from PySide6.QtWidgets import QLabel

from clinic.domain.anumber import InvalidANumber, format_a_number
from clinic.domain.problem_text import describe
from clinic.domain.validation import FieldProblem, Problem
from clinic.ui.date_text import date_text
from clinic.ui.intake.iso_choices import local_country_name, local_language_name
from clinic.ui.labels import label
from clinic.ui.translations import current_language

CONTEXT = "CaseView"


def tr(text: object) -> str:
    """Translate a string marked with ``QT_TRANSLATE_NOOP`` (typed ``object`` by the stubs)."""
    return QCoreApplication.translate(CONTEXT, str(text))


def word(value: StrEnum | None) -> str:
    """The display word for an enum value (empty for None): :mod:`clinic.domain.enum_words`'s,
    the PDFs' too, translated under the enum's context."""
    return "" if value is None else label(value)


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


def mark_field_problems(labels: Mapping[str, QLabel], problems: Iterable[FieldProblem]) -> None:
    """Each field's problem in its own label under it, the others' labels hidden (the I-589
    tab's answers and its lists)."""
    for shown in labels.values():
        shown.hide()
    for problem in problems:
        label = labels.get(problem.field)
        if label is not None:
            label.setText(problem_words(problem.code))
            label.show()
