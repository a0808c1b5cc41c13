"""Synthetic, reproducible demo data: a whole clinic's case load, made through the services.

``fill_demo_data`` fills an open store with clients, cases, hearings, deadlines, evidence
(with small generated files), family members, staff and notes for demonstrations,
screenshots and benchmarks. Everything is invented: no real people, no network, no data
files. Every value comes from one ``random.Random(seed)``, so the same seed and the same
``today`` give the same data set (only the ids, timestamps and encryption keys differ).

Nothing is written behind the services' backs: every record goes through the same service
function (and validation, and audit entry) a user's action would, and every result is
unwrapped, so a generator bug fails loudly instead of leaving half-valid data.
"""

from __future__ import annotations

import io
import random
import struct
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import TypeVar

from anyascii import anyascii

from clinic.domain.anumber import format_a_number
from clinic.domain.drafts import (
    AddressDraft,
    CaseDraft,
    ClientDraft,
    DeadlineDraft,
    EvidenceDraft,
    FamilyMemberDraft,
    HearingDraft,
    StaffDraft,
)
from clinic.domain.enums import (
    ArrivalManner,
    AttendanceMode,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    DetentionStatus,
    EvidenceCategory,
    EvidenceStatus,
    HearingKind,
    Outcome,
    ProtectedGround,
    Relationship,
    Relief,
    Sex,
    StaffRole,
    Stage,
    TranslationStatus,
)
from clinic.domain.ids import CaseId, ClientId, StaffId
from clinic.services.cases import change_stage, open_case, refer_to_court
from clinic.services.clients import intake_client, record_move
from clinic.services.evidence import add_evidence, attach_file
from clinic.services.notes import add_note
from clinic.services.schedule import (
    close_deadline,
    record_deadline,
    record_hearing_outcome,
    schedule_hearing,
)
from clinic.services.staff import add_staff
from clinic.storage.store import Store

__all__ = ["DemoSummary", "fill_demo_data", "make_pdf", "make_png"]

T = TypeVar("T")

PAST_HEARING_DAYS = 400  # hearings are spread from 400 days ago ...
FUTURE_HEARING_DAYS = 300  # ... to 300 days ahead of ``today``
AFFIRMATIVE_SHARE = 0.4
MAX_FILE_BYTES = 4096


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind ``fill_demo_data`` created."""

    clients: int
    cases: int
    hearings: int
    deadlines: int
    evidence_items: int
    files: int
    family_members: int
    staff: int


# --------------------------------------------------------------------------------------------
# Reference data (all names are invented combinations of common given names and surnames)
# --------------------------------------------------------------------------------------------

_ES_SURNAMES = (
    "García", "Hernández", "López", "Martínez", "Rodríguez", "Pérez", "Sánchez", "Ramírez",
    "Cruz", "Flores", "Gómez", "Díaz", "Reyes", "Morales", "Jiménez", "Álvarez", "Castillo",
    "Mejía", "Orellana", "Guzmán", "Zelaya", "Méndez", "Ramos", "Vásquez", "Núñez", "Peña",
    "Aguilar", "Chávez", "Escobar", "Argueta", "Ortiz", "Domínguez", "Muñoz", "Velásquez",
    "Quiñónez", "Bonilla", "Matamoros", "Castañeda",
)  # fmt: skip
_ES_MALE = (
    "José Luis", "Juan Carlos", "Luis Ángel", "Jesús", "Óscar", "Héctor", "Andrés", "Wilmer",
    "Kevin Josué", "Erick", "Nelson", "Selvin", "Darwin", "Jonathan", "Yeison", "Ramón",
    "Efraín", "Luis Alejandro", "Yorman", "Jhonny", "Mauricio", "Edwin Josué", "Germán",
)  # fmt: skip
_ES_FEMALE = (
    "María José", "Ana Lucía", "Dayana", "Yesenia", "Sofía", "Gabriela", "Leticia", "Glenda",
    "Karla Patricia", "Rosa Elena", "Ingrid", "Mariela", "Marisol", "Jazmín", "Ángela",
    "Génesis", "Yusmary", "Daniela Alejandra", "Oriana", "Xiomara", "Lourdes", "Belén",
)  # fmt: skip
_MAYA_SURNAMES = (
    "Tzoc", "Xoy", "Ixcoy", "Tum", "Batz", "Cux", "Sic", "Coj", "Chumil", "Ajanel", "Bámaca",
    "Tojín", "Ordóñez", "Xicará",
)  # fmt: skip

_HT_SURNAMES = (
    "Jean-Baptiste", "Pierre", "Joseph", "Louis", "Charles", "Désir", "Étienne", "Saint-Fleur",
    "Dorvil", "Augustin", "Célestin", "Exantus", "Noël", "Valcourt", "Lafortune", "Théodore",
)  # fmt: skip
_HT_MALE = (
    "Jean Ernso", "Wilner", "Frantz", "Jean-Robert", "Stéphane", "Mackenson", "Jérémie",
    "Wisly", "Dieuseul", "Ricardo",
)  # fmt: skip
_HT_FEMALE = (
    "Marie-Ange", "Wideline", "Nadège", "Fabienne", "Guerline", "Rose-Mirlande", "Lovely",
    "Mirlande", "Roseline", "Jessica",
)  # fmt: skip

# (Cyrillic, passport romanisation, common alternative spelling)
_RU_SURNAMES = (
    ("Смирнов", "Smirnov", "Smirnov"), ("Иванов", "Ivanov", "Ivanov"),
    ("Кузнецов", "Kuznetsov", "Kouznetsov"), ("Попов", "Popov", "Popov"),
    ("Соколов", "Sokolov", "Sokolov"), ("Лебедев", "Lebedev", "Lebedeff"),
    ("Козлов", "Kozlov", "Kozlov"), ("Новиков", "Novikov", "Novikoff"),
    ("Морозов", "Morozov", "Morozov"), ("Волков", "Volkov", "Volkoff"),
    ("Павлов", "Pavlov", "Pavlov"), ("Зайцев", "Zaitsev", "Zaytsev"),
    ("Орлов", "Orlov", "Orlov"), ("Беляев", "Beliaev", "Belyaev"),
)  # fmt: skip
_RU_MALE = (
    ("Алексей", "Aleksei", "Alexey"), ("Дмитрий", "Dmitrii", "Dmitry"),
    ("Сергей", "Sergei", "Sergey"), ("Андрей", "Andrei", "Andrey"),
    ("Михаил", "Mikhail", "Michael"), ("Илья", "Ilia", "Ilya"), ("Никита", "Nikita", "Nikita"),
    ("Артём", "Artem", "Artyom"), ("Евгений", "Evgenii", "Evgeny"),
)  # fmt: skip
_RU_FEMALE = (
    ("Анна", "Anna", "Anna"), ("Екатерина", "Ekaterina", "Yekaterina"),
    ("Ольга", "Olga", "Olga"), ("Наталья", "Natalia", "Natalya"), ("Мария", "Mariia", "Maria"),
    ("Юлия", "Iuliia", "Yulia"), ("Татьяна", "Tatiana", "Tatyana"),
    ("Ксения", "Kseniia", "Ksenia"),
)  # fmt: skip
# Father's name -> (male patronymic, female patronymic)
_RU_PATRONYMICS = (
    ("Игоревич", "Игоревна"), ("Владимирович", "Владимировна"), ("Сергеевич", "Сергеевна"),
    ("Александрович", "Александровна"), ("Николаевич", "Николаевна"),
)  # fmt: skip

_UA_SURNAMES = (
    ("Шевченко", "Shevchenko", "Shevchenko"), ("Бондаренко", "Bondarenko", "Bondarenko"),
    ("Коваленко", "Kovalenko", "Kovalenko"), ("Ткаченко", "Tkachenko", "Tkachenko"),
    ("Кравченко", "Kravchenko", "Kravchenko"), ("Мельник", "Melnyk", "Melnik"),
    ("Бойко", "Boiko", "Boyko"), ("Ковальчук", "Kovalchuk", "Kovalchuk"),
    ("Олійник", "Oliinyk", "Oleynik"), ("Поліщук", "Polishchuk", "Polishchuk"),
    ("Лисенко", "Lysenko", "Lysenko"), ("Савчук", "Savchuk", "Savchuk"),
)  # fmt: skip
_UA_MALE = (
    ("Олександр", "Oleksandr", "Aleksandr"), ("Андрій", "Andrii", "Andriy"),
    ("Тарас", "Taras", "Taras"), ("Богдан", "Bohdan", "Bogdan"), ("Юрій", "Yurii", "Yuriy"),
    ("Віталій", "Vitalii", "Vitaliy"), ("Максим", "Maksym", "Maxim"),
)  # fmt: skip
_UA_FEMALE = (
    ("Олена", "Olena", "Elena"), ("Оксана", "Oksana", "Oksana"), ("Ірина", "Iryna", "Irina"),
    ("Наталія", "Nataliia", "Natalia"), ("Юлія", "Yuliia", "Yulia"),
    ("Світлана", "Svitlana", "Svetlana"), ("Галина", "Halyna", "Galina"),
)  # fmt: skip

_ZH_SURNAMES = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
    ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"),
    ("林", "Lin"), ("郑", "Zheng"),
)  # fmt: skip
_ZH_MALE = (
    ("伟", "Wei"), ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("建华", "Jianhua"),
    ("志强", "Zhiqiang"), ("海涛", "Haitao"), ("明", "Ming"),
)  # fmt: skip
_ZH_FEMALE = (
    ("秀英", "Xiuying"), ("丽", "Li"), ("静", "Jing"), ("敏", "Min"), ("娜", "Na"),
    ("美玲", "Meiling"), ("晓燕", "Xiaoyan"), ("芳", "Fang"),
)  # fmt: skip

_AF_SURNAMES = (
    ("احمدی", "Ahmadi"), ("حیدری", "Haidari"), ("رحیمی", "Rahimi"), ("محمدی", "Mohammadi"),
    ("هاشمی", "Hashimi"), ("نوری", "Noori"), ("کریمی", "Karimi"), ("صدیقی", "Siddiqi"),
    ("وردک", "Wardak"), ("پوپلزی", "Popalzai"), ("ستانکزی", "Stanikzai"),
    ("یوسفزی", "Yousafzai"),
)  # fmt: skip
_AF_MALE = (
    ("محمد", "Mohammad"), ("احمد", "Ahmad"), ("عبدالله", "Abdullah"), ("نصیر", "Nasir"),
    ("فرید", "Farid"), ("جاوید", "Javid"), ("حمید", "Hamid"), ("شفیق", "Shafiq"),
)  # fmt: skip
_AF_FEMALE = (
    ("فریبا", "Fariba"), ("زهرا", "Zahra"), ("مریم", "Maryam"), ("نرگس", "Nargis"),
    ("ملالی", "Malalai"), ("شکیلا", "Shakila"), ("پروین", "Parwin"), ("سمیرا", "Samira"),
)  # fmt: skip

_TR_SURNAMES = (
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kurt", "Güneş",
)  # fmt: skip
_TR_MALE = ("Mehmet", "Mustafa", "Ahmet", "Ömer", "Hüseyin", "İbrahim", "Uğur", "Barış", "Çağrı")
_TR_FEMALE = ("Ayşe", "Fatma", "Zeynep", "Elif", "Gülşen", "Şükran", "Hatice", "Özlem", "Çiğdem")

_VI_SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
)  # fmt: skip
_VI_MALE = ("Văn An", "Minh Tuấn", "Đức Anh", "Quang Huy", "Văn Hùng", "Hữu Phước", "Thành Long")
_VI_FEMALE = ("Thị Hương", "Thị Lan", "Ngọc Ánh", "Thu Trang", "Thị Mai", "Thị Hồng", "Bích Ngọc")

_STAFF_ATTORNEYS = (
    "Laura Méndez-Whitfield", "David Okafor", "Rachel Goldberg", "Tomás Ibarra", "Priya Raman",
)  # fmt: skip
_STAFF_PARALEGALS = (
    "Rosa Villanueva", "Kevin Tran", "Ana Lucía Paredes", "Marcus Bell", "Yelena Markova",
    "Diego Fuentes",
)  # fmt: skip
_STAFF_VOLUNTEERS = ("Emily Hart", "Samuel Osei", "Nadia Haddad")

_JUDGE_FIRST = ("Margaret", "Thomas", "Patricia", "Robert", "Elena", "Howard", "Diane", "Samuel")
_JUDGE_LAST = ("Whitcombe", "Lindqvist", "Okonkwo", "Carrasco", "Feldstein", "Ashby", "Moreland")


@dataclass(frozen=True)
class _City:
    name: str
    state: str
    zips: tuple[str, ...]
    area_code: str
    asylum_office: str
    receipt_prefix: str
    court: str
    timezone: str
    weight: int


_CITIES = (
    _City("Houston", "TX", ("77036", "77074", "77099", "77081"), "713", "Houston Asylum Office", "ZHN", "Houston Immigration Court", "America/Chicago", 10),
    _City("Brownsville", "TX", ("78520", "78521", "78526"), "956", "Houston Asylum Office", "ZHN", "Harlingen Immigration Court", "America/Chicago", 8),
    _City("McAllen", "TX", ("78501", "78504"), "956", "Houston Asylum Office", "ZHN", "Harlingen Immigration Court", "America/Chicago", 6),
    _City("El Paso", "TX", ("79901", "79905", "79907"), "915", "Houston Asylum Office", "ZHN", "El Paso Immigration Court", "America/Denver", 8),
    _City("San Antonio", "TX", ("78207", "78228"), "210", "Houston Asylum Office", "ZHN", "San Antonio Immigration Court", "America/Chicago", 6),
    _City("Dallas", "TX", ("75211", "75228"), "214", "Houston Asylum Office", "ZHN", "Dallas Immigration Court", "America/Chicago", 4),
    _City("Los Angeles", "CA", ("90011", "90057", "90006"), "213", "Los Angeles Asylum Office", "ZLA", "Los Angeles Immigration Court", "America/Los_Angeles", 4),
    _City("San Diego", "CA", ("92105", "92113"), "619", "Los Angeles Asylum Office", "ZLA", "San Diego Immigration Court", "America/Los_Angeles", 3),
    _City("Sacramento", "CA", ("95815", "95823"), "916", "San Francisco Asylum Office", "ZSF", "Sacramento Immigration Court", "America/Los_Angeles", 2),
    _City("Phoenix", "AZ", ("85009", "85017"), "602", "Los Angeles Asylum Office", "ZLA", "Phoenix Immigration Court", "America/Phoenix", 2),
    _City("Miami", "FL", ("33125", "33135", "33147"), "305", "Miami Asylum Office", "ZMI", "Miami Immigration Court", "America/New_York", 3),
    _City("Orlando", "FL", ("32839", "32822"), "407", "Miami Asylum Office", "ZMI", "Orlando Immigration Court", "America/New_York", 2),
    _City("Brooklyn", "NY", ("11235", "11220", "11214"), "718", "New York Asylum Office", "ZNY", "New York - Broadway Immigration Court", "America/New_York", 2),
    _City("Flushing", "NY", ("11355", "11354"), "718", "New York Asylum Office", "ZNY", "New York - Broadway Immigration Court", "America/New_York", 1),
    _City("Newark", "NJ", ("07105", "07104"), "973", "Newark Asylum Office", "ZNK", "Newark Immigration Court", "America/New_York", 2),
    _City("Chicago", "IL", ("60623", "60629"), "773", "Chicago Asylum Office", "ZCH", "Chicago Immigration Court", "America/Chicago", 2),
    _City("Charlotte", "NC", ("28212", "28205"), "704", "Arlington Asylum Office", "ZAR", "Charlotte Immigration Court", "America/New_York", 1),
)  # fmt: skip
_CITY_BY_NAME = {c.name: c for c in _CITIES}

_STREETS = (
    "Bellaire Blvd", "Gessner Rd", "Main St", "Elm St", "Oak Ave", "Maple Ave", "Washington Ave",
    "Pine St", "Cedar Ln", "Lincoln Ave", "Park Pl", "Jefferson St", "Sunset Dr", "Church St",
    "Mission Rd", "Mesa St", "Alameda Ave", "Palm Blvd", "Brighton 6th St", "Roosevelt Ave",
)  # fmt: skip


@dataclass(frozen=True)
class _Facility:
    name: str
    court: str
    timezone: str


_FACILITIES = (
    _Facility("South Texas ICE Processing Center", "Pearsall Immigration Court", "America/Chicago"),
    _Facility("Montgomery Processing Center", "Conroe Immigration Court", "America/Chicago"),
    _Facility("Port Isabel Service Processing Center", "Port Isabel Immigration Court", "America/Chicago"),
    _Facility("El Paso Service Processing Center", "El Paso SPC Immigration Court", "America/Denver"),
    _Facility("Otay Mesa Detention Center", "Otay Mesa Immigration Court", "America/Los_Angeles"),
    _Facility("Krome North Service Processing Center", "Krome Immigration Court", "America/New_York"),
)  # fmt: skip

_PSG = ProtectedGround.PARTICULAR_SOCIAL_GROUP
_POL = ProtectedGround.POLITICAL_OPINION
_REL = ProtectedGround.RELIGION
_RACE = ProtectedGround.RACE
_NAT = ProtectedGround.NATIONALITY


@dataclass(frozen=True)
class _Profile:
    """Where a client comes from: names, languages, claims and documents typical of it."""

    country: str  # ISO 3166-1 alpha-2
    country_name: str
    weight: int
    style: str  # how names are built
    languages: tuple[tuple[tuple[str, ...], int], ...]  # weighted language lists
    doc_language: str  # the language of the home country's documents
    cities: tuple[str, ...]  # preferred places of residence (others are possible)
    arrivals: tuple[tuple[ArrivalManner, str], ...]
    claims: tuple[tuple[frozenset[ProtectedGround], str], ...]  # grounds, PSG definition
    adverse: tuple[str, ...]
    identity_docs: tuple[str, ...]
    corroboration: tuple[str, ...]


_BORDER = (
    (ArrivalManner.WITHOUT_INSPECTION, "near Hidalgo, TX"),
    (ArrivalManner.WITHOUT_INSPECTION, "near Eagle Pass, TX"),
    (ArrivalManner.WITHOUT_INSPECTION, "near El Paso, TX"),
    (ArrivalManner.PAROLED, "Brownsville, TX (Gateway International Bridge)"),
    (ArrivalManner.PAROLED, "San Ysidro, CA port of entry"),
    (ArrivalManner.WITHOUT_INSPECTION, "near Lukeville, AZ"),
)
_AIRPORTS = (
    (ArrivalManner.INSPECTED, "JFK International Airport, NY"),
    (ArrivalManner.INSPECTED, "Miami International Airport, FL"),
    (ArrivalManner.INSPECTED, "Los Angeles International Airport, CA"),
    (ArrivalManner.INSPECTED, "George Bush Intercontinental Airport, Houston, TX"),
)

_PROFILES = (
    _Profile(
        "HN", "Honduras", 14, "spanish", ((("es",), 9), (("es", "en"), 1)), "es",
        ("Houston", "Brownsville", "McAllen", "Charlotte"), _BORDER,
        (
            (frozenset({_PSG}), "Honduran women who are unable to leave a domestic relationship"),
            (frozenset({_PSG}), "Immediate family members of a Honduran police officer murdered by MS-13"),
            (frozenset({_PSG, _POL}), "Honduran small-business owners who refused to pay gang extortion"),
            (frozenset({_POL}), ""),
        ),
        ("MS-13 (Mara Salvatrucha)", "Barrio 18", "Los Chirizos"),
        ("Honduran passport", "DNI (Documento Nacional de Identificación)", "Birth certificate (partida de nacimiento)"),
        ("Police report (denuncia) to the Ministerio Público", "Death certificate of brother (acta de defunción)", "Threatening WhatsApp messages (screenshots)"),
    ),
    _Profile(
        "GT", "Guatemala", 12, "maya",
        ((("quc", "es"), 4), (("mam", "es"), 3), (("es",), 5), (("mam",), 1)), "es",
        ("Houston", "Los Angeles", "Brownsville", "Dallas"), _BORDER,
        (
            (frozenset({_PSG, _RACE}), "Indigenous K'iche' women in Guatemala"),
            (frozenset({_PSG}), "Guatemalan women who are viewed as property by their partners"),
            (frozenset({_POL}), ""),
            (frozenset({_PSG}), "Guatemalan land-rights activists from Indigenous communities"),
        ),
        ("Barrio 18", "Local comité de seguridad leaders"),
        ("DPI (Documento Personal de Identificación)", "Guatemalan passport", "Birth certificate (certificado de nacimiento, RENAP)"),
        ("Community leader's letter (constancia de la alcaldía indígena)", "Police report (denuncia) to the PNC", "Photographs of burned house"),
    ),
    _Profile(
        "SV", "El Salvador", 10, "spanish", ((("es",), 1),), "es",
        ("Houston", "Los Angeles", "Charlotte", "Dallas"), _BORDER,
        (
            (frozenset({_PSG}), "Salvadoran former police officers targeted by gangs"),
            (frozenset({_PSG}), "Salvadoran youths who refused gang recruitment"),
            (frozenset({_POL}), ""),
        ),
        ("MS-13 (Mara Salvatrucha)", "Barrio 18 Revolucionarios"),
        ("DUI (Documento Único de Identidad)", "Salvadoran passport", "Birth certificate (partida de nacimiento)"),
        ("Police report (denuncia) to the Fiscalía", "Letter from parish priest", "Medical record from Hospital Rosales"),
    ),
    _Profile(
        "MX", "Mexico", 10, "spanish", ((("es",), 1),), "es",
        ("El Paso", "San Antonio", "Phoenix", "Los Angeles", "Chicago"), _BORDER,
        (
            (frozenset({_PSG}), "Mexican witnesses who testified against members of a drug cartel"),
            (frozenset({_PSG}), "Gay men in Mexico"),
            (frozenset({_POL}), ""),
        ),
        ("Cártel del Golfo", "Cártel de Jalisco Nueva Generación", "Municipal police of Reynosa"),
        ("INE voter ID card", "Mexican passport", "Birth certificate (acta de nacimiento)"),
        ("Complaint to the Fiscalía General (carpeta de investigación)", "News article from local newspaper", "Threat letter (narcomanta photograph)"),
    ),
    _Profile(
        "VE", "Venezuela", 10, "spanish", ((("es",), 8), (("es", "en"), 2)), "es",
        ("Miami", "Orlando", "Houston", "Chicago"), (*_BORDER[:3], *_AIRPORTS[:2]),
        (
            (frozenset({_POL}), ""),
            (frozenset({_POL, _PSG}), "Venezuelan opposition poll witnesses"),
        ),
        ("SEBIN officers", "Colectivos of the 23 de Enero", "Guardia Nacional Bolivariana"),
        ("Cédula de identidad", "Venezuelan passport", "Birth certificate (partida de nacimiento)"),
        ("Membership card of opposition party", "Photographs of protest injuries", "Letter from the Foro Penal legal team"),
    ),
    _Profile(
        "HT", "Haiti", 8, "haitian", ((("ht", "fr"), 5), (("ht",), 4), (("ht", "en"), 1)), "fr",
        ("Miami", "Orlando", "Newark", "Brooklyn"), (_BORDER[3], _BORDER[4], _AIRPORTS[1]),
        (
            (frozenset({_POL}), ""),
            (frozenset({_PSG}), "Haitian women without male protection in gang-controlled neighbourhoods"),
            (frozenset({_PSG, _POL}), "Haitian journalists who report on gang violence"),
        ),
        ("Gang 400 Mawozo", "Village de Dieu gang members"),
        ("Haitian passport", "Acte de naissance", "Carte d'identification nationale (CIN)"),
        ("Police report (rapport de police)", "Letter from RNDDH human-rights monitor", "Photographs of destroyed market stall"),
    ),
    _Profile(
        "RU", "Russia", 7, "russian", ((("ru",), 8), (("ru", "en"), 2)), "ru",
        ("Brooklyn", "San Diego", "Sacramento"), (_BORDER[4], _AIRPORTS[0], _AIRPORTS[2]),
        (
            (frozenset({_POL}), ""),
            (frozenset({_REL}), ""),
            (frozenset({_PSG}), "Gay men in Russia"),
            (frozenset({_POL, _PSG}), "Russian men who refuse military mobilisation"),
        ),
        ("Center for Combating Extremism (Center E) officers", "Military enlistment office (voenkomat)"),
        ("Internal passport (внутренний паспорт)", "International passport (загранпаспорт)", "Birth certificate (свидетельство о рождении)"),
        ("Administrative protocol for anti-war picket (протокол)", "Mobilisation summons (повестка)", "Court judgment under Article 20.3.3"),
    ),
    _Profile(
        "CN", "China", 7, "chinese", ((("zh",), 6), (("zh", "cdo"), 2), (("zh", "en"), 2)), "zh",
        ("Flushing", "Brooklyn", "Los Angeles"), (*_AIRPORTS, _BORDER[4]),
        (
            (frozenset({_REL}), ""),
            (frozenset({_POL}), ""),
            (frozenset({_REL, _POL}), ""),
        ),
        ("Public Security Bureau officers", "Village family-planning officials"),
        ("Resident identity card (居民身份证)", "Household registration booklet (户口簿)", "Chinese passport"),
        ("Letter from house-church pastor", "Detention notice (拘留通知书)", "Sterilisation certificate"),
    ),
    _Profile(
        "AF", "Afghanistan", 6, "afghan", ((("prs",), 4), (("fa",), 2), (("ps", "prs"), 3), (("ps",), 1)), "prs",
        ("Sacramento", "Houston", "Dallas"),
        ((ArrivalManner.PAROLED, "Dulles International Airport, VA"), (ArrivalManner.PAROLED, "Philadelphia International Airport, PA"), _BORDER[0]),
        (
            (frozenset({_POL}), ""),
            (frozenset({_RACE, _REL}), ""),
            (frozenset({_PSG}), "Afghan women who worked outside the home"),
            (frozenset({_PSG, _POL}), "Former employees of U.S.-funded organisations in Afghanistan"),
        ),
        ("Taliban", "Taliban intelligence (GDI)"),
        ("Tazkira (تذکره)", "Afghan passport", "Marriage certificate (نکاح خط)"),
        ("Employment letter from U.S.-funded NGO", "Taliban night letter (شب‌نامه)", "Photographs of ID badge"),
    ),
    _Profile(
        "UA", "Ukraine", 4, "ukrainian", ((("uk",), 5), (("uk", "ru"), 4), (("uk", "en"), 1)), "uk",
        ("Sacramento", "Brooklyn", "Chicago"), (_AIRPORTS[0], _BORDER[4], (ArrivalManner.PAROLED, "Chicago O'Hare International Airport, IL")),
        (
            (frozenset({_POL}), ""),
            (frozenset({_NAT, _POL}), ""),
            (frozenset({_PSG}), "Ukrainian civilians from occupied territories who refused Russian citizenship"),
        ),
        ("Occupation administration officials",),
        ("Ukrainian internal passport (ID card)", "International passport", "Birth certificate (свідоцтво про народження)"),
        ("Letter from village council", "Photographs of destroyed home", "Filtration-camp release paper"),
    ),
    _Profile(
        "TR", "Turkey", 5, "turkish", ((("tr",), 7), (("kmr", "tr"), 3)), "tr",
        ("Newark", "Brooklyn", "Houston"), (*_AIRPORTS[:1], _BORDER[4], _BORDER[2]),
        (
            (frozenset({_POL}), ""),
            (frozenset({_RACE, _POL}), ""),
            (frozenset({_PSG, _POL}), "Turkish teachers dismissed by emergency decree"),
        ),
        ("Turkish National Police counter-terrorism unit",),
        ("Turkish ID card (nüfus cüzdanı)", "Turkish passport", "Population registry extract (nüfus kayıt örneği)"),
        ("Emergency decree dismissal list (KHK)", "Indictment (iddianame)", "UYAP court record printout"),
    ),
    _Profile(
        "VN", "Vietnam", 3, "vietnamese", ((("vi",), 8), (("vi", "en"), 2)), "vi",
        ("Houston", "Orlando", "San Diego"), _AIRPORTS,
        (
            (frozenset({_REL}), ""),
            (frozenset({_POL}), ""),
        ),
        ("Commune police", "Provincial public-security officers"),
        ("Citizen ID card (căn cước công dân)", "Vietnamese passport", "Birth certificate (giấy khai sinh)"),
        ("Summons from commune police (giấy triệu tập)", "Letter from Hòa Hảo temple", "Blog posts (printouts)"),
    ),
)  # fmt: skip

_ADVERSE_PERSON_SHARE = 0.35

# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _strip_accents(text: str) -> str:
    """'José Núñez' -> 'Jose Nunez'; 'Đỗ' -> 'Do'; 'Yıldız' -> 'Yildiz' (how forms get typed)."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("ı", "i").replace("İ", "I")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _ascii(text: str) -> str:
    return str(anyascii(text))


def _pick(rng: random.Random, options: Sequence[T]) -> T:
    return options[rng.randrange(len(options))]


def _weighted(rng: random.Random, options: Sequence[tuple[T, int]]) -> T:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options], k=1)[0]


def _between(rng: random.Random, lo: date, hi: date) -> date:
    """A day from ``lo`` to ``hi`` inclusive (``lo`` when the range is empty)."""
    span = (hi - lo).days
    return lo + timedelta(days=rng.randint(0, span)) if span > 0 else lo


def _chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


# --------------------------------------------------------------------------------------------
# Generated file contents (each well under 4 KB)
# --------------------------------------------------------------------------------------------


def _pdf_escape(text: str) -> str:
    ascii_text = _ascii(text)
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A small, valid PDF (Helvetica text, one content stream per page) built by hand."""
    count = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        (
            "<< /Type /Pages /Kids ["
            + " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
            + f"] /Count {count} >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for index, lines in enumerate(pages):
        shown = " ".join(f"({_pdf_escape(line)}) '" for line in lines)
        stream = f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET".encode()
        objects.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * index} 0 R >>"
            ).encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def make_png(rng: random.Random, width: int = 32, height: int = 24) -> bytes:
    """A small, valid RGB PNG: a soft two-colour gradient standing in for a photograph."""
    start = [rng.randint(40, 200) for _ in range(3)]
    end = [rng.randint(40, 200) for _ in range(3)]
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            mix = (x + y) / (width + height - 2)
            rows += bytes(int(s + (e - s) * mix) for s, e in zip(start, end, strict=True))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    family: str
    given: str
    aliases: tuple[str, ...]
    latin: str  # "Given Family" in Latin letters (e-mail addresses, file names)
    lineage: tuple[str, str]  # the surname this person passes on: (masculine, feminine)


def _is_female(sex: Sex, rng: random.Random) -> bool:
    if sex is Sex.FEMALE:
        return True
    if sex is Sex.MALE:
        return False
    return _chance(rng, 0.5)


def _spanish_person(rng: random.Random, female: bool, surnames: Sequence[str]) -> _Person:
    first = _pick(rng, surnames)
    second = _pick(rng, [s for s in _ES_SURNAMES if s != first])
    given = _pick(rng, _ES_FEMALE if female else _ES_MALE)
    aliases: list[str] = []
    if _chance(rng, 0.55):
        aliases.append(_strip_accents(f"{given} {first}"))
    if _chance(rng, 0.15):
        aliases.append(f"{given.split()[0]} {first} {second}")
    latin = _strip_accents(f"{given} {first}")
    return _Person(f"{first} {second}", given, tuple(aliases), latin, (first, first))


def _haitian_person(rng: random.Random, female: bool) -> _Person:
    family = _pick(rng, _HT_SURNAMES)
    given = _pick(rng, _HT_FEMALE if female else _HT_MALE)
    plain = _strip_accents(f"{given} {family}").replace("-", " ")
    aliases = (plain,) if plain != f"{given} {family}" or _chance(rng, 0.3) else ()
    return _Person(family, given, aliases, _strip_accents(f"{given} {family}"), (family, family))


def _slavic_person(
    rng: random.Random,
    female: bool,
    surnames: Sequence[tuple[str, str, str]],
    given_pool: Sequence[tuple[str, str, str]],
    *,
    gendered: bool,
) -> _Person:
    cyr, latin_family, alt_family = _pick(rng, surnames)
    masculine = (cyr, latin_family, alt_family)
    if female and gendered:
        cyr, latin_family, alt_family = cyr + "а", latin_family + "a", alt_family + "a"
    given_cyr, given_latin, given_alt = _pick(rng, given_pool)
    given = given_cyr
    if gendered and _chance(rng, 0.5):
        given = f"{given_cyr} {_pick(rng, _RU_PATRONYMICS)[1 if female else 0]}"
    aliases = [f"{given_latin} {latin_family}"]
    if (given_alt, alt_family) != (given_latin, latin_family) and _chance(rng, 0.6):
        aliases.append(f"{given_alt} {alt_family}")
    lineage = (masculine[0], masculine[0] + "а") if gendered else (masculine[0], masculine[0])
    return _Person(cyr, given, tuple(aliases), aliases[0], lineage)


def _pair_person(
    rng: random.Random,
    female: bool,
    surnames: Sequence[tuple[str, str]],
    male: Sequence[tuple[str, str]],
    women: Sequence[tuple[str, str]],
    *,
    family_first_alias: bool,
) -> _Person:
    family, family_latin = _pick(rng, surnames)
    given, given_latin = _pick(rng, women if female else male)
    western = f"{given_latin} {family_latin}"
    if family_first_alias:  # Chinese: "Wang Wei" as in the passport, sometimes "Wei Wang"
        aliases = [f"{family_latin} {given_latin}"]
        if _chance(rng, 0.5):
            aliases.append(western)
    else:
        aliases = [western]
    return _Person(family, given, tuple(aliases), western, (family, family))


def _afghan_person(rng: random.Random, female: bool) -> _Person:
    if _chance(rng, 0.12):  # one name only, as many Afghans have: no family name on the tazkira
        name, latin = _pick(rng, _AF_FEMALE if female else _AF_MALE)
        return _Person(name, "", (latin, f"{latin} FNU"), latin, (name, name))
    person = _pair_person(rng, female, _AF_SURNAMES, _AF_MALE, _AF_FEMALE, family_first_alias=False)
    if person.latin.startswith("Mohammad") and _chance(rng, 0.5):
        alternative = person.latin.replace("Mohammad", "Muhammad")
        person = _Person(
            person.family,
            person.given,
            (*person.aliases, alternative),
            person.latin,
            person.lineage,
        )
    return person


def _latin_person(
    rng: random.Random,
    female: bool,
    surnames: Sequence[str],
    male: Sequence[str],
    women: Sequence[str],
    *,
    family_first: bool,
) -> _Person:
    family = _pick(rng, surnames)
    given = _pick(rng, women if female else male)
    ordered = f"{family} {given}" if family_first else f"{given} {family}"
    plain = _strip_accents(ordered)
    aliases = (plain,) if _chance(rng, 0.7) else ()
    return _Person(family, given, aliases, _strip_accents(f"{given} {family}"), (family, family))


_PersonMaker = Callable[[random.Random, bool], _Person]
_NAME_STYLES: dict[str, _PersonMaker] = {
    "spanish": lambda rng, female: _spanish_person(rng, female, _ES_SURNAMES),
    "maya": lambda rng, female: _spanish_person(rng, female, _MAYA_SURNAMES + _ES_SURNAMES[:12]),
    "haitian": _haitian_person,
    "russian": lambda rng, female: _slavic_person(
        rng, female, _RU_SURNAMES, _RU_FEMALE if female else _RU_MALE, gendered=True
    ),
    "ukrainian": lambda rng, female: _slavic_person(
        rng, female, _UA_SURNAMES, _UA_FEMALE if female else _UA_MALE, gendered=False
    ),
    "chinese": lambda rng, female: _pair_person(
        rng, female, _ZH_SURNAMES, _ZH_MALE, _ZH_FEMALE, family_first_alias=True
    ),
    "afghan": _afghan_person,
    "turkish": lambda rng, female: _latin_person(
        rng, female, _TR_SURNAMES, _TR_MALE, _TR_FEMALE, family_first=False
    ),
    "vietnamese": lambda rng, female: _latin_person(
        rng, female, _VI_SURNAMES, _VI_MALE, _VI_FEMALE, family_first=True
    ),
}


def _make_person(rng: random.Random, style: str, female: bool) -> _Person:
    return _NAME_STYLES[style](rng, female)


def _relative_family_name(
    style: str, relative: _Person, female: bool, father: _Person | None, mother: _Person | None
) -> str:
    """The family name a child gets from its parents, by the naming customs of ``style``."""
    if style in ("spanish", "maya"):
        first = father.lineage[0] if father else (mother.lineage[0] if mother else "")
        second = mother.lineage[0] if mother and father else ""
        return f"{first} {second}".strip() or relative.family
    source = father or mother
    if source is None:
        return relative.family
    return source.lineage[1] if female else source.lineage[0]


# --------------------------------------------------------------------------------------------
# Case plans: where each case ends up, and the stage steps that take it there
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    claim: ClaimType  # at opening; a referral makes it defensive
    final: Stage
    referral: bool = False
    outcome: Outcome | None = None


@dataclass(frozen=True)
class _Step:
    stage: Stage  # HEARINGS for a referral
    outcome: Outcome | None = None
    refer: bool = False
    note: str = ""


_A, _D = ClaimType.AFFIRMATIVE, ClaimType.DEFENSIVE

# Every claim type in every stage, a closed case of each, and two referrals (one still
# in court, one decided): the first plans handed out, so small data sets show them all.
_REQUIRED_AFFIRMATIVE = (
    _Plan(_A, Stage.INTAKE),
    _Plan(_A, Stage.PREPARING),
    _Plan(_A, Stage.FILED),
    _Plan(_A, Stage.INTERVIEW),
    _Plan(_A, Stage.DECISION),
    _Plan(_A, Stage.CLOSED, outcome=Outcome.GRANTED),
    _Plan(_A, Stage.HEARINGS, referral=True),
    _Plan(_A, Stage.CLOSED, referral=True, outcome=Outcome.GRANTED),
)
_REQUIRED_DEFENSIVE = (
    _Plan(_D, Stage.INTAKE),
    _Plan(_D, Stage.PREPARING),
    _Plan(_D, Stage.FILED),
    _Plan(_D, Stage.HEARINGS),
    _Plan(_D, Stage.DECISION),
    _Plan(_D, Stage.APPEAL),
    _Plan(_D, Stage.CLOSED, outcome=Outcome.REMOVAL_ORDERED),
)

_AFFIRMATIVE_FINAL = (
    (Stage.INTAKE, 6), (Stage.PREPARING, 14), (Stage.FILED, 20), (Stage.INTERVIEW, 18),
    (Stage.DECISION, 8), (Stage.CLOSED, 16), (Stage.HEARINGS, 10),  # HEARINGS = referred
)  # fmt: skip
_AFFIRMATIVE_CLOSED = (
    (Outcome.GRANTED, 55), (Outcome.WITHDRAWN, 15), (Outcome.TRANSFERRED, 10),
    (Outcome.DISMISSED, 10), (Outcome.DENIED, 10),
)  # fmt: skip
_REFERRED_FINAL = ((Stage.HEARINGS, 7), (Stage.DECISION, 1), (Stage.CLOSED, 2))
_DEFENSIVE_FINAL = (
    (Stage.INTAKE, 5), (Stage.PREPARING, 14), (Stage.FILED, 14), (Stage.HEARINGS, 32),
    (Stage.DECISION, 8), (Stage.APPEAL, 7), (Stage.CLOSED, 20),
)  # fmt: skip
_DEFENSIVE_CLOSED = (
    (Outcome.GRANTED, 30), (Outcome.WITHHOLDING_GRANTED, 10), (Outcome.CAT_GRANTED, 5),
    (Outcome.REMOVAL_ORDERED, 15), (Outcome.VOLUNTARY_DEPARTURE, 5), (Outcome.TERMINATED, 8),
    (Outcome.DISMISSED, 7), (Outcome.ADMINISTRATIVELY_CLOSED, 8), (Outcome.TRANSFERRED, 7),
    (Outcome.WITHDRAWN, 5),
)  # fmt: skip
_GRANTS = (Outcome.GRANTED, Outcome.WITHHOLDING_GRANTED, Outcome.CAT_GRANTED)


def _random_plan(rng: random.Random, claim: ClaimType) -> _Plan:
    if claim is ClaimType.AFFIRMATIVE:
        final = _weighted(rng, _AFFIRMATIVE_FINAL)
        if final is Stage.HEARINGS:
            referred_final = _weighted(rng, _REFERRED_FINAL)
            outcome = (
                _pick(rng, (Outcome.GRANTED, Outcome.TERMINATED, Outcome.REMOVAL_ORDERED))
                if referred_final is Stage.CLOSED
                else None
            )
            return _Plan(claim, referred_final, referral=True, outcome=outcome)
        outcome = _weighted(rng, _AFFIRMATIVE_CLOSED) if final is Stage.CLOSED else None
        return _Plan(claim, final, outcome=outcome)
    final = _weighted(rng, _DEFENSIVE_FINAL)
    outcome = _weighted(rng, _DEFENSIVE_CLOSED) if final is Stage.CLOSED else None
    return _Plan(claim, final, outcome=outcome)


def _plans(rng: random.Random, count: int) -> list[_Plan]:
    affirmative = round(count * AFFIRMATIVE_SHARE)
    chosen = list(_REQUIRED_AFFIRMATIVE[:affirmative])
    chosen += [_random_plan(rng, _A) for _ in range(affirmative - len(chosen))]
    defensive = list(_REQUIRED_DEFENSIVE[: count - affirmative])
    defensive += [_random_plan(rng, _D) for _ in range(count - affirmative - len(defensive))]
    plans = chosen + defensive
    rng.shuffle(plans)
    return plans


def _closing(outcome: Outcome) -> _Step:
    return _Step(Stage.CLOSED, outcome, note=f"Closed: {outcome.value.replace('_', ' ')}")


_FILE_NOTE = {
    ClaimType.AFFIRMATIVE: "I-589 mailed to USCIS; receipt notice received",
    ClaimType.DEFENSIVE: "I-589 lodged with the immigration court",
}


def _affirmative_steps(rng: random.Random, plan: _Plan) -> list[_Step]:
    prep = _Step(Stage.PREPARING, note="Retainer signed; declaration started")
    filed = _Step(Stage.FILED, note=_FILE_NOTE[_A])
    interview = _Step(Stage.INTERVIEW, note="Interview notice received")
    if plan.referral:
        steps = [prep, filed, interview]
        if _chance(rng, 0.3):
            steps.append(_Step(Stage.DECISION, note="Referral notice issued by the asylum office"))
        steps.append(_Step(Stage.HEARINGS, Outcome.REFERRED, refer=True, note="NTA filed"))
        if plan.final is Stage.DECISION:
            steps.append(_Step(Stage.DECISION, note="Individual hearing held; decision reserved"))
        elif plan.final is Stage.CLOSED and plan.outcome is not None:
            if plan.outcome is not Outcome.TERMINATED:
                steps.append(_Step(Stage.DECISION, plan.outcome, note="Decision announced"))
            steps.append(_closing(plan.outcome))
        return steps
    ladder = {
        Stage.INTAKE: [],
        Stage.PREPARING: [prep],
        Stage.FILED: [prep, filed],
        Stage.INTERVIEW: [prep, filed, interview],
        Stage.DECISION: [
            prep,
            filed,
            interview,
            _Step(Stage.DECISION, Outcome.GRANTED if _chance(rng, 0.4) else None, note="Decision"),
        ],
    }
    if plan.final in ladder:
        return ladder[plan.final]
    outcome = plan.outcome or Outcome.WITHDRAWN
    if outcome in (Outcome.GRANTED, Outcome.DENIED):
        decision = _Step(Stage.DECISION, outcome, note="Decision received from the asylum office")
        return [prep, filed, interview, decision, _closing(outcome)]
    if outcome is Outcome.DISMISSED:
        return [prep, filed, interview, _closing(outcome)]
    return [prep, filed, _closing(outcome)] if _chance(rng, 0.5) else [prep, _closing(outcome)]


def _defensive_steps(rng: random.Random, plan: _Plan) -> list[_Step]:
    prep = _Step(Stage.PREPARING, note="Retainer signed; EOIR-28 filed")
    filed = _Step(Stage.FILED, note=_FILE_NOTE[_D])
    head = [prep, filed] if _chance(rng, 0.7) else [prep]  # or lodged at the first hearing
    hearings = _Step(Stage.HEARINGS, note="Individual hearing set")
    denial = _Step(Stage.DECISION, Outcome.REMOVAL_ORDERED, note="Relief denied; removal ordered")
    appeal = _Step(Stage.APPEAL, note="EOIR-26 notice of appeal filed with the BIA")
    if plan.final is not Stage.CLOSED:
        decision = _Step(
            Stage.DECISION,
            _pick(rng, (None, Outcome.GRANTED, Outcome.DENIED, Outcome.REMOVAL_ORDERED)),
            note="Oral decision",
        )
        return {
            Stage.INTAKE: [],
            Stage.PREPARING: [prep],
            Stage.FILED: [prep, filed],
            Stage.HEARINGS: [*head, hearings],
            Stage.DECISION: [*head, hearings, decision],
            Stage.APPEAL: [*head, hearings, denial, appeal],
        }[plan.final]
    outcome = plan.outcome or Outcome.WITHDRAWN
    if outcome is Outcome.REMOVAL_ORDERED and _chance(rng, 0.4):
        bia = _Step(Stage.DECISION, Outcome.DENIED, note="BIA dismissed the appeal")
        return [*head, hearings, denial, appeal, bia, _closing(outcome)]
    if outcome in (*_GRANTS, Outcome.REMOVAL_ORDERED, Outcome.VOLUNTARY_DEPARTURE):
        decision = _Step(Stage.DECISION, outcome, note="Oral decision at individual hearing")
        return [*head, hearings, decision, _closing(outcome)]
    if outcome in (Outcome.TERMINATED, Outcome.DISMISSED, Outcome.ADMINISTRATIVELY_CLOSED):
        return [*head, hearings, _closing(outcome)]
    return [*head, _closing(outcome)]


# Typical days from one step to the next, and days spent so far in the stage a case is in.
_STEP_DAYS = {
    Stage.PREPARING: (2, 45),
    Stage.FILED: (20, 150),
    Stage.INTERVIEW: (60, 600),  # the asylum-office backlog
    Stage.HEARINGS: (30, 400),
    Stage.DECISION: (14, 200),
    Stage.APPEAL: (5, 29),  # the 30-day appeal window
    Stage.CLOSED: (1, 40),
}
_REFERRAL_DAYS = (14, 120)
_BIA_DAYS = (120, 400)
_EARLY_CLOSING_DAYS = (20, 300)
_DWELL_DAYS = {
    Stage.INTAKE: (0, 25),
    Stage.PREPARING: (0, 120),
    Stage.FILED: (0, 400),
    Stage.INTERVIEW: (0, 200),
    Stage.HEARINGS: (0, 500),
    Stage.DECISION: (0, 120),
    Stage.APPEAL: (0, 300),
    Stage.CLOSED: (0, 700),
}
DETAINED_PACE = 0.35  # the detained docket moves about three times as fast


def _step_gap(rng: random.Random, previous: _Step | None, step: _Step, pace: float) -> int:
    if step.refer:
        low, high = _REFERRAL_DAYS
    elif previous is not None and previous.stage is Stage.APPEAL:
        low, high = _BIA_DAYS
    elif step.stage is Stage.CLOSED and (previous is None or previous.stage is not Stage.DECISION):
        low, high = _EARLY_CLOSING_DAYS
    else:
        low, high = _STEP_DAYS[step.stage]
    return max(1, round(rng.randint(low, high) * pace))


def _timeline(
    rng: random.Random, steps: Sequence[_Step], today: date, *, pace: float
) -> tuple[date, list[tuple[_Step, date]]]:
    """The opening day and each step's day: typical durations, then time in the last stage."""
    gaps = [_step_gap(rng, steps[i - 1] if i else None, step, pace) for i, step in enumerate(steps)]
    final = steps[-1].stage if steps else Stage.INTAKE
    low, high = _DWELL_DAYS[final]
    dwell = round(rng.randint(low, high) * pace)
    opened_on = today - timedelta(days=sum(gaps) + dwell)
    dated: list[tuple[_Step, date]] = []
    on = opened_on
    for step, gap in zip(steps, gaps, strict=True):
        on += timedelta(days=gap)
        dated.append((step, on))
    return opened_on, dated


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


@dataclass
class _Counts:
    clients: int = 0
    cases: int = 0
    hearings: int = 0
    deadlines: int = 0
    evidence_items: int = 0
    files: int = 0
    family_members: int = 0
    staff: int = 0


@dataclass
class _CaseFacts:
    """What the generator decided about one case, used to make its dates consistent."""

    case_id: CaseId
    client_id: ClientId
    plan: _Plan
    profile: _Profile
    person: _Person
    opened_on: date
    arrived_on: date | None
    filed_on: date | None
    city: _City
    facility: _Facility | None
    detention: DetentionStatus
    steps: list[tuple[_Step, date]] = field(default_factory=list)
    moved_on: date | None = None
    next_individual: date | None = None  # the individual hearing set ahead, if any

    def first(self, stage: Stage) -> date | None:
        return next((on for step, on in self.steps if step.stage is stage), None)

    @property
    def closed_on(self) -> date | None:
        return self.first(Stage.CLOSED)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def court_decision_on(self) -> date | None:
        """The judge's (or, after an appeal, the BIA's) first decision; none for USCIS."""
        return _after(self, Stage.HEARINGS, Stage.DECISION)

    @property
    def defensive_now(self) -> bool:
        return self.plan.claim is ClaimType.DEFENSIVE or self.plan.referral


class _Generator:
    def __init__(self, store: Store, rng: random.Random, today: date) -> None:
        self.store = store
        self.rng = rng
        self.today = today
        self.counts = _Counts()
        self.used_a_numbers: set[str] = set()
        self.attorneys: list[StaffId] = []
        self.paralegals: list[StaffId] = []
        self.volunteers: list[StaffId] = []

    # ---- staff ----------------------------------------------------------------------------

    def add_staff(self) -> None:
        rng = self.rng
        team = [(name, StaffRole.ATTORNEY) for name in rng.sample(_STAFF_ATTORNEYS, 2)]
        team += [(n, StaffRole.PARALEGAL) for n in rng.sample(_STAFF_PARALEGALS, rng.randint(1, 3))]
        team.append((_pick(rng, _STAFF_VOLUNTEERS), StaffRole.VOLUNTEER))
        for name, role in team:
            email = (
                _strip_accents(name).lower().replace(" ", ".").replace("-", "")
                + "@clinic.example.org"
            )
            staff_id = add_staff(store=self.store, staff=StaffDraft(name, role, email)).unwrap()
            self.counts.staff += 1
            if role is StaffRole.ATTORNEY:
                self.attorneys.append(staff_id)
            elif role is StaffRole.PARALEGAL:
                self.paralegals.append(staff_id)
            else:
                self.volunteers.append(staff_id)

    # ---- identifiers ----------------------------------------------------------------------

    def a_number(self) -> str:
        while True:
            digits = str(self.rng.randint(200_000_000, 249_999_999))
            if digits not in self.used_a_numbers:
                self.used_a_numbers.add(digits)
                return format_a_number(digits)

    def judge(self) -> str:
        return f"{_pick(self.rng, _JUDGE_FIRST)} {_pick(self.rng, _JUDGE_LAST)}"

    # ---- one client and their case --------------------------------------------------------

    def client_and_case(self, profile: _Profile, plan: _Plan) -> None:
        rng, today = self.rng, self.today
        steps = (
            _affirmative_steps(rng, plan)
            if plan.claim is ClaimType.AFFIRMATIVE
            else _defensive_steps(rng, plan)
        )
        detained = (
            plan.claim is ClaimType.DEFENSIVE
            and plan.final
            in (Stage.PREPARING, Stage.FILED, Stage.HEARINGS, Stage.DECISION, Stage.APPEAL)
            and _chance(rng, 0.28)
        )
        opened_on, dated = _timeline(rng, steps, today, pace=DETAINED_PACE if detained else 1.0)
        age_days = (today - opened_on).days
        facility = _pick(rng, _FACILITIES) if detained else None
        if detained:
            detention = DetentionStatus.DETAINED
        elif plan.claim is ClaimType.DEFENSIVE and _chance(rng, 0.4):
            detention = DetentionStatus.RELEASED
        else:
            detention = DetentionStatus.NOT_DETAINED
        city = self.city(profile)

        sex = _weighted(
            rng, ((Sex.FEMALE, 45), (Sex.MALE, 50), (Sex.NONBINARY, 2), (Sex.UNDISCLOSED, 3))
        )
        female = _is_female(sex, rng)
        person = _make_person(rng, profile.style, female)
        child = not detained and _chance(rng, 0.04)
        years_since_intake = age_days // 365
        if child:  # 12-16 at intake, so a child at intake even if the case is old
            age_years = rng.randint(12, 16) + years_since_intake
        else:
            age_years = max(int(rng.triangular(18, 64, 29)), 18 + years_since_intake)
        birth = today - timedelta(days=age_years * 365 + rng.randint(0, 364))
        arrived_on = self.arrival(opened_on, birth, plan, detained=detained, child=child)

        filed_on = next((on for step, on in dated if step.stage is Stage.FILED), None)
        if filed_on is None and plan.claim is ClaimType.DEFENSIVE:
            filed_on = next((on for step, on in dated if step.stage is Stage.HEARINGS), None)
        facts = _CaseFacts(
            case_id=CaseId(0),
            client_id=ClientId(0),
            plan=plan,
            profile=profile,
            person=person,
            opened_on=opened_on,
            arrived_on=arrived_on,
            filed_on=filed_on,
            city=city,
            facility=facility,
            detention=detention,
            steps=dated,
        )
        client_id = self.intake(facts, sex, female, birth, child)
        facts.client_id = client_id
        facts.case_id = self.open_case(facts)
        self.walk(facts)
        self.deadlines(facts)
        self.evidence(facts)
        self.notes(facts)

    def city(self, profile: _Profile) -> _City:
        if _chance(self.rng, 0.6):
            return _CITY_BY_NAME[_pick(self.rng, profile.cities)]
        return _weighted(self.rng, [(c, c.weight) for c in _CITIES])

    def arrival(
        self, opened_on: date, birth: date, plan: _Plan, *, detained: bool, child: bool
    ) -> date | None:
        rng = self.rng
        if not detained and _chance(rng, 0.03):
            return None  # the client does not remember
        if detained:
            gap = rng.randint(3, 60)
        elif child:
            gap = rng.randint(20, 200)
        elif _chance(rng, 0.85 if plan.claim is ClaimType.AFFIRMATIVE else 0.55):
            gap = rng.randint(15, 200)  # most clients come well within the year
        else:
            gap = rng.randint(200, 1600)
        arrived = opened_on - timedelta(days=gap)
        earliest = birth + timedelta(days=(11 * 365 if child else 16 * 365))
        return max(arrived, min(earliest, opened_on))

    # ---- intake ---------------------------------------------------------------------------

    def intake(
        self, facts: _CaseFacts, sex: Sex, female: bool, birth: date, child: bool
    ) -> ClientId:
        rng, profile, person = self.rng, facts.profile, facts.person
        languages = _weighted(rng, profile.languages)
        has_a_number = facts.plan.claim is ClaimType.DEFENSIVE or _chance(rng, 0.55)
        manner, place = _pick(rng, profile.arrivals)
        if (
            facts.detention is not DetentionStatus.NOT_DETAINED
            and manner is ArrivalManner.INSPECTED
        ):
            manner, place = ArrivalManner.WITHOUT_INSPECTION, "near Hidalgo, TX"
        phone = "" if facts.facility else f"({facts.city.area_code}) 555-01{rng.randint(0, 99):02d}"
        email = ""
        if not facts.facility and _chance(rng, 0.35):
            local = _ascii(person.latin).lower().replace(" ", ".").replace("'", "")
            email = f"{local}{rng.randint(1, 99)}@example.com"
        notes = ""
        if "quc" in languages or "mam" in languages:
            notes = "Speaks a Mayan language at home; use a Mam/K'iche' interpreter, not Spanish."
        elif child:
            notes = "Unaccompanied minor; sponsor is an older sibling. Check TVPRA timelines."
        elif _chance(rng, 0.1):
            notes = _pick(
                rng,
                (
                    "Prefers a female interpreter and a female attorney for the declaration.",
                    "Works nights; call after 3 pm. WhatsApp preferred.",
                    "Hearing-impaired in one ear; sit on the left side.",
                ),
            )
        nationalities: tuple[str, ...] = (profile.country,)
        if profile.country == "VE" and _chance(rng, 0.1):
            nationalities = ("VE", "CO")
        draft = ClientDraft(
            family_name=person.family,
            given_name=person.given,
            other_names=person.aliases,
            a_number=self.a_number() if has_a_number else "",
            date_of_birth=birth,
            sex=sex,
            nationalities=nationalities,
            languages=languages,
            interpreter_needed="en" not in languages,
            phone=phone,
            email=email,
            last_arrival_on=facts.arrived_on,
            last_arrival_place=place if facts.arrived_on else "",
            last_arrival_manner=manner if facts.arrived_on else ArrivalManner.UNKNOWN,
            detention=facts.detention,
            detention_facility=facts.facility.name if facts.facility else "",
            unaccompanied_child=child,
            notes=notes,
        )
        family = self.family(facts, person, female, birth, child)
        address = None if facts.facility else self.address(facts)
        adverse = self.adverse(profile)
        client_id = intake_client(
            store=self.store,
            client=draft,
            today=self.today,
            family=family,
            address=address,
            adverse_parties=adverse,
        ).unwrap()
        self.counts.clients += 1
        self.counts.family_members += len(family)
        if address is not None and facts.is_open and _chance(self.rng, 0.12):
            self.move(facts, client_id, address)
        return client_id

    def address(self, facts: _CaseFacts) -> AddressDraft:
        rng, city = self.rng, facts.city
        moved_in = _between(rng, facts.arrived_on or facts.opened_on, facts.opened_on)
        return AddressDraft(
            line1=f"{rng.randint(100, 9899)} {_pick(rng, _STREETS)}",
            line2=f"Apt {rng.randint(1, 30)}{_pick(rng, 'ABCD')}" if _chance(rng, 0.5) else "",
            city=city.name,
            state=city.state,
            postal_code=_pick(rng, city.zips),
            country="US",
            moved_in_on=moved_in,
        )

    def move(self, facts: _CaseFacts, client_id: ClientId, old: AddressDraft) -> None:
        rng = self.rng
        moved_on = _between(rng, max(facts.opened_on, self.today - timedelta(days=120)), self.today)
        new = AddressDraft(
            line1=f"{rng.randint(100, 9899)} {_pick(rng, _STREETS)}",
            line2=f"Unit {rng.randint(1, 12)}" if _chance(rng, 0.4) else "",
            city=old.city,
            state=old.state,
            postal_code=old.postal_code,
            country="US",
            moved_in_on=moved_on,
        )
        record_move(store=self.store, client_id=client_id, address=new, today=self.today).unwrap()
        facts.moved_on = moved_on

    def family(
        self, facts: _CaseFacts, client: _Person, female: bool, birth: date, child: bool
    ) -> list[FamilyMemberDraft]:
        rng, today, style = self.rng, self.today, facts.profile.style
        members: list[FamilyMemberDraft] = []
        age = (today - birth).days // 365
        derivatives_possible = facts.plan.claim is ClaimType.AFFIRMATIVE or facts.plan.referral

        def dob(years_from: int, years_to: int) -> date:
            days = rng.randint(max(0, years_from) * 365, max(0, years_to) * 365 + 364)
            return today - timedelta(days=days)

        def member(person: _Person, relation: Relationship, born: date, in_us: bool) -> None:
            under_21 = (today - born).days < 21 * 365
            derivative = (
                in_us
                and relation in (Relationship.SPOUSE, Relationship.CHILD)
                and (relation is Relationship.SPOUSE or under_21)
                and _chance(rng, 0.85 if derivatives_possible else 0.6)
            )
            a_number = self.a_number() if in_us and _chance(rng, 0.4) else ""
            members.append(
                FamilyMemberDraft(
                    family_name=person.family,
                    given_name=person.given,
                    relationship=relation,
                    date_of_birth=born,
                    a_number=a_number,
                    in_us=in_us,
                    derivative=derivative,
                )
            )

        if child:
            parent = _parent(rng, style, client, female=_chance(rng, 0.6))
            member(parent, Relationship.PARENT, dob(age + 18, age + 40), in_us=False)
            if _chance(rng, 0.6):
                sister = _chance(rng, 0.5)
                sibling = _renamed(
                    _make_person(rng, style, sister), _sibling_family(style, client, sister)
                )
                member(sibling, Relationship.SIBLING, dob(age + 2, age + 10), in_us=True)
            return members

        spouse: _Person | None = None
        if age >= 20 and _chance(rng, 0.55):
            spouse = _make_person(rng, style, not female)
            if style in ("russian", "ukrainian", "turkish") and not female:
                spouse = _renamed(spouse, client.lineage[1])  # wife took the husband's name
            member(spouse, Relationship.SPOUSE, dob(age - 6, age + 6), in_us=_chance(rng, 0.6))
        if age >= 20:
            for _ in range(_weighted(rng, ((0, 3), (1, 3), (2, 3), (3, 1)))):
                kid_female = _chance(rng, 0.5)
                kid = _make_person(rng, style, kid_female)
                father, mother = (spouse, client) if female else (client, spouse)
                kid = _renamed(
                    kid,
                    _relative_family_name(style, kid, kid_female, father, mother),
                    given=kid.given.split()[0] if style == "russian" else kid.given,
                )  # a child's patronymic would have to match the father: leave it out
                oldest = max(0, age - 18)
                member(kid, Relationship.CHILD, dob(0, oldest), in_us=_chance(rng, 0.6))
        if _chance(rng, 0.2):
            parent = _parent(rng, style, client, female=_chance(rng, 0.5))
            member(parent, Relationship.PARENT, dob(age + 18, min(age + 40, 100)), in_us=False)
        return members

    def adverse(self, profile: _Profile) -> list[str]:
        rng = self.rng
        names: list[str] = []
        if _chance(rng, 0.5):
            names.append(_pick(rng, profile.adverse))
        if _chance(rng, _ADVERSE_PERSON_SHARE):
            persecutor = _make_person(rng, profile.style, female=False)
            names.append(f"{persecutor.given} {persecutor.family}".strip())
        return names

    # ---- the case -------------------------------------------------------------------------

    def open_case(self, facts: _CaseFacts) -> CaseId:
        rng, plan = self.rng, facts.plan
        grounds, psg = _pick(rng, facts.profile.claims)
        relief_choice = _weighted(rng, (("all", 75), ("no_cat", 15), ("barred", 10)))
        relief = {
            "all": frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT}),
            "no_cat": frozenset({Relief.ASYLUM, Relief.WITHHOLDING}),
            "barred": frozenset({Relief.WITHHOLDING, Relief.CAT}),
        }[relief_choice]
        if plan.claim is ClaimType.AFFIRMATIVE:
            relief = relief | {Relief.ASYLUM}  # USCIS decides asylum only
            forum = facts.city.asylum_office
            judge = ""
        else:
            forum = facts.facility.court if facts.facility else facts.city.court
            judge = self.judge()
        receipt = ""
        if plan.claim is ClaimType.AFFIRMATIVE and facts.filed_on is not None:
            receipt = f"{facts.city.receipt_prefix}{facts.filed_on.year % 100:02d}{rng.randint(0, 99_999_999):08d}"
        early = plan.final is Stage.INTAKE
        paralegal_pool = (
            self.paralegals + self.volunteers if _chance(rng, 0.15) else self.paralegals
        )
        draft = CaseDraft(
            claim_type=plan.claim,
            relief=relief,
            grounds=grounds,
            psg_definition=psg,
            forum_name=forum,
            judge=judge,
            paralegal_id=_pick(rng, paralegal_pool),
            attorney_id=None if early and _chance(rng, 0.5) else _pick(rng, self.attorneys),
            opened_on=facts.opened_on,
            filed_on=facts.filed_on,
            receipt_number=receipt,
            detained=facts.facility is not None,
            agency_hold=facts.facility is not None and _chance(rng, 0.2),
        )
        case_id = open_case(
            store=self.store, client_id=facts.client_id, case=draft, today=self.today
        ).unwrap()
        self.counts.cases += 1
        return case_id

    def walk(self, facts: _CaseFacts) -> None:
        """Move the case through its stages, scheduling each hearing while its kind fits."""
        store = self.store
        before, after = self.hearings(facts)
        for step, on in facts.steps:
            if step.refer:
                self.schedule(facts, before)
                before = []
                court = facts.city.court
                refer_to_court(
                    store=store,
                    case_id=facts.case_id,
                    on=on,
                    court=court,
                    judge=self.judge(),
                    note=step.note,
                ).unwrap()
            else:
                change_stage(
                    store=store,
                    case_id=facts.case_id,
                    stage=step.stage,
                    on=on,
                    outcome=step.outcome,
                    note=step.note,
                ).unwrap()
        self.schedule(facts, before + after)

    # ---- hearings -------------------------------------------------------------------------

    def hearings(self, facts: _CaseFacts) -> tuple[list[_Planned], list[_Planned]]:
        """(kind, day, outcome) before any referral, and in court after it."""
        rng, today = self.rng, self.today
        pre: list[_Planned] = []
        court: list[_Planned] = []
        closed = facts.closed_on
        end = closed or today + timedelta(days=FUTURE_HEARING_DAYS)
        if facts.filed_on is not None:
            biometrics = facts.filed_on + timedelta(days=rng.randint(14, 45))
            if biometrics <= end:
                target = pre if facts.plan.claim is ClaimType.AFFIRMATIVE else court
                target.append(
                    (HearingKind.BIOMETRICS, biometrics, "Attended; fingerprints and photo taken")
                )
        if facts.plan.claim is ClaimType.AFFIRMATIVE:
            self._interview(facts, pre)
        if facts.defensive_now:
            self._court_hearings(facts, court)
        return pre, court

    def _interview(self, facts: _CaseFacts, out: list[_Planned]) -> None:
        rng, today, steps = self.rng, self.today, facts.steps
        index = next((i for i, (s, _) in enumerate(steps) if s.stage is Stage.INTERVIEW), None)
        if index is None:
            return
        kind, noticed = HearingKind.ASYLUM_INTERVIEW, steps[index][1]
        if index + 1 < len(steps):  # held before whatever came next
            out.append((kind, _between(rng, noticed, steps[index + 1][1]), "Interview held"))
        elif noticed >= today or _chance(rng, 0.5):
            out.append((kind, today + timedelta(days=rng.randint(10, 250)), ""))
        else:
            out.append((kind, _between(rng, noticed, today), "Interview held; decision pending"))

    def _court_hearings(self, facts: _CaseFacts, out: list[_Planned]) -> None:
        rng, today = self.rng, self.today
        start = facts.first(Stage.HEARINGS) if facts.plan.referral else facts.opened_on
        start = start or facts.opened_on
        decided = facts.court_decision_on
        closed = facts.closed_on
        master, individual = HearingKind.MASTER_CALENDAR, HearingKind.INDIVIDUAL
        if decided is not None or closed is not None:
            last = decided or closed or today
            if (last - start).days > 20:
                out.append(
                    (
                        master,
                        _between(rng, start, last - timedelta(days=10)),
                        "Pleadings taken; individual hearing set",
                    )
                )
            if decided is not None:
                out.append((individual, decided, _decision_text(facts)))
            elif closed is not None:
                out.append((master, closed, _closing_text(facts)))
            return
        # still before the judge: some past masters, the next setting in the future
        if today > start and _chance(rng, 0.7):
            out.append(
                (
                    master,
                    _between(rng, start, today - timedelta(days=1)),
                    _pick(
                        rng,
                        (
                            "Pleadings taken; I-589 due at next hearing",
                            "Reset for attorney preparation",
                            "Client appeared by video; pleadings taken",
                        ),
                    ),
                )
            )
        ahead = today + timedelta(days=rng.randint(14, FUTURE_HEARING_DAYS))
        kind = (
            individual if facts.first(Stage.HEARINGS) is not None and _chance(rng, 0.8) else master
        )
        out.append((kind, ahead, ""))
        if kind is individual:
            facts.next_individual = ahead
        if facts.detention is not DetentionStatus.DETAINED and _chance(rng, 0.45):
            check_in = today + timedelta(days=rng.randint(7, 180))
            out.append((HearingKind.ICE_CHECK_IN, check_in, ""))
            if facts.detention is DetentionStatus.RELEASED and _chance(rng, 0.6):
                out.append(
                    (
                        HearingKind.ICE_CHECK_IN,
                        _between(rng, start, today),
                        "Reported; next check-in set",
                    )
                )

    def schedule(self, facts: _CaseFacts, planned: list[_Planned]) -> None:
        rng, today = self.rng, self.today
        low = max(facts.opened_on, today - timedelta(days=PAST_HEARING_DAYS))
        high = today + timedelta(days=FUTURE_HEARING_DAYS)
        for kind, on, outcome in planned:
            if not low <= on <= high:
                continue
            location, address, timezone, mode = self.venue(facts, kind)
            interview = kind is HearingKind.ASYLUM_INTERVIEW
            hearing_id = schedule_hearing(
                store=self.store,
                case_id=facts.case_id,
                hearing=HearingDraft(
                    kind=kind,
                    on=on,
                    at=_pick(rng, _TIMES[kind]),
                    timezone=timezone,
                    location=location,
                    address=address,
                    mode=mode,
                    notes="Bring passport and all original documents" if interview else "",
                ),
            ).unwrap()
            self.counts.hearings += 1
            if outcome and on < today and _chance(rng, 0.6):
                record_hearing_outcome(
                    store=self.store, hearing_id=hearing_id, outcome=outcome
                ).unwrap()

    def venue(self, facts: _CaseFacts, kind: HearingKind) -> tuple[str, str, str, AttendanceMode]:
        rng, city = self.rng, facts.city
        street = f"{rng.randint(100, 2999)} {_pick(rng, _STREETS)}, {city.name}, {city.state}"
        if kind is HearingKind.BIOMETRICS:
            return (
                f"USCIS Application Support Center - {city.name}",
                street,
                city.timezone,
                AttendanceMode.IN_PERSON,
            )
        if kind is HearingKind.ICE_CHECK_IN:
            return (
                f"ICE ERO {city.name} Field Office",
                street,
                city.timezone,
                AttendanceMode.IN_PERSON,
            )
        if kind is HearingKind.ASYLUM_INTERVIEW:
            return city.asylum_office, street, city.timezone, AttendanceMode.IN_PERSON
        if facts.facility is not None:
            return (
                facts.facility.court,
                facts.facility.name,
                facts.facility.timezone,
                AttendanceMode.VIDEO,
            )
        mode = (
            AttendanceMode.VIDEO
            if kind is HearingKind.MASTER_CALENDAR and _chance(rng, 0.3)
            else AttendanceMode.IN_PERSON
        )
        return city.court, street, city.timezone, mode

    # ---- deadlines ------------------------------------------------------------------------

    def deadlines(self, facts: _CaseFacts) -> None:
        for draft, status, on, reason in self.deadline_plans(facts):
            deadline_id = record_deadline(
                store=self.store, case_id=facts.case_id, deadline=draft
            ).unwrap()
            self.counts.deadlines += 1
            if status is not DeadlineStatus.OPEN:
                close_deadline(
                    store=self.store, deadline_id=deadline_id, status=status, on=on, reason=reason
                ).unwrap()

    def deadline_plans(
        self, facts: _CaseFacts
    ) -> list[tuple[DeadlineDraft, DeadlineStatus, date, str]]:
        rng, today = self.rng, self.today
        plans: list[tuple[DeadlineDraft, DeadlineStatus, date, str]] = []
        open_ = DeadlineStatus.OPEN

        def add(
            draft: DeadlineDraft, status: DeadlineStatus = open_, on: date = today, reason: str = ""
        ) -> None:
            plans.append((draft, status, min(on, today), reason))

        if facts.arrived_on is not None:
            due = facts.arrived_on + timedelta(days=365)
            draft = DeadlineDraft(
                kind="one_year_filing",
                title="One-year asylum filing deadline",
                due_on=due,
                origin=DeadlineOrigin.RULE,
                rule_id="asylum.one_year",
                notes=f"INA 208(a)(2)(B); anchor: last arrival on {facts.arrived_on.isoformat()}",
            )
            if facts.filed_on is not None and facts.filed_on <= due:
                add(draft, DeadlineStatus.DONE, facts.filed_on)
            elif facts.filed_on is not None:
                add(
                    draft,
                    DeadlineStatus.WAIVED,
                    facts.filed_on,
                    "Filed late; changed-circumstances exception argued (8 CFR 208.4(a)(4))",
                )
            elif not facts.is_open:
                add(
                    draft,
                    DeadlineStatus.WAIVED,
                    facts.closed_on or today,
                    "Case closed before filing",
                )
            elif due < today and _chance(rng, 0.4):
                add(
                    draft,
                    DeadlineStatus.WAIVED,
                    today - timedelta(days=rng.randint(0, 30)),
                    "Past the year at intake; pursuing withholding and CAT",
                )
            else:
                add(draft)  # open, and overdue when the year has passed
        if facts.filed_on is not None and facts.plan.final is not Stage.CLOSED:
            due = facts.filed_on + timedelta(days=150)
            draft = DeadlineDraft(
                kind="ead_clock",
                title="Work permit (I-765) can be filed: 150-day asylum clock",
                due_on=due,
                origin=DeadlineOrigin.RULE,
                rule_id="ead.150_days",
                notes=f"8 CFR 208.7(a)(1); anchor: I-589 filed {facts.filed_on.isoformat()}",
            )
            if due < today and _chance(rng, 0.8):
                add(draft, DeadlineStatus.DONE, due + timedelta(days=rng.randint(0, 20)))
            else:
                add(draft)
        self._court_deadlines(facts, add)
        self._tasks(facts, add)
        if facts.moved_on is not None:
            days = 5 if facts.defensive_now else 10
            form = "EOIR-33" if facts.defensive_now else "AR-11"
            due = facts.moved_on + timedelta(days=days)
            draft = DeadlineDraft(
                kind="change_of_address",
                title=f"{form} change of address",
                due_on=due,
                origin=DeadlineOrigin.RULE,
                rule_id=f"address.{form.lower()}",
                notes=f"Within {days} days of the move on {facts.moved_on.isoformat()}",
            )
            if due <= today and _chance(rng, 0.8):
                add(
                    draft,
                    DeadlineStatus.DONE,
                    facts.moved_on + timedelta(days=rng.randint(1, days)),
                )
            else:
                add(draft)
        return plans

    def _court_deadlines(self, facts: _CaseFacts, add: Callable[..., None]) -> None:
        rng, today = self.rng, self.today
        if not facts.defensive_now:
            return
        decided = facts.court_decision_on
        individual = facts.next_individual
        if individual is not None:
            if _chance(rng, 0.35):
                draft = DeadlineDraft(
                    kind="court_filing",
                    title="Pre-hearing brief and evidence due (judge-ordered)",
                    due_on=individual - timedelta(days=30),
                    origin=DeadlineOrigin.JUDGE_ORDERED,
                    notes="Set by the immigration judge at the last master calendar hearing",
                )
            else:
                draft = DeadlineDraft(
                    kind="court_filing",
                    title="Evidence and witness list due before individual hearing",
                    due_on=individual - timedelta(days=15),
                    origin=DeadlineOrigin.RULE,
                    rule_id="eoir.icpm_3_1",
                    notes="Immigration Court Practice Manual 3.1(b): 15 days before a non-detained hearing",
                )
            if draft.due_on < today and _chance(rng, 0.8):
                add(draft, DeadlineStatus.DONE, draft.due_on - timedelta(days=rng.randint(0, 5)))
            else:
                add(draft)
        if decided is not None and _denied(facts):
            due = decided + timedelta(days=30)
            draft = DeadlineDraft(
                kind="bia_appeal",
                title="Notice of appeal to the BIA (EOIR-26)",
                due_on=due,
                origin=DeadlineOrigin.RULE,
                rule_id="eoir.bia_30_days",
                notes=f"8 CFR 1003.38(b); anchor: decision on {decided.isoformat()}",
            )
            appealed = facts.first(Stage.APPEAL)
            if appealed is not None:
                add(draft, DeadlineStatus.DONE, min(appealed, due))
            elif due < today:
                add(
                    draft,
                    DeadlineStatus.WAIVED,
                    due,
                    "Client decided not to appeal after consultation",
                )
            else:
                add(draft)

    def _tasks(self, facts: _CaseFacts, add: Callable[..., None]) -> None:
        rng, today = self.rng, self.today
        tasks = (
            ("translation", "Certified translation of identity document"),
            ("medical", "Schedule psychological evaluation"),
            ("foia", "FOIA request to CBP and USCIS for prior encounters"),
            ("witness", "Collect witness declaration from relative"),
            ("country_conditions", "Update country-conditions index"),
        )
        closed = facts.closed_on
        for kind, title in rng.sample(tasks, rng.randint(0, 2)):
            last = closed or today + timedelta(days=90)
            due = _between(rng, facts.opened_on + timedelta(days=7), last)
            draft = DeadlineDraft(kind=kind, title=title, due_on=due, origin=DeadlineOrigin.MANUAL)
            roll = rng.random()
            if closed is not None and roll < 0.8:
                add(draft, DeadlineStatus.DONE, min(due, closed))
            elif closed is not None:
                add(draft, DeadlineStatus.WAIVED, closed, "Case closed")
            elif due < today and roll < 0.6:
                add(draft, DeadlineStatus.DONE, due - timedelta(days=rng.randint(0, 6)))
            elif due < today and roll < 0.7:
                add(draft, DeadlineStatus.WAIVED, due, "No longer needed after attorney review")
            elif due >= today and roll < 0.15:
                add(draft, DeadlineStatus.DONE, _between(rng, facts.opened_on, today))
            else:
                add(draft)  # open; overdue when already past

    # ---- evidence -------------------------------------------------------------------------

    def evidence(self, facts: _CaseFacts) -> None:
        rng = self.rng
        stage_reached = {step.stage for step, _ in facts.steps}
        if not stage_reached:
            count = rng.randint(0, 1)
        elif stage_reached == {Stage.PREPARING}:
            count = rng.randint(1, 3)
        else:
            count = rng.randint(2, 4)
        filed = facts.filed_on is not None
        for index in range(count):
            draft, kind = self.evidence_item(facts, index, filed=filed)
            evidence_id = add_evidence(
                store=self.store, case_id=facts.case_id, evidence=draft, today=self.today
            ).unwrap()
            self.counts.evidence_items += 1
            if draft.status is not EvidenceStatus.REQUESTED and _chance(rng, 0.85):
                content, name, media_type = self.file_for(facts, draft, kind)
                attach_file(
                    store=self.store,
                    evidence_id=evidence_id,
                    source=io.BytesIO(content),
                    original_name=name,
                    media_type=media_type,
                ).unwrap()
                self.counts.files += 1

    def evidence_item(
        self, facts: _CaseFacts, index: int, *, filed: bool
    ) -> tuple[EvidenceDraft, str]:
        rng, profile = self.rng, facts.profile
        country = profile.country_name
        year = self.today.year - rng.randint(0, 1)
        native = profile.doc_language
        if index == 0:
            category = EvidenceCategory.IDENTITY
        elif index == 1 and facts.steps:
            category = EvidenceCategory.DECLARATION
        else:
            category = _weighted(
                rng,
                (
                    (EvidenceCategory.CORROBORATION, 5),
                    (EvidenceCategory.COUNTRY_CONDITIONS, 3),
                    (EvidenceCategory.MEDICAL, 2),
                    (EvidenceCategory.EXPERT, 1),
                    (EvidenceCategory.OTHER, 1),
                ),
            )
        kind = "pdf"
        language, source = "en", ""
        match category:
            case EvidenceCategory.IDENTITY:
                title, language, source = _pick(rng, profile.identity_docs), native, "Client"
            case EvidenceCategory.DECLARATION:
                language = _pick(rng, ("en", native))
                title = "Declaration of the applicant in support of Form I-589"
                source = "Client, with paralegal"
                kind = "txt" if language != "en" and _chance(rng, 0.5) else "pdf"
            case EvidenceCategory.CORROBORATION:
                title, language = _pick(rng, profile.corroboration), native
                source = _pick(rng, ("Client", "Client's family by mail", "Client's phone"))
                kind = (
                    "png"
                    if "photograph" in title.lower() or "screenshot" in title.lower()
                    else "pdf"
                )
            case EvidenceCategory.MEDICAL:
                title = _pick(
                    rng,
                    (
                        "Psychological evaluation (PTSD, major depression)",
                        "Forensic medical evaluation of scars",
                    ),
                )
                source = "Volunteer clinician"
            case EvidenceCategory.EXPERT:
                title = f"Expert declaration on conditions for returnees to {country}"
                source = "Country-conditions expert"
            case EvidenceCategory.COUNTRY_CONDITIONS:
                title, source = _pick(
                    rng,
                    (
                        (
                            f"U.S. Department of State, {year} Country Report on Human Rights Practices: {country}",
                            "U.S. Department of State",
                        ),
                        (f"UNHCR eligibility guidance on asylum-seekers from {country}", "UNHCR"),
                        (
                            f"Human Rights Watch World Report {year}: {country} chapter",
                            "Human Rights Watch",
                        ),
                    ),
                )
            case _:
                title, source = "USCIS receipt notice (Form I-797C)", "USCIS"
        if language == "en":
            translation = TranslationStatus.NOT_NEEDED
        else:
            translation = (
                TranslationStatus.TRANSLATED if _chance(rng, 0.55) else TranslationStatus.NEEDED
            )
        status = _weighted(
            rng,
            (
                (EvidenceStatus.REQUESTED, 2),
                (EvidenceStatus.RECEIVED, 5),
                (EvidenceStatus.FILED, 3 if filed else 0),
            ),
        )
        obtained = (
            None
            if status is EvidenceStatus.REQUESTED
            else _between(rng, facts.opened_on, self.today)
        )
        draft = EvidenceDraft(
            title=title,
            category=category,
            language=language,
            translation=translation,
            obtained_on=obtained,
            source=source,
            status=status,
            notes="Translator's certificate attached"
            if translation is TranslationStatus.TRANSLATED
            else "",
        )
        return draft, kind

    def file_for(
        self, facts: _CaseFacts, draft: EvidenceDraft, kind: str
    ) -> tuple[bytes, str, str]:
        rng = self.rng
        stem = "_".join(_ascii(draft.title).lower().replace("(", "").replace(")", "").split()[:5])
        stem = "".join(ch for ch in stem if ch.isalnum() or ch in "_-.")[:60] or "document"
        if kind == "png":
            return make_png(rng), f"{stem}.png", "image/png"
        if kind == "txt":
            person = facts.person
            body = (
                f"{person.given} {person.family}\n"
                f"{draft.title}\n\n"
                "Borrador de declaración / draft, to be translated and signed.\n"
            )
            return body.encode("utf-8"), f"{stem}_draft.txt", "text/plain"
        pages = [
            [
                draft.title,
                f"Synthetic demo document - not a real record ({draft.category.value}).",
                f"Client: {facts.person.latin}",
                f"Page {page + 1}",
            ]
            for page in range(rng.randint(1, 3))
        ]
        return make_pdf(pages), f"{stem}.pdf", "application/pdf"

    # ---- notes ----------------------------------------------------------------------------

    def notes(self, facts: _CaseFacts) -> None:
        rng = self.rng
        if not _chance(rng, 0.3):
            return
        body = _pick(
            rng,
            (
                "Conflict check run at intake: no matches.",
                "Client asked about work authorisation; explained the 150-day clock.",
                "Called client to confirm the next hearing date; voicemail left in Spanish and English.",
                "Client brought original documents; copies scanned and originals returned.",
                "Attorney reviewed the declaration draft; follow-up questions on dates of attacks.",
                "Interpreter requested for the next meeting.",
            ),
        )
        case_id = facts.case_id if _chance(rng, 0.7) else None
        add_note(store=self.store, client_id=facts.client_id, body=body, case_id=case_id).unwrap()


_Planned = tuple[HearingKind, date, str]  # kind, day, outcome to record once it has passed

_TIMES = {
    HearingKind.MASTER_CALENDAR: (time(8, 30), time(9, 0), time(13, 0)),
    HearingKind.INDIVIDUAL: (time(9, 0), time(13, 0)),
    HearingKind.ASYLUM_INTERVIEW: (time(8, 0), time(9, 30), time(12, 30)),
    HearingKind.BIOMETRICS: (time(10, 0), time(14, 0), time(15, 30)),
    HearingKind.ICE_CHECK_IN: (time(9, 0), time(11, 0)),
}


def _renamed(person: _Person, family: str, given: str | None = None) -> _Person:
    given = person.given if given is None else given
    return _Person(family, given, (), person.latin, (family, family))


def _parent(rng: random.Random, style: str, client: _Person, *, female: bool) -> _Person:
    """A parent whose family name fits the client's (Spanish: father's first, mother's second)."""
    parent = _make_person(rng, style, female)
    if style in ("spanish", "maya"):
        surnames = client.family.split()
        inherited = surnames[1 if female and len(surnames) > 1 else 0]
        other = parent.family.split()[-1]
        return _renamed(parent, f"{inherited} {other}" if other != inherited else inherited)
    if not client.given:  # one-name Afghan client: the parent's own name stands
        return parent
    return _renamed(parent, client.lineage[1] if female else client.lineage[0])


def _sibling_family(style: str, client: _Person, female: bool) -> str:
    if style in ("spanish", "maya") or not client.given:
        return client.family
    return client.lineage[1] if female else client.lineage[0]


def _after(facts: _CaseFacts, first: Stage, then: Stage) -> date | None:
    """The day of the first ``then`` step after the first ``first`` step (referral: court part)."""
    seen = False
    for step, on in facts.steps:
        if step.stage is first:
            seen = True
        elif seen and step.stage is then:
            return on
    return None


def _denied(facts: _CaseFacts) -> bool:
    denials = (Outcome.DENIED, Outcome.REMOVAL_ORDERED)
    return any(step.stage is Stage.DECISION and step.outcome in denials for step, _ in facts.steps)


def _decision_text(facts: _CaseFacts) -> str:
    outcome = next(
        (s.outcome for s, _ in facts.steps if s.stage is Stage.DECISION and s.outcome), None
    )
    if outcome is None:
        return "Testimony completed; decision reserved"
    return f"Oral decision: {outcome.value.replace('_', ' ')}"


_CLOSING_TEXT = {
    Outcome.TERMINATED: "DHS motion granted; proceedings terminated",
    Outcome.DISMISSED: "Proceedings dismissed without prejudice",
    Outcome.ADMINISTRATIVELY_CLOSED: "Case administratively closed",
    Outcome.TRANSFERRED: "Motion to withdraw as counsel granted",
    Outcome.WITHDRAWN: "Application withdrawn; client to depart",
}


def _closing_text(facts: _CaseFacts) -> str:
    outcome = facts.plan.outcome
    return _CLOSING_TEXT.get(outcome, "Hearing held") if outcome else "Hearing held"


def _profiles(rng: random.Random, count: int) -> list[_Profile]:
    """Every origin at least once (when there is room), then by weight; shuffled."""
    chosen = list(_PROFILES[:count])
    chosen += rng.choices(_PROFILES, weights=[p.weight for p in _PROFILES], k=count - len(chosen))
    rng.shuffle(chosen)
    return chosen


def fill_demo_data(
    *,
    store: Store,
    clients: int = 50,
    seed: int = 1,
    today: date,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an open store with ``clients`` synthetic clients, each with one case and its work.

    Reproducible: the same ``seed`` and ``today`` give the same people, cases, dates and
    files. Staff (4-6) are added first. ``progress(done, total)`` is called after each client.
    Raises ``ValueError`` (from ``Result.unwrap``) if a service rejects generated data.
    """
    if clients < 0:
        raise ValueError("clients must not be negative")
    rng = random.Random(seed)
    generator = _Generator(store, rng, today)
    generator.add_staff()
    profiles = _profiles(rng, clients)
    plans = _plans(rng, clients)
    for done, (profile, plan) in enumerate(zip(profiles, plans, strict=True), start=1):
        generator.client_and_case(profile, plan)
        if progress is not None:
            progress(done, clients)
    counts = generator.counts
    return DemoSummary(
        clients=counts.clients,
        cases=counts.cases,
        hearings=counts.hearings,
        deadlines=counts.deadlines,
        evidence_items=counts.evidence_items,
        files=counts.files,
        family_members=counts.family_members,
        staff=counts.staff,
    )
