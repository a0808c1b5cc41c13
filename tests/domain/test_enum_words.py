"""The one table of enum words (clinic/domain/enum_words.py): every value has its word."""

from __future__ import annotations

from enum import StrEnum

from clinic.domain import enum_words
from clinic.domain.enums import Stage


def test_every_value_of_every_listed_enum_has_a_word() -> None:
    missing = [
        f"{kind.__name__}.{member.name}"
        for kind, words in enum_words.WORDS.items()
        for member in kind
        if member not in words
    ]
    assert not missing, f"add their English words to clinic/domain/enum_words.py: {missing}"


def test_each_enum_has_its_own_context() -> None:
    contexts = [enum_words.context(kind) for kind in enum_words.WORDS]
    assert len(set(contexts)) == len(contexts)
    assert enum_words.context(Stage) == "enum.Stage"


def test_a_value_the_table_lacks_reads_as_its_stored_value() -> None:
    class Odd(StrEnum):  # an enum outside the table
        SOME_VALUE = "some_value"

    assert enum_words.english(Odd.SOME_VALUE) == "Some value"
    assert enum_words.english(Stage.FILED) == "Filed"
