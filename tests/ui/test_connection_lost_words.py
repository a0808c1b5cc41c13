"""A lost connection to the office server (ErrorKind.CONNECTION_LOST) is said plainly in the
window's language: nothing was saved and the input is kept; broken at the commit, it says the
outcome cannot be known; a server that cannot be reached keeps the store's own words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from clinic.services.errors import ErrorKind
from clinic.storage.errors import ConnectionLost
from clinic.ui.problems import describe
from clinic.ui.translations import Translations


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    before = QLocale()  # the language texts outside Qt's catalogue follow it: put it back
    translations = Translations(qapp)
    translations.apply("es")
    yield
    translations.remove()
    QLocale.setDefault(before)


def test_lost_during_a_save_says_nothing_was_saved_and_the_input_is_kept(qapp) -> None:  # type: ignore[no-untyped-def]
    problem = describe(ConnectionLost())
    assert problem.kind is ErrorKind.CONNECTION_LOST and problem.code == "connection_lost"
    assert "nothing was saved" in problem.text and "still here" in problem.text
    at_commit = describe(ConnectionLost.at_commit())
    assert at_commit.kind is ErrorKind.CONNECTION_LOST
    assert "cannot tell whether it was saved" in at_commit.text


def test_the_words_in_spanish(spanish: None) -> None:
    assert "no se guardó nada" in describe(ConnectionLost()).text
    assert "no puede saber si se guardó" in describe(ConnectionLost.at_commit()).text


def test_file_errors_are_worded_in_spanish_too(spanish: None) -> None:
    """The operating system's errors are worded by the window (its strerror is English); the
    words were marked so the catalogue has them (they showed in English before)."""
    import errno  # noqa: PLC0415

    full = describe(OSError(errno.ENOSPC, "No space left on device", "/media/usb/x.pdf"))
    assert full.text == "El disco está lleno; libere espacio e inténtelo de nuevo."
    gone = describe(FileNotFoundError(errno.ENOENT, "No such file", "/tmp/gone.pdf"))
    assert gone.text.startswith("/tmp/gone.pdf no existe")
