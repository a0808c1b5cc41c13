"""Intake's address is optional, part by part: a city alone is accepted (only the family name is
required); an address with no street and no city says that one of them is wanted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from clinic.domain.drafts import AddressDraft, ClientDraft
from clinic.domain.problem_text import describe
from clinic.domain.validation import Problem
from clinic.services import clients, lifecycle, search
from clinic.ui.intake import IntakeDialog
from clinic.ui.intake.intake_dialog import CLIENT_STEP
from clinic.ui.session import UiSession

TODAY = date(2026, 11, 28)


@pytest.fixture
def dialog(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    store = lifecycle.init_store(data_dir=data_dir, passphrase="correct horse battery", actor="t")
    dialog = IntakeDialog(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.discard())
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    store.lock()


def test_a_city_without_a_street_is_accepted(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    page = dialog.client_page
    qtbot.keyClicks(page.family_name, "Alvarez")
    qtbot.keyClicks(page.city, "Houston")
    assert page.problems() == []
    qtbot.keyClick(page.family_name, Qt.Key.Key_Return)
    assert dialog.current_step() != CLIENT_STEP  # on to the next step
    street = dialog.findChild(QWidget, "addressLine1Message")
    assert street is None or not street.isVisibleTo(dialog)


def test_an_address_without_street_or_city_asks_for_one(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    page = dialog.client_page
    qtbot.keyClicks(page.family_name, "Alvarez")
    qtbot.keyClicks(page.postal_code, "77002")
    qtbot.keyClick(page.family_name, Qt.Key.Key_Return)
    assert dialog.current_step() == CLIENT_STEP
    message = dialog.findChild(QWidget, "addressCityMessage")
    assert message.text() == describe(Problem.ADDRESS_PLACE_REQUIRED)
    assert "city or the street" in message.text()
    assert page.postal_code.text() == "77002"  # nothing typed is lost
    assert search.search_clients(store=dialog.session.store, text="alvarez") == []


def test_the_city_alone_is_saved(dialog) -> None:  # type: ignore[no-untyped-def]
    """Through the service, as the intake saves it: the address keeps its city."""
    store = dialog.session.store
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft("Alvarez", "Rosa"),
        address=AddressDraft("", "Houston"),
        today=TODAY,
    ).unwrap()
    view = clients.get_client(store=store, client_id=client_id)
    assert [(a.line1, a.city) for a in view.addresses] == [("", "Houston")]
