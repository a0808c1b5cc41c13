"""The fixed words of the case summary and hearing docket PDFs, in the language asked for.

The words are gettext's, like the command line's: English msgids by key in
:mod:`~clinic.reports.pdf_texts`, their Spanish in ``resources/locale/es/LC_MESSAGES/clinic.po``
(terms from docs/glossary-es.md), read through :mod:`clinic.domain.i18n`. A text a language
lacks prints in English, so a partial catalogue still prints. Placeholders are ``str.format``
names, e.g. ``{page}``. Enum words are the window's (:mod:`clinic.domain.enum_words`, one table
for both, translated under the enum's context), and so are the rule file's deadline names
(translated under ``DeadlineRules``). Dates and times are formatted by babel in the
same language.

One date style per language in every staff PDF, always with four-digit years (never "1/15/27"):

* short, in tables, lists and footers: :func:`day` — "Jan 15, 2027" / "15 ene 2027";
* long, in sentences and headings: :func:`long_day` — "January 15, 2027" / "15 de enero de 2027"
  (the docket's day headings put the weekday before it: :func:`weekday_day`).

Times of hearings always carry their zone's abbreviation (:func:`hearing_time`: "9:00 AM EST"),
the zone of the place the hearing is held; other moments (generation time) use :func:`moment`.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time

from clinic.domain import enum_words
from clinic.domain.deadlines.wording import rule_name_in
from clinic.domain.i18n import translate, translate_n
from clinic.reports.pdf_texts import TEXTS

FALLBACK = "en"


def w(lang: str, key: str, **values: object) -> str:
    """The words for ``key`` in ``lang`` (English when the catalogue lacks them), filled in; a
    counted text (singular, plural) takes the form the plural rule of ``lang`` gives ``n`` (the
    .po's Plural-Forms): never "item(s)"."""
    words = TEXTS[key]  # a KeyError here is a programming error: an unknown key
    if isinstance(words, tuple):
        count = values.pop("n", None)
        if not isinstance(count, int):
            raise TypeError(f"{key!r} is counted: give n=<int>")
        return translate_n(words[0], words[1], count, lang, **values)
    return translate(words, lang, **values)


def enum_word(lang: str, value: StrEnum | None) -> str:
    """The word for an enum value ("" for None); an unknown value prints readably."""
    if value is None:
        return ""
    return enum_words.translated(value, lang)


# Clocks read as the clinic's staff and clients read them (docs/glossary-es.md: "1:00 p. m.").
_CLOCK_LOCALES = {"es": "es_US"}


def _locale(lang: str) -> str:
    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return FALLBACK
    return lang


def day(lang: str, value: date | None) -> str:
    """A date in the language's medium form (e.g. "Nov 28, 2026"); "—" for None."""
    if value is None:
        return w(lang, "none")
    return str(format_date(value, format="medium", locale=_locale(lang)))


def long_day(lang: str, value: date) -> str:
    """A date written out (e.g. "January 12, 2027" / "12 de enero de 2027")."""
    return str(format_date(value, format="long", locale=_locale(lang)))


def weekday_day(lang: str, value: date) -> str:
    """The long date with its weekday (e.g. "Tuesday, January 12, 2027")."""
    return str(format_date(value, format="full", locale=_locale(lang)))


def clock(lang: str, value: time | None) -> str:
    """A time of day in the language's short form (e.g. "9:00 AM"); "" for None."""
    if value is None:
        return ""
    text = str(format_time(value, format="short", locale=_CLOCK_LOCALES.get(lang, _locale(lang))))
    text = text.replace("\u202f", " ").replace("\xa0", " ")  # narrow spaces read as gaps
    if lang == "es":  # the glossary's US Spanish "1:00 p. m." (RAE spacing), not Spain's "13:00"
        # with no-break spaces, so that a narrow column never ends a line on "p." or "1:00"
        text = text.replace(" a.m.", "\xa0a.\xa0m.").replace(" p.m.", "\xa0p.\xa0m.")
    return text


def zone_abbreviation(on: date, at: time, timezone: str) -> str:
    """The zone's abbreviation on that day (EST or EDT …); the zone's name when unknown."""
    try:
        return datetime.combine(on, at, ZoneInfo(timezone)).tzname() or timezone
    except (ZoneInfoNotFoundError, ValueError):
        return timezone


def hearing_time(lang: str, on: date, at: time | None, timezone: str) -> str:
    """A hearing's time with its zone (e.g. "9:00 AM EST"); "" when it has no time."""
    if at is None:
        return ""
    zone = zone_abbreviation(on, at, timezone) if timezone else ""
    return f"{clock(lang, at)} {zone}".strip()


def moment(lang: str, value: datetime) -> str:
    """A date and time (e.g. generation time), medium date + short time, with the zone."""
    text = f"{day(lang, value.date())} {clock(lang, value.timetz())}"
    zone = value.strftime("%Z")
    return f"{text} {zone}".strip()


def rule_name(lang: str, text: str) -> str:
    """A deadline or rule name in ``lang`` ("Biometrics not done …" → "Datos biométricos sin
    tomar …"), from gettext's catalogue as the command line reads it (the window's Qt catalogue
    has the same words: tests/ui/test_enum_words_agree.py); a name the catalogue does not know
    (typed by staff) is printed as it is."""
    return rule_name_in(text, lang)


def country(lang: str, code: str) -> str:
    """A country's name from its ISO code (the code itself when unknown)."""
    names = Locale.parse(_locale(lang)).territories
    return str(names.get(code.upper(), code))


def language_name(lang: str, code: str) -> str:
    """A language's name from its code (the code itself when unknown)."""
    names = Locale.parse(_locale(lang)).languages
    return str(names.get(code, code))
