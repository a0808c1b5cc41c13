"""No placeholder pages (issue 17): a dynamic XFA form is refused with a reason a paralegal can
act on — never placed, never called damaged (also with its reversed MediaBox); a static XFA
form with a real AcroForm is placed from its AcroForm."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))

from packet_support import MemorySink, one_each, page_texts, request, sample

from bench.packet_inputs import make_pdf
from clinic.reports.packet import ProblemKind, build_packet, check_files

XDP = b"""<?xml version="1.0" encoding="UTF-8"?>
<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/2.8/">
<subform name="form1"><field name="Name"/></subform></template></xdp:xdp>"""


def static_xfa() -> bytes:
    """A form with a filled AcroForm text field and an XFA packet beside it (no
    NeedsRendering): a static XFA form, as Designer writes them."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(612, 792))
    canvas.drawString(72, 720, "Static XFA form")
    canvas.acroForm.textfield(
        name="Name", value="Static value 42", x=72, y=600, width=300, height=24, borderWidth=1
    )
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    xfa = DecodedStreamObject()
    xfa.set_data(XDP)
    acroform = writer._root_object["/AcroForm"].get_object()  # type: ignore[union-attr]
    acroform[NameObject("/XFA")] = writer._add_object(xfa)
    result = io.BytesIO()
    writer.write(result)
    return result.getvalue()


def test_dynamic_xfa_forms_are_refused_as_such_and_the_rest_is_built(tmp_path: Path) -> None:
    files = {
        1: sample("xfa_issue14315.pdf"),
        2: sample("xfa_filled_imm1344e.pdf"),  # also has a reversed MediaBox
        3: make_pdf(1, "Ordinary"),
    }
    req = request(one_each(files))
    checked = check_files(req, files.__getitem__)
    assert [(p.file_id, p.kind) for p in checked.problems] == [
        (1, ProblemKind.XFA_DYNAMIC),
        (2, ProblemKind.XFA_DYNAMIC),
    ]
    reason = checked.problems[0].reason
    assert "dynamic XFA form" in reason and "print it to a PDF" in reason
    assert "damaged" not in reason
    sink = MemorySink()
    built = build_packet(req, files.__getitem__, sink, preflight=checked, skip=frozenset({1, 2}))
    assert [e.title for e in built.exhibits] == ["Exhibit 3"]
    [path] = sink.save(tmp_path)
    text = "\n".join(page_texts(path))
    assert "Ordinary page 1" in text
    assert "Adobe" not in text and "Please wait" not in text


def test_a_static_xfa_form_is_placed_from_its_acroform(tmp_path: Path) -> None:
    data = static_xfa()
    doc = pdfium.PdfDocument(data)
    assert pdfium_c.FPDF_GetFormType(doc) == pdfium_c.FORMTYPE_XFA_FOREGROUND
    doc.close()
    files = {1: data}
    req = request(one_each(files))
    checked = check_files(req, files.__getitem__)
    assert not checked.problems
    sink = MemorySink()
    built = build_packet(req, files.__getitem__, sink, preflight=checked)
    [path] = sink.save(tmp_path)
    page = page_texts(path)[built.exhibits[0].first_page - 1]
    assert "Static XFA form" in page and "Static value 42" in page
