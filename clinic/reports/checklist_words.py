"""The filing checklist PDF's fixed words by language, and its status marks ("en" is the
original; terms: docs/glossary-es.md). :mod:`clinic.reports.checklist_pdf` lays them out."""

from __future__ import annotations

from clinic.domain.enums import ChecklistState

MARKS = {
    ChecklistState.DONE: "☑ Done",
    ChecklistState.NOT_APPLICABLE: "— N/A",
    ChecklistState.MISSING: "☐ Missing",
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "done": MARKS[ChecklistState.DONE],
        "na": MARKS[ChecklistState.NOT_APPLICABLE],
        "missing": MARKS[ChecklistState.MISSING],
        "client": "Client",
        "a_number": "A-number",
        "case": "Case",
        "claim": "Claim",
        "forum": "Forum",
        "relief": "Relief",
        "attorney": "Attorney",
        "paralegal": "Paralegal",
        "next_hearing": "Next hearing",
        "judge": " — Judge {judge}",
        "deadlines": "Computed deadlines",
        "no_deadlines": "No open deadlines.",
        "deadline": "Deadline",
        "due": "Due",
        "act_by": "Act by",
        "source": "Source",
        "court_sets": "set by the court",
        "attorney_check": "⚠ Verify with the attorney: the rule is unverified or the count needs judgement.",
        "summary": "{n} items apply to this case: {done} done, {na} not applicable, ",
        "summary_missing": "{n} missing",
        "what_missing": "What is missing",
        "case_data": "Case data: {detail}",
        "marked_by": "Marked by {who} {when}{why}",
        "staff": "staff",
        "disagrees": "Marked done, but the case data says missing: check.",
        "rule": "Rule: {citation}",
        "reviewed_by": "Reviewed by (attorney)",
        "signature": "Signature",
        "date": "Date",
        "notes": "Notes",
        "sign_off": "Attorney sign-off",
        "footer": "Filing checklist · case #{case_id} · generated {generated} · rules as of {as_of}",
        "page": "Page {page} of {total}",
        "confidential": "Confidential: attorney work product.",
        "doc_title": "Filing checklist: {title}",
        "title": "Filing checklist — {title}",
        "sources": "Sources: {source}. Rules as of {as_of}. Prepared by {who}.",
    },
    "es": {
        "done": "☑ Hecho",
        "na": "— N/A",
        "missing": "☐ Falta",
        "client": "Cliente",
        "a_number": "Número A",
        "case": "Caso",
        "claim": "Solicitud",
        "forum": "Tribunal u oficina",
        "relief": "Protección",
        "attorney": "Abogado(a)",
        "paralegal": "Asistente legal",
        "next_hearing": "Próxima audiencia",
        "judge": " — Juez(a) {judge}",
        "deadlines": "Plazos calculados",
        "no_deadlines": "No hay plazos abiertos.",
        "deadline": "Plazo",
        "due": "Vence",
        "act_by": "Fecha límite prudente",
        "source": "Fuente",
        "court_sets": "lo fija el tribunal",
        "attorney_check": "⚠ Verificar con el abogado o la abogada: la regla no está verificada o el cálculo requiere criterio.",
        "summary": "{n} puntos se aplican a este caso: {done} hechos, {na} no aplican, ",
        "summary_missing": "{n} faltan",
        "what_missing": "Qué falta",
        "case_data": "Datos del caso: {detail}",
        "marked_by": "Marcado por {who} {when}{why}",
        "staff": "personal",
        "disagrees": "Marcado como hecho, pero los datos del caso dicen que falta: revíselo.",
        "rule": "Regla: {citation}",
        "reviewed_by": "Revisado por (abogado/a)",
        "signature": "Firma",
        "date": "Fecha",
        "notes": "Notas",
        "sign_off": "Visto bueno del abogado o la abogada",
        "footer": "Lista de verificación · caso n.º {case_id} · generada {generated} · "
        "reglas vigentes al {as_of}",
        "page": "Página {page} de {total}",
        "confidential": "Confidencial: producto del trabajo del abogado.",
        "doc_title": "Lista de verificación: {title}",
        "title": "Lista de verificación para la presentación — {title}",
        "sources": "Fuentes: {source}. Reglas vigentes al {as_of}. Preparada por {who}.",
    },
}
MARK_KEYS = {
    ChecklistState.DONE: "done",
    ChecklistState.NOT_APPLICABLE: "na",
    ChecklistState.MISSING: "missing",
}


def checklist_word(lang: str, key: str, **values: object) -> str:
    """The word ``key`` in ``lang`` (English where it has none), with ``values`` filled in."""
    text = WORDS.get(lang, WORDS["en"]).get(key, WORDS["en"][key])
    return text.format(**values) if values else text
