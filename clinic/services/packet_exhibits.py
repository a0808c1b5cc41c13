"""A case's exhibit list: its evidence items with files, in exhibit order, each in the packet
or left out (the choice is kept per case in the setting table).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clinic.domain.enums import AuditAction, EvidenceCategory, TranslationStatus
from clinic.domain.i18n import N_
from clinic.domain.ids import CaseId, EvidenceId
from clinic.domain.packet_layout import (
    TabStyle,
    tab_label,
)
from clinic.services.auditing import record
from clinic.services.errors import NotFound, NotInCase, Rejected, Thing
from clinic.services.results import Changes, Entity, Result
from clinic.storage.models import Case, EvidenceItem, Setting
from clinic.storage.store import Store

# Per-case packet choices (which evidence items are left out) live in the key-value setting
# table under this key plus the case id (no schema change).
CASE_KEY = "packet.case.{case_id}"


@dataclass(frozen=True)
class ExhibitRow:
    evidence_id: EvidenceId
    title: str
    category: EvidenceCategory
    language: str
    translation: TranslationStatus
    files: int
    file_names: tuple[str, ...]
    exhibit_order: int | None
    included: bool
    label: str  # the tab label it gets with the default style when included ("" when left out)


def excluded_items(session: Session, case_id: int) -> set[int]:
    row = session.get(Setting, CASE_KEY.format(case_id=case_id))
    if row is None:
        return set()
    return {int(i) for i in row.value.get("excluded", [])}


def exhibit_items(session: Session, case_id: int) -> list[EvidenceItem]:
    """Items with at least one file, by exhibit order (no order last), then id."""
    items = session.scalars(
        select(EvidenceItem)
        .where(EvidenceItem.case_id == case_id)
        .options(selectinload(EvidenceItem.files))
    ).all()
    with_files = [i for i in items if i.files]
    return sorted(
        with_files,
        key=lambda i: (i.exhibit_order is None, i.exhibit_order or 0, i.id),
    )


def load_case(session: Session, case_id: int) -> Case:
    row = session.get(Case, case_id)
    if row is None:
        raise NotFound(Thing.CASE, case_id)
    return row


def exhibit_list(
    *, store: Store, case_id: CaseId, style: TabStyle = TabStyle.LETTERS
) -> tuple[ExhibitRow, ...]:
    with store.unit_of_work() as session:
        load_case(session, case_id)
        excluded = excluded_items(session, case_id)
        rows = []
        position = 0
        for item in exhibit_items(session, case_id):
            included = item.id not in excluded
            rows.append(
                ExhibitRow(
                    EvidenceId(item.id),
                    item.title,
                    item.category,
                    item.language,
                    item.translation,
                    len(item.files),
                    tuple(f.original_name for f in item.files),
                    item.exhibit_order,
                    included,
                    tab_label(position, style) if included else "",
                )
            )
            position += included
        return tuple(rows)


def set_exhibit_order(
    *, store: Store, case_id: CaseId, ordered: list[EvidenceId]
) -> Result[tuple[EvidenceId, ...]]:
    """Give the case's exhibits the order ``ordered`` (every exhibit of the case, each once);
    items without files keep their place after them. Each changed item is audited."""
    with store.unit_of_work() as session:
        load_case(session, case_id)
        exhibits = exhibit_items(session, case_id)
        by_id = {i.id: i for i in exhibits}
        if sorted(ordered) != sorted(by_id) or len(set(ordered)) != len(ordered):
            raise Rejected(
                "incomplete_order",
                N_("the new order must list every exhibit of the case exactly once"),
            )
        rest = session.scalars(
            select(EvidenceItem).where(
                EvidenceItem.case_id == case_id, EvidenceItem.id.not_in(list(by_id) or [0])
            )
        ).all()
        rest = sorted(rest, key=lambda i: (i.exhibit_order is None, i.exhibit_order or 0, i.id))
        touched = Changes.of((Entity.CASE, case_id))
        for number, item in enumerate([*(by_id[i] for i in ordered), *rest], start=1):
            if item.exhibit_order == number:
                continue
            record(
                session,
                actor=store.actor,
                action=AuditAction.UPDATE,
                entity=Entity.EVIDENCE,
                entity_id=item.id,
                changes={"exhibit_order": [item.exhibit_order, number]},
            )
            item.exhibit_order = number
            touched = touched | Changes.of((Entity.EVIDENCE, item.id))
        return Result(tuple(ordered), changes=touched)


def set_included(
    *, store: Store, case_id: CaseId, evidence_id: EvidenceId, included: bool
) -> Result[bool]:
    """Put an exhibit in the packet or leave it out (kept per case; audited)."""
    with store.unit_of_work() as session:
        load_case(session, case_id)
        item = session.get(EvidenceItem, evidence_id)
        if item is None or item.case_id != case_id:
            raise NotInCase(evidence_id, case_id)
        excluded = excluded_items(session, case_id)
        if (evidence_id not in excluded) == included:
            return Result(included)
        excluded = excluded - {evidence_id} if included else excluded | {evidence_id}
        key = CASE_KEY.format(case_id=case_id)
        row = session.get(Setting, key)
        value = {"excluded": sorted(excluded)}
        if row is None:
            session.add(Setting(key=key, value=value, version=1))
        else:
            row.value = value
        record(
            session,
            actor=store.actor,
            action=AuditAction.UPDATE,
            entity=Entity.EVIDENCE,
            entity_id=evidence_id,
            changes={"in_packet": [not included, included]},
        )
        return Result(
            included, changes=Changes.of((Entity.CASE, case_id), (Entity.EVIDENCE, evidence_id))
        )
