"""The I-589's Part A.III lists in a case document (version 4; migration 0011): the client's
background addresses, schools, jobs, parents and siblings, under ``background`` in the client's
entry, each list's rows as their stored columns (no ids: importing gives new ones). A version 1
to 3 document has none: its client imports with empty lists."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic.services.exports.case_document import DocumentError, decode_row, encode_row
from clinic.storage.models import (
    BackgroundAddress,
    BackgroundJob,
    BackgroundRelative,
    BackgroundSchool,
    Client,
)

LISTS: tuple[tuple[str, type[Any]], ...] = (
    ("addresses", BackgroundAddress),
    ("schools", BackgroundSchool),
    ("jobs", BackgroundJob),
    ("relatives", BackgroundRelative),
)


def encode_background(session: Session, client: Client) -> dict[str, Any]:
    """``{"background": {"addresses": [...], ...}}`` for the client's entry."""
    lists: dict[str, list[dict[str, Any]]] = {}
    for name, model in LISTS:
        rows = session.scalars(select(model).where(model.client_id == client.id).order_by(model.id))
        lists[name] = [encode_row(row) for row in rows]
    return {"background": lists}


def new_background(data: dict[str, Any], where: str) -> list[Any]:
    """The client's list rows, unsaved and without their client (the importer sets it)."""
    raw = data.get("background", {})
    here = f"{where}.background"
    if not isinstance(raw, dict):
        raise DocumentError(f"{here} must be an object")
    unknown = set(raw) - {name for name, _model in LISTS}
    if unknown:
        raise DocumentError(f"{here} has fields this version does not know: {sorted(unknown)}")
    rows: list[Any] = []
    for name, model in LISTS:
        items = raw.get(name, [])
        if not isinstance(items, list):
            raise DocumentError(f"{here}.{name} must be a list")
        rows += [decode_row(model, item, f"{here}.{name}[{i}]") for i, item in enumerate(items)]
    return rows
