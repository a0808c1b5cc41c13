"""Settings: the interface language of this computer (English, Español, or the system's).

The choice is a per-user preference (``clinic.services.language``), not a clinic setting: it is
saved as soon as it is picked, and the main window rebuilds itself in the new language.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QMessageBox

from clinic.services import language
from clinic.ui.operation import Operation
from clinic.ui.problems import Problem

# Language names are written in their own language, as in every language picker.
NATIVE_NAMES = {"en": "English", "es": "Español"}


class LanguageBox(QGroupBox):
    """A combo box over ``language.LANGUAGE_SETTINGS``; ``chosen`` carries the new setting."""

    chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Language on this computer"))
        self.setObjectName("languageGroup")
        self.combo = QComboBox()
        self.combo.setObjectName("interfaceLanguage")
        self.combo.setAccessibleName(self.tr("Interface language"))
        system = NATIVE_NAMES[language.system_language()]
        self.combo.addItem(NATIVE_NAMES["en"], "en")
        self.combo.addItem(NATIVE_NAMES["es"], "es")
        self.combo.addItem(self.tr("Same as the computer (%1)").replace("%1", system), "system")
        self.note = QLabel(
            self.tr("Saved for you on this computer only; the window switches to it at once.")
        )
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        label = QLabel(self.tr("&Interface language:"))
        label.setBuddy(self.combo)
        form.addRow(label, self.combo)
        form.addRow(self.note)
        self.show_saved()
        self.combo.activated.connect(self._activated)

    def show_saved(self) -> None:
        """Show the stored preference without announcing a change."""
        index = self.combo.findData(language.language_setting())
        self.combo.setCurrentIndex(max(index, 0))

    def save(self, value: str) -> bool:
        """Store ``value``; a folder that cannot be written is reported, not raised."""
        return (
            Operation(self, lambda _: language.set_language_setting(value))
            .failure(self._not_saved)
            .run_and_wait()
        )

    def _not_saved(self, problem: Problem) -> None:
        QMessageBox.warning(
            self,
            self.tr("The language was not saved"),
            self.tr("Clinic could not write its preferences file: %1").replace("%1", problem.text),
        )

    def value(self) -> str:
        return str(self.combo.currentData())

    def _activated(self, _index: int) -> None:
        if self.value() != language.language_setting():
            self.chosen.emit(self.value())
