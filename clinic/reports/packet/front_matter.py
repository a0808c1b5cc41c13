"""The pages a packet generates around its exhibits, laid out: the index (its rows, with each
exhibit's part once known), the tab pages and certificates of translation, the front matter
(cover and index) as a unit, and the exhibit map the build returns."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from clinic.domain.packet_layout import PacketLayout, page_label, page_range_label, parts_label
from clinic.reports.packet.files import Exhibit
from clinic.reports.packet.generated import (
    CertificatePage,
    IndexRow,
    TabPage,
    render_index,
    render_tabs_and_certificates,
)
from clinic.reports.packet.model import ExhibitMapEntry, PacketError, PacketRequest
from clinic.reports.packet.placement import Stamper
from clinic.reports.packet.units import Unit


def index_rows(
    layout: PacketLayout,
    exhibits: list[Exhibit],
    bates_prefix: str,
    parts: dict[int, tuple[int, ...]] | None,
) -> list[IndexRow]:
    """The index's rows; with ``parts`` None (a trial layout), each part as wide as it can be."""
    rows = []
    for placed, exhibit in zip(layout.exhibits, exhibits, strict=True):
        description = exhibit.source.title
        if exhibit.generated_certificate or exhibit.certificates:
            description += " (with certificate of translation)"
        part = "88–88" if parts is None else parts_label(parts.get(placed.position, ()))
        rows.append(
            IndexRow(
                placed.label,
                description,
                page_range_label(placed.first_page, placed.last_page, bates_prefix),
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
                page_range_label(layout.service_first, service_last, bates_prefix),
                part,
            )
        )
    return rows


def render_packet_index(
    request: PacketRequest,
    *,
    layout: PacketLayout,
    exhibits: list[Exhibit],
    parts: dict[int, tuple[int, ...]] | None,
) -> bytes:
    cover = request.cover
    return render_index(
        index_rows(layout, exhibits, request.bates_prefix, parts),
        respondent=cover.respondent,
        a_number=cover.a_number,
        with_parts=parts is None or any(max(p, default=1) > 1 for p in parts.values()),
    )


def tabs_and_certificates(layout: PacketLayout, exhibits: list[Exhibit]) -> PdfReader:
    """Every exhibit's tab page, then the generated certificates of translation, one page each."""
    pairs = list(zip(layout.exhibits, exhibits, strict=True))
    tabs = [TabPage(p.label, e.source.title) for p, e in pairs]
    certs = [
        CertificatePage(p.label, e.source.title, e.source.certificate_language or "")
        for p, e in pairs
        if e.generated_certificate
    ]
    generated = PdfReader(io.BytesIO(render_tabs_and_certificates(tabs, certs)))
    if len(generated.pages) != len(tabs) + len(certs):
        raise PacketError("a tab or certificate page ran over one page; shorten the exhibit title")
    return generated


def front_unit(cover_pdf: bytes, index_pdf: bytes, layout: PacketLayout, bates_prefix: str) -> Unit:
    """The cover and the index, stamped from page 1."""
    writer = PdfWriter()
    stamper = Stamper(writer)
    number = 1
    for pdf in (cover_pdf, index_pdf):
        for page in PdfReader(io.BytesIO(pdf)).pages:
            stamper.add_pdf_page(page, page_label(number, bates_prefix), fit=False)
            number += 1
    marks = [("Cover page", 0, False), ("Index of exhibits", layout.cover_pages, False)]
    return Unit.measured(writer, 1, number - 1, None, marks)


def exhibit_map(
    layout: PacketLayout,
    exhibits: list[Exhibit],
    part_map: dict[int, tuple[int, ...]],
    bates_prefix: str,
) -> tuple[ExhibitMapEntry, ...]:
    """Where each exhibit landed: its pages, labels, parts and certificate."""
    kinds = {True: "generated", False: "attached"}
    return tuple(
        ExhibitMapEntry(
            evidence_id=e.source.evidence_id,
            label=p.label,
            title=e.source.title,
            tab_page=p.tab_page,
            first_page=p.first_page,
            last_page=p.last_page,
            parts=part_map.get(p.position, ()),
            page_labels=page_range_label(p.first_page, p.last_page, bates_prefix),
            certificate=kinds[e.generated_certificate] if p.certificate_first else "",
        )
        for p, e in zip(layout.exhibits, exhibits, strict=True)
    )
