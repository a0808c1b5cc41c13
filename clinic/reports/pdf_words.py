"""The fixed words of the case summary and hearing docket PDFs, by language code.

English ("en") and Spanish ("es", terms from docs/glossary-es.md) are filled here; another
language adds its own dict under its code (same keys). A key missing from a language falls back
to English, so a partial catalogue still prints. Placeholders are ``str.format`` names, e.g. ``{page}``. Enum words are keyed
``"<EnumClass>.<value>"``. Dates and times are formatted by babel in the same language.

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
from functools import cache
from xml.etree import ElementTree
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time

from clinic.resource_files import resource_path

FALLBACK = "en"

# A text that depends on a count is a pair (singular, plural), chosen by the language's plural
# rule for ``n`` (CLDR, through babel): never "item(s)".
Words = str | tuple[str, str]

WORDS: dict[str, dict[str, Words]] = {
    "en": {
        # shared
        "page_of": "Page {page} of {total}",
        "confidential": "Confidential: attorney work product.",
        "generated": "generated {when}",
        "rules_as_of": "rules as of {date}",
        "none": "—",
        "yes": "yes",
        "no": "no",
        "staff": "staff",
        # case summary
        "summary_title": "Case summary",
        "summary_footer": "Case summary · case #{case_id}",
        "summary_intro": "Prepared by {who} on {when}. Deadline rules as of {as_of}. "
        "Dates are computed from the case data; the attorney confirms them.",
        "client": "Client",
        "name": "Name",
        "other_names": "Other names",
        "a_number": "A-number",
        "no_a_number": "none",
        "date_of_birth": "Date of birth",
        "nationality": "Nationality",
        "languages": "Languages",
        "interpreter_needed": "interpreter needed",
        "address": "Address",
        "phone": "Phone",
        "email": "Email",
        "detention": "Detention",
        "family": "Family members",
        "no_family": "No family members recorded.",
        "relationship": "Relationship",
        "in_us": "In the U.S.",
        "derivative": "Derivative",
        "claim": "Claim",
        "case": "Case",
        "claim_type": "Claim type",
        "forum": "Forum",
        "judge": "Judge",
        "asylum_office": "Asylum office",
        "grounds": "Grounds",
        "psg": "Social group",
        "relief": "Relief sought",
        "stage": "Stage",
        "outcome": "Outcome",
        "opened_on": "Opened",
        "filed_on": "I-589 filed",
        "not_filed": "not yet filed",
        "receipt": "Receipt number",
        "attorney": "Attorney",
        "paralegal": "Paralegal",
        "history": "Stage history",
        "no_history": "No stage changes recorded.",
        "date": "Date",
        "change": "Change",
        "by": "By",
        "note": "Note",
        "referred": "referred to court",
        "hearings": "Hearings",
        "upcoming_hearings": "Upcoming",
        "past_hearings": "Past",
        "no_hearings": "No hearings recorded.",
        "no_upcoming": "No upcoming hearings.",
        "no_past": "No past hearings.",
        "when": "When",
        "kind": "Kind",
        "where": "Where",
        "mode": "Attendance",
        "deadlines": "Open deadlines",
        "no_deadlines": "No open deadlines.",
        "deadline": "Deadline",
        "due": "Due",
        "act_by": "Act by",
        "source": "Source (as of)",
        "court_sets": "set by the court",
        "overdue": "OVERDUE",
        "attorney_check": "attorney check",
        "closed_deadlines": (
            "{n} closed deadline (done, waived or replaced) is not listed.",
            "{n} closed deadlines (done, waived or replaced) are not listed.",
        ),
        "evidence": "Evidence",
        "no_evidence": "No evidence recorded.",
        "item": "Item",
        "category": "Category",
        "language": "Language",
        "translation": "Translation",
        "status": "Status",
        "file": "File",
        "file_attached": "attached ({n})",
        "no_file": "none",
        "untranslated_summary": (
            "{n} item still needs a translation.",
            "{n} items still need a translation.",
        ),
        "notes": "Recent notes",
        "notes_shown": "The {shown} most recent of {total} notes, newest first.",
        "notes_all": ("{n} note.", "{n} notes, newest first."),
        "no_notes": "No notes.",
        # hearing docket
        "docket_title": "Hearing docket",
        "docket_range": "{start} – {end}",
        "docket_footer": "Hearing docket · {start} – {end}",
        "docket_intro": "Master calendar hearings, individual hearings and asylum-office "
        "interviews. Prepared by {who} on {when}; readiness as of {today}.",
        "docket_paralegal": "Only cases of paralegal: {name}.",
        "docket_empty": "No hearings between {start} and {end}.",
        "docket_count": ("{n} hearing.", "{n} hearings."),
        "time": "Time",
        "client_case": "Client · case",
        "hearing": "Hearing",
        "judge_paralegal": "Judge · paralegal",
        "readiness": "Readiness",
        "no_time": "time not set",
        "no_location": "Location not recorded",
        "ready": "Ready",
        "checklist_missing": ("{n} checklist item missing", "{n} checklist items missing"),
        "no_checklist": "no checklist applies",
        "untranslated": ("{n} exhibit needs translation", "{n} exhibits need translation"),
        "deadlines_before": (
            "{n} open deadline before the hearing",
            "{n} open deadlines before the hearing",
        ),
        "deadlines_overdue": "{n} overdue",
        "detained": "Detained",
        "interpreter": "Interpreter: {languages}",
        "legend_title": "How readiness is worked out",
        "legend": "Readiness is counted from the case data on the day the docket was printed. "
        "“Checklist items missing” counts the items of the case's default filing checklist "
        "(chosen by claim type and stage) that are neither done nor marked not applicable. "
        "“Need translation” counts evidence marked as needing a translation. “Open deadlines "
        "before the hearing” counts open deadlines whose act-by date is on or before the "
        "hearing date (“overdue”: already past). “Ready” means all three are zero; it does not "
        "replace the attorney's own review.",
        # enum words
        "ClaimType.affirmative": "Affirmative (USCIS)",
        "ClaimType.defensive": "Defensive (immigration court)",
        "Relief.asylum": "Asylum",
        "Relief.withholding": "Withholding of removal",
        "Relief.cat": "Convention Against Torture",
        "ProtectedGround.race": "Race",
        "ProtectedGround.religion": "Religion",
        "ProtectedGround.nationality": "Nationality",
        "ProtectedGround.psg": "Particular social group",
        "ProtectedGround.political_opinion": "Political opinion",
        "ForumKind.asylum_office": "Asylum office",
        "ForumKind.immigration_court": "Immigration court",
        "Stage.intake": "Intake",
        "Stage.preparing": "Preparing",
        "Stage.filed": "Filed",
        "Stage.interview": "Interview",
        "Stage.hearings": "Hearings",
        "Stage.decision": "Decision",
        "Stage.appeal": "Appeal",
        "Stage.circuit_court": "Court of appeals",
        "Stage.reopening": "Motion to reopen",
        "Stage.closed": "Closed",
        "Outcome.granted": "Asylum granted",
        "Outcome.withholding_granted": "Withholding granted",
        "Outcome.cat_granted": "CAT protection granted",
        "Outcome.denied": "Denied",
        "Outcome.referred": "Referred to court",
        "Outcome.dismissed": "Dismissed",
        "Outcome.terminated": "Terminated",
        "Outcome.withdrawn": "Withdrawn",
        "Outcome.administratively_closed": "Administratively closed",
        "Outcome.removal_ordered": "Removal ordered",
        "Outcome.voluntary_departure": "Voluntary departure",
        "Outcome.transferred": "Transferred or representation ended",
        "Outcome.rejected_unpaid_fee": "I-589 rejected: annual asylum fee unpaid",
        "HearingKind.master_calendar": "Master calendar",
        "HearingKind.individual": "Individual hearing",
        "HearingKind.asylum_interview": "Asylum-office interview",
        "HearingKind.biometrics": "Biometrics",
        "HearingKind.ice_check_in": "ICE check-in",
        "HearingKind.bond": "Bond hearing",
        "HearingKind.fear_review": "Credible- or reasonable-fear review",
        "AttendanceMode.in_person": "In person",
        "AttendanceMode.video": "Video",
        "AttendanceMode.telephonic": "Telephone",
        "EvidenceCategory.identity": "Identity",
        "EvidenceCategory.declaration": "Declaration",
        "EvidenceCategory.corroboration": "Corroboration",
        "EvidenceCategory.medical": "Medical or psychological",
        "EvidenceCategory.expert": "Expert report",
        "EvidenceCategory.country_conditions": "Country conditions",
        "EvidenceCategory.other": "Other",
        "TranslationStatus.not_needed": "Not needed",
        "TranslationStatus.needed": "Needs translation",
        "TranslationStatus.translated": "Translated, certified",
        "EvidenceStatus.requested": "Requested",
        "EvidenceStatus.received": "Received",
        "EvidenceStatus.filed": "Filed",
        "DetentionStatus.not_detained": "Not detained",
        "DetentionStatus.detained": "Detained",
        "DetentionStatus.released": "Released (bond, parole or ATD)",
        "Relationship.spouse": "Spouse",
        "Relationship.child": "Child",
        "Relationship.parent": "Parent",
        "Relationship.sibling": "Sibling",
        "Relationship.other": "Other",
    },
    "es": {
        # compartidas
        "page_of": "Página {page} de {total}",
        "confidential": "Confidencial: producto del trabajo del abogado.",
        "generated": "generado {when}",
        "rules_as_of": "reglas vigentes al {date}",
        "none": "—",
        "yes": "sí",
        "no": "no",
        "staff": "personal",
        # resumen del caso
        "summary_title": "Resumen del caso",
        "summary_footer": "Resumen del caso · caso n.º {case_id}",
        "summary_intro": "Preparado por {who} el {when}. Reglas de plazos vigentes al {as_of}. "
        "Las fechas se calculan a partir de los datos del caso; el abogado o la abogada las "
        "confirma.",
        "client": "Cliente",
        "name": "Nombre",
        "other_names": "Otros nombres",
        "a_number": "Número A",
        "no_a_number": "ninguno",
        "date_of_birth": "Fecha de nacimiento",
        "nationality": "Nacionalidad",
        "languages": "Idiomas",
        "interpreter_needed": "necesita intérprete",
        "address": "Dirección",
        "phone": "Teléfono",
        "email": "Correo electrónico",
        "detention": "Detención",
        "family": "Familiares",
        "no_family": "No hay familiares registrados.",
        "relationship": "Parentesco",
        "in_us": "En EE. UU.",
        "derivative": "Derivado",
        "claim": "Solicitud",
        "case": "Caso",
        "claim_type": "Tipo de solicitud",
        "forum": "Tribunal u oficina",
        "judge": "Juez(a)",
        "asylum_office": "Oficina de asilo",
        "grounds": "Motivos",
        "psg": "Grupo social",
        "relief": "Protección solicitada",
        "stage": "Etapa",
        "outcome": "Resultado",
        "opened_on": "Abierto",
        "filed_on": "I-589 presentado",
        "not_filed": "todavía no presentado",
        "receipt": "Número de recibo",
        "attorney": "Abogado(a)",
        "paralegal": "Asistente legal",
        "history": "Historial de etapas",
        "no_history": "No hay cambios de etapa registrados.",
        "date": "Fecha",
        "change": "Cambio",
        "by": "Por",
        "note": "Nota",
        "referred": "remitido al tribunal",
        "hearings": "Audiencias",
        "upcoming_hearings": "Próximas",
        "past_hearings": "Pasadas",
        "no_hearings": "No hay audiencias registradas.",
        "no_upcoming": "No hay audiencias próximas.",
        "no_past": "No hay audiencias pasadas.",
        "when": "Cuándo",
        "kind": "Tipo",
        "where": "Dónde",
        "mode": "Modalidad",
        "deadlines": "Plazos abiertos",
        "no_deadlines": "No hay plazos abiertos.",
        "deadline": "Plazo",
        "due": "Vence",
        "act_by": "Fecha límite prudente",
        "source": "Fuente (vigente al)",
        "court_sets": "lo fija el tribunal",
        "overdue": "VENCIDO",
        "attorney_check": "revisión del abogado o la abogada",
        "closed_deadlines": (
            "No se muestra {n} plazo cerrado (cumplido, dispensado o reemplazado).",
            "No se muestran {n} plazos cerrados (cumplidos, dispensados o reemplazados).",
        ),
        "evidence": "Pruebas",
        "no_evidence": "No hay pruebas registradas.",
        "item": "Documento",
        "category": "Categoría",
        "language": "Idioma",
        "translation": "Traducción",
        "status": "Estado",
        "file": "Archivo",
        "file_attached": "adjunto ({n})",
        "no_file": "ninguno",
        "untranslated_summary": (
            "{n} documento todavía necesita traducción.",
            "{n} documentos todavía necesitan traducción.",
        ),
        "notes": "Notas recientes",
        "notes_shown": "Las {shown} notas más recientes de {total}, de la más nueva a la más "
        "antigua.",
        "notes_all": ("{n} nota.", "{n} notas, de la más nueva a la más antigua."),
        "no_notes": "No hay notas.",
        # lista de audiencias
        "docket_title": "Lista de audiencias",
        "docket_range": "{start} – {end}",
        "docket_footer": "Lista de audiencias · {start} – {end}",
        "docket_intro": "Audiencias preliminares, audiencias individuales y entrevistas en la "
        "oficina de asilo. Preparada por {who} el {when}; preparación al {today}.",
        "docket_paralegal": "Solo casos del/de la asistente legal: {name}.",
        "docket_empty": "No hay audiencias entre {start} y {end}.",
        "docket_count": ("{n} audiencia.", "{n} audiencias."),
        "time": "Hora",
        "court": "Tribunal / lugar",
        "client_case": "Cliente · caso",
        "hearing": "Audiencia",
        "judge_paralegal": "Juez(a) · asistente legal",
        "readiness": "Preparación",
        "no_time": "hora no fijada",
        "no_location": "Lugar no registrado",
        "ready": "Listo",
        "checklist_missing": (
            "falta {n} punto de la lista de verificación",
            "faltan {n} puntos de la lista de verificación",
        ),
        "no_checklist": "no se aplica ninguna lista de verificación",
        "untranslated": ("{n} anexo necesita traducción", "{n} anexos necesitan traducción"),
        "deadlines_before": (
            "{n} plazo abierto antes de la audiencia",
            "{n} plazos abiertos antes de la audiencia",
        ),
        "deadlines_overdue": ("{n} vencido", "{n} vencidos"),
        "detained": "Detenido(a)",
        "interpreter": "Intérprete: {languages}",
        "legend_title": "Cómo se calcula la preparación",
        "legend": "La preparación se cuenta a partir de los datos del caso el día en que se "
        "imprimió la lista. «Faltan puntos de la lista de verificación» cuenta los puntos de la "
        "lista de verificación predeterminada del caso (según el tipo de solicitud y la etapa) que "
        "no están hechos ni marcados como no aplicables. «Necesitan traducción» cuenta las pruebas "
        "marcadas como pendientes de traducción. «Plazos abiertos antes de la audiencia» cuenta "
        "los plazos abiertos cuya fecha para actuar es el día de la audiencia o antes («vencido»: "
        "ya pasó). «Listo» significa que los tres son cero; no reemplaza la revisión del propio "
        "abogado o abogada.",
        # palabras de enumeraciones
        "ClaimType.affirmative": "Afirmativo (USCIS)",
        "ClaimType.defensive": "Defensivo (tribunal de inmigración)",
        "Relief.asylum": "Asilo",
        "Relief.withholding": "Suspensión de la expulsión (withholding of removal)",
        "Relief.cat": "Convención contra la Tortura",
        "ProtectedGround.race": "Raza",
        "ProtectedGround.religion": "Religión",
        "ProtectedGround.nationality": "Nacionalidad",
        "ProtectedGround.psg": "Determinado grupo social",
        "ProtectedGround.political_opinion": "Opinión política",
        "ForumKind.asylum_office": "Oficina de asilo",
        "ForumKind.immigration_court": "Tribunal de inmigración",
        "Stage.intake": "Ingreso (entrevista inicial)",
        "Stage.preparing": "En preparación",
        "Stage.filed": "Presentado",
        "Stage.interview": "Entrevista",
        "Stage.hearings": "Audiencias",
        "Stage.decision": "Decisión",
        "Stage.appeal": "Apelación",
        "Stage.circuit_court": "Tribunal de apelaciones",
        "Stage.reopening": "Moción para reabrir",
        "Stage.closed": "Cerrado",
        "Outcome.granted": "Asilo concedido",
        "Outcome.withholding_granted": "Suspensión de la expulsión (withholding) concedida",
        "Outcome.cat_granted": "Protección bajo la CAT concedida",
        "Outcome.denied": "Denegado",
        "Outcome.referred": "Remitido al tribunal",
        "Outcome.dismissed": "Desestimado",
        "Outcome.terminated": "Terminado",
        "Outcome.withdrawn": "Retirado",
        "Outcome.administratively_closed": "Cerrado administrativamente",
        "Outcome.removal_ordered": "Expulsión ordenada",
        "Outcome.voluntary_departure": "Salida voluntaria",
        "Outcome.transferred": "Transferido o fin de la representación",
        "Outcome.rejected_unpaid_fee": "I-589 rechazado: tarifa anual de asilo sin pagar",
        "HearingKind.master_calendar": "Audiencia preliminar",
        "HearingKind.individual": "Audiencia individual",
        "HearingKind.asylum_interview": "Entrevista en la oficina de asilo",
        "HearingKind.biometrics": "Datos biométricos",
        "HearingKind.ice_check_in": "Cita de control con ICE",
        "HearingKind.bond": "Audiencia de fianza",
        "HearingKind.fear_review": "Revisión de miedo creíble o razonable",
        "AttendanceMode.in_person": "En persona",
        "AttendanceMode.video": "Video",
        "AttendanceMode.telephonic": "Teléfono",
        "EvidenceCategory.identity": "Identidad",
        "EvidenceCategory.declaration": "Declaración",
        "EvidenceCategory.corroboration": "Pruebas de apoyo",
        "EvidenceCategory.medical": "Médica o psicológica",
        "EvidenceCategory.expert": "Informe pericial",
        "EvidenceCategory.country_conditions": "Condiciones del país",
        "EvidenceCategory.other": "Otra",
        "TranslationStatus.not_needed": "No se necesita",
        "TranslationStatus.needed": "Necesita traducción",
        "TranslationStatus.translated": "Traducida, certificada",
        "EvidenceStatus.requested": "Solicitada",
        "EvidenceStatus.received": "Recibida",
        "EvidenceStatus.filed": "Presentada",
        "DetentionStatus.not_detained": "No detenido(a)",
        "DetentionStatus.detained": "Detenido(a)",
        "DetentionStatus.released": "Liberado(a) (fianza, parole o alternativa a la detención)",
        "Relationship.spouse": "Cónyuge",
        "Relationship.child": "Hijo(a)",
        "Relationship.parent": "Padre o madre",
        "Relationship.sibling": "Hermano(a)",
        "Relationship.other": "Otro",
    },
}


def w(lang: str, key: str, **values: object) -> str:
    """The words for ``key`` in ``lang`` (English when that language lacks them), filled in;
    a (singular, plural) pair is chosen by the plural rule of ``lang`` for ``n``."""
    words = WORDS.get(lang, {}).get(key)
    if words is None:
        words = WORDS[FALLBACK][key]  # a KeyError here is a programming error: an unknown key
        lang = FALLBACK
    if isinstance(words, tuple):
        count = values.get("n")
        if not isinstance(count, int):
            raise TypeError(f"{key!r} is counted: give n=<int>")
        words = words[0] if plural_form(lang, count) == "one" else words[1]
    return words.format(**values) if values else words


def plural_form(lang: str, count: int) -> str:
    """CLDR's plural category of ``count`` in ``lang`` ("one", "other", "many" …)."""
    return str(Locale.parse(_locale(lang)).plural_form(count))


def enum_word(lang: str, value: StrEnum | None) -> str:
    """The word for an enum value ("" for None); an unknown value prints readably."""
    if value is None:
        return ""
    key = f"{type(value).__name__}.{value.value}"
    if key in WORDS.get(lang, {}) or key in WORDS[FALLBACK]:
        return w(lang, key)
    return value.value.replace("_", " ").capitalize()


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


@cache
def _rule_names(lang: str) -> dict[str, str]:
    """The deadline and rule names of resources/rules/deadlines.toml in ``lang``, read from the
    Qt catalogue (resources/translations/clinic_<lang>.ts, context ``DeadlineRules``), where
    tools/translations.py keeps them with the window's other texts: one translation for the
    window, the PDFs and the command line."""
    path = resource_path("translations", f"clinic_{lang}.ts")
    if lang == FALLBACK or not path.is_file():
        return {}
    names: dict[str, str] = {}
    root = ElementTree.parse(path).getroot()  # noqa: S314 - the program's own catalogue
    for context in root.iter("context"):
        if context.findtext("name") != "DeadlineRules":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                names[message.findtext("source") or ""] = translation.text
    return names


def rule_name(lang: str, text: str) -> str:
    """A deadline or rule name in ``lang`` ("Biometrics not done …" → "Datos biométricos sin
    tomar …"); a name the catalogue does not know (typed by staff) is printed as it is."""
    return _rule_names(lang).get(text, text)


def country(lang: str, code: str) -> str:
    """A country's name from its ISO code (the code itself when unknown)."""
    names = Locale.parse(_locale(lang)).territories
    return str(names.get(code.upper(), code))


def language_name(lang: str, code: str) -> str:
    """A language's name from its code (the code itself when unknown)."""
    names = Locale.parse(_locale(lang)).languages
    return str(names.get(code, code))
