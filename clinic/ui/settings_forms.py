"""Settings → Forms: the blank I-589 the clinic downloaded from uscis.gov (issue 23).

Clinic ships no USCIS form. "Add a form file…" stores the blank PDF in the data folder
(clinic/services/i589_forms.py): Clinic recognises the edition by its footer and field set; an
edition it does not know is stored with, in words, the questions it cannot place (they are then
typed by hand); a file that is no fillable I-589 is refused with the reason. The stored forms
are listed with their edition and the day they were added, and one can be removed. The I-589
tab and ``clinic i589`` fill the latest added known edition. Each change is made at once and
audited; it does not wait for the page's Save button.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.i589_map import question_text
from clinic.services import i589_forms
from clinic.services.language import tr
from clinic.ui.date_text import date_text
from clinic.ui.file_dialogs import open_file_name
from clinic.ui.operation import Operation, Progress
from clinic.ui.session import UiSession

SHOWN_QUESTIONS = 12  # an unknown edition's unplaceable questions named; the rest counted


class FormsBox(QGroupBox):
    """The stored blank forms; add one, remove one."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("formsGroup")
        self.setTitle(self.tr("Forms"))
        self.intro = QLabel(
            self.tr(
                "Clinic fills the official I-589 but does not ship it: download the blank form "
                "from uscis.gov/i-589 and add it here."
            )
        )
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("storedForms")
        self.list.setAccessibleName(self.tr("Stored forms"))
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.add_button = QPushButton(self.tr("Add a form file…"))
        self.add_button.setObjectName("addFormFile")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeFormFile")
        self.remove_button.setAccessibleName(self.tr("Remove the selected form"))
        self.add_button.setAccessibleName(self.add_button.text())
        self.message = QLabel()
        self.message.setObjectName("formsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.choose_and_add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        session.locked.connect(self.clear)
        session.unlocked.connect(self.reload)
        self.reload()

    # -- showing ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.list.clear()
        if not self.session.is_open:
            self._enable()
            return
        for form in i589_forms.stored_forms(self.session.store):
            item = QListWidgetItem(self._describe(form))
            item.setData(Qt.ItemDataRole.UserRole, form)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(self.tr("No form stored yet."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._enable()

    def _describe(self, form: i589_forms.StoredForm) -> str:
        footer = form.footer or self.tr("Form I-589 (no edition printed)")
        known = (
            self.tr("an edition Clinic knows")
            if form.edition is not None
            else self.tr("not an edition Clinic knows")
        )
        return self.tr("{0}, {1}; added {2}").format(footer, known, date_text(form.added_on))

    def clear(self) -> None:
        """After lock: the list names files in the data folder, nothing of a client; the
        message may name a file the user chose, so it goes."""
        self.message.clear()
        self.list.clear()
        self._enable()

    def selected(self) -> i589_forms.StoredForm | None:
        item = self.list.currentItem()
        form = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return form if isinstance(form, i589_forms.StoredForm) else None

    def _enable(self) -> None:
        is_open = self.session.is_open
        self.add_button.setEnabled(is_open)
        self.remove_button.setEnabled(is_open and self.selected() is not None)

    # -- changing --------------------------------------------------------------------------

    def choose_and_add(self) -> bool:
        chosen = open_file_name(
            self, self.tr("Add the blank I-589 from uscis.gov"), self.tr("PDF (*.pdf)")
        )
        return bool(chosen) and self.add(chosen)

    def add(self, path: str) -> bool:
        """Store the file at ``path`` (waits for the work; the window stays painted)."""
        store, today = self.session.store, self.session.today()

        def work(_progress: Progress) -> i589_forms.AddedForm:
            return i589_forms.add_form(store=store, source=Path(path), today=today)

        added: list[i589_forms.AddedForm] = []
        Operation(self, work, session=self.session).success(added.append).failure(
            lambda problem: self.message.setText(problem.text)
        ).run_and_wait()
        if not added:
            return False
        self.message.setText(self._added_words(added[0]))
        self.reload()
        return True

    def _added_words(self, added: i589_forms.AddedForm) -> str:
        form = added.form
        footer = form.footer or self.tr("no I-589 footer found")
        if form.edition is not None:
            return self.tr(
                "Added {0}, an edition Clinic knows: every mapped question is placed."
            ).format(footer)
        questions = list(dict.fromkeys(question_text(f, tr) for f in added.unplaceable))
        shown = "; ".join(questions[:SHOWN_QUESTIONS])
        more = len(questions) - SHOWN_QUESTIONS
        if more > 0:
            shown += " " + self.tr("(and %n more)", "", more)
        return self.tr(
            "Added {0}, but it is not an edition Clinic knows (its fields differ from those of "
            "{1}). It is filled only where its fields match; these questions cannot be placed "
            "and must be typed by hand: {2}."
        ).format(footer, added.closest_footer or "", shown or self.tr("none"))

    def remove_selected(self) -> bool:
        form = self.selected()
        if form is None:
            return False
        store = self.session.store

        def work(_progress: Progress) -> None:
            i589_forms.remove_form(store=store, form=form)

        done = (
            Operation(self, work, session=self.session)
            .failure(lambda problem: self.message.setText(problem.text))
            .run_and_wait()
        )
        if done:
            self.message.setText(self.tr("Removed {0}.").format(self._describe(form)))
            self.reload()
        return bool(done)
