"""The I-589 tab's lists (issue 23): the client's entries into the United States (Part A.I 19)
and Part A.III's addresses, education, employment, parents and siblings as tables with add and
remove (:mod:`i589_list_editor`), and Parts D and E's preparer and interpreter
(:mod:`i589_people_box`). Part A.III's dates are months, as the form asks ("Mo/Yr"): typed
mm/yyyy (:mod:`clinic.ui.month_input`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from clinic.domain.background import (
    AddressKind,
    AddressRow,
    BackgroundRow,
    Relation,
    RelativeRow,
    SchoolRow,
    WorkRow,
)
from clinic.domain.entries import EntryFact
from clinic.domain.ids import CaseId, ClientId
from clinic.domain.reference_codes import country_name
from clinic.services import background, entries
from clinic.services.results import Result
from clinic.storage.public import Store
from clinic.ui.case_view.i589_list_editor import Column, ListEditor, Lists, ListSpec, month_text
from clinic.ui.case_view.i589_people_box import PeopleBox
from clinic.ui.date_text import date_text
from clinic.ui.intake.iso_choices import country_choices
from clinic.ui.session import UiSession
from clinic.ui.translations import current_language


def _countries() -> tuple[tuple[str, Any], ...]:
    empty = QCoreApplication.translate("I589Lists", "— choose —")
    return ((empty, ""), *((c.name, c.code) for c in country_choices(current_language())))


def _period() -> tuple[Column, Column]:
    return (
        Column("start", QCoreApplication.translate("I589Lists", "From (month)"), "month"),
        Column("end", QCoreApplication.translate("I589Lists", "To (month; empty: now)"), "month"),
    )


def _add_entry(store: Store, client_id: ClientId, row: Any, today: date) -> Result[int]:
    return entries.record_entry(store=store, client_id=client_id, entry=row, today=today)


def _remove_entry(store: Store, client_id: ClientId, ref: int) -> Result[int]:
    return entries.remove_entry(store=store, client_id=client_id, ref=ref)


def _entry_spec() -> ListSpec:
    """Part A.I 19.C: each of the client's entries, the most recent first (the family members'
    are recorded in the People tab); the most recent is the last arrival the one-year
    deadline counts from."""

    def cells(row: EntryFact) -> list[str]:
        expires = date_text(row.status_expires) if row.status_expires else ""
        return [date_text(row.on), row.place, row.status, expires]

    def make(v: dict[str, Any]) -> EntryFact:
        return EntryFact(
            on=v["on"], place=v["place"], status=v["status"], status_expires=v["status_expires"]
        )

    return ListSpec(
        "entries",
        QCoreApplication.translate(
            "I589Lists", "Part A.I 19.C — Entries into the U.S. (most recent first)"
        ),
        (
            Column("on", QCoreApplication.translate("I589Lists", "Date of entry"), "date"),
            Column("place", QCoreApplication.translate("I589Lists", "Place (port of entry)")),
            Column("status", QCoreApplication.translate("I589Lists", "Status (B-2, EWI, parole)")),
            Column(
                "status_expires",
                QCoreApplication.translate("I589Lists", "Date status expires"),
                "any_date",
            ),
        ),
        EntryFact,
        make,
        lambda lists: lists.entries,
        cells,
        add=_add_entry,
        remove=_remove_entry,
        not_removable=QCoreApplication.translate(
            "I589Lists",
            "This entry is the last arrival typed in the client's details (the one-year "
            "deadline counts from it): correct it there.",
        ),
    )


def _address_spec() -> ListSpec:
    kinds = (
        (
            QCoreApplication.translate("I589Lists", "Residence, last 5 years (2)"),
            AddressKind.RESIDENCE,
        ),
        (
            QCoreApplication.translate("I589Lists", "Last address before the U.S. (1)"),
            AddressKind.BEFORE_US,
        ),
        (
            QCoreApplication.translate("I589Lists", "Last address in the feared country (1)"),
            AddressKind.FEARED_COUNTRY,
        ),
    )
    words = {kind: text for text, kind in kinds}

    def cells(row: BackgroundRow) -> list[str]:
        assert isinstance(row, AddressRow)
        country = country_name(row.country) if row.country else ""
        return [words[row.kind], row.street, row.city, row.province, country, *_months(row)]

    def make(v: dict[str, Any]) -> BackgroundRow:
        return AddressRow(
            v["kind"], v["street"], v["city"], v["province"], v["country"], v["start"], v["end"]
        )

    return ListSpec(
        "addresses",
        QCoreApplication.translate("I589Lists", "Part A.III 1 and 2 — Addresses (present first)"),
        (
            Column(
                "kind", QCoreApplication.translate("I589Lists", "Which address"), "choice", kinds
            ),
            Column("street", QCoreApplication.translate("I589Lists", "Number and street")),
            Column("city", QCoreApplication.translate("I589Lists", "City or town")),
            Column(
                "province", QCoreApplication.translate("I589Lists", "Department, province or state")
            ),
            Column(
                "country",
                QCoreApplication.translate("I589Lists", "Country"),
                "choice",
                _countries(),
            ),
            *_period(),
        ),
        AddressRow,
        make,
        lambda lists: lists.background.addresses,
        cells,
    )


def _months(row: BackgroundRow) -> list[str]:
    assert isinstance(row, AddressRow | SchoolRow | WorkRow)
    return [
        month_text(row.start),
        month_text(row.end) or QCoreApplication.translate("I589Lists", "now"),
    ]


def _school_spec() -> ListSpec:
    def cells(row: BackgroundRow) -> list[str]:
        assert isinstance(row, SchoolRow)
        return [row.school, row.school_type, row.location, *_months(row)]

    return ListSpec(
        "schools",
        QCoreApplication.translate("I589Lists", "Part A.III 3 — Education (most recent first)"),
        (
            Column("school", QCoreApplication.translate("I589Lists", "Name of school")),
            Column("school_type", QCoreApplication.translate("I589Lists", "Type of school")),
            Column("location", QCoreApplication.translate("I589Lists", "Location (address)")),
            *_period(),
        ),
        SchoolRow,
        lambda v: SchoolRow(v["school"], v["school_type"], v["location"], v["start"], v["end"]),
        lambda lists: lists.background.schools,
        cells,
    )


def _job_spec() -> ListSpec:
    def cells(row: BackgroundRow) -> list[str]:
        assert isinstance(row, WorkRow)
        return [row.employer, row.occupation, *_months(row)]

    return ListSpec(
        "jobs",
        QCoreApplication.translate(
            "I589Lists", "Part A.III 4 — Employment, last 5 years (present first)"
        ),
        (
            Column(
                "employer", QCoreApplication.translate("I589Lists", "Name and address of employer")
            ),
            Column("occupation", QCoreApplication.translate("I589Lists", "Occupation")),
            *_period(),
        ),
        WorkRow,
        lambda v: WorkRow(v["employer"], v["occupation"], v["start"], v["end"]),
        lambda lists: lists.background.jobs,
        cells,
    )


def _relative_spec() -> ListSpec:
    relations = (
        (QCoreApplication.translate("I589Lists", "Mother"), Relation.MOTHER),
        (QCoreApplication.translate("I589Lists", "Father"), Relation.FATHER),
        (QCoreApplication.translate("I589Lists", "Sibling"), Relation.SIBLING),
    )
    words = {relation: text for text, relation in relations}

    def cells(row: BackgroundRow) -> list[str]:
        assert isinstance(row, RelativeRow)
        deceased = QCoreApplication.translate("I589Lists", "Deceased") if row.deceased else ""
        return [words[row.relation], row.full_name, row.birthplace, deceased, row.location]

    return ListSpec(
        "relatives",
        QCoreApplication.translate("I589Lists", "Part A.III 5 — Parents and siblings"),
        (
            Column("relation", QCoreApplication.translate("I589Lists", "Who"), "choice", relations),
            Column("full_name", QCoreApplication.translate("I589Lists", "Full name")),
            Column(
                "birthplace",
                QCoreApplication.translate("I589Lists", "City or town and country of birth"),
            ),
            Column("deceased", QCoreApplication.translate("I589Lists", "Deceased"), "check"),
            Column("location", QCoreApplication.translate("I589Lists", "Current location")),
        ),
        RelativeRow,
        lambda v: RelativeRow(
            v["relation"], v["full_name"], v["birthplace"], v["deceased"], v["location"]
        ),
        lambda lists: lists.background.relatives,
        cells,
    )


class I589Lists(QWidget):
    """The lists and the preparer and interpreter, for the case shown."""

    changed = Signal()  # something stored changed: the tab checks the case again

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("i589Lists")
        self.session = session
        self.client_id: ClientId | None = None
        specs = (
            _entry_spec(),
            _address_spec(),
            _school_spec(),
            _job_spec(),
            _relative_spec(),
        )
        self.editors = {spec.key: ListEditor(session, spec, self) for spec in specs}
        self.people = PeopleBox(session, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for editor in self.editors.values():
            editor.changed.connect(self._changed)
            layout.addWidget(editor)
        self.people.changed.connect(self.changed)
        layout.addWidget(self.people)

    def show_case(self, client_id: ClientId | None, case_id: CaseId | None) -> None:
        self.client_id = client_id
        lists = Lists()
        if client_id is not None:
            store = self.session.store
            facts = entries.people_facts(
                store=store, client_id=client_id, today=self.session.today()
            )
            lists = Lists(
                background.background_of(store=store, client_id=client_id),
                tuple(facts.entries_of(None)),
            )
        for editor in self.editors.values():
            editor.show_client(client_id, lists)
        self.people.show_case(case_id)

    def _changed(self) -> None:
        self.show_case(self.client_id, self.people.case_id)
        self.changed.emit()
