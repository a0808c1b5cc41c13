"""A packet's stamped pages on their way into parts: :class:`Unit` (an exhibit, the front matter
or the certificate of service as a PDF of its own, measured), and what the build keeps to check
each placed page (:class:`Placed`, :class:`Pending`)."""

from __future__ import annotations

import io
from concurrent.futures import Future
from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader, PdfWriter

from clinic.reports.packet.model import ExhibitSource, SourceFile
from clinic.reports.packet.verify import PageCheck, PageVerdict


@dataclass
class Unit:
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
    ) -> Unit:
        return cls(pdf, len(write_pdf(pdf)), first_page, last_page, exhibit, marks)

    def pages(self) -> list[PageObject]:
        if self.pdf is None:
            raise RuntimeError("this unit was already written into its part")
        return list(self.pdf.pages)


@dataclass(frozen=True)
class Placed:
    """A source page placed on a packet page: what to check, and what to redraw it from."""

    check: PageCheck
    file: SourceFile
    label: str
    rect: tuple[float, float, float, float]


@dataclass
class Pending:
    """A built exhibit waiting for its pages' check."""

    unit: Unit
    source: ExhibitSource
    checks: list[Placed]
    future: Future[list[PageVerdict]] | None
    references: dict[int, bytes]  # each checked source (PDF reference or photo) by its key


def write_pdf(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
