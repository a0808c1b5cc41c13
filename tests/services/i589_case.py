"""A synthetic case with everything Clinic records for the I-589: aliases, A-number, address,
four entries (one more than the form's rows), a spouse with two entries and six children (two
more than the form's rows), defensive, with three grounds and CAT, and Parts B and C answered
with a Part B 1.A account longer than its box (and than one Supplement B page), and Part A.III's
lists with one residence and one sibling more than the form's rows. Shared by the
service and command-line tests and by docs/examples/."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from clinic.domain.background import (
    AddressKind,
    AddressRow,
    BackgroundRow,
    Relation,
    RelativeRow,
    SchoolRow,
    WorkRow,
)
from clinic.domain.drafts import AddressDraft, CaseDraft, ClientDraft, FamilyMemberDraft
from clinic.domain.entries import EntryFact
from clinic.domain.enums import (
    ArrivalManner,
    ClaimType,
    ProtectedGround,
    Relationship,
    Relief,
    Sex,
)
from clinic.domain.ids import CaseId, ClientId
from clinic.services import applicant, background, cases, clients, entries
from clinic.storage.models import FamilyMember
from clinic.storage.store import Store

BLANK = Path(__file__).resolve().parents[3] / "shared" / "forms" / "i-589-rev-08-25-20.pdf"
TODAY = date(2026, 12, 7)

CHILDREN = (  # given name, born, in the U.S., derivative
    ("Lucía", date(2009, 3, 14), True, True),
    ("Mateo", date(2011, 7, 2), True, True),
    ("Sofía", date(2013, 1, 30), False, False),
    ("Diego", date(2015, 10, 9), True, False),
    ("Valentina", date(2018, 5, 21), True, True),
    ("Tomás", date(2020, 12, 1), True, True),
)

CLIENT_ENTRIES = (  # on, place, status, expires, I-94
    (date(2023, 6, 18), "Hidalgo, TX", "EWI", None, ""),
    (date(2019, 4, 2), "Miami, FL", "B-2", date(2019, 10, 1), "12345678901"),
    (date(2017, 8, 11), "Houston, TX", "B-2", date(2018, 2, 10), ""),
    (date(2015, 1, 5), "New York, NY", "B-1", date(2015, 7, 4), ""),
)


def make_case(store: Store) -> CaseId:
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(
            "Ramírez Gutiérrez",
            "María Elena",
            other_names=("María Gutiérrez", "Elena Ramos"),
            a_number="A-201-555-018",
            date_of_birth=date(1986, 2, 27),
            sex=Sex.FEMALE,
            nationalities=("HN",),
            languages=("es", "en"),
            phone="(312) 555-0147",
        ),
        today=TODAY,
        address=AddressDraft(
            "4821 N Kedzie Ave",
            "Chicago",
            "IL",
            "60625-1204",
            line2="Apt 3B",
            moved_in_on=date(2023, 7, 1),
        ),
        family=(
            FamilyMemberDraft(
                "Ramírez",
                "José Luis",
                Relationship.SPOUSE,
                date(1983, 11, 4),
                a_number="201555019",
                in_us=True,
                derivative=True,
            ),
            *(
                FamilyMemberDraft(
                    "Ramírez Gutiérrez",
                    name,
                    Relationship.CHILD,
                    born,
                    in_us=in_us,
                    derivative=derivative,
                )
                for name, born, in_us, derivative in CHILDREN
            ),
        ),
    ).unwrap()
    _entries(store, client_id)
    _claim(store, client_id)
    _background(store, client_id)
    return cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(
            ClaimType.DEFENSIVE,
            relief=frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT}),
            grounds=frozenset(
                {
                    ProtectedGround.POLITICAL_OPINION,
                    ProtectedGround.PARTICULAR_SOCIAL_GROUP,
                    ProtectedGround.RELIGION,
                }
            ),
            psg_definition="Honduran women who oppose gang control of their neighbourhood",
            forum_name="Chicago Immigration Court",
            opened_on=date(2024, 1, 10),
        ),
        today=TODAY,
    ).unwrap()


def member_ids(store: Store) -> dict[str, int]:
    with store.unit_of_work() as session:
        rows = session.scalars(select(FamilyMember)).all()
        return {row.given_name: row.id for row in rows}


def _entries(store: Store, client_id: ClientId) -> None:
    manner = {"EWI": ArrivalManner.WITHOUT_INSPECTION}
    for on, place, status, expires, i94 in CLIENT_ENTRIES:
        entries.record_entry(
            store=store,
            client_id=client_id,
            entry=EntryFact(
                on, place, manner.get(status, ArrivalManner.INSPECTED), status, expires, i94
            ),
            today=TODAY,
        ).unwrap()
    ids = member_ids(store)
    family_entries = (
        ("José Luis", date(2023, 6, 18), "Hidalgo, TX", "EWI", None, ""),
        ("José Luis", date(2019, 4, 2), "Miami, FL", "B-2", date(2019, 10, 1), "12345678902"),
        ("Lucía", date(2023, 6, 18), "Hidalgo, TX", "EWI", None, ""),
        ("Mateo", date(2023, 8, 30), "San Ysidro, CA", "Parole", date(2025, 8, 29), "98765432101"),
    )
    for who, on, place, status, expires, i94 in family_entries:
        entries.record_entry(
            store=store,
            client_id=client_id,
            entry=EntryFact(
                on, place, ArrivalManner.INSPECTED, status, expires, i94, member_id=ids[who]
            ),
            today=TODAY,
        ).unwrap()


# Part B 1.A: an account of several paragraphs, as declarations are (synthetic).
EVENTS = (
    "On {day} members of the gang that controls our neighbourhood in San Pedro Sula came to "
    "the small shop I ran from our house. They demanded a weekly payment of 2,000 lempiras and "
    "told me that women who speak against them at the church meetings are punished. When I "
    "refused they broke the windows, hit me in the face and said they knew where my children "
    "went to school. I reported it to the police the next day; the officer told me to pay."
)
DAYS = (
    "12 March 2022",
    "3 April 2022",
    "20 May 2022",
    "1 June 2023",
    "9 June 2023",
    "15 June 2023",
)
LONG_ACCOUNT = "\n\n".join(EVENTS.format(day=day) for day in DAYS)
FEAR = (
    "I fear that the gang will kill me or take my daughter if we return; they killed my "
    "neighbour who refused to pay, and the police work with them."
)


def _claim(store: Store, client_id: ClientId) -> None:
    details = applicant.applicant_details(store=store, client_id=client_id)
    answers = replace(
        details,
        part_b1a=True,
        part_b1a_explanation=LONG_ACCOUNT,
        part_b1b=True,
        part_b1b_explanation=FEAR,
        part_b2=False,
        part_b3a=True,
        part_b3a_explanation="I was a member of the women's group of my church (2018-2023).",
        part_b3b=False,
        part_b4=True,
        part_b4_explanation="The police would hand me over to the gang, which tortures women.",
        part_c1=False,
        part_c2a=True,
        part_c2b=False,
        part_c2_explanation="We crossed Guatemala and Mexico in May and June 2023 (5 weeks).",
        part_c3=False,
        part_c4=False,
        part_c5=False,
        part_c6=False,
    )
    applicant.set_applicant_details(
        store=store, client_id=client_id, details=answers, today=TODAY
    ).unwrap()


# Part A.III: six residences (one more than item 2's rows), two schools, three jobs, the
# parents and five siblings (one more than item 5's rows).
RESIDENCES = (  # street, city, province, country, from, to
    ("4821 N Kedzie Ave Apt 3B", "Chicago", "Illinois", "US", date(2023, 7, 1), None),
    ("1200 W Lawrence Ave", "Chicago", "Illinois", "US", date(2023, 6, 1), date(2023, 7, 1)),
    (
        "Colonia Rivera Hernández",
        "San Pedro Sula",
        "Cortés",
        "HN",
        date(2022, 7, 1),
        date(2023, 5, 1),
    ),
    ("Barrio Guamilito", "San Pedro Sula", "Cortés", "HN", date(2021, 3, 1), date(2022, 7, 1)),
    (
        "Colonia Kennedy",
        "Tegucigalpa",
        "Francisco Morazán",
        "HN",
        date(2020, 1, 1),
        date(2021, 3, 1),
    ),
    ("Calle 5 #12", "La Ceiba", "Atlántida", "HN", date(2015, 1, 1), date(2020, 1, 1)),
)
BACKGROUND: tuple[BackgroundRow, ...] = (
    AddressRow(
        AddressKind.BEFORE_US,
        "Colonia Rivera Hernández",
        "San Pedro Sula",
        "Cortés",
        "HN",
        date(2022, 7, 1),
        date(2023, 5, 1),
    ),
    AddressRow(
        AddressKind.FEARED_COUNTRY,
        "Colonia Rivera Hernández",
        "San Pedro Sula",
        "Cortés",
        "HN",
        date(2022, 7, 1),
        date(2023, 5, 1),
    ),
    *(AddressRow(AddressKind.RESIDENCE, *row) for row in RESIDENCES),
    SchoolRow(
        "Instituto Central Vicente Cáceres",
        "High school",
        "Tegucigalpa, Honduras",
        date(1999, 2, 1),
        date(2003, 11, 1),
    ),
    SchoolRow(
        "Escuela Francisco Morazán",
        "Primary school",
        "La Ceiba, Honduras",
        date(1993, 2, 1),
        date(1998, 11, 1),
    ),
    WorkRow(
        "Tienda Elena, Colonia Rivera Hernández, San Pedro Sula",
        "Shop owner",
        date(2019, 5, 1),
        date(2023, 5, 1),
    ),
    WorkRow(
        "Maquila Textil Cortés, San Pedro Sula", "Seamstress", date(2010, 3, 1), date(2019, 4, 1)
    ),
    WorkRow("Panadería La Espiga, Chicago, IL", "Baker's assistant", date(2024, 2, 1), None),
    RelativeRow(
        Relation.MOTHER, "Rosa Gutiérrez Paz", "La Ceiba, Honduras", False, "La Ceiba, Honduras"
    ),
    RelativeRow(Relation.FATHER, "Héctor Ramírez Soto", "Olanchito, Honduras", True),
    *(
        RelativeRow(Relation.SIBLING, name, "La Ceiba, Honduras", False, where)
        for name, where in (
            ("Carlos Ramírez Gutiérrez", "Houston, TX"),
            ("Ana Ramírez Gutiérrez", "La Ceiba, Honduras"),
            ("Jorge Ramírez Gutiérrez", "Madrid, Spain"),
            ("Luis Ramírez Gutiérrez", "San Pedro Sula, Honduras"),
            ("Marta Ramírez Gutiérrez", "Tegucigalpa, Honduras"),
        )
    ),
)


def _background(store: Store, client_id: ClientId) -> None:
    for row in BACKGROUND:
        background.add_row(store=store, client_id=client_id, row=row, today=TODAY).unwrap()
