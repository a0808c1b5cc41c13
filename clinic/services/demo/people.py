"""Invented people named by the customs of their country: Spanish double surnames, Russian
gendered surnames and patronymics, Chinese family-first order, one-name Afghans, and the Latin
spellings (aliases) that forms and search use."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from anyascii import anyascii

from clinic.services.demo import names as n
from clinic.services.demo.dice import chance, pick

_HISPANIC = ("spanish", "maya")


def ascii_text(text: str) -> str:
    """'José Núñez' -> 'Jose Nunez'; 'Đỗ' -> 'Do'; 'Yıldız' -> 'Yildiz' (how forms get typed)."""
    return str(anyascii(text))


@dataclass(frozen=True)
class Person:
    family: str
    given: str
    aliases: tuple[str, ...]
    latin: str  # "Given Family" in Latin letters (e-mail addresses, file names)
    lineage: tuple[str, str]  # the surname this person passes on: (masculine, feminine)

    @property
    def full_name(self) -> str:
        return f"{self.given} {self.family}".strip()


def _spanish(rng: random.Random, female: bool, surnames: Sequence[str]) -> Person:
    first = pick(rng, surnames)
    second = pick(rng, [s for s in n.ES_SURNAMES if s != first])
    given = pick(rng, n.ES_FEMALE if female else n.ES_MALE)
    aliases = []
    if chance(rng, 0.55):
        aliases.append(ascii_text(f"{given} {first}"))
    if chance(rng, 0.15):
        aliases.append(f"{given.split()[0]} {first} {second}")
    latin = ascii_text(f"{given} {first}")
    return Person(f"{first} {second}", given, tuple(aliases), latin, (first, first))


def _slavic(
    rng: random.Random, female: bool, surnames: Sequence[tuple[str, str, str]], *, gendered: bool
) -> Person:
    cyr, latin_family, alt_family = pick(rng, surnames)
    lineage = (cyr, cyr + "а") if gendered else (cyr, cyr)
    if female and gendered:
        cyr, latin_family, alt_family = cyr + "а", latin_family + "a", alt_family + "a"
    pool = {
        (True, True): n.RU_FEMALE,
        (True, False): n.RU_MALE,
        (False, True): n.UA_FEMALE,
        (False, False): n.UA_MALE,
    }[(gendered, female)]
    given, given_latin, given_alt = pick(rng, pool)
    if gendered and chance(rng, 0.5):
        given = f"{given} {pick(rng, n.RU_PATRONYMICS)[1 if female else 0]}"
    aliases = [f"{given_latin} {latin_family}"]
    if (given_alt, alt_family) != (given_latin, latin_family) and chance(rng, 0.6):
        aliases.append(f"{given_alt} {alt_family}")
    return Person(cyr, given, tuple(aliases), aliases[0], lineage)


def _paired(
    rng: random.Random,
    female: bool,
    surnames: Sequence[tuple[str, str]],
    given_pools: tuple[Sequence[tuple[str, str]], Sequence[tuple[str, str]]],
    *,
    family_first: bool,
) -> Person:
    """Names with a native script and a romanisation (Chinese, Dari/Pashto)."""
    family, family_latin = pick(rng, surnames)
    given, given_latin = pick(rng, given_pools[female])
    western = f"{given_latin} {family_latin}"
    aliases = [western]
    if family_first:  # Chinese: "Wang Wei" as in the passport, sometimes "Wei Wang"
        aliases = [f"{family_latin} {given_latin}"] + ([western] if chance(rng, 0.5) else [])
    return Person(family, given, tuple(aliases), western, (family, family))


def _afghan(rng: random.Random, female: bool) -> Person:
    if chance(rng, 0.12):  # one name only, as many Afghans have: no family name on the tazkira
        name, latin = pick(rng, n.AF_FEMALE if female else n.AF_MALE)
        return Person(name, "", (latin, f"{latin} FNU"), latin, (name, name))
    person = _paired(rng, female, n.AF_SURNAMES, (n.AF_MALE, n.AF_FEMALE), family_first=False)
    if person.latin.startswith("Mohammad") and chance(rng, 0.5):
        spelled = person.latin.replace("Mohammad", "Muhammad")
        person = replace(person, aliases=(*person.aliases, spelled))
    return person


def _latin(
    rng: random.Random,
    female: bool,
    surnames: Sequence[str],
    given_pools: tuple[Sequence[str], Sequence[str]],
    *,
    family_first: bool,
) -> Person:
    """Latin-script names with diacritics (Haitian, Turkish, Vietnamese)."""
    family = pick(rng, surnames)
    given = pick(rng, given_pools[female])
    ordered = f"{family} {given}" if family_first else f"{given} {family}"
    plain = ascii_text(ordered).replace("-", " ")
    aliases = (plain,) if plain != ordered or chance(rng, 0.3) else ()
    return Person(family, given, aliases, ascii_text(f"{given} {family}"), (family, family))


_Maker = Callable[[random.Random, bool], Person]
_STYLES: dict[str, _Maker] = {
    "spanish": lambda rng, f: _spanish(rng, f, n.ES_SURNAMES),
    "maya": lambda rng, f: _spanish(rng, f, n.MAYA_SURNAMES + n.ES_SURNAMES[:12]),
    "haitian": lambda rng, f: _latin(
        rng, f, n.HT_SURNAMES, (n.HT_MALE, n.HT_FEMALE), family_first=False
    ),
    "russian": lambda rng, f: _slavic(rng, f, n.RU_SURNAMES, gendered=True),
    "ukrainian": lambda rng, f: _slavic(rng, f, n.UA_SURNAMES, gendered=False),
    "chinese": lambda rng, f: _paired(
        rng, f, n.ZH_SURNAMES, (n.ZH_MALE, n.ZH_FEMALE), family_first=True
    ),
    "afghan": _afghan,
    "turkish": lambda rng, f: _latin(
        rng, f, n.TR_SURNAMES, (n.TR_MALE, n.TR_FEMALE), family_first=False
    ),
    "vietnamese": lambda rng, f: _latin(
        rng, f, n.VI_SURNAMES, (n.VI_MALE, n.VI_FEMALE), family_first=True
    ),
}


def make_person(rng: random.Random, style: str, female: bool) -> Person:
    return _STYLES[style](rng, female)


def renamed(person: Person, family: str, given: str | None = None) -> Person:
    given = person.given if given is None else given
    return Person(family, given, (), person.latin, (family, family))


def parent(rng: random.Random, style: str, client: Person, *, female: bool) -> Person:
    """A parent whose family name fits the client's (Spanish: father's first, mother's second)."""
    born = make_person(rng, style, female)
    if style in _HISPANIC:
        surnames = client.family.split()
        inherited = surnames[1 if female and len(surnames) > 1 else 0]
        other = born.family.split()[-1]
        return renamed(born, f"{inherited} {other}" if other != inherited else inherited)
    if not client.given:  # one-name Afghan client: the parent's own name stands
        return born
    return renamed(born, client.lineage[1] if female else client.lineage[0])


def sibling(rng: random.Random, style: str, client: Person, *, female: bool) -> Person:
    born = make_person(rng, style, female)
    if style in _HISPANIC or not client.given:
        return renamed(born, client.family)
    return renamed(born, client.lineage[1] if female else client.lineage[0])


def spouse(rng: random.Random, style: str, client: Person, *, female: bool) -> Person:
    """The client's spouse; a Russian, Ukrainian or Turkish wife took her husband's name."""
    partner = make_person(rng, style, female)
    if style in ("russian", "ukrainian", "turkish") and female:
        return renamed(partner, client.lineage[1])
    return partner


def child(
    rng: random.Random, style: str, parents: tuple[Person | None, Person | None], *, female: bool
) -> Person:
    """A child named after (father, mother) by the naming customs of ``style``."""
    kid = make_person(rng, style, female)
    father, mother = parents
    if style in _HISPANIC:
        first = father.lineage[0] if father else (mother.lineage[0] if mother else "")
        second = mother.lineage[0] if mother and father else ""
        family = f"{first} {second}".strip() or kid.family
    elif (source := father or mother) is not None:
        family = source.lineage[1] if female else source.lineage[0]
    else:
        family = kid.family
    # a Russian child's patronymic would have to match the father: leave it out
    return renamed(kid, family, given=kid.given.split()[0] if style == "russian" else None)
