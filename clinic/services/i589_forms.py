"""The clinic's stored blank I-589 (issue 23: Settings → Forms → "Add a form file…").

Clinic ships no USCIS form: the clinic downloads the current I-589 from uscis.gov and adds it
once; the I-589 tab and ``clinic i589 CASE_ID --out FILE.pdf`` (without ``--form``) then fill
the stored one. The blank holds no client data, but it is kept inside the data folder like
everything Clinic keeps (``<data folder>/forms/i-589/``): the PDF as given, named by the
SHA-256 of its bytes, beside a small JSON file saying what it is (the edition recognised, the
day it was added, the file's name when it was added). Both are written atomically; adding and
removing are audited. See docs/decisions/0016-stored-forms.md.

A file is recognised as it is when filled (:mod:`clinic.reports.i589.edition`): a known edition
is accepted; an unknown one is accepted with the questions it cannot hold listed (those of the
closest known map whose fields it lacks), exactly as the command reports them when filling; a
file with no form fields, or none Clinic knows, is refused.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from clinic.domain.enums import AuditAction
from clinic.domain.i18n import N_
from clinic.domain.i589_map import MappedField
from clinic.services import language
from clinic.services.auditing import record
from clinic.services.errors import ErrorKind, ServiceError
from clinic.services.results import Entity
from clinic.storage.datadir import write_private_file
from clinic.storage.store import Store

FOLDER = ("forms", "i-589")
MAX_BYTES = 50 * 2**20  # the Rev. 08/25/20 blank is 0.4 MB


class FormAlreadyStored(ServiceError):
    kind = ErrorKind.REJECTED
    code = "i589_form_already_stored"

    def __init__(self, path: Path) -> None:
        super().__init__(N_("{path} is stored already (the same file)."), path=path)


class FormTooBig(ServiceError):
    kind = ErrorKind.FILE
    code = "i589_form_too_big"

    def __init__(self, path: Path) -> None:
        super().__init__(
            N_("{path} is larger than any I-589 from uscis.gov; it was not stored."), path=path
        )


@dataclass(frozen=True)
class StoredForm:
    path: Path  # the stored PDF
    digest: str  # SHA-256 of its bytes
    footer: str | None  # "Form I-589 (Rev. 08/25/20)", as printed on page 1
    edition: str | None  # the known edition ("08/25/20"); None: not an edition Clinic knows
    added_on: date
    original_name: str  # the file's name when it was added


@dataclass(frozen=True)
class AddedForm:
    form: StoredForm
    closest_footer: str | None  # an unknown edition: the known map it is filled through
    unplaceable: tuple[MappedField, ...]  # that map's fields this form lacks


def forms_folder(store: Store) -> Path:
    """``<data folder>/forms/i-589``. An office database has no data folder on this computer,
    so there the blanks are kept in this computer's Clinic settings folder, one folder per office
    database (``office/<store id>/``): a blank form holds no client data."""
    datadir = getattr(store, "datadir", None)
    if datadir is not None:
        return Path(datadir.root).joinpath(*FOLDER)
    return language.config_dir().joinpath("office", store.meta.store_id, *FOLDER)


def add_form(*, store: Store, source: Path, today: date) -> AddedForm:
    """Store ``source`` as a blank I-589 (see the module's words on what is accepted)."""
    # pypdf on first use: the window lists the stored forms at start-up without it
    from clinic.reports.i589.edition import recognise_parts  # noqa: PLC0415
    from clinic.reports.i589.parsed import FormFileProblem, parsed_blank  # noqa: PLC0415
    from clinic.services.i589 import FormNotFillable, known_maps  # noqa: PLC0415

    if source.stat().st_size > MAX_BYTES:
        raise FormTooBig(source)
    blank = source.read_bytes()
    try:
        parsed = parsed_blank(blank)
    except FormFileProblem as problem:
        raise FormNotFillable(source, problem) from None
    recognised = recognise_parts(parsed.footer, parsed.names, known_maps())
    if not recognised.field_names:
        raise FormNotFillable(source, FormFileProblem("no_fields"))
    form_map = recognised.map
    if form_map is None:
        raise FormNotFillable(source, FormFileProblem("not_i589"))
    digest = hashlib.sha256(blank).hexdigest()
    folder = forms_folder(store)
    target = folder / f"{digest}.pdf"
    if target.exists():
        raise FormAlreadyStored(source)
    known = recognised.known
    form = StoredForm(
        target,
        digest,
        recognised.footer,
        known.edition if known is not None else None,
        today,
        source.name,
    )
    folder.mkdir(parents=True, exist_ok=True)
    write_private_file(target, blank, overwrite=False)
    try:
        write_private_file(_about(target), _describe(form).encode(), overwrite=True)
        _audit(store, AuditAction.CREATE, form)
    except BaseException:  # not stored unless described and audited
        _about(target).unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        raise
    unplaceable = () if known is not None else _missing(form_map.fields, parsed.names)
    return AddedForm(form, None if known is not None else form_map.footer, unplaceable)


def _missing(fields: tuple[MappedField, ...], names: frozenset[str]) -> tuple[MappedField, ...]:
    return tuple(f for f in fields if f.name not in names)


def stored_forms(store: Store) -> list[StoredForm]:
    """The stored blanks, the most recently added first."""
    folder = forms_folder(store)
    if not folder.is_dir():
        return []
    found = [form for path in folder.glob("*.pdf") if (form := _read_about(path)) is not None]
    return sorted(found, key=lambda f: (f.added_on, f.path.stat().st_mtime), reverse=True)


def current_form(store: Store) -> StoredForm | None:
    """The blank to fill: the latest added of a known edition, else the latest added."""
    forms = stored_forms(store)
    return next((f for f in forms if f.edition is not None), forms[0] if forms else None)


def read_ahead(form: StoredForm) -> None:
    """Read the stored blank now (pypdf's parsing of it is about a second of CPU), so that the
    first fill in this process finds it read; the window calls it on a background thread when
    the I-589 tab is first shown. A blank form holds no client data. Nothing is raised: a file
    that cannot be read is reported by the fill itself."""
    from clinic.reports.i589 import parsed  # noqa: PLC0415 - pypdf on first use

    try:
        parsed.read_ahead(form.path.read_bytes())
    except Exception:  # the fill reads it again and says what is wrong
        return


def is_read(form: StoredForm) -> bool:
    """Whether this process has the stored blank read already."""
    from clinic.reports.i589 import parsed  # noqa: PLC0415

    return parsed.is_kept(form.digest)


def remove_form(*, store: Store, form: StoredForm) -> None:
    form.path.unlink(missing_ok=True)
    _about(form.path).unlink(missing_ok=True)
    _audit(store, AuditAction.DELETE, form)


def _about(path: Path) -> Path:
    return path.with_suffix(".json")


def _describe(form: StoredForm) -> str:
    return json.dumps(
        {
            "sha256": form.digest,
            "footer": form.footer,
            "edition": form.edition,
            "added_on": form.added_on.isoformat(),
            "original_name": form.original_name,
        },
        indent=1,
    )


def _read_about(path: Path) -> StoredForm | None:
    """The stored form's description; a PDF without one (a copy half made) is not listed."""
    try:
        about = json.loads(_about(path).read_text(encoding="utf-8"))
        return StoredForm(
            path,
            str(about["sha256"]),
            about.get("footer"),
            about.get("edition"),
            date.fromisoformat(about["added_on"]),
            str(about.get("original_name", path.name)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _audit(store: Store, action: AuditAction, form: StoredForm) -> None:
    with store.unit_of_work() as session:
        value = {
            "file": form.path.name,
            "footer": form.footer,
            "edition": form.edition or "unknown",
            "original_name": form.original_name,
        }
        record(
            session,
            actor=store.actor,
            action=action,
            entity=Entity.SETTINGS,
            entity_id=None,
            changes={
                "i589_blank_form": [None, value] if action is AuditAction.CREATE else [value, None]
            },
        )
