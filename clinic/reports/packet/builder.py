"""Building the exhibit packet: check every file, lay the pages out, stamp, split into parts.

Two passes over the evidence. The check pass opens every file (in memory) to count its pages and
to find the ones that cannot go in. The layout is then computed from those counts (the index is
rendered until its own length is stable, see :func:`clinic.domain.packet_layout.stable_layout`),
so every number is known before a page is stamped. The build pass stamps one exhibit at a time
into its own in-memory PDF, measures it, and packs exhibits into parts under the size limit;
finished parts go to the caller's sink at once, except part 1, which waits for the index to
learn which part each exhibit landed in. Memory stays around two parts plus one exhibit.

Its pieces: :mod:`.files` (the check pass, the usable files, reading ahead), :mod:`.units` (the
stamped units), :mod:`.redraw` (each exhibit's check in worker processes, failed pages redrawn)
and :mod:`.parts` (units split and assembled into parts under the size limit).
"""

from __future__ import annotations

import hashlib
import io
from collections import deque
from collections.abc import Iterator

from pypdf import PdfReader, PdfWriter

from clinic.domain.packet_layout import (
    ExhibitPieces,
    PacketLayout,
    PartPacker,
    page_label,
    part_file_name,
    stable_layout,
)
from clinic.reports.packet.files import (
    FileFailed,
    Prefetch,
    check_files,
    file_problem,
    usable_exhibits,
)
from clinic.reports.packet.front_matter import (
    exhibit_map,
    front_unit,
    render_packet_index,
    tabs_and_certificates,
)
from clinic.reports.packet.generated import (
    render_cover,
    render_service,
)
from clinic.reports.packet.model import (
    Cancelled,
    ExhibitSource,
    FileProblem,
    PacketBuild,
    PacketCancelled,
    PacketError,
    PacketRequest,
    PartInfo,
    PartSink,
    Preflight,
    Progress,
    ReadFile,
    SourceFile,
)
from clinic.reports.packet.parts import PART_SLACK, assemble, fit, split_unit
from clinic.reports.packet.placement import Stamper, photo_rect, placed_rect
from clinic.reports.packet.redraw import VERIFY_WORKERS, Verifier
from clinic.reports.packet.sources import open_source
from clinic.reports.packet.units import Pending, Placed, Unit, pages_of, write_pdf
from clinic.reports.packet.verify import PageCheck

__all__ = [
    "MIN_PART_BYTES",
    "VERIFY_AHEAD",
    "VERIFY_WORKERS",
    "build_packet",
    "check_files",
]

VERIFY_AHEAD = 2  # exhibits built ahead while earlier ones are being checked
MIN_PART_BYTES = 256 * 1024


def _tick(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise PacketCancelled()


class _Builder:
    def __init__(
        self,
        *,
        request: PacketRequest,
        read: ReadFile,
        sink: PartSink,
        preflight: Preflight,
        skip: frozenset[int],
        progress: Progress | None,
        cancelled: Cancelled | None,
        verify: bool = True,
    ) -> None:
        self.request = request
        self.read = read
        self.sink = sink
        self.progress = progress
        self.cancelled = cancelled
        self.limit = request.max_part_bytes
        if self.limit < MIN_PART_BYTES:
            raise PacketError("the part size limit is too small; use at least 1 MB")
        self.exhibits, self.omitted = usable_exhibits(request, preflight, skip)
        self.digests = preflight.digests  # of the PDFs the check pass passed
        self.done = 0
        self.total = 1
        self.first_units: list[Unit] = []
        self.written: list[PartInfo] = []
        self.exhibit_parts: dict[int, list[int]] = {}
        self.verify = verify
        self.verifier = Verifier(self.limit)
        self.checks: list[Placed] = []
        self.references: dict[int, bytes] = {}

    def _label(self, number: int) -> str:
        return page_label(number, self.request.bates_prefix)

    # --- building ---------------------------------------------------------------------------

    def build(self) -> PacketBuild:
        try:
            if self.verify:
                # the worker starts (and imports its libraries) while the cover, the index and
                # the first exhibit are made, not when the first exhibit waits for it
                self.verifier.start()
            return self._build()
        finally:
            self.verifier.close()

    def _build(self) -> PacketBuild:
        request = self.request
        rendered: dict[PacketLayout, bytes] = {}

        def trial_index(trial: PacketLayout) -> bytes:
            if trial not in rendered:
                rendered.clear()
                rendered[trial] = render_packet_index(
                    self.request, layout=trial, exhibits=self.exhibits, parts=None
                )
            return rendered[trial]

        cover_pdf = render_cover(request.cover)
        service_pdf = render_service(request.service)
        layout = stable_layout(
            cover_pages=pages_of(cover_pdf),
            exhibits=[ExhibitPieces(e.document_pages, e.certificate_pages) for e in self.exhibits],
            service_pages=pages_of(service_pdf),
            style=request.style,
            index_pages_for=lambda trial: pages_of(trial_index(trial)),
        )
        self.total = layout.total_pages + 1
        generated = tabs_and_certificates(layout, self.exhibits)
        front_trial = front_unit(cover_pdf, trial_index(layout), layout, request.bates_prefix)
        packer = PartPacker(self.limit - PART_SLACK, first_reserve=front_trial.size)
        current: list[Unit] = []
        for unit in self._units(layout, generated, service_pdf):
            for piece in split_unit(unit, self.limit, self._label):
                while packer.starts_new_part(piece.size):
                    current = self._close(packer.part, current)
                    packer.new_part([u.size for u in current])
                packer.place(piece.size)
                current.append(piece)
        while current:
            current = self._close(packer.part, current)
            if current:
                packer.new_part([u.size for u in current])
        return self._finish(layout, cover_pdf)

    def _close(self, number: int, units: list[Unit]) -> list[Unit]:
        """Finish part ``number`` (part 1 waits for the final index); returns the trailing
        units that, measured, did not fit after all."""
        if number == 1:
            self.first_units = units
            return []
        data, carry = fit(units, self.limit)
        kept = units[: len(units) - len(carry)]
        request = self.request
        name = part_file_name(request.family_name, request.a_number, request.case_id, number)
        self.sink.write_part(name, data)
        self.written.append(
            PartInfo(number, name, len(data), kept[0].first_page, kept[-1].last_page)
        )
        for unit in kept:
            if unit.exhibit is not None:
                self.exhibit_parts.setdefault(unit.exhibit, []).append(number)
            unit.pdf = None
        return carry

    def _finish(self, layout: PacketLayout, cover_pdf: bytes) -> PacketBuild:
        """Part 1: cover, the index with each exhibit's part filled in, and its exhibits."""
        request = self.request
        for unit in self.first_units:
            if unit.exhibit is not None:
                self.exhibit_parts.setdefault(unit.exhibit, []).append(1)
        part_map = {k: tuple(sorted(set(v))) for k, v in self.exhibit_parts.items()}
        final_index = render_packet_index(
            request, layout=layout, exhibits=self.exhibits, parts=part_map
        )
        if pages_of(final_index) != layout.index_pages:
            raise PacketError("the index changed length when the parts were filled in")
        front = front_unit(cover_pdf, final_index, layout, request.bates_prefix)
        part_one = [front, *self.first_units]
        data = assemble(part_one)
        if len(data) > self.limit:
            raise PacketError(
                "part 1 came out larger than the size limit; raise the limit and build again"
            )
        name = part_file_name(request.family_name, request.a_number, request.case_id, 1)
        self.sink.write_part(name, data)
        self.written.insert(0, PartInfo(1, name, len(data), 1, part_one[-1].last_page))
        self._advance(layout.cover_pages + layout.index_pages + 1)
        entries = exhibit_map(layout, self.exhibits, part_map, request.bates_prefix)
        parts = tuple(sorted(self.written, key=lambda p: p.number))
        return PacketBuild(
            parts, entries, layout.total_pages, self.omitted, tuple(self.verifier.rasterised)
        )

    def _advance(self, pages: int) -> None:
        self.done += pages
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def _units(
        self, layout: PacketLayout, generated: PdfReader, service_pdf: bytes
    ) -> Iterator[Unit]:
        order = [f.file_id for e in self.exhibits for f in (*e.documents, *e.certificates)]
        self.fetch = Prefetch(self.read, order)
        self.position = 0
        try:
            yield from self._exhibit_units(layout, generated)
        finally:
            self.fetch.close()
        writer = PdfWriter()
        stamper = Stamper(writer)
        number = layout.service_first
        for page in PdfReader(io.BytesIO(service_pdf)).pages:
            stamper.add_pdf_page(page, self._label(number), fit=False)
            number += 1
        self._advance(layout.service_pages)
        yield Unit.measured(
            writer,
            layout.service_first,
            layout.total_pages,
            -1,
            [("Certificate of service", 0, False)],
        )

    def _exhibit_units(self, layout: PacketLayout, generated: PdfReader) -> Iterator[Unit]:
        """Each exhibit's unit, verified: while workers check exhibit N, the next ones are
        built (at most :data:`VERIFY_AHEAD` wait for their verdicts)."""
        waiting: deque[Pending] = deque()
        for pending in self._built_exhibits(layout, generated):
            waiting.append(pending)
            if len(waiting) > VERIFY_AHEAD:
                yield self.verifier.verified(waiting.popleft())
        while waiting:
            yield self.verifier.verified(waiting.popleft())

    def _built_exhibits(self, layout: PacketLayout, generated: PdfReader) -> Iterator[Pending]:
        cert_index = len(layout.exhibits)
        for placed, exhibit in zip(layout.exhibits, self.exhibits, strict=True):
            _tick(self.cancelled)
            writer = PdfWriter()
            stamper = Stamper(writer)
            self.checks = []
            stamper.add_pdf_page(
                generated.pages[placed.position], self._label(placed.tab_page), fit=False
            )
            number = placed.first_page
            for source in exhibit.documents:
                number = self._add_file(stamper, exhibit.source, source, number)
            if exhibit.generated_certificate:
                stamper.add_pdf_page(generated.pages[cert_index], self._label(number), fit=False)
                cert_index += 1
                number += 1
                self._advance(1)
            for source in exhibit.certificates:
                number = self._add_file(stamper, exhibit.source, source, number)
            if number - 1 != placed.last_page:
                raise PacketError(
                    f"exhibit '{exhibit.source.title}' changed while the packet was being built; "
                    "build it again"
                )
            title = f"Exhibit {placed.label} — {exhibit.source.title}"
            marks = [(title, 0, False)]
            if placed.certificate_first is not None:
                marks.append(
                    ("Certificate of translation", placed.certificate_first - placed.tab_page, True)
                )
            self._advance(1)
            data = write_pdf(writer)
            unit = Unit(
                writer, len(data), placed.tab_page, placed.last_page, placed.position, marks
            )
            checks = list(self.checks)
            # the unit's sources go with it (and no longer stay for the whole build: a packet
            # with many photos would hold every one of them)
            references = {key: self.references.pop(key) for key in {c.check.source for c in checks}}
            future = None
            if self.verify and checks:
                future = self.verifier.submit(data, [c.check for c in checks], references)
            yield Pending(unit, exhibit.source, checks, future, references)

    def _add_file(
        self, stamper: Stamper, exhibit: ExhibitSource, source: SourceFile, number: int
    ) -> int:
        try:
            data = self.fetch.get(self.position)
            self.position += 1
            if isinstance(data, bytes):
                key = source.file_id
                # the bytes the check pass passed moments ago need not pass the decoding bound
                # again; any other bytes (the file changed since) are checked in full
                same = self.digests.get(key) == hashlib.sha256(data).digest()
                reader, reference = open_source(data, within_bounds=same)
                self.references[key] = reference
                for index, page in enumerate(reader.pages):
                    _tick(self.cancelled)
                    box = page.cropbox
                    bbox = (float(box.left), float(box.bottom), float(box.right), float(box.top))
                    rect = placed_rect(bbox, int(page.get("/Rotate", 0) or 0))
                    check = PageCheck(len(stamper.writer.pages), key, index)
                    stamper.add_pdf_page(page, self._label(number))
                    self.checks.append(Placed(check, source, self._label(number), rect))
                    number += 1
                    self._advance(1)
            else:
                _tick(self.cancelled)
                # checked like a PDF page: against the photo as attached (issue 17)
                key = source.file_id
                self.references[key] = self.fetch.last_original
                check = PageCheck(len(stamper.writer.pages), key, 0, photo=True)
                stamper.add_photo(data, self._label(number))
                rect = photo_rect(data.width, data.height)
                self.checks.append(Placed(check, source, self._label(number), rect))
                number += 1
                self._advance(1)
        except (PacketCancelled, PacketError):
            raise
        except Exception as exc:
            raise FileFailed(file_problem(exhibit, source, exc)) from None
        return number

    # --- parts --------------------------------------------------------------------------------


def build_packet(
    request: PacketRequest,
    read: ReadFile,
    sink: PartSink,
    *,
    preflight: Preflight | None = None,
    skip: frozenset[int] = frozenset(),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    verify: bool = True,
) -> PacketBuild:
    """Build the packet and hand each finished part to ``sink``.

    With ``verify`` (the default) every placed source page is checked against its source
    (:mod:`.verify`, in worker processes) and rebuilt from a drawing of the source page when it
    fails; the result lists those pages in ``rasterised``.

    Files listed in ``preflight.problems`` must be in ``skip`` (the user chose to build without
    them), otherwise :class:`PacketError` names them and nothing is built."""
    checked = preflight if preflight is not None else check_files(request, read, cancelled)
    failed: list[FileProblem] = []
    while True:
        try:
            return _Builder(
                request=request,
                read=read,
                sink=sink,
                preflight=checked,
                skip=skip,
                progress=progress,
                cancelled=cancelled,
                verify=verify,
            ).build()
        except FileFailed as exc:
            # The file is left out and the packet laid out again without it: the parts handed
            # to the sink so far are taken back first (their page numbers change).
            sink.discard()
            failed.append(exc.problem)
            checked = Preflight(
                {k: v for k, v in checked.pages.items() if k != exc.problem.file_id},
                (*checked.problems, exc.problem),
                checked.digests,
            )
            skip = skip | {exc.problem.file_id}
