"""The court exhibit packet: the exhibit list (order, included or not), the packet options
(clinic-wide defaults in settings), and building the packet from the encrypted evidence store.

Evidence bytes are decrypted in memory only and handed to the PDF builder
(:mod:`clinic.reports.packet`); the finished parts are written only into the folder the user
chose, first under hidden temporary names, and linked to their final names when every part is
done (never over an existing file). On failure or cancel the temporary files are removed.

The pieces: :mod:`.packet_options` (options and their defaults), :mod:`.packet_exhibits` (the
exhibit list), :mod:`.packet_request` (the builder's request, the check) and
:mod:`.packet_folder` (parts into the folder). Their public names are importable from here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clinic.domain.enums import AuditAction
from clinic.domain.ids import CaseId
from clinic.reports.packet import (
    PacketBuild,
    PacketCancelled,
    PacketError,
)
from clinic.reports.packet.model import Cancelled, Progress
from clinic.services.auditing import record
from clinic.services.export_file import ExportNotSaved
from clinic.services.packet_exhibits import (
    ExhibitRow,
    exhibit_list,
    set_exhibit_order,
    set_included,
)
from clinic.services.packet_folder import (
    FolderSink,
    existing_packet_files,
    remove_stale_temporaries,
)
from clinic.services.packet_options import (
    DEFAULT_TITLE,
    PacketOptions,
    packet_defaults,
    save_packet_defaults,
)
from clinic.services.packet_request import PacketCheck, packet_reader, packet_request
from clinic.services.results import Changes, Entity, Result
from clinic.storage.errors import StoreError
from clinic.storage.store import Store

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
    "remove_stale_temporaries",
    "save_packet_defaults",
    "set_exhibit_order",
    "set_included",
]


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
        request, warnings = packet_request(session, case_id, options, today)
    if not request.exhibits:
        raise PacketError(
            "This case has no exhibits: attach files (PDF, JPEG or PNG) to its evidence items, "
            "or put left-out items back in the packet."
        )
    from clinic.reports.packet.builder import check_files  # noqa: PLC0415 - see packet_reader

    preflight = check_files(request, packet_reader(store), cancelled)
    return PacketCheck(case_id, request, preflight, warnings)


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
    sink = FolderSink(folder)
    try:
        from clinic.reports.packet.builder import build_packet as build_pdf_packet  # noqa: PLC0415

        built = build_pdf_packet(
            check.request,
            packet_reader(store),
            sink,
            preflight=check.preflight,
            skip=skip,
            progress=progress,
            cancelled=cancelled,
            verify=verify,
        )
        if cancelled is not None and cancelled():
            raise PacketCancelled()
        _record_export(store, case_id, folder, built)  # before the parts get their names
        sink.commit()
    except BaseException:
        sink.discard()
        raise
    return Result(built, changes=Changes.of((Entity.CASE, case_id)))


def _record_export(store: Store, case_id: CaseId, folder: Path, built: PacketBuild) -> None:
    """The packet's audit entry, written before the parts get their names: no entry, no parts
    (issue 16 § 6)."""
    try:
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
