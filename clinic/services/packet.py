"""The court exhibit packet: the exhibit list (order, included or not), the packet options
(clinic-wide defaults in settings), and building the packet from the encrypted evidence store.

Evidence bytes are decrypted in memory only and handed to the PDF builder
(:mod:`clinic.reports.packet`); the finished parts are written only into the folder the user
chose, first under hidden temporary names, and linked to their final names when every part is
done (never over an existing file). On failure or cancel the temporary files are removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from babel import Locale
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clinic.domain.anumber import format_a_number
from clinic.domain.enums import AuditAction, EvidenceCategory, HearingKind, TranslationStatus
from clinic.domain.i18n import N_
from clinic.domain.ids import CaseId, EvidenceId
from clinic.domain.packet_layout import (
    DEFAULT_MAX_PART_MB,
    MAX_PART_MB,
    MIN_PART_MB,
    TabStyle,
    part_file_name,
    tab_label,
    valid_bates_prefix,
)
from clinic.reports.packet import (
    CoverData,
    ExhibitSource,
    FileRole,
    PacketBuild,
    PacketCancelled,
    PacketError,
    PacketRequest,
    Preflight,
    ProblemKind,
    ServiceData,
    SourceFile,
)
from clinic.reports.packet.model import Cancelled, Progress
from clinic.services.auditing import record
from clinic.services.dto import CaseView
from clinic.services.errors import NotFound, NotInCase, Rejected, Thing
from clinic.services.evidence import read_evidence_file
from clinic.services.export_file import ExportNotSaved
from clinic.services.results import Changes, Entity, Result
from clinic.services.settings import get_settings, update_settings
from clinic.services.views import case_view
from clinic.storage.datadir import fsync_dir, move_into_place
from clinic.storage.errors import StoreError
from clinic.storage.models import Case, EvidenceItem, Setting
from clinic.storage.store import Store
from clinic.storage.vault import VaultError

__all__ = [
    "DEFAULT_TITLE",
    "ExhibitRow",
    "PacketCancelled",
    "PacketCheck",
    "PacketError",
    "PacketOptions",
    "build_packet",
    "check_packet",
    "exhibit_list",
    "existing_packet_files",
    "packet_defaults",
    "save_packet_defaults",
    "set_exhibit_order",
    "set_included",
]

DEFAULT_TITLE = (
    "Respondent's documents in support of the application for asylum, withholding of removal "
    "and CAT protection"
)
DEFAULT_SERVICE_METHOD = "electronic service through ECAS"
MAX_TITLE = 300
MAX_TEXT = 1000
# Per-case packet choices (which evidence items are left out) live in the key-value setting
# table under this key plus the case id (no schema change).
CASE_KEY = "packet.case.{case_id}"
_TRANSLATION_CERTIFICATE = re.compile(r"(?=.*certif)(?=.*translat)", re.IGNORECASE)


@dataclass(frozen=True)
class PacketOptions:
    title: str = DEFAULT_TITLE
    tab_style: TabStyle = TabStyle.LETTERS
    bates_prefix: str = ""
    max_part_mb: int = DEFAULT_MAX_PART_MB
    dhs_address: str = ""
    service_method: str = DEFAULT_SERVICE_METHOD
    signer: str = ""

    def problems(self) -> tuple[str, ...]:
        """What is wrong with these options, in words (empty when they are usable)."""
        found: list[str] = []
        if not self.title.strip():
            found.append("the packet title is empty")
        if len(self.title) > MAX_TITLE:
            found.append(f"the packet title is longer than {MAX_TITLE} characters")
        if not valid_bates_prefix(self.bates_prefix):
            found.append(
                "the page-number prefix may only hold up to 12 letters A-Z, digits, - and _"
            )
        if not MIN_PART_MB <= self.max_part_mb <= MAX_PART_MB:
            found.append(f"the part size must be {MIN_PART_MB} to {MAX_PART_MB} MB")
        for name in ("dhs_address", "service_method", "signer"):
            if len(getattr(self, name)) > MAX_TEXT:
                found.append(f"the {name.replace('_', ' ')} is too long")
        return tuple(found)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "tab_style": self.tab_style.value,
            "bates_prefix": self.bates_prefix,
            "max_part_mb": self.max_part_mb,
            "dhs_address": self.dhs_address,
            "service_method": self.service_method,
            "signer": self.signer,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> PacketOptions:
        """Stored defaults; anything missing or unusable falls back to the built-in default."""
        base = cls()
        try:
            style = TabStyle(value.get("tab_style", base.tab_style.value))
        except ValueError:
            style = base.tab_style
        try:
            size = int(value.get("max_part_mb", base.max_part_mb))
        except (TypeError, ValueError):
            size = base.max_part_mb
        texts = {
            name: str(value.get(name, getattr(base, name)))
            for name in ("title", "bates_prefix", "dhs_address", "service_method", "signer")
        }
        options = cls(tab_style=style, max_part_mb=size, **texts)
        return options if not options.problems() else base


def packet_defaults(*, store: Store) -> PacketOptions:
    return PacketOptions.from_json(get_settings(store=store).packet)


def save_packet_defaults(*, store: Store, options: PacketOptions) -> Result[PacketOptions]:
    """Keep ``options`` as the clinic-wide defaults (audited as a settings change)."""
    problems = options.problems()
    if problems:
        raise PacketError("The packet options are not valid: " + "; ".join(problems) + ".")
    settings = get_settings(store=store)
    saved = update_settings(store=store, settings=replace(settings, packet=options.to_json()))
    return Result(options, changes=saved.changes)


# --- the exhibit list -------------------------------------------------------------------------


@dataclass(frozen=True)
class ExhibitRow:
    evidence_id: EvidenceId
    title: str
    category: EvidenceCategory
    language: str
    translation: TranslationStatus
    files: int
    file_names: tuple[str, ...]
    exhibit_order: int | None
    included: bool
    label: str  # the tab label it gets with the default style when included ("" when left out)


def _excluded(session: Session, case_id: int) -> set[int]:
    row = session.get(Setting, CASE_KEY.format(case_id=case_id))
    if row is None:
        return set()
    return {int(i) for i in row.value.get("excluded", [])}


def _exhibit_items(session: Session, case_id: int) -> list[EvidenceItem]:
    """Items with at least one file, by exhibit order (no order last), then id."""
    items = session.scalars(
        select(EvidenceItem)
        .where(EvidenceItem.case_id == case_id)
        .options(selectinload(EvidenceItem.files))
    ).all()
    with_files = [i for i in items if i.files]
    return sorted(
        with_files,
        key=lambda i: (i.exhibit_order is None, i.exhibit_order or 0, i.id),
    )


def _load_case(session: Session, case_id: int) -> Case:
    row = session.get(Case, case_id)
    if row is None:
        raise NotFound(Thing.CASE, case_id)
    return row


def exhibit_list(
    *, store: Store, case_id: CaseId, style: TabStyle = TabStyle.LETTERS
) -> tuple[ExhibitRow, ...]:
    with store.unit_of_work() as session:
        _load_case(session, case_id)
        excluded = _excluded(session, case_id)
        rows = []
        position = 0
        for item in _exhibit_items(session, case_id):
            included = item.id not in excluded
            rows.append(
                ExhibitRow(
                    EvidenceId(item.id),
                    item.title,
                    item.category,
                    item.language,
                    item.translation,
                    len(item.files),
                    tuple(f.original_name for f in item.files),
                    item.exhibit_order,
                    included,
                    tab_label(position, style) if included else "",
                )
            )
            position += included
        return tuple(rows)


def set_exhibit_order(
    *, store: Store, case_id: CaseId, ordered: list[EvidenceId]
) -> Result[tuple[EvidenceId, ...]]:
    """Give the case's exhibits the order ``ordered`` (every exhibit of the case, each once);
    items without files keep their place after them. Each changed item is audited."""
    with store.unit_of_work() as session:
        _load_case(session, case_id)
        exhibits = _exhibit_items(session, case_id)
        by_id = {i.id: i for i in exhibits}
        if sorted(ordered) != sorted(by_id) or len(set(ordered)) != len(ordered):
            raise Rejected(
                "incomplete_order",
                N_("the new order must list every exhibit of the case exactly once"),
            )
        rest = session.scalars(
            select(EvidenceItem).where(
                EvidenceItem.case_id == case_id, EvidenceItem.id.not_in(list(by_id) or [0])
            )
        ).all()
        rest = sorted(rest, key=lambda i: (i.exhibit_order is None, i.exhibit_order or 0, i.id))
        touched = Changes.of((Entity.CASE, case_id))
        for number, item in enumerate([*(by_id[i] for i in ordered), *rest], start=1):
            if item.exhibit_order == number:
                continue
            record(
                session,
                actor=store.actor,
                action=AuditAction.UPDATE,
                entity=Entity.EVIDENCE,
                entity_id=item.id,
                changes={"exhibit_order": [item.exhibit_order, number]},
            )
            item.exhibit_order = number
            touched = touched | Changes.of((Entity.EVIDENCE, item.id))
        return Result(tuple(ordered), changes=touched)


def set_included(
    *, store: Store, case_id: CaseId, evidence_id: EvidenceId, included: bool
) -> Result[bool]:
    """Put an exhibit in the packet or leave it out (kept per case; audited)."""
    with store.unit_of_work() as session:
        _load_case(session, case_id)
        item = session.get(EvidenceItem, evidence_id)
        if item is None or item.case_id != case_id:
            raise NotInCase(evidence_id, case_id)
        excluded = _excluded(session, case_id)
        if (evidence_id not in excluded) == included:
            return Result(included)
        excluded = excluded - {evidence_id} if included else excluded | {evidence_id}
        key = CASE_KEY.format(case_id=case_id)
        row = session.get(Setting, key)
        value = {"excluded": sorted(excluded)}
        if row is None:
            session.add(Setting(key=key, value=value, version=1))
        else:
            row.value = value
        record(
            session,
            actor=store.actor,
            action=AuditAction.UPDATE,
            entity=Entity.EVIDENCE,
            entity_id=evidence_id,
            changes={"in_packet": [not included, included]},
        )
        return Result(
            included, changes=Changes.of((Entity.CASE, case_id), (Entity.EVIDENCE, evidence_id))
        )


# --- checking and building ----------------------------------------------------------------------


def language_name(code: str) -> str:
    """English name of an ISO 639 code ("es" -> "Spanish"); the code itself when unknown."""
    with contextlib.suppress(Exception):
        name = Locale("en").languages.get(code.lower())
        if name:
            return str(name)
    return code.upper()


def _hearing_words(view: CaseView, today: date) -> tuple[str, str]:
    """(next hearing in words, its judge) for the cover page."""
    upcoming = sorted(
        (h for h in view.hearings if h.on >= today and h.kind is not HearingKind.BIOMETRICS),
        key=lambda h: (h.on, h.at or datetime.min.time()),
    )
    if not upcoming:
        return "none scheduled", ""
    h = upcoming[0]
    words = f"{h.on.strftime('%B')} {h.on.day}, {h.on.year}"
    if h.at is not None:
        hour = h.at.hour % 12 or 12
        words += f" at {hour}:{h.at.minute:02d} {'AM' if h.at.hour < 12 else 'PM'}"
    return words, h.judge


@dataclass(frozen=True)
class PacketCheck:
    """What would go in, and everything the user should know before building."""

    case_id: CaseId
    request: PacketRequest
    preflight: Preflight
    warnings: tuple[str, ...] = field(default=())

    @property
    def problems(self) -> tuple[Any, ...]:
        return self.preflight.problems

    def file_prefix(self) -> str:
        return part_file_name(
            self.request.family_name, self.request.a_number, self.request.case_id, 1
        ).removesuffix("1.pdf")


def _reader(store: Store) -> Any:
    # pypdf comes with these: imported when a packet is built, not at start-up.
    from clinic.reports.packet.sources import SourceProblem  # noqa: PLC0415

    def read(file_id: int) -> bytes:
        try:
            return read_evidence_file(store=store, file_id=file_id)  # type: ignore[arg-type]
        except (VaultError, LookupError) as exc:
            raise SourceProblem(ProblemKind.UNREADABLE, type(exc).__name__) from None

    return read


def _request(
    session: Session, case_id: CaseId, options: PacketOptions, today: date
) -> tuple[PacketRequest, tuple[str, ...]]:
    row = _load_case(session, case_id)
    view = case_view(row)
    settings_row = session.get(Setting, "clinic")
    clinic = dict(settings_row.value) if settings_row is not None else {}
    excluded = _excluded(session, case_id)
    exhibits: list[ExhibitSource] = []
    warnings: list[str] = []
    for item in _exhibit_items(session, case_id):
        if item.id in excluded:
            continue
        translated = item.translation is TranslationStatus.TRANSLATED
        files = tuple(
            SourceFile(
                f.id,
                f.original_name,
                FileRole.CERTIFICATE
                if translated and _TRANSLATION_CERTIFICATE.search(f.original_name)
                else FileRole.DOCUMENT,
            )
            for f in item.files
        )
        has_certificate = any(f.role is FileRole.CERTIFICATE for f in files)
        if all(f.role is FileRole.CERTIFICATE for f in files):  # only a certificate: a document
            files = tuple(replace(f, role=FileRole.DOCUMENT) for f in files)
            has_certificate = False
        language = language_name(item.language)
        exhibits.append(
            ExhibitSource(
                item.id,
                item.title,
                files,
                language if translated and not has_certificate else None,
            )
        )
        if item.translation is TranslationStatus.NEEDED:
            warnings.append(
                f"'{item.title}' is in {language} and its translation is still marked as needed: "
                "attach the English translation and its certificate, then mark it translated."
            )
    digits = view.client.a_number
    a_number = format_a_number(digits) if digits else ""
    next_hearing, hearing_judge = _hearing_words(view, today)
    cover = CoverData(
        respondent=view.client.display_name,
        a_number=a_number,
        detained=view.detained,
        judge=view.judge or hearing_judge,
        court=view.forum_name,
        next_hearing=next_hearing,
        title=options.title,
        preparer=view.attorney.name if view.attorney else "",
        clinic_name=str(clinic.get("clinic_name", "")),
        letterhead=str(clinic.get("letterhead", "")),
        forum=view.forum_kind.value,  # an affirmative case: the asylum office's caption
    )
    service = ServiceData(
        title=options.title,
        respondent=view.client.display_name,
        a_number=a_number,
        dhs_address=options.dhs_address,
        method=options.service_method,
        signer=options.signer,
    )
    request = PacketRequest(
        cover=cover,
        service=service,
        exhibits=tuple(exhibits),
        style=options.tab_style,
        bates_prefix=options.bates_prefix,
        max_part_bytes=options.max_part_mb * 1024 * 1024,
        family_name=view.client.family_name,
        a_number=digits,
        case_id=case_id,
    )
    return request, tuple(warnings)


def check_packet(
    *,
    store: Store,
    case_id: CaseId,
    options: PacketOptions,
    today: date,
    cancelled: Cancelled | None = None,
) -> PacketCheck:
    """Open every file that would go in (in memory): page counts and the files that cannot."""
    problems = options.problems()
    if problems:
        raise PacketError("The packet options are not valid: " + "; ".join(problems) + ".")
    with store.unit_of_work() as session:
        request, warnings = _request(session, case_id, options, today)
    if not request.exhibits:
        raise PacketError(
            "This case has no exhibits: attach files (PDF, JPEG or PNG) to its evidence items, "
            "or put left-out items back in the packet."
        )
    from clinic.reports.packet.builder import check_files  # noqa: PLC0415 - see _reader

    preflight = check_files(request, _reader(store), cancelled)
    return PacketCheck(case_id, request, preflight, warnings)


def existing_packet_files(folder: Path, check: PacketCheck) -> list[Path]:
    """Packet parts of this case already in ``folder`` (a new packet never mixes with them)."""
    prefix = check.file_prefix()
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(".pdf")
    )


def remove_stale_temporaries(folder: Path, check: PacketCheck) -> list[str]:
    """Delete this case's hidden part files left in ``folder`` by a build that was killed
    before it could clean up (they hold plaintext evidence); returns their names. Only names of
    exactly the form :class:`_FolderSink` writes are touched."""
    pattern = re.compile(r"\." + re.escape(check.file_prefix()) + r"\d+\.pdf\.[0-9a-f]{12}\.tmp")
    removed = []
    for path in folder.iterdir():
        if pattern.fullmatch(path.name) and path.is_file():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path.name)
    return removed


class _FolderSink:
    """Parts go into the chosen folder under hidden temporary names until all are done."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pending: list[tuple[Path, Path]] = []

    def write_part(self, name: str, data: bytes) -> None:
        final = self.folder / name
        tmp = self.folder / f".{name}.{secrets.token_hex(6)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.pending.append((tmp, final))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    def commit(self) -> list[Path]:
        linked: list[Path] = []
        try:
            for tmp, final in sorted(self.pending, key=lambda p: p[1].name):
                try:
                    move_into_place(tmp, final)  # never over an existing file
                except FileExistsError:
                    raise PacketError(
                        f"{final.name} appeared in {self.folder} while the packet was being "
                        "built; nothing was written. Move it away or choose another folder."
                    ) from None
                linked.append(final)
        except BaseException:
            for path in linked:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            raise
        finally:
            self.discard()
        fsync_dir(self.folder)
        return linked

    def discard(self) -> None:
        for tmp, _ in self.pending:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        self.pending = []


def build_packet(
    *,
    store: Store,
    case_id: CaseId,
    folder: Path,
    options: PacketOptions,
    today: date,
    skip_bad: bool = False,
    check: PacketCheck | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    verify: bool = True,
) -> Result[PacketBuild]:
    """Build the packet into ``folder`` (which the user chose); audited.

    Every placed page is verified against its source unless ``verify`` is off (only the
    benchmark turns it off, to measure what verification costs).

    Files that cannot go in stop the build (:class:`PacketError` names each one and why) unless
    ``skip_bad`` is set: then the packet is built without them and they are listed in the
    result's ``omitted``. Parts already there for this case stop it too (nothing is overwritten).
    """
    if not folder.is_dir():
        raise PacketError(f"The folder {folder} does not exist; choose another one.")
    if check is None:
        check = check_packet(
            store=store, case_id=case_id, options=options, today=today, cancelled=cancelled
        )
    clash = existing_packet_files(folder, check)
    if clash:
        raise PacketError(
            f"{folder} already holds a packet for this case ({clash[0].name}); choose another "
            "folder, or move the old files away first."
        )
    remove_stale_temporaries(folder, check)
    skip = frozenset(p.file_id for p in check.problems) if skip_bad else frozenset()
    sink = _FolderSink(folder)
    try:
        from clinic.reports.packet.builder import build_packet as build_pdf_packet  # noqa: PLC0415

        built = build_pdf_packet(
            check.request,
            _reader(store),
            sink,
            preflight=check.preflight,
            skip=skip,
            progress=progress,
            cancelled=cancelled,
            verify=verify,
        )
        if cancelled is not None and cancelled():
            raise PacketCancelled()
        try:  # audited before the parts get their names: no entry, no parts (issue 16 § 6)
            with store.unit_of_work() as session:
                record(
                    session,
                    actor=store.actor,
                    action=AuditAction.EXPORT,
                    entity=Entity.CASE,
                    entity_id=case_id,
                    changes={
                        "packet_saved_to": [None, str(folder)],
                        "packet_parts": [None, [p.name for p in built.parts]],
                        "packet_pages": [None, built.total_pages],
                        "packet_omitted_files": [None, [p.file_id for p in built.omitted]],
                        # pages that failed verification, rebuilt from a drawing of the source
                        "packet_rasterised_pages": [None, [p.label for p in built.rasterised]],
                    },
                )
        except (StoreError, OSError) as exc:
            raise ExportNotSaved(folder, str(exc).splitlines()[0] or type(exc).__name__) from exc
        sink.commit()
    except BaseException:
        sink.discard()
        raise
    return Result(built, changes=Changes.of((Entity.CASE, case_id)))
