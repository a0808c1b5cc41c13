"""Checking each exhibit's placed pages in worker processes, and redrawing the pages that fail.

The check itself is :mod:`clinic.reports.packet.verify`; a page that fails it is rebuilt from a
drawing of its source page, at a resolution that leaves room for a few such pages in one part.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from pypdf import PdfWriter

from clinic.reports.packet.files import FileFailed, file_problem
from clinic.reports.packet.model import PacketError, RasterisedPage
from clinic.reports.packet.parts import PART_SLACK
from clinic.reports.packet.photo_check import raster_photo
from clinic.reports.packet.placement import Stamper, photo_rect
from clinic.reports.packet.units import Pending, Placed, Unit
from clinic.reports.packet.verify import PageCheck, PageVerdict, raster_page, verify_unit

VERIFY_WORKERS = 1  # with the main process placing pages, both cores of a clinic laptop work
VERIFY_TIMEOUT = 300.0  # seconds for one exhibit's check (a renderer hung on a page)
RASTER_DPI = 150
RASTER_MIN_DPI = 72


class Verifier:
    """The worker processes (started on first use) and the pages redrawn so far."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.workers: ProcessPoolExecutor | None = None
        self.rasterised: list[RasterisedPage] = []

    def close(self) -> None:
        if self.workers is not None:
            self.workers.shutdown(wait=True, cancel_futures=True)
            self.workers = None

    def start(self) -> None:
        """Start the worker now; it is ready (its libraries imported) by the first check."""
        self.pool().submit(verify_unit, b"", [], {})

    def submit(
        self, data: bytes, checks: list[PageCheck], references: dict[int, bytes]
    ) -> Future[list[PageVerdict]]:
        """Check a unit's placed pages (``data``) against their sources, in a worker."""
        return self.pool().submit(verify_unit, data, checks, references)

    def pool(self) -> ProcessPoolExecutor:
        if self.workers is None:
            self.workers = ProcessPoolExecutor(
                max_workers=VERIFY_WORKERS, mp_context=multiprocessing.get_context("spawn")
            )
        return self.workers

    def verified(self, pending: Pending) -> Unit:
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
                raise FileFailed(file_problem(pending.source, placed.file, exc)) from None
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
        return Unit.measured(writer, unit.first_page, unit.last_page, unit.exhibit, unit.marks)

    def _raster(self, placed: Placed, reference: bytes) -> tuple[bytes, tuple[int, int]]:
        """The source page drawn at :data:`RASTER_DPI`, lower when that would not leave room for
        a few such pages in one part (down to :data:`RASTER_MIN_DPI`)."""
        budget = (self.limit - PART_SLACK) // 4
        dpi = RASTER_DPI
        while True:
            drawn = (
                self.pool().submit(raster_photo, reference, dpi)
                if placed.check.photo
                else self.pool().submit(raster_page, reference, placed.check.source_page, dpi)
            )
            jpeg, width, height = drawn.result(timeout=VERIFY_TIMEOUT)
            if len(jpeg) <= budget:
                return jpeg, (width, height)
            if dpi <= RASTER_MIN_DPI:
                raise PacketError(
                    f"page {placed.label} drawn as a picture is larger than the part size limit allows"
                )
            dpi = max(RASTER_MIN_DPI, dpi * 2 // 3)
