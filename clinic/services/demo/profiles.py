"""Countries clients come from: how names are built, languages, claims, persecutors and the
documents typical of each."""

from __future__ import annotations

import random
from dataclasses import dataclass

from clinic.domain.enums import ArrivalManner, ProtectedGround
from clinic.services.demo.places import AIRPORTS, BORDER

PSG = ProtectedGround.PARTICULAR_SOCIAL_GROUP
POL = ProtectedGround.POLITICAL_OPINION
REL = ProtectedGround.RELIGION
RACE = ProtectedGround.RACE
NAT = ProtectedGround.NATIONALITY


@dataclass(frozen=True)
class Profile:
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


PROFILES = (
    Profile(
        "HN", "Honduras", 14, "spanish", ((("es",), 9), (("es", "en"), 1)), "es",
        ("Houston", "Brownsville", "McAllen", "Charlotte"), BORDER,
        (
            (frozenset({PSG}), "Honduran women who are unable to leave a domestic relationship"),
            (frozenset({PSG}), "Immediate family members of a Honduran police officer murdered by MS-13"),
            (frozenset({PSG, POL}), "Honduran small-business owners who refused to pay gang extortion"),
            (frozenset({POL}), ""),
        ),
        ("MS-13 (Mara Salvatrucha)", "Barrio 18", "Los Chirizos"),
        ("Honduran passport", "DNI (Documento Nacional de Identificación)", "Birth certificate (partida de nacimiento)"),
        ("Police report (denuncia) to the Ministerio Público", "Death certificate of brother (acta de defunción)", "Threatening WhatsApp messages (screenshots)"),
    ),
    Profile(
        "GT", "Guatemala", 12, "maya",
        ((("quc", "es"), 4), (("mam", "es"), 3), (("es",), 5), (("mam",), 1)), "es",
        ("Houston", "Los Angeles", "Brownsville", "Dallas"), BORDER,
        (
            (frozenset({PSG, RACE}), "Indigenous K'iche' women in Guatemala"),
            (frozenset({PSG}), "Guatemalan women who are viewed as property by their partners"),
            (frozenset({POL}), ""),
            (frozenset({PSG}), "Guatemalan land-rights activists from Indigenous communities"),
        ),
        ("Barrio 18", "Local comité de seguridad leaders"),
        ("DPI (Documento Personal de Identificación)", "Guatemalan passport", "Birth certificate (certificado de nacimiento, RENAP)"),
        ("Community leader's letter (constancia de la alcaldía indígena)", "Police report (denuncia) to the PNC", "Photographs of burned house"),
    ),
    Profile(
        "SV", "El Salvador", 10, "spanish", ((("es",), 1),), "es",
        ("Houston", "Los Angeles", "Charlotte", "Dallas"), BORDER,
        (
            (frozenset({PSG}), "Salvadoran former police officers targeted by gangs"),
            (frozenset({PSG}), "Salvadoran youths who refused gang recruitment"),
            (frozenset({POL}), ""),
        ),
        ("MS-13 (Mara Salvatrucha)", "Barrio 18 Revolucionarios"),
        ("DUI (Documento Único de Identidad)", "Salvadoran passport", "Birth certificate (partida de nacimiento)"),
        ("Police report (denuncia) to the Fiscalía", "Letter from parish priest", "Medical record from Hospital Rosales"),
    ),
    Profile(
        "MX", "Mexico", 10, "spanish", ((("es",), 1),), "es",
        ("El Paso", "San Antonio", "Phoenix", "Los Angeles", "Chicago"), BORDER,
        (
            (frozenset({PSG}), "Mexican witnesses who testified against members of a drug cartel"),
            (frozenset({PSG}), "Gay men in Mexico"),
            (frozenset({POL}), ""),
        ),
        ("Cártel del Golfo", "Cártel de Jalisco Nueva Generación", "Municipal police of Reynosa"),
        ("INE voter ID card", "Mexican passport", "Birth certificate (acta de nacimiento)"),
        ("Complaint to the Fiscalía General (carpeta de investigación)", "News article from local newspaper", "Threat letter (narcomanta photograph)"),
    ),
    Profile(
        "VE", "Venezuela", 10, "spanish", ((("es",), 8), (("es", "en"), 2)), "es",
        ("Miami", "Orlando", "Houston", "Chicago"), (*BORDER[:3], *AIRPORTS[:2]),
        (
            (frozenset({POL}), ""),
            (frozenset({POL, PSG}), "Venezuelan opposition poll witnesses"),
        ),
        ("SEBIN officers", "Colectivos of the 23 de Enero", "Guardia Nacional Bolivariana"),
        ("Cédula de identidad", "Venezuelan passport", "Birth certificate (partida de nacimiento)"),
        ("Membership card of opposition party", "Photographs of protest injuries", "Letter from the Foro Penal legal team"),
    ),
    Profile(
        "HT", "Haiti", 8, "haitian", ((("ht", "fr"), 5), (("ht",), 4), (("ht", "en"), 1)), "fr",
        ("Miami", "Orlando", "Newark", "Brooklyn"), (BORDER[3], BORDER[4], AIRPORTS[1]),
        (
            (frozenset({POL}), ""),
            (frozenset({PSG}), "Haitian women without male protection in gang-controlled neighbourhoods"),
            (frozenset({PSG, POL}), "Haitian journalists who report on gang violence"),
        ),
        ("Gang 400 Mawozo", "Village de Dieu gang members"),
        ("Haitian passport", "Acte de naissance", "Carte d'identification nationale (CIN)"),
        ("Police report (rapport de police)", "Letter from RNDDH human-rights monitor", "Photographs of destroyed market stall"),
    ),
    Profile(
        "RU", "Russia", 7, "russian", ((("ru",), 8), (("ru", "en"), 2)), "ru",
        ("Brooklyn", "San Diego", "Sacramento"), (BORDER[4], AIRPORTS[0], AIRPORTS[2]),
        (
            (frozenset({POL}), ""),
            (frozenset({REL}), ""),
            (frozenset({PSG}), "Gay men in Russia"),
            (frozenset({POL, PSG}), "Russian men who refuse military mobilisation"),
        ),
        ("Center for Combating Extremism (Center E) officers", "Military enlistment office (voenkomat)"),
        ("Internal passport (внутренний паспорт)", "International passport (загранпаспорт)", "Birth certificate (свидетельство о рождении)"),
        ("Administrative protocol for anti-war picket (протокол)", "Mobilisation summons (повестка)", "Court judgment under Article 20.3.3"),
    ),
    Profile(
        "CN", "China", 7, "chinese", ((("zh",), 6), (("zh", "cdo"), 2), (("zh", "en"), 2)), "zh",
        ("Flushing", "Brooklyn", "Los Angeles"), (*AIRPORTS, BORDER[4]),
        (
            (frozenset({REL}), ""),
            (frozenset({POL}), ""),
            (frozenset({REL, POL}), ""),
        ),
        ("Public Security Bureau officers", "Village family-planning officials"),
        ("Resident identity card (居民身份证)", "Household registration booklet (户口簿)", "Chinese passport"),
        ("Letter from house-church pastor", "Detention notice (拘留通知书)", "Sterilisation certificate"),
    ),
    Profile(
        "AF", "Afghanistan", 6, "afghan", ((("prs",), 4), (("fa",), 2), (("ps", "prs"), 3), (("ps",), 1)), "prs",
        ("Sacramento", "Houston", "Dallas"),
        ((ArrivalManner.PAROLED, "Dulles International Airport, VA"), (ArrivalManner.PAROLED, "Philadelphia International Airport, PA"), BORDER[0]),
        (
            (frozenset({POL}), ""),
            (frozenset({RACE, REL}), ""),
            (frozenset({PSG}), "Afghan women who worked outside the home"),
            (frozenset({PSG, POL}), "Former employees of U.S.-funded organisations in Afghanistan"),
        ),
        ("Taliban", "Taliban intelligence (GDI)"),
        ("Tazkira (تذکره)", "Afghan passport", "Marriage certificate (نکاح خط)"),
        ("Employment letter from U.S.-funded NGO", "Taliban night letter (شب‌نامه)", "Photographs of ID badge"),
    ),
    Profile(
        "UA", "Ukraine", 4, "ukrainian", ((("uk",), 5), (("uk", "ru"), 4), (("uk", "en"), 1)), "uk",
        ("Sacramento", "Brooklyn", "Chicago"), (AIRPORTS[0], BORDER[4], (ArrivalManner.PAROLED, "Chicago O'Hare International Airport, IL")),
        (
            (frozenset({POL}), ""),
            (frozenset({NAT, POL}), ""),
            (frozenset({PSG}), "Ukrainian civilians from occupied territories who refused Russian citizenship"),
        ),
        ("Occupation administration officials",),
        ("Ukrainian internal passport (ID card)", "International passport", "Birth certificate (свідоцтво про народження)"),
        ("Letter from village council", "Photographs of destroyed home", "Filtration-camp release paper"),
    ),
    Profile(
        "TR", "Turkey", 5, "turkish", ((("tr",), 7), (("kmr", "tr"), 3)), "tr",
        ("Newark", "Brooklyn", "Houston"), (*AIRPORTS[:1], BORDER[4], BORDER[2]),
        (
            (frozenset({POL}), ""),
            (frozenset({RACE, POL}), ""),
            (frozenset({PSG, POL}), "Turkish teachers dismissed by emergency decree"),
        ),
        ("Turkish National Police counter-terrorism unit",),
        ("Turkish ID card (nüfus cüzdanı)", "Turkish passport", "Population registry extract (nüfus kayıt örneği)"),
        ("Emergency decree dismissal list (KHK)", "Indictment (iddianame)", "UYAP court record printout"),
    ),
    Profile(
        "VN", "Vietnam", 3, "vietnamese", ((("vi",), 8), (("vi", "en"), 2)), "vi",
        ("Houston", "Orlando", "San Diego"), AIRPORTS,
        (
            (frozenset({REL}), ""),
            (frozenset({POL}), ""),
        ),
        ("Commune police", "Provincial public-security officers"),
        ("Citizen ID card (căn cước công dân)", "Vietnamese passport", "Birth certificate (giấy khai sinh)"),
        ("Summons from commune police (giấy triệu tập)", "Letter from Hòa Hảo temple", "Blog posts (printouts)"),
    ),
)  # fmt: skip


def pick_profiles(rng: random.Random, count: int) -> list[Profile]:
    """Every origin at least once (when there is room), then by weight; shuffled."""
    chosen = list(PROFILES[:count])
    chosen += rng.choices(PROFILES, weights=[p.weight for p in PROFILES], k=count - len(chosen))
    rng.shuffle(chosen)
    return chosen
