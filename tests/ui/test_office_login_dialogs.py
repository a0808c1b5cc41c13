"""Office mode's sign-in dialogs on their own (the flow against a real server is in
tests/office/test_office_window.py and tests/display/test_office_login.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from clinic.services import office_login
from clinic.ui.office_login_dialogs import (
    MIN_PASSWORD_LENGTH,
    Asking,
    OwnPasswordDialog,
    StaffLoginDialog,
    own_password_problem_words,
)

FIRST = "Xk3-first-password-from-admin"


def test_the_window_applies_the_command_lines_password_rules() -> None:
    assert MIN_PASSWORD_LENGTH == office_login.MIN_PASSWORD_LENGTH
    for candidate in (
        FIRST,
        "short",
        "aaaaaaaaaaaaaaaa",
        "abababababab",
        "x" * 11 + "yzwv",
        "a walk along the river",
        "twelve chars",
    ):
        window = own_password_problem_words(candidate, first=FIRST)
        service = office_login.new_password_problem(candidate, old=FIRST)
        assert (window is None) == (service is None), candidate


@pytest.mark.parametrize(
    ("asking", "field_shown"),
    [(Asking.PASSWORD, True), (Asking.PASSPHRASE, True), (Asking.NOTHING, False)],
)
def test_the_login_dialog_names_server_and_user_and_asks_what_is_needed(
    qtbot, asking: Asking, field_shown: bool
) -> None:  # type: ignore[no-untyped-def]
    dialog = StaffLoginDialog(server="office.local:5432/clinic", user="maria.lopez")
    qtbot.addWidget(dialog)
    dialog.set_asking(asking)
    assert "office.local:5432/clinic" in dialog.findChild(QLabel, "staffLoginServer").text()
    assert "maria.lopez" in dialog.findChild(QLabel, "staffLoginUser").text()
    assert (not dialog.secret.isHidden()) is field_shown
    prompt = dialog.prompt.text()
    assert {"password": "password on the office server", "passphrase": "passphrase"}.get(
        asking.value, "keychain"
    ) in prompt


def test_the_own_password_dialog_asks_twice_and_refuses_the_first_password(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = OwnPasswordDialog(first_password=FIRST, until="Monday, 14 December 2026")
    qtbot.addWidget(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    for new, again, said in (
        (FIRST, FIRST, "not the first password"),
        ("short", "short", "at least 12"),
        ("a walk along the river", "a walk along the rivet", "differ"),
    ):
        dialog.password.setText(new)
        dialog.confirm.setText(again)
        ok.click()
        assert said in dialog.message.text()
        assert dialog.result() == 0
    dialog.confirm.setText("a walk along the river")
    ok.click()
    assert dialog.result() == 1 and dialog.chosen() == "a walk along the river"
