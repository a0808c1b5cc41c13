"""The nationality and language pickers' list model: Qt's model tester, and what typing matches."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from clinic.ui.intake.code_picker import CODE_ROLE, SEARCH_ROLE, ChoiceListModel
from clinic.ui.intake.iso_choices import country_choices, language_choices


def test_country_and_language_models_pass_the_model_tester(
    qtmodeltester: ModelTester, qapp: QApplication
) -> None:
    for choices in (country_choices("en"), language_choices("es")):
        model = ChoiceListModel(choices, qapp)  # the application outlives the tester's checks
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == len(choices) > 100


def test_a_country_shows_its_name_and_code_and_matches_its_names_in_both_languages(
    qapp: QApplication,
) -> None:
    model = ChoiceListModel(country_choices("es"), qapp)
    rows = {model.index(r, 0).data(CODE_ROLE): model.index(r, 0) for r in range(model.rowCount())}
    mexico = rows["MX"]
    assert mexico.data() == "México (MX)"
    assert "mexico" in mexico.data(SEARCH_ROLE).casefold()  # typed without the accent
