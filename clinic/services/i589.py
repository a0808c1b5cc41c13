"""The official I-589 filled from the case file (issue 23, "Filling the official form").

Clinic ships no USCIS form: the clinic downloads the current edition from uscis.gov and gives it
here. The edition is recognised by its footer and field set (:mod:`clinic.reports.i589.edition`)
and filled through the field maps in ``resources/forms/i-589/``; an unknown edition is filled
only where its field names match a known map, and :class:`I589Result` lists every question that
was not placed, so nothing is silently left out. The PDF is written like every staff PDF: never
over an existing file, audited, NOT encrypted (the caller warns).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy.orm import Session

from clinic.domain.enums import AuditAction
from clinic.domain.i18n import N_
from clinic.domain.i589_map import FormMap, parse_form_map
from clinic.domain.i589_values import Overflow, form_values
from clinic.domain.ids import CaseId
from clinic.reports.i589.fill import Filled, fill_form
from clinic.reports.i589.parsed import FormFileProblem
from clinic.resource_files import resource_path
from clinic.services.auditing import record
from clinic.services.errors import ErrorKind, ServiceError
from clinic.services.export_file import save_export
from clinic.services.i589_facts import case_facts
from clinic.services.results import Entity
from clinic.storage.store import Store

MAPS_FOLDER = ("forms", "i-589")

_FORM_PROBLEMS = {
    "not_pdf": N_("{path} is not a PDF that can be read ({detail})."),
    "password": N_("{path} needs a password to open; download the form again from uscis.gov."),
    "no_fields": N_(
        "{path} has no form fields: it is not the fillable I-589 from uscis.gov (a scan or a "
        "printed copy cannot be filled)."
    ),
    "not_i589": N_(
        "{path} is not an edition of the I-589 that Clinic can fill: none of its fields is one "
        "Clinic knows. Download the current I-589 from uscis.gov/i-589."
    ),
    "damaged": N_("{path} could not be filled ({detail})."),
}


class FormNotFillable(ServiceError):
    """The file given as the blank I-589 cannot be filled; the message says why."""

    kind = ErrorKind.FILE

    def __init__(self, path: Path, problem: FormFileProblem) -> None:
        super().__init__(_FORM_PROBLEMS[problem.kind], path=path, detail=problem.detail)
        self.code = f"i589_{problem.kind}"


@dataclass(frozen=True)
class I589Result:
    filled: Filled
    overflow: tuple[Overflow, ...]  # recorded, but the form's own rows cannot take it
    flattened: bool = False


@cache
def known_maps() -> tuple[FormMap, ...]:
    """Every shipped field map (``resources/forms/i-589/rev-*.toml``; ``questions.toml`` there
    is the interview's, not a map)."""
    folder = resource_path(*MAPS_FOLDER)
    return tuple(
        parse_form_map(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(folder.glob("rev-*.toml"))
    )


def fill_i589(*, store: Store, case_id: CaseId, form: Path, flatten: bool) -> I589Result:
    """The case's I-589 filled in memory (nothing written, nothing audited)."""
    with store.unit_of_work() as session:
        facts = case_facts(session, case_id)
    blank = form.read_bytes()
    values = form_values(facts)
    try:
        filled = fill_form(
            blank, known_maps(), values.by_key, flatten=flatten, continued=values.continuations
        )
    except FormFileProblem as problem:
        raise FormNotFillable(form, problem) from None
    return I589Result(filled, values.overflow, flatten)


def export_i589(
    *, store: Store, case_id: CaseId, form: Path, destination: Path, flatten: bool
) -> I589Result:
    """Fill the case's I-589 and write it to ``destination``: never over an existing file,
    audited (which edition, how many answers placed and not placed). NOT encrypted."""
    result = fill_i589(store=store, case_id=case_id, form=form, flatten=flatten)
    save_i589(store=store, case_id=case_id, result=result, destination=destination)
    return result


def save_i589(*, store: Store, case_id: CaseId, result: I589Result, destination: Path) -> Path:
    """Write a filled I-589 (the one the user saw) to ``destination``: never over an existing
    file, audited. NOT encrypted."""
    filled = result.filled

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.CASE,
            entity_id=case_id,
            changes={
                "i589_pdf_saved_to": [None, str(destination)],
                "i589_edition": [None, filled.edition or "unknown"],
                "i589_flattened": [None, result.flattened],
                "i589_answers_placed": [None, len(filled.placed)],
                "i589_answers_not_placed": [None, len(filled.unplaced) + len(filled.not_written)],
            },
        )

    save_export(store, destination, filled.pdf, audit=audit, overwrite=False)
    return destination
