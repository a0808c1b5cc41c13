"""The official I-589 filled from a field map: values placed, XFA removed, appearances written.

The blank form is the clinic's own copy from uscis.gov (Clinic ships no USCIS form). USCIS
editions carry an XFA layer beside the AcroForm; Adobe's readers draw the XFA and ignore the
AcroForm values, so the layer is removed and every reader shows the AcroForm. Text fields get an
appearance stream each (pypdf) and the form asks readers to regenerate them (NeedAppearances), so
values show in any viewer and when printed. Flattened output is drawn into the pages by PDFium,
as the packet flattens its sources (clinic/reports/packet/normalise.py): what prints, no fields.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PageObject, PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject, NumberObject

from clinic.domain.i18n import N_
from clinic.domain.i589_map import Formatted, FormMap, MappedField, Value, format_value
from clinic.domain.i589_values import Continuation
from clinic.reports.i589.edition import Recognised, recognise_parts
from clinic.reports.i589.parsed import FormFileProblem, parsed_blank, writable_copy
from clinic.reports.i589.supplements import (
    copy_page,
    is_supplement,
    plan_supplements,
    see_supplement,
)
from clinic.reports.i589.text_fit import (
    MIN_SIZE,
    capacity,
    fit_lines,
    font_size,
    is_multiline,
    resize,
    sizes,
)

READ_ONLY = 1  # the field flag (PDF 32000-1, table 221)
TOO_WIDE = N_(
    "{value} does not fit its box even in {limit}-point type: shorten it, or type it by hand"
)
TOO_MUCH = N_(
    "{value} is longer than its box takes and this form has no Supplement B page to continue "
    "it on: type it on a continuation sheet by hand"
)


@dataclass(frozen=True)
class Placed:
    field: MappedField
    text: str  # as written: the text, or the check box's on-value


@dataclass(frozen=True)
class NotWritten:
    field: MappedField
    why: Formatted  # its problem says why


@dataclass(frozen=True)
class Filled:
    pdf: bytes
    recognised: Recognised
    placed: tuple[Placed, ...]  # a box of several lines holds the text as wrapped
    unplaced: tuple[MappedField, ...]  # a value for it, but this form has no such field
    not_written: tuple[NotWritten, ...]  # a value that the box cannot take as it is
    to_type: tuple[MappedField, ...]  # Clinic holds no value for it: typed by hand
    supplements: tuple[int, int] = (0, 0)  # pages of Supplements A and B filled

    @property
    def edition(self) -> str | None:
        known = self.recognised.known
        return known.edition if known is not None else None


@dataclass
class _Plan:
    placed: list[Placed]
    unplaced: list[MappedField]
    not_written: list[NotWritten]
    to_type: list[MappedField]


def _plan(form_map: FormMap, names: frozenset[str], values: Mapping[str, Value]) -> _Plan:
    plan = _Plan([], [], [], [])
    answered = {f.key for f in form_map.fields if f.key in values}
    for field in form_map.fields:
        formatted = format_value(field, values.get(field.key))
        if field.key not in answered:
            plan.to_type.append(field)  # by hand, whatever this edition calls the field
        elif not (formatted.text or formatted.problem):
            continue  # a box left unticked: the answer is another box's
        elif field.name not in names:
            plan.unplaced.append(field)
        elif formatted.problem:
            plan.not_written.append(NotWritten(field, formatted))
        else:
            plan.placed.append(Placed(field, formatted.text))
    return plan


def _write_values(writer: PdfWriter, placed: Sequence[Placed]) -> None:
    """Each value into its widget on its page, with its appearance stream (pypdf's own code,
    given one widget at a time: handed a whole page it matches every widget against every
    value by qualified name, which was a third of the time of a fill)."""
    by_page: dict[int, dict[str, str]] = {}
    for item in placed:
        value = f"/{item.text}" if item.field.format == "check" else item.text
        by_page.setdefault(item.field.page, {})[item.field.name] = value
    for page_number, values in sorted(by_page.items()):
        page = writer.pages[page_number - 1]
        for reference in page.get("/Annots", None) or []:
            widget = reference.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            name = _full_name(widget)
            if name in values:
                writer.update_page_form_field_values(
                    _with_one_widget(page, reference), {name: values[name]}, auto_regenerate=False
                )


def _with_one_widget(page: PageObject, widget: Any) -> PageObject:
    """``page`` seen with only ``widget`` among its annotations (the page itself unchanged)."""
    view = PageObject(page.pdf, page.indirect_reference)
    view.update(page)
    view[NameObject("/Annots")] = ArrayObject([widget])
    return view


def _strip_xfa(writer: PdfWriter) -> None:
    """The XFA layer removed, with what only it needed, and NeedAppearances set.

    Also removed: the usage-rights signature (/Perms /UR3; any change breaks it, and Adobe
    Reader then warns that "extended features" are no longer available) and Adobe's XFA
    version-check scripts (document JavaScript named ``!ADBE::``), which ask for a newer
    Reader for an XFA layer that is no longer there."""
    root = writer.root_object
    form = root["/AcroForm"].get_object()
    assert isinstance(form, DictionaryObject)
    if "/XFA" in form:
        del form["/XFA"]
    form[NameObject("/NeedAppearances")] = BooleanObject(True)
    if "/Perms" in root:
        del root["/Perms"]
    names = root.get("/Names")
    scripts = names.get_object().get("/JavaScript") if names is not None else None
    if scripts is not None and "/Names" in scripts.get_object():
        table = scripts.get_object()["/Names"]
        kept = [
            item
            for pair in zip(table[::2], table[1::2], strict=True)
            if not str(pair[0]).startswith("!ADBE::")
            for item in pair
        ]
        table.clear()
        table.extend(kept)


def _unlock(widgets: Mapping[str, tuple[int, DictionaryObject]], form_map: FormMap) -> None:
    """The mapped text boxes the form marks read-only made editable: Parts B and C's explanation
    boxes, the number of children and the supplements' headings are read-only in the AcroForm
    because the XFA layer unlocks or computes them, and that layer is gone. Signature boxes
    (read-only: the form cannot be signed electronically) are not mapped and stay so."""
    for field in form_map.fields:
        found = widgets.get(field.name)
        if found is None or field.format == "check":
            continue
        flags = int(found[1].get("/Ff", 0))
        if flags & READ_ONLY:
            found[1][NameObject("/Ff")] = NumberObject(flags & ~READ_ONLY)


def _full_name(widget: DictionaryObject) -> str:
    """The field's full name: its own and its parents' partial names, outermost first."""
    parts: list[str] = []
    node: Any = widget
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return ".".join(reversed(parts))


def _widgets(writer: PdfWriter) -> dict[str, tuple[int, DictionaryObject]]:
    """Each widget by its field's full name, with its page: placement goes by where it is."""
    found: dict[str, tuple[int, DictionaryObject]] = {}
    for number, page in enumerate(writer.pages, 1):
        for annotation in page.get("/Annots", None) or []:
            widget = annotation.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            found.setdefault(_full_name(widget), (number, widget))
    return found


def _fit(
    plan: _Plan,
    widgets: Mapping[str, tuple[int, DictionaryObject]],
    continued: list[Continuation] | None,
) -> tuple[list[Placed], list[NotWritten]]:
    """The planned values on the pages where their fields are (an unknown edition may have
    moved them), text set smaller where it would not fit its box; what fits in no size. An
    answer longer than its box of several lines goes to ``continued`` (Supplement B) and the box
    says so, when the form has a Supplement B (``continued`` is not None)."""
    placed, too_wide = [], []
    for item in plan.placed:
        page, widget = widgets[item.field.name]
        field = replace(item.field, page=page) if page != item.field.page else item.field
        text = item.text
        if field.format != "check" and is_multiline(widget):
            fitted = fit_lines(widget, text)
            if fitted is None and continued is not None:
                continued.append(Continuation(field.part, field.item, text))
                fitted = fit_lines(widget, see_supplement(field.part, field.item))
            if fitted is None:
                too_wide.append(NotWritten(field, Formatted(problem=TOO_MUCH, value=text)))
                continue
            resize(widget, fitted[0])
            text = "\n".join(fitted[1])
        elif field.format != "check":
            size = font_size(widget, text)
            if size is None:
                problem = Formatted(problem=TOO_WIDE, value=text, limit=int(MIN_SIZE))
                too_wide.append(NotWritten(field, problem))
                continue
            resize(widget, size)
        placed.append(Placed(field, text))
    return placed, too_wide


@dataclass
class _Supplements:
    placed: list[Placed]
    unplaced: list[MappedField]
    not_written: list[NotWritten]
    pages_a: int  # pages of Supplement A filled (0: the form's page left blank)
    pages_b: int


def _room(form_map: FormMap, widgets: Mapping[str, tuple[int, DictionaryObject]]) -> Any:
    """How much Supplement B's box takes at its own type size; None when this form has none."""
    box = next((f for f in form_map.fields if f.key == "suppb.text"), None)
    if box is None or box.name not in widgets:
        return None
    widget = widgets[box.name][1]
    return capacity(widget, sizes(widget)[0])


def _supplements(
    writer: PdfWriter,
    form_map: FormMap,
    values: Mapping[str, Value],
    continued: Sequence[Continuation],
    widgets: Mapping[str, tuple[int, DictionaryObject]],
) -> _Supplements:
    """Supplements A and B filled, their pages repeated as needed (after the form's own);
    ``widgets``: the form's, as found before (walked again only when pages were copied)."""
    pages_a, pages_b = plan_supplements(form_map, values, continued, _room(form_map, widgets))
    copied = False
    for pages, label in ((pages_b, "SupplementB"), (pages_a, "SupplementA")):  # B first: after A
        if len(pages) > 1:
            source = widgets[pages[0].fields[0].name][0] - 1
            for copy in range(len(pages) - 1, 0, -1):
                copy_page(writer, source, source + 1, f"{label}{copy + 1}")
            copied = True
    if copied:  # the pages after the copies moved, and the copies' fields are new
        widgets = _widgets(writer)
    done = _Supplements([], [], [], len(pages_a), len(pages_b))
    for page in (*pages_a, *pages_b):
        plan = _plan(replace(form_map, fields=page.fields), frozenset(widgets), page.values)
        placed, too_wide = _fit(plan, widgets, None)
        done.placed += placed
        done.unplaced += plan.unplaced
        done.not_written += [*plan.not_written, *too_wide]
    return done


def fill_form(
    blank: bytes,
    maps: Sequence[FormMap],
    values: Mapping[str, Value],
    *,
    flatten: bool,
    continued: Sequence[Continuation] = (),
) -> Filled:
    """``blank`` filled with ``values`` (by the maps' keys) through the map of its edition;
    ``continued``: what goes on Supplement B besides the answers longer than their boxes."""
    parsed = parsed_blank(blank)  # read once per process: the stored blank is filled often
    recognised = recognise_parts(parsed.footer, parsed.names, maps)
    form_map = recognised.map
    if not recognised.field_names:
        raise FormFileProblem("no_fields")
    if form_map is None:
        raise FormFileProblem("not_i589")
    main = replace(form_map, fields=tuple(f for f in form_map.fields if not is_supplement(f)))
    plan = _plan(main, recognised.field_names, values)
    writer = writable_copy(parsed)
    widgets = _widgets(writer)
    _unlock(widgets, form_map)
    more = list(continued) if _room(form_map, widgets) is not None else None
    placed, too_wide = _fit(plan, widgets, more)
    extra = _supplements(writer, form_map, values, more or (), widgets)
    _strip_xfa(writer)
    _write_values(writer, [*placed, *extra.placed])
    out = io.BytesIO()
    writer.write(out)
    pdf = _flatten(out.getvalue()) if flatten else out.getvalue()
    return Filled(
        pdf,
        recognised,
        (*placed, *extra.placed),
        (*plan.unplaced, *extra.unplaced),
        (*plan.not_written, *too_wide, *extra.not_written),
        tuple(plan.to_type),
        (extra.pages_a, extra.pages_b),
    )


def _flatten(data: bytes) -> bytes:
    """Every page's fields drawn into the page as PDFium prints them (appearances regenerated
    from the values first: the form asks for it with NeedAppearances), the fields removed."""
    doc = pdfium.PdfDocument(data)
    info = pdfium_c.FPDF_FORMFILLINFO(version=2)
    form = pdfium_c.FPDFDOC_InitFormFillEnvironment(doc, info)
    try:
        for index in range(len(doc)):
            page = doc[index]
            try:
                pdfium_c.FORM_OnAfterLoadPage(page, form)
                bitmap = pdfium_c.FPDFBitmap_Create(4, 4, 0)
                flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_PRINTING
                pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, 0, 4, 4, 0, flags)
                pdfium_c.FPDF_FFLDraw(form, bitmap, page, 0, 0, 4, 4, 0, flags)
                pdfium_c.FPDFBitmap_Destroy(bitmap)
                if pdfium_c.FPDFPage_Flatten(page, pdfium_c.FLAT_PRINT) == pdfium_c.FLATTEN_FAIL:
                    raise FormFileProblem("damaged", f"PDFium could not flatten page {index + 1}")
                pdfium_c.FORM_OnBeforeClosePage(page, form)
            finally:
                page.close()
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()
    finally:
        pdfium_c.FPDFDOC_ExitFormFillEnvironment(form)
        doc.close()
