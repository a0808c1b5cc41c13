"""What a packet is built from: the request the PDF builder takes (cover, exhibits with their
files and certificates of translation, certificate of service), read from the case; and the check
of every file before the build (:class:`PacketCheck`).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from babel import Locale
from sqlalchemy.orm import Session

from clinic.domain.anumber import format_a_number
from clinic.domain.enums import HearingKind, TranslationStatus
from clinic.domain.ids import CaseId
from clinic.domain.packet_layout import (
    part_file_name,
)
from clinic.reports.packet import (
    CoverData,
    ExhibitSource,
    FileRole,
    PacketRequest,
    Preflight,
    ProblemKind,
    ServiceData,
    SourceFile,
)
from clinic.reports.pdf_words import language_name as language_name_in
from clinic.services.dto import CaseView
from clinic.services.evidence import read_evidence_file
from clinic.services.language import tr, ui_language
from clinic.services.packet_exhibits import excluded_items, exhibit_items, load_case
from clinic.services.packet_options import PacketOptions
from clinic.services.views import case_view
from clinic.storage.models import Setting
from clinic.storage.store import Store
from clinic.storage.vault import VaultError

_TRANSLATION_CERTIFICATE = re.compile(r"(?=.*certif)(?=.*translat)", re.IGNORECASE)


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


def packet_reader(store: Store) -> Any:
    # pypdf comes with these: imported when a packet is built, not at start-up.
    from clinic.reports.packet.sources import SourceProblem  # noqa: PLC0415

    def read(file_id: int) -> bytes:
        try:
            return read_evidence_file(store=store, file_id=file_id)  # type: ignore[arg-type]
        except (VaultError, LookupError) as exc:
            raise SourceProblem(ProblemKind.UNREADABLE, type(exc).__name__) from None

    return read


def _exhibit_sources(session: Session, case_id: CaseId) -> tuple[list[ExhibitSource], list[str]]:
    """The case's included exhibits with their files (a file named as a certificate of
    translation of a translated item is one), and a warning per translation still needed."""
    excluded = excluded_items(session, case_id)
    exhibits: list[ExhibitSource] = []
    warnings: list[str] = []
    for item in exhibit_items(session, case_id):
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
            staff = ui_language()
            warnings.append(
                tr(
                    "'{title}' is in {language} and its translation is still marked as needed: "
                    "attach the English translation and its certificate, then mark it translated.",
                    title=item.title,
                    language=language if staff == "en" else language_name_in(staff, item.language),
                )
            )
    return exhibits, warnings


def packet_request(
    session: Session, case_id: CaseId, options: PacketOptions, today: date
) -> tuple[PacketRequest, tuple[str, ...]]:
    row = load_case(session, case_id)
    view = case_view(row)
    settings_row = session.get(Setting, "clinic")
    clinic = dict(settings_row.value) if settings_row is not None else {}
    exhibits, warnings = _exhibit_sources(session, case_id)
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
