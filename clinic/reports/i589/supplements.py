"""Supplements A and B of the I-589, filled and repeated as needed (issue 23).

The edition's own supplement pages are used (Rev. 08/25/20: page 11, Supplement A, two more
children per page; page 12, Supplement B, one continued question per page). The first page of
each is the form's own; each further one is a copy inserted after it whose fields are new
fields, named as the original's with the top of the name replaced (``form1[0]`` becomes
``SupplementA2``), so that every copy holds its own values in any viewer. The field map names the
supplement's fields once (keys ``suppa.…`` and ``suppb.…``); :func:`plan_supplements` says which
copy holds what.

What goes on Supplement B: an answer longer than its box (the box then says "See Supplement B,
Part B question 1.A", in the form's English) and rows the form lacks (entries beyond Part A.I
19.C's three), each as many pages as its text takes, "(continued)" after the question's number
on the pages after its first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    TextStringObject,
)

from clinic.domain.i589_map import FormMap, MappedField, Value
from clinic.domain.i589_values import Continuation
from clinic.reports.i589.text_fit import Capacity, wrap

SUPPLEMENT_A = "suppa."
SUPPLEMENT_B = "suppb."
SEE = "See Supplement B, Part {part} question {item}"  # in the box, in the form's English
CONTINUED = "{item} (cont.)"
_CHILD = re.compile(r"^child(\d+)\.")
_SLOT = re.compile(r"^suppa\.child(\d+)\.(.+)$")
# Keys kept on a copied widget (the rest: its page, parent, value and text appearance are new).
_LEFT_OUT = frozenset({"/Parent", "/P", "/V", "/AS"})


def is_supplement(field: MappedField) -> bool:
    return field.key.startswith((SUPPLEMENT_A, SUPPLEMENT_B))


def see_supplement(part: str, item: str) -> str:
    return SEE.format(part=part, item=item)


@dataclass(frozen=True)
class SupplementPage:
    """One page of a supplement: its fields (named as on that page) and their values."""

    fields: tuple[MappedField, ...]
    values: dict[str, Value]


def _renamed(field: MappedField, copy: int, label: str) -> MappedField:
    if copy == 0:
        return field
    root = field.name.split(".", 1)[0]
    return replace(field, name=f"{label}{copy + 1}{field.name[len(root) :]}")


def _children_pages(form_map: FormMap, values: Mapping[str, Value]) -> list[dict[str, Value]]:
    """Supplement A's values page by page: the children beyond Part A.II's blocks, in order."""
    on_form = {int(m.group(1)) for f in form_map.fields if (m := _CHILD.match(f.key))}
    slots = {int(m.group(1)) for f in form_map.fields if (m := _SLOT.match(f.key))}
    if not on_form or not slots:
        return []
    first = max(on_form) + 1
    extra = sorted(
        {int(m.group(1)) for k in values if (m := _CHILD.match(k)) and int(m.group(1)) >= first}
    )
    pages: list[dict[str, Value]] = []
    for start in range(0, len(extra), len(slots)):
        page: dict[str, Value] = {}
        for slot, child in enumerate(extra[start : start + len(slots)], 1):
            prefix = f"child{child}."
            page.update(
                {
                    f"suppa.child{slot}.{k[len(prefix) :]}": v
                    for k, v in values.items()
                    if k.startswith(prefix)
                }
            )
        pages.append(page)
    return pages


def _continued_pages(items: Sequence[Continuation], room: Capacity) -> list[dict[str, Value]]:
    """Supplement B's values page by page: each question's text wrapped to the page's box."""
    pages: list[dict[str, Value]] = []
    for item in items:
        lines = wrap(item.text, room.columns)
        for start in range(0, len(lines), room.rows):
            question = item.item if start == 0 else CONTINUED.format(item=item.item)
            pages.append(
                {
                    "suppb.part": item.part,
                    "suppb.question": question,
                    "suppb.text": "\n".join(lines[start : start + room.rows]),
                }
            )
    return pages


def plan_supplements(
    form_map: FormMap,
    values: Mapping[str, Value],
    continued: Sequence[Continuation],
    room: Capacity | None,
) -> tuple[list[SupplementPage], list[SupplementPage]]:
    """The pages of Supplement A and of Supplement B (empty: the form's page left blank)."""
    out: list[list[SupplementPage]] = []
    pages_b = _continued_pages(continued, room) if room is not None else []
    for prefix, label, pages in (
        (SUPPLEMENT_A, "SupplementA", _children_pages(form_map, values)),
        (SUPPLEMENT_B, "SupplementB", pages_b),
    ):
        fields = [f for f in form_map.fields if f.key.startswith(prefix)]
        heading = {k: v for k, v in values.items() if k.startswith(prefix)}
        out.append(
            [
                SupplementPage(
                    tuple(_renamed(f, n, label) for f in fields), {**heading, **page_values}
                )
                for n, page_values in enumerate(pages)
            ]
        )
    return out[0], out[1]


def copy_page(writer: PdfWriter, source: int, at: int, label: str) -> None:
    """Insert at ``at`` (0-based) a copy of page ``source`` whose fields are new ones: the same
    names under a new top field ``label`` instead of the form's own (``form1[0]``)."""
    original = writer.pages[source]
    blank = PageObject(pdf=None)
    for key, value in original.items():
        if key not in ("/Annots", "/Parent"):
            blank[NameObject(key)] = value  # contents and resources shared, not copied
    page = writer.insert_page(blank, at)
    top = DictionaryObject(
        {NameObject("/T"): TextStringObject(label), NameObject("/Kids"): ArrayObject()}
    )
    top_ref = writer._add_object(top)
    copies: dict[int, IndirectObject] = {}
    annots = ArrayObject()
    for annotation in original.get("/Annots", None) or []:
        widget = annotation.get_object()
        if widget.get("/Subtype") != "/Widget":
            continue
        new = DictionaryObject({NameObject(k): v for k, v in widget.items() if k not in _LEFT_OUT})
        if widget.get("/FT") == "/Tx" and "/AP" in new:
            del new[NameObject("/AP")]  # written anew with the value
        if "/AS" in widget:
            new[NameObject("/AS")] = NameObject("/Off")
        new[NameObject("/P")] = page.indirect_reference
        ref = writer._add_object(new)
        annots.append(ref)
        _attach(writer, widget, ref, copies, top_ref)
    page[NameObject("/Annots")] = annots
    form: Any = writer.root_object["/AcroForm"].get_object()
    form["/Fields"].append(top_ref)


def _attach(
    writer: PdfWriter,
    widget: DictionaryObject,
    ref: IndirectObject,
    copies: dict[int, IndirectObject],
    top: IndirectObject,
) -> None:
    """Hang the copied widget under copies of its parents (all but the form's root field)."""
    child, node = ref, widget.get("/Parent")
    while node is not None:
        parent = node.get_object()
        if parent.get("/Parent") is None:  # the root field: replaced by ``top``
            _kid(child, top)
            return
        known = copies.get(id(parent))
        if known is not None:
            _kid(child, known)
            return
        copy = DictionaryObject(
            {NameObject(k): v for k, v in parent.items() if k not in ("/Kids", "/Parent", "/V")}
        )
        copy[NameObject("/Kids")] = ArrayObject()
        copies[id(parent)] = writer._add_object(copy)
        _kid(child, copies[id(parent)])
        child, node = copies[id(parent)], parent.get("/Parent")


def _kid(child: IndirectObject, parent: IndirectObject) -> None:
    child.get_object()[NameObject("/Parent")] = parent  # type: ignore[index]
    parent.get_object()["/Kids"].append(child)  # type: ignore[index]
