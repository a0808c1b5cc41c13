"""The Spanish gettext catalogue of non-Qt texts: complete, current, and used at run time."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from clinic.domain import i18n, problem_text
from clinic.domain.validation import FieldProblem, Problem
from clinic.storage.errors import NoStore, ReadOnlyStore, WrongPassphrase

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "clinic_messages_tool", ROOT / "tools/messages.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return _tool()


@pytest.fixture(scope="module")
def found(tool: ModuleType) -> dict[str, list[str]]:
    return tool.extract()  # type: ignore[no-any-return]


def test_every_marked_text_has_a_spanish_translation(
    tool: ModuleType, found: dict[str, list[str]]
) -> None:
    problems = tool.check("es", found)
    assert not problems.missing, (
        "texts marked in the code but absent from clinic.po (run "
        f"`python tools/messages.py update`, then translate): {problems.missing}"
    )
    assert not problems.untranslated, f"empty Spanish translations: {problems.untranslated}"
    assert not problems.fuzzy, f"fuzzy entries to review: {problems.fuzzy}"
    assert not problems.placeholders, f"{{names}} differ from the English: {problems.placeholders}"


def test_catalogue_holds_no_stale_texts(tool: ModuleType, found: dict[str, list[str]]) -> None:
    problems = tool.check("es", found)
    assert not problems.stale, (
        f"texts no longer in the code (run `python tools/messages.py update`): {problems.stale}"
    )


def test_extraction_covers_problems_store_errors_and_cli(found: dict[str, list[str]]) -> None:
    where = {place.split(":")[0] for places in found.values() for place in places}
    assert "clinic/domain/problem_text.py" in where
    assert "clinic/storage/errors.py" in where
    assert "clinic/cli/store_commands.py" in where
    assert len(found) >= 90


def test_check_reports_a_missing_translation(tool: ModuleType, found: dict[str, list[str]]) -> None:
    with_new = dict(found)
    with_new["A brand-new message nobody translated."] = ["clinic/cli/x.py:1"]
    problems = tool.check("es", with_new)
    assert problems.missing == ["A brand-new message nobody translated."]
    assert not problems.ok()


def test_every_problem_reads_in_spanish() -> None:
    for problem in Problem:
        english = problem_text.describe(problem)
        spanish = problem_text.describe(problem, "es")
        assert spanish and spanish != english, problem
    assert problem_text.describe(Problem.REQUIRED) == "This field is required."
    assert problem_text.describe(Problem.REQUIRED, "es") == "Este campo es obligatorio."


def test_describe_all_translates_field_labels() -> None:
    problems = (FieldProblem("a_number", Problem.A_NUMBER_WRONG_LENGTH),)
    assert problem_text.describe_all(problems) == [
        "A-number: An A-number has 8 or 9 digits, e.g. A-123-456-789."
    ]
    assert problem_text.describe_all(problems, "es") == [
        "Número A: Un número A tiene 8 o 9 dígitos, p. ej. A-123-456-789."
    ]


def test_store_errors_translate_their_template_and_keep_values() -> None:
    error = NoStore(
        i18n.N_("There is no Clinic store in {folder}. Create one with 'clinic init'."),
        folder="/x/y",
    )
    assert str(error) == "There is no Clinic store in /x/y. Create one with 'clinic init'."
    assert (
        error.message_in("es")
        == "No hay una base de datos de Clinic en /x/y. Cree una con 'clinic init'."
    )
    assert WrongPassphrase().message_in("es").startswith("La frase de contraseña no es correcta.")
    read_only = ReadOnlyStore(i18n.N_("The database"))
    assert str(read_only).startswith("The database is read-only")
    assert read_only.message_in("es").startswith("La base de datos es de solo lectura")


def test_unknown_text_and_unknown_language_fall_back_to_english() -> None:
    assert i18n.gettext("Not in any catalogue.", "es") == "Not in any catalogue."
    assert i18n.Translator("fr")("This field is required.") == "This field is required."
    assert i18n.translate("{path} already exists; choose a new file name.", "es", path="a.pdf") == (
        "a.pdf ya existe; elija otro nombre de archivo."
    )
