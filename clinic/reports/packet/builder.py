"""Building the exhibit packet: check every file, lay the pages out, stamp, split into parts.

Two passes over the evidence. The check pass opens every file (in memory) to count its pages and
to find the ones that cannot go in. The layout is then computed from those counts (the index is
rendered until its own length is stable, see :func:`clinic.domain.packet_layout.stable_layout`),
so every number is known before a page is stamped. The build pass stamps one exhibit at a time
into its own in-memory PDF, measures it, and packs exhibits into parts under the size limit;
finished parts go to the caller's sink at once, except part 1, which waits for the index to
learn which part each exhibit landed in. Memory stays around two parts plus one exhibit.
"""

from __future__ import annotations

import io
import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader, PdfWriter

from clinic.domain.packet_layout import (
    ExhibitPieces,
    PacketLayout,
    PartPacker,
    page_label,
    page_range_label,
    part_file_name,
    parts_label,
    stable_layout,
)
from clinic.reports.packet.generated import (
    CertificatePage,
    IndexRow,
    TabPage,
    render_cover,
    render_index,
    render_service,
    render_tabs_and_certificates,
)
from clinic.reports.packet.model import (
    Cancelled,
    ExhibitMapEntry,
    ExhibitSource,
    FileProblem,
    FileRole,
    PacketBuild,
    PacketCancelled,
    PacketError,
    PacketRequest,
    PartInfo,
    PartSink,
    Preflight,
    ProblemKind,
    Progress,
    RasterisedPage,
    ReadFile,
    SourceFile,
)
from clinic.reports.packet.placement import Stamper, photo_rect, placed_rect
from clinic.reports.packet.sources import (
    Kind,
    Photo,
    SourceProblem,
    open_source,
    page_count,
    prepare_photo,
    sniff,
)
from clinic.reports.packet.verify import (
    PageCheck,
    PageVerdict,
    raster_page,
    raster_photo,
    verify_unit,
)

VERIFY_WORKERS = 1  # with the main process placing pages, both cores of a clinic laptop work
VERIFY_AHEAD = 2  # exhibits built ahead while earlier ones are being checked
VERIFY_TIMEOUT = 300.0  # seconds for one exhibit's check (a renderer hung on a page)
RASTER_DPI = 150
RASTER_MIN_DPI = 72

# Room left in every part for what merging adds (outline, page tree, trailer).
PART_SLACK = 64 * 1024
MIN_PART_BYTES = 256 * 1024


def check_files(
    request: PacketRequest, read: ReadFile, cancelled: Cancelled | None = None
) -> Preflight:
    """Open every file once: its page count, or why it cannot go in (nothing is kept)."""
    pages: dict[int, int] = {}
    problems: list[FileProblem] = []
    for exhibit in request.exhibits:
        for source in exhibit.files:
            if cancelled is not None and cancelled():
                raise PacketCancelled()
            try:
                pages[source.file_id] = page_count(read(source.file_id))
            except SourceProblem as exc:
                problems.append(_problem(exhibit, source, exc))
            except Exception as exc:
                problems.append(_problem(exhibit, source, exc))
    return Preflight(pages, tuple(problems))


def _problem(exhibit: ExhibitSource, source: SourceFile, exc: BaseException) -> FileProblem:
    """What went wrong with one file: its own kind for a :class:`SourceProblem`, else damaged
    with the exception named (any exception type: pypdf's, Pillow's, ``RecursionError``,
    ``MemoryError``...)."""
    if isinstance(exc, SourceProblem):
        kind, detail = exc.kind, exc.detail
    else:
        text = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
        kind, detail = ProblemKind.DAMAGED, f"{type(exc).__name__}: {text}".rstrip(": ")
    return FileProblem(
        exhibit.evidence_id, exhibit.title, source.file_id, source.name, kind, detail
    )


class _FileFailed(Exception):
    """One file failed while its pages were being placed (after the check pass had accepted
    it): the build starts again without it."""

    def __init__(self, problem: FileProblem) -> None:
        super().__init__(problem.describe())
        self.problem = problem


@dataclass
class _Exhibit:
    source: ExhibitSource
    documents: list[SourceFile]
    certificates: list[SourceFile]
    generated_certificate: bool
    document_pages: int
    certificate_pages: int


@dataclass
class _Unit:
    """Stamped pages ready to go into a part, kept as a PDF object tree (copying pages from it
    into a part needs no re-parsing), and its size as a PDF of its own, measured."""

    pdf: PdfWriter | None
    size: int
    first_page: int
    last_page: int
    exhibit: int | None  # index into the packet's exhibits; None for front matter / service
    marks: list[tuple[str, int, bool]] = field(default_factory=list)  # title, page offset, child

    @classmethod
    def measured(
        cls,
        pdf: PdfWriter,
        first_page: int,
        last_page: int,
        exhibit: int | None,
        marks: list[tuple[str, int, bool]],
    ) -> _Unit:
        return cls(pdf, len(_write(pdf)), first_page, last_page, exhibit, marks)

    def pages(self) -> list[PageObject]:
        if self.pdf is None:
            raise RuntimeError("this unit was already written into its part")
        return list(self.pdf.pages)


@dataclass(frozen=True)
class _Placed:
    """A source page placed on a packet page: what to check, and what to redraw it from."""

    check: PageCheck
    file: SourceFile
    label: str
    rect: tuple[float, float, float, float]


@dataclass
class _Pending:
    unit: _Unit
    source: ExhibitSource
    checks: list[_Placed]
    future: Future[list[PageVerdict]] | None
    references: dict[int, bytes]  # each checked source (PDF reference or photo) by its key


PREFETCH = 4  # files read and (photos) prepared ahead of the one being stamped


class _Prefetch:
    """Files in build order, read (on the calling thread: the store is not shared) a few ahead,
    with photos decoded, scaled and re-encoded by worker threads meanwhile (Pillow releases the
    GIL), so a two-core laptop stamps PDF pages while the next photos are prepared. At most
    :data:`PREFETCH` files are held at once."""

    def __init__(self, read: ReadFile, order: list[int]) -> None:
        self.read = read
        self.order = order
        self.next = 0
        self.ready: dict[int, Future[Photo] | bytes | SourceProblem] = {}
        self.originals: dict[int, bytes] = {}  # a photo's file as attached, for its check
        self.last_original = b""  # that of the photo :meth:`get` returned last
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="packet-photo")

    def get(self, position: int) -> bytes | Photo:
        """The file at ``position`` in the order: PDF bytes, or the prepared photo."""
        while self.next < len(self.order) and self.next <= position + PREFETCH:
            file_id = self.order[self.next]
            try:
                data = self.read(file_id)
            except SourceProblem as exc:
                self.ready[self.next] = exc
            else:
                if sniff(data) is Kind.PDF:
                    self.ready[self.next] = data
                else:
                    self.ready[self.next] = self.pool.submit(prepare_photo, data)
                    self.originals[self.next] = data
            self.next += 1
        value = self.ready.pop(position)
        self.last_original = self.originals.pop(position, b"")
        if isinstance(value, SourceProblem):
            raise value
        if isinstance(value, Future):
            return value.result()
        return value

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.ready.clear()
        self.originals.clear()
        self.last_original = b""


def _pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


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
        unresolved = [p for p in preflight.problems if p.file_id not in skip]
        if unresolved:
            raise PacketError(
                "These files cannot go into the packet: "
                + "; ".join(p.describe() for p in unresolved)
            )
        self.omitted = tuple(p for p in preflight.problems if p.file_id in skip)
        bad = {p.file_id for p in preflight.problems}
        self.exhibits: list[_Exhibit] = []
        for source in request.exhibits:
            documents = [
                f for f in source.files if f.role is FileRole.DOCUMENT and f.file_id not in bad
            ]
            certificates = [
                f for f in source.files if f.role is FileRole.CERTIFICATE and f.file_id not in bad
            ]
            if not documents:
                continue  # every file of it was bad (and is listed in omitted)
            generated = not certificates and source.certificate_language is not None
            self.exhibits.append(
                _Exhibit(
                    source,
                    documents,
                    certificates,
                    generated,
                    sum(preflight.pages[f.file_id] for f in documents),
                    sum(preflight.pages[f.file_id] for f in certificates) + (1 if generated else 0),
                )
            )
        if not self.exhibits:
            left_out = "".join(f" Left out: {p.describe()}." for p in self.omitted)
            raise PacketError(
                "There is nothing to put in the packet: no exhibit has a usable file. Attach "
                "files to the evidence items (PDF, JPEG or PNG) first." + left_out
            )
        self.done = 0
        self.total = 1
        self.first_units: list[_Unit] = []
        self.written: list[PartInfo] = []
        self.exhibit_parts: dict[int, list[int]] = {}
        self.verify = verify
        self.workers: ProcessPoolExecutor | None = None
        self.checks: list[_Placed] = []
        self.references: dict[int, bytes] = {}
        self.rasterised: list[RasterisedPage] = []

    # --- layout ---------------------------------------------------------------------------

    def _label(self, number: int) -> str:
        return page_label(number, self.request.bates_prefix)

    def _index_rows(
        self, layout: PacketLayout, parts: dict[int, tuple[int, ...]] | None
    ) -> list[IndexRow]:
        rows = []
        for placed, exhibit in zip(layout.exhibits, self.exhibits, strict=True):
            description = exhibit.source.title
            if exhibit.generated_certificate or exhibit.certificates:
                description += " (with certificate of translation)"
            part = "88–88" if parts is None else parts_label(parts.get(placed.position, ()))
            rows.append(
                IndexRow(
                    placed.label,
                    description,
                    page_range_label(
                        placed.first_page, placed.last_page, self.request.bates_prefix
                    ),
                    part,
                )
            )
        if layout.service_pages:
            service_last = layout.service_first + layout.service_pages - 1
            part = "88–88" if parts is None else parts_label(parts.get(-1, ()))
            rows.append(
                IndexRow(
                    "",
                    "Certificate of service",
                    page_range_label(layout.service_first, service_last, self.request.bates_prefix),
                    part,
                )
            )
        return rows

    def _render_index(
        self, layout: PacketLayout, parts: dict[int, tuple[int, ...]] | None
    ) -> bytes:
        cover = self.request.cover
        return render_index(
            self._index_rows(layout, parts),
            respondent=cover.respondent,
            a_number=cover.a_number,
            with_parts=parts is None or any(max(p, default=1) > 1 for p in parts.values()),
        )

    # --- building ---------------------------------------------------------------------------

    def build(self) -> PacketBuild:
        try:
            return self._build()
        finally:
            if self.workers is not None:
                self.workers.shutdown(wait=True, cancel_futures=True)
                self.workers = None

    def _build(self) -> PacketBuild:
        request = self.request
        rendered: dict[PacketLayout, bytes] = {}

        def trial_index(trial: PacketLayout) -> bytes:
            if trial not in rendered:
                rendered.clear()
                rendered[trial] = self._render_index(trial, None)
            return rendered[trial]

        cover_pdf = render_cover(request.cover)
        service_pdf = render_service(request.service)
        layout = stable_layout(
            cover_pages=_pages_of(cover_pdf),
            exhibits=[ExhibitPieces(e.document_pages, e.certificate_pages) for e in self.exhibits],
            service_pages=_pages_of(service_pdf),
            style=request.style,
            index_pages_for=lambda trial: _pages_of(trial_index(trial)),
        )
        self.total = layout.total_pages + 1
        generated = self._tabs_and_certificates(layout)
        front_trial = self._front(cover_pdf, trial_index(layout), layout)
        packer = PartPacker(self.limit - PART_SLACK, first_reserve=front_trial.size)
        current: list[_Unit] = []
        for unit in self._units(layout, generated, service_pdf):
            for piece in self._split(unit):
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

    def _tabs_and_certificates(self, layout: PacketLayout) -> PdfReader:
        pairs = list(zip(layout.exhibits, self.exhibits, strict=True))
        tabs = [TabPage(p.label, e.source.title) for p, e in pairs]
        certs = [
            CertificatePage(p.label, e.source.title, e.source.certificate_language or "")
            for p, e in pairs
            if e.generated_certificate
        ]
        generated = PdfReader(io.BytesIO(render_tabs_and_certificates(tabs, certs)))
        if len(generated.pages) != len(tabs) + len(certs):
            raise PacketError(
                "a tab or certificate page ran over one page; shorten the exhibit title"
            )
        return generated

    def _close(self, number: int, units: list[_Unit]) -> list[_Unit]:
        """Finish part ``number`` (part 1 waits for the final index); returns the trailing
        units that, measured, did not fit after all."""
        if number == 1:
            self.first_units = units
            return []
        data, carry = self._fit(units)
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
        final_index = self._render_index(layout, part_map)
        if _pages_of(final_index) != layout.index_pages:
            raise PacketError("the index changed length when the parts were filled in")
        part_one = [self._front(cover_pdf, final_index, layout), *self.first_units]
        data = self._assemble(part_one)
        if len(data) > self.limit:
            raise PacketError(
                "part 1 came out larger than the size limit; raise the limit and build again"
            )
        name = part_file_name(request.family_name, request.a_number, request.case_id, 1)
        self.sink.write_part(name, data)
        self.written.insert(0, PartInfo(1, name, len(data), 1, part_one[-1].last_page))
        self._advance(layout.cover_pages + layout.index_pages + 1)
        kinds = {True: "generated", False: "attached"}
        entries = tuple(
            ExhibitMapEntry(
                evidence_id=e.source.evidence_id,
                label=p.label,
                title=e.source.title,
                tab_page=p.tab_page,
                first_page=p.first_page,
                last_page=p.last_page,
                parts=part_map.get(p.position, ()),
                page_labels=page_range_label(p.first_page, p.last_page, request.bates_prefix),
                certificate=kinds[e.generated_certificate] if p.certificate_first else "",
            )
            for p, e in zip(layout.exhibits, self.exhibits, strict=True)
        )
        parts = tuple(sorted(self.written, key=lambda p: p.number))
        return PacketBuild(parts, entries, layout.total_pages, self.omitted, tuple(self.rasterised))

    def _advance(self, pages: int) -> None:
        self.done += pages
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def _front(self, cover_pdf: bytes, index_pdf: bytes, layout: PacketLayout) -> _Unit:
        writer = PdfWriter()
        stamper = Stamper(writer)
        number = 1
        for pdf in (cover_pdf, index_pdf):
            for page in PdfReader(io.BytesIO(pdf)).pages:
                stamper.add_pdf_page(page, self._label(number), fit=False)
                number += 1
        marks = [("Cover page", 0, False), ("Index of exhibits", layout.cover_pages, False)]
        return _Unit.measured(writer, 1, number - 1, None, marks)

    def _units(
        self, layout: PacketLayout, generated: PdfReader, service_pdf: bytes
    ) -> Iterator[_Unit]:
        order = [f.file_id for e in self.exhibits for f in (*e.documents, *e.certificates)]
        self.fetch = _Prefetch(self.read, order)
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
        yield _Unit.measured(
            writer,
            layout.service_first,
            layout.total_pages,
            -1,
            [("Certificate of service", 0, False)],
        )

    def _exhibit_units(self, layout: PacketLayout, generated: PdfReader) -> Iterator[_Unit]:
        """Each exhibit's unit, verified: while workers check exhibit N, the next ones are
        built (at most :data:`VERIFY_AHEAD` wait for their verdicts)."""
        waiting: deque[_Pending] = deque()
        for pending in self._built_exhibits(layout, generated):
            waiting.append(pending)
            if len(waiting) > VERIFY_AHEAD:
                yield self._verified(waiting.popleft())
        while waiting:
            yield self._verified(waiting.popleft())

    def _built_exhibits(self, layout: PacketLayout, generated: PdfReader) -> Iterator[_Pending]:
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
            data = _write(writer)
            unit = _Unit(
                writer, len(data), placed.tab_page, placed.last_page, placed.position, marks
            )
            checks = list(self.checks)
            # the unit's sources go with it (and no longer stay for the whole build: a packet
            # with many photos would hold every one of them)
            references = {key: self.references.pop(key) for key in {c.check.source for c in checks}}
            future = None
            if self.verify and checks:
                future = self._pool().submit(
                    verify_unit, data, [c.check for c in checks], references
                )
            yield _Pending(unit, exhibit.source, checks, future, references)

    def _pool(self) -> ProcessPoolExecutor:
        if self.workers is None:
            self.workers = ProcessPoolExecutor(
                max_workers=VERIFY_WORKERS, mp_context=multiprocessing.get_context("spawn")
            )
        return self.workers

    def _verified(self, pending: _Pending) -> _Unit:
        """The unit, with every page that failed verification rebuilt from a drawing of its
        source page; when even that cannot be done, the file is left out."""
        if pending.future is None:
            return pending.unit
        try:
            verdicts = pending.future.result(timeout=VERIFY_TIMEOUT)
        except Exception as exc:
            # the renderer failed on this exhibit (or took too long): every page is redrawn
            verdicts = [
                PageVerdict(
                    c.check.unit_page,
                    False,
                    0.0,
                    0,
                    1.0,
                    f"it could not be checked ({type(exc).__name__})",
                )
                for c in pending.checks
            ]
        failed = {v.unit_page: v for v in verdicts if not v.ok}
        if not failed:
            return pending.unit
        by_page = {c.check.unit_page: c for c in pending.checks}
        old = pending.unit.pages()
        writer = PdfWriter()
        stamper = Stamper(writer)
        for index, page in enumerate(old):
            if index not in failed:
                writer.add_page(page)
                continue
            placed = by_page[index]
            try:
                jpeg, size = self._raster(placed, pending.references[placed.check.source])
            except Exception as exc:
                raise _FileFailed(_problem(pending.source, placed.file, exc)) from None
            # a photo is redrawn in its own shape (what was placed may have had the wrong one)
            rect = photo_rect(*size) if placed.check.photo else placed.rect
            stamper.add_raster(jpeg, size, rect, placed.label)
            self.rasterised.append(
                RasterisedPage(
                    placed.label,
                    pending.source.title,
                    placed.file.name,
                    placed.check.source_page + 1,
                    failed[index].reason,
                )
            )
        unit = pending.unit
        return _Unit.measured(writer, unit.first_page, unit.last_page, unit.exhibit, unit.marks)

    def _raster(self, placed: _Placed, reference: bytes) -> tuple[bytes, tuple[int, int]]:
        """The source page drawn at :data:`RASTER_DPI`, lower when that would not leave room for
        a few such pages in one part (down to :data:`RASTER_MIN_DPI`)."""
        budget = (self.limit - PART_SLACK) // 4
        dpi = RASTER_DPI
        while True:
            drawn = (
                self._pool().submit(raster_photo, reference, dpi)
                if placed.check.photo
                else self._pool().submit(raster_page, reference, placed.check.source_page, dpi)
            )
            jpeg, width, height = drawn.result(timeout=VERIFY_TIMEOUT)
            if len(jpeg) <= budget:
                return jpeg, (width, height)
            if dpi <= RASTER_MIN_DPI:
                raise PacketError(
                    f"page {placed.label} drawn as a picture is larger than the part size limit allows"
                )
            dpi = max(RASTER_MIN_DPI, dpi * 2 // 3)

    def _add_file(
        self, stamper: Stamper, exhibit: ExhibitSource, source: SourceFile, number: int
    ) -> int:
        try:
            data = self.fetch.get(self.position)
            self.position += 1
            if isinstance(data, bytes):
                reader, reference = open_source(data)
                key = source.file_id
                self.references[key] = reference
                for index, page in enumerate(reader.pages):
                    _tick(self.cancelled)
                    box = page.cropbox
                    bbox = (float(box.left), float(box.bottom), float(box.right), float(box.top))
                    rect = placed_rect(bbox, int(page.get("/Rotate", 0) or 0))
                    check = PageCheck(len(stamper.writer.pages), key, index)
                    stamper.add_pdf_page(page, self._label(number))
                    self.checks.append(_Placed(check, source, self._label(number), rect))
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
                self.checks.append(_Placed(check, source, self._label(number), rect))
                number += 1
                self._advance(1)
        except (PacketCancelled, PacketError):
            raise
        except Exception as exc:
            raise _FileFailed(_problem(exhibit, source, exc)) from None
        return number

    # --- parts --------------------------------------------------------------------------------

    def _split(self, unit: _Unit) -> list[_Unit]:
        """``unit`` itself, or (when it alone is over the limit) runs of its pages that fit."""
        budget = self.limit - PART_SLACK
        if unit.size <= budget:
            return [unit]
        source = unit.pages()
        total = len(source)
        out: list[_Unit] = []
        start = 0
        per_page = max(1, unit.size // total)
        while start < total:
            count = max(1, min(total - start, budget // per_page))
            while True:
                writer = PdfWriter()
                for page in source[start : start + count]:
                    writer.add_page(page)
                size = len(_write(writer))
                if size <= budget:
                    break
                if count == 1:
                    raise PacketError(
                        f"page {self._label(unit.first_page + start)} alone is larger than the "
                        "part size limit; raise the limit (--max-part-mb) and build again"
                    )
                count = max(1, count * 3 // 4)
            marks = [(t, o - start, c) for t, o, c in unit.marks if start <= o < start + count]
            if start and not any(o == 0 for _, o, _ in marks) and unit.marks:
                marks.insert(0, (unit.marks[0][0] + " (continued)", 0, False))
            out.append(
                _Unit(
                    writer,
                    size,
                    unit.first_page + start,
                    unit.first_page + start + count - 1,
                    unit.exhibit,
                    marks,
                )
            )
            start += count
        return out

    def _assemble(self, units: list[_Unit]) -> bytes:
        writer = PdfWriter()
        parent = None
        for unit in units:
            offset = len(writer.pages)
            for page in unit.pages():
                writer.add_page(page)
            for title, page_offset, child in unit.marks:
                item = writer.add_outline_item(
                    title=title, page_number=offset + page_offset, parent=parent if child else None
                )
                if not child:
                    parent = item
        return _write(writer)

    def _fit(self, units: list[_Unit]) -> tuple[bytes, list[_Unit]]:
        """The part's bytes, measured; trailing units that pushed it over the limit come back."""
        carry: list[_Unit] = []
        kept = list(units)
        while True:
            data = self._assemble(kept)
            if len(data) <= self.limit or len(kept) == 1:
                if len(data) > self.limit:
                    raise PacketError(
                        "an exhibit does not fit under the part size limit even alone; raise the "
                        "limit and build again"
                    )
                return data, carry
            carry.insert(0, kept.pop())


def _write(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


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
        except _FileFailed as exc:
            # The file is left out and the packet laid out again without it: the parts handed
            # to the sink so far are taken back first (their page numbers change).
            sink.discard()
            failed.append(exc.problem)
            checked = Preflight(
                {k: v for k, v in checked.pages.items() if k != exc.problem.file_id},
                (*checked.problems, exc.problem),
            )
            skip = skip | {exc.problem.file_id}
