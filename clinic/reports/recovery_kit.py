"""The printable recovery kit: the one thing that opens the store when keychain and passphrase
are lost. It holds the raw database key, so it is rendered in memory and written only where the
user chooses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from clinic.reports.fonts import MONO, SANS, SANS_BOLD, register_fonts
from clinic.reports.pdf_common import build_pdf
from clinic.reports.pdf_words import moment


@dataclass(frozen=True)
class RecoveryKitData:
    clinic_name: str
    store_id: str
    key_hex: str
    created_at: datetime


def grouped_key(key_hex: str) -> str:
    """64 hex digits as eight groups of eight, easier to read aloud and type back."""
    return " ".join(key_hex[i : i + 8] for i in range(0, len(key_hex), 8)).upper()


def _qr(payload: str, size: float) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


_STEPS = (
    "Print this page and delete the PDF file. Keep the paper locked away, apart from the laptop "
    "and from the backup drive: with this key and a copy of the data, anyone can read every "
    "client record.",
    "If the laptop's keychain is lost (new laptop, system reinstalled) or the passphrase is "
    "forgotten: install Clinic, restore the latest backup if needed, and choose "
    "<b>Unlock with recovery key</b> (command line: <font face='ClinicMono'>clinic unlock "
    "--recovery-key</font>). Type the 64 characters below or scan the QR code.",
    "Clinic then asks for a new passphrase, or stores the key in the new laptop's keychain.",
    "If this page is lost or may have been seen by someone else, tell the supervising "
    "attorney at once.",
)


def render_recovery_kit(data: RecoveryKitData) -> bytes:
    register_fonts()
    title = ParagraphStyle("title", fontName=SANS_BOLD, fontSize=18, leading=22, spaceAfter=6)
    body = ParagraphStyle("body", fontName=SANS, fontSize=10.5, leading=14, spaceAfter=6)
    key_style = ParagraphStyle("key", fontName=MONO, fontSize=15, leading=22)
    clinic = escape(data.clinic_name) or "Your clinic"
    facts = Table(
        [
            ["Clinic", Paragraph(clinic, body)],
            ["Store id", Paragraph(f"<font face='{MONO}'>{escape(data.store_id)}</font>", body)],
            ["Made on", moment("en", data.created_at)],
        ],
        colWidths=[1.2 * inch, 5.3 * inch],
    )
    facts.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), SANS, 10.5), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    key_lines = grouped_key(data.key_hex).split(" ")
    key_text = " ".join(key_lines[:4]) + "<br/>" + " ".join(key_lines[4:])
    story = [
        Paragraph("Clinic recovery kit", title),
        Paragraph(
            "CONFIDENTIAL — this page opens every client record in the store named below.", body
        ),
        facts,
        Spacer(1, 10),
        Paragraph(
            "Recovery key", ParagraphStyle("h", parent=body, fontName=SANS_BOLD, fontSize=12)
        ),
        Paragraph(key_text, key_style),
        Spacer(1, 8),
        _qr(data.key_hex.upper(), 1.9 * inch),
        Spacer(1, 8),
        *[Paragraph(f"{n}. {step}", body) for n, step in enumerate(_STEPS, start=1)],
    ]
    return build_pdf(
        story, margins=(inch, inch, inch), title="Clinic recovery kit", subject="Recovery kit"
    )
