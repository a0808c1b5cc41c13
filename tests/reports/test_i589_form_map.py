"""The shipped I-589 map against the blank form (../shared/forms/): every mapped field is where
the map says (its page and box), and a value put in each one prints on that page."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from clinic.reports.i589.edition import recognise
from clinic.reports.i589.fill import TOO_WIDE, fill_form
from clinic.services.i589 import known_maps

BLANK = Path(__file__).resolve().parents[3] / "shared" / "forms" / "i-589-rev-08-25-20.pdf"
pytestmark = pytest.mark.skipif(not BLANK.is_file(), reason=f"the blank form {BLANK} is missing")
DIGITS = "0123456789ABCDEFGHJKLMNPRSTUVWXY"


def token(n: int) -> str:
    """A three-character value that fits every box (the area code takes three)."""
    return "Q" + DIGITS[n // len(DIGITS)] + DIGITS[n % len(DIGITS)]


def widgets(reader: PdfReader) -> dict[str, tuple[int, list[float]]]:
    found: dict[str, tuple[int, list[float]]] = {}
    for number, page in enumerate(reader.pages, 1):
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            parts, node = [], widget
            while node is not None:
                if "/T" in node:
                    parts.append(str(node["/T"]))
                node = node.get("/Parent")
                node = node.get_object() if node is not None else None
            found[".".join(reversed(parts))] = (number, [float(x) for x in widget["/Rect"]])
    return found


def test_every_mapped_field_is_on_its_page_in_its_box() -> None:
    (form_map,) = known_maps()
    reader = PdfReader(BLANK)
    assert recognise(reader, [form_map]).known is form_map
    placed = widgets(reader)
    for field in form_map.fields:
        page, rect = placed[field.name]
        assert page == field.page, field.key
        assert all(abs(a - b) <= 1 for a, b in zip(rect, field.box, strict=True)), field.key


def test_a_value_in_every_mapped_field_prints_on_its_page(tmp_path: Path) -> None:
    (form_map,) = known_maps()
    as_text = replace(
        form_map,
        fields=tuple(
            replace(f, key=f.name)
            if f.format == "check"
            else replace(f, key=f.name, format="text", max_length=0)
            for f in form_map.fields
        ),
    )
    values: dict[str, str | int] = {f.key: f.when for f in as_text.fields if f.format == "check"}
    texts = {f.name: token(n) for n, f in enumerate(as_text.fields) if f.format == "text"}
    values.update(texts)
    blank_text = subprocess.run(
        ["pdftotext", str(BLANK), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert not any(t in blank_text for t in texts.values())
    filled = fill_form(BLANK.read_bytes(), [as_text], values, flatten=True)
    assert len(filled.placed) == len(as_text.fields)  # every field, every box ticked
    path = tmp_path / "flat.pdf"
    path.write_bytes(filled.pdf)
    pages = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout.split("\f")
    for field in as_text.fields:
        if field.format == "text":
            assert texts[field.name] in pages[field.page - 1], (field.question, field.page)
            others = [p for i, p in enumerate(pages) if i != field.page - 1]
            assert not any(texts[field.name] in p for p in others), field.question
    fillable = fill_form(BLANK.read_bytes(), [as_text], values, flatten=False)
    read = PdfReader(io.BytesIO(fillable.pdf)).get_fields() or {}
    for field in as_text.fields:
        if field.format == "check":
            assert read[field.name].get("/V") == f"/{field.on}", field.question


def test_another_footer_over_the_same_fields_is_not_a_known_edition(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(BLANK))
    contents = writer.pages[0].get_contents()
    assert contents is not None
    data = contents.get_data()
    footer = b"(Form I-589 \\(Rev. 08/25/20\\))Tj"
    assert data.count(footer) == 1
    contents.set_data(data.replace(footer, b"(Form I-589 \\(Rev. 01/20/25\\))Tj"))
    writer.pages[0].replace_contents(contents)
    copy = io.BytesIO()
    writer.write(copy)
    filled = fill_form(
        copy.getvalue(), known_maps(), {"applicant.family_name": "Tum"}, flatten=False
    )
    assert filled.edition is None  # the same fields, but not the edition the map was checked on
    assert filled.recognised.footer == "Form I-589 (Rev. 01/20/25)"
    assert filled.recognised.closest is known_maps()[0]
    assert [p.field.key for p in filled.placed] == ["applicant.family_name"]
    assert not filled.unplaced


def test_text_too_wide_for_its_box_is_set_smaller_or_reported(tmp_path: Path) -> None:
    fitting = "Dallas Fort Worth Airport, TX"  # 29 characters: 6 pt in the 109 pt box
    too_long = "George Bush Intercontinental Airport, Houston, TX"
    values: dict[str, str | int] = {"entry1.place": fitting, "entry2.place": too_long}
    filled = fill_form(BLANK.read_bytes(), known_maps(), values, flatten=False)
    assert [p.text for p in filled.placed] == [fitting]
    assert [(n.field.key, n.why.problem, n.why.value) for n in filled.not_written] == [
        ("entry2.place", TOO_WIDE, too_long)
    ]
    (field,) = [p.field for p in filled.placed]
    page = PdfReader(io.BytesIO(filled.pdf)).pages[0]
    (widget,) = [
        a.get_object()
        for a in page["/Annots"]
        if a.get_object().get("/T") == field.name.rsplit(".", 1)[1]
    ]
    assert str(widget["/DA"]).startswith("/CourierNewPS-BoldMT 6 Tf")
    flat = tmp_path / "flat.pdf"
    flat.write_bytes(fill_form(BLANK.read_bytes(), known_maps(), values, flatten=True).pdf)
    page_1 = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(flat), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert fitting in page_1 and "George Bush" not in page_1
