"""The Cases page's per-keystroke read: the first page and a count that stops at a limit.

``first_page`` must show exactly the rows ``list_cases`` shows, and a count that is either
exact or honestly "more than the limit"."""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType
from clinic.services import cases, clients
from clinic.services.search import CaseFilter, SortKey, count_cases, first_page, list_cases
from clinic.storage.store import Store

TODAY = date(2026, 6, 1)
FAMILIES = ("García", "Garcés", "Núñez", "Nguyễn", "Okafor", "Haile")


@pytest.fixture
def filled(store: Store) -> Store:
    for number in range(24):
        family = FAMILIES[number % len(FAMILIES)]
        client_id = clients.intake_client(
            store=store,
            client=ClientDraft(
                family, f"Given{number}", a_number=f"A-2{number:02d}-555-{number:03d}"
            ),
            today=TODAY,
        ).unwrap()
        claim = ClaimType.DEFENSIVE if number % 3 else ClaimType.AFFIRMATIVE
        cases.open_case(
            store=store,
            client_id=client_id,
            case=CaseDraft(claim, opened_on=date(2026, 1, 5)),
            today=TODAY,
        ).unwrap()
    return store


TEXTS = ("", "g", "gar", "garcia", "nunez", "Núñ", "e", "A-20", "zzz")


def test_first_page_shows_the_page_list_cases_shows(filled: Store) -> None:
    for sort in (SortKey.CLIENT, SortKey.A_NUMBER, SortKey.NEXT_DEADLINE):
        for text in TEXTS:
            expected = list_cases(store=filled, today=TODAY, text=text, limit=5, sort=sort)
            found = first_page(
                store=filled, today=TODAY, text=text, limit=5, count_limit=6, sort=sort
            )
            assert found.rows == expected, (text, sort)
            matches = count_cases(store=filled, text=text)
            if found.exact:
                assert found.total == matches, (text, sort)
            else:
                assert matches > 6 and found.total == 6, (text, sort)


def test_the_count_is_exact_up_to_the_limit_and_says_more_after_it(filled: Store) -> None:
    garcia = count_cases(store=filled, text="garc")  # García and Garcés: 8 clients
    assert garcia == 8
    exact = first_page(store=filled, today=TODAY, text="garc", limit=5, count_limit=8)
    assert (exact.total, exact.exact, len(exact.rows)) == (8, True, 5)
    more = first_page(store=filled, today=TODAY, text="garc", limit=5, count_limit=7)
    assert (more.total, more.exact, len(more.rows)) == (7, False, 5)
    assert count_cases(store=filled, text="garc", at_most=3) == 3
    assert count_cases(store=filled, text="garc", at_most=100) == 8


def test_no_text_always_gives_the_exact_total(filled: Store) -> None:
    found = first_page(store=filled, today=TODAY, text="", limit=5, count_limit=3)
    assert (found.total, found.exact) == (24, True)
    defensive = CaseFilter(claim_type=ClaimType.DEFENSIVE)
    found = first_page(
        store=filled, today=TODAY, text="", case_filter=defensive, limit=5, count_limit=3
    )
    assert (found.total, found.exact) == (16, True)
    assert found.rows == list_cases(store=filled, today=TODAY, case_filter=defensive, limit=5)
