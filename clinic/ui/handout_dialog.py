"""The case page's "Client handout…" action: choose the kind (hearing reminder, document
request, appointment slip), the language (one handout language, alone or beside English; the
client's recorded languages choose the default) and, for two, the layout; a language no certified
translator has reviewed yet is said so plainly under the choice; then the usual unencrypted-PDF
warning, a preview, a save dialog and the background worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic.services import language, settings
from clinic.services.dto import CaseView
from clinic.ui.date_input import check_inputs
from clinic.ui.pdf_export import PdfSaver
from clinic.ui.session import UiSession
from clinic.ui.time_input import DateTimeInput

if TYPE_CHECKING:  # imported where used: they load reportlab/icalendar
    from clinic.services import handouts

SHORTCUT = "Ctrl+Shift+H"


@dataclass(frozen=True)
class LanguageOption:
    """A handout language as the dialog offers it."""

    code: str
    name: str  # in the staff's language ("Haitian Creole")
    native: str  # in its own ("Kreyòl ayisyen")
    reviewed: bool  # by a certified translator, recorded in Settings (English: the source)
    # the clinic wrote its letterhead in this language (or has none at all): when not, the
    # English letterhead prints in its place (Spanish review H5)
    letterhead: bool = True


ENGLISH_ONLY = (LanguageOption("en", "English", "English", True),)


def all_languages(
    staff: str, reviewed: dict[str, bool], no_letterhead: frozenset[str] = frozenset()
) -> tuple[LanguageOption, ...]:
    """Every handout language (resources/handouts/), named in the staff's language;
    ``no_letterhead``: the codes the clinic has written no letterhead in."""
    from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

    return tuple(
        LanguageOption(
            code,
            handouts.language_name(each, staff),
            each.name,
            code == "en" or reviewed.get(code, False),
            code not in no_letterhead,
        )
        for code, each in handouts.handout_languages().items()
    )


def _combo(name: str, accessible: str, items: tuple[tuple[str, str], ...]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    for value, text in items:
        box.addItem(text, value)
    return box


class HandoutDialog(QDialog):
    """What to print for the client. ``choice()`` gives kind, languages, layout, appointment."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        layout_setting: str = "side-by-side",
        today: Callable[[], date] = date.today,
        languages: tuple[LanguageOption, ...] | None = None,
        default_language: str = "en+es",
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.setObjectName("handoutDialog")
        self.setWindowTitle(self.tr("Client handout"))
        self.setAccessibleName(self.tr("Client handout"))
        self.kind = _combo(
            "handoutKind",
            self.tr("Kind of handout"),
            (
                ("hearing-reminder", self.tr("Hearing reminder (next court hearing)")),
                ("document-request", self.tr("Documents we still need")),
                ("appointment-slip", self.tr("Appointment slip")),
            ),
        )
        self._language_fields(languages, default_language)
        self.layout_box = _combo(
            "handoutLayout",
            self.tr("Layout of a bilingual handout"),
            (
                ("side-by-side", self.tr("Side by side (two columns)")),
                ("sequential", self.tr("One after the other (English first, then the other)")),
            ),
        )
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(layout_setting)))
        self._appointment_fields()
        form = QFormLayout()
        form.addRow(self.tr("&Handout:"), self.kind)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.review_note)
        form.addRow(self.letterhead_note)
        form.addRow(self.tr("La&yout:"), self.layout_box)
        form.addRow(self.tr("&When:"), self.at)
        form.addRow(self.tr("W&ith:"), self.with_whom)
        form.addRow(self.tr("W&here:"), self.where)
        self.form = form
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("handoutButtons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save PDF…"))
        ok.setObjectName("handoutSaveButton")
        ok.setAccessibleName(self.tr("Save the handout as a PDF"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._update)
        self.language.currentIndexChanged.connect(self._update)
        self._update()

    def _language_fields(
        self, languages: tuple[LanguageOption, ...] | None, default_language: str
    ) -> None:
        if languages is None:  # every handout language, none counted as reviewed
            languages = all_languages(language.ui_language(), {})
        self.options = {o.code: o for o in languages or ENGLISH_ONLY}
        self.options.setdefault("en", ENGLISH_ONLY[0])
        items: list[tuple[str, str]] = []
        for option in self.options.values():
            if option.code == "en":
                continue
            shown = (
                option.name if option.name == option.native else f"{option.name} ({option.native})"
            )
            items.append((f"en+{option.code}", self.tr("English and %1").replace("%1", shown)))
            items.append((option.code, self.tr("%1 only").replace("%1", shown)))
        items.append(("en", self.tr("English only")))
        self.language = _combo("handoutLanguage", self.tr("Language of the handout"), tuple(items))
        self.language.setCurrentIndex(max(0, self.language.findData(default_language)))
        self.review_note = QLabel()
        self.review_note.setObjectName("handoutReviewNote")
        self.review_note.setWordWrap(True)
        bold = self.review_note.font()
        bold.setBold(True)
        self.review_note.setFont(bold)
        self.letterhead_note = QLabel()
        self.letterhead_note.setObjectName("handoutLetterheadNote")
        self.letterhead_note.setWordWrap(True)

    def _appointment_fields(self) -> None:
        tomorrow = self.today() + timedelta(days=1)
        self.at = DateTimeInput(datetime.combine(tomorrow, time(10, 0)), today=self.today)
        self.at.set_names("appointmentAt", self.tr("Appointment"))
        self.with_whom = QLineEdit()
        self.with_whom.setObjectName("appointmentWith")
        self.with_whom.setAccessibleName(self.tr("Appointment with"))
        self.with_whom.setMaxLength(120)
        self.where = QLineEdit()
        self.where.setObjectName("appointmentWhere")
        self.where.setAccessibleName(self.tr("Appointment place"))
        self.where.setMaxLength(200)

    def _update(self) -> None:
        appointment = self.kind.currentData() == "appointment-slip"
        for widget in (self.at, self.with_whom, self.where):
            self.form.setRowVisible(widget, appointment)
        choice = str(self.language.currentData())
        self.form.setRowVisible(self.layout_box, "+" in choice)
        drafts = [
            self.options[code].name
            for code in choice.split("+")
            if code in self.options and not self.options[code].reviewed
        ]
        self.review_note.setText(
            self.tr(
                "Draft translation: no certified translator has reviewed the %1 text yet. "
                "Have it checked before you give this paper to the client. (A review is "
                "recorded in Settings, Handout languages.)"
            ).replace("%1", ", ".join(drafts))
            if drafts
            else ""
        )
        self.form.setRowVisible(self.review_note, bool(drafts))
        plain = [
            self.options[code].name
            for code in choice.split("+")
            if code in self.options and not self.options[code].letterhead
        ]
        self.letterhead_note.setText(
            self.tr(
                "The clinic has no letterhead in %1 yet, so its English letterhead (address, "
                "phone, office hours) is printed. Write one in Settings, Handout languages."
            ).replace("%1", ", ".join(plain))
            if plain
            else ""
        )
        self.form.setRowVisible(self.letterhead_note, bool(plain))

    def accept(self) -> None:
        if check_inputs(self):  # the appointment's day and time, when shown, must read
            super().accept()

    def choice(self) -> tuple[str, tuple[str, ...], str, handouts.Appointment | None]:
        from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

        kind = str(self.kind.currentData())
        appointment = None
        if kind == "appointment-slip":
            moment = self.at.value()
            if moment is None:  # accept() lets the dialog close only once both fields read
                raise ValueError(self.at.problem())
            appointment = handouts.Appointment(
                moment.replace(second=0, microsecond=0),
                self.with_whom.text().strip(),
                self.where.text().strip(),
            )
        return (
            kind,
            handouts.languages_of(str(self.language.currentData())),
            str(self.layout_box.currentData()),
            appointment,
        )


class HandoutExport(QObject):
    """The action (and button) on the case page; builds the PDF through :class:`PdfSaver`."""

    def __init__(
        self, session: UiSession, current_case: Callable[[], CaseView | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoutExport")
        self.session = session
        self._current_case = current_case
        self._parent = parent
        self.saver = PdfSaver(parent)
        self.action = QAction(self.tr("Client handout…"), parent)
        self.action.setObjectName("clientHandoutAction")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.triggered.connect(self.export)
        parent.addAction(self.action)
        self.button = QPushButton(self.tr("Client handout…"))
        self.button.setObjectName("clientHandoutButton")
        self.button.setAccessibleName(self.tr("Make a handout for the client"))
        self.button.setToolTip(
            self.tr("Hearing reminder, document request or appointment slip (%1)").replace(
                "%1", SHORTCUT
            )
        )
        self.button.clicked.connect(self.export)
        self.saver.busy_changed.connect(lambda busy: self.button.setEnabled(not busy))
        self.dialog: HandoutDialog | None = None

    def _layout_setting(self) -> str:
        return settings.get_settings(store=self.session.store).handout_layout

    def _choose(
        self, case: CaseView
    ) -> tuple[str, tuple[str, ...], str, handouts.Appointment | None] | None:
        """Ask which handout, in which languages and layout (None: cancelled)."""
        options, default = self._languages(case)
        self.dialog = HandoutDialog(
            self._parent,
            layout_setting=self._layout_setting(),
            today=self.session.today,
            languages=options,
            default_language=default,
        )
        if self.dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.dialog.choice()

    def _languages(self, case: CaseView) -> tuple[tuple[LanguageOption, ...], str]:
        """The handout languages (with the clinic's reviews) and the client's default."""
        from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

        store = self.session.store
        reviews = handouts.language_reviews(store=store)
        plain = handouts.without_letterhead(tuple(handouts.handout_languages()), store=store)
        options = all_languages(
            language.ui_language(),
            {code: r.reviewed for code, r in reviews.items()},
            frozenset(each.code for each in plain),
        )
        return options, handouts.default_choice(case.client.languages)

    def export(self) -> bool:
        case = self._current_case()
        if case is None or not self.session.is_open or self.saver.busy:
            return False
        chosen = self._choose(case)
        if chosen is None:
            return False
        kind, languages, layout, appointment = chosen
        store, today, case_id = self.session.store, self.session.today(), case.id
        staff_language = language.ui_language()

        def render(_lang: str) -> bytes:
            from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

            try:
                return handouts.handout_pdf(
                    store=store,
                    case_id=case_id,
                    kind=kind,
                    languages=languages,
                    today=today,
                    layout=layout,
                    appointment=appointment,
                )
            except handouts.HandoutUnavailable as exc:
                raise LookupError(exc.message_in(staff_language)) from None

        def write(destination: Path, pdf: bytes) -> Any:
            from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

            return handouts.export_handout_pdf(
                store=store,
                case_id=case_id,
                kind=kind,
                languages=languages,
                destination=destination,
                today=today,
                layout=layout,
                appointment=appointment,
                pdf=pdf,  # the PDF the user saw
            )

        return self.saver.save(
            warning=self.tr(
                "The handout PDF is NOT encrypted: it shows the client's name and A-number. "
                "Print it or give it to the client, and delete stray copies. The export is "
                "recorded in the audit log."
            ),
            caption=self.tr("Save the client handout PDF"),
            # never the client's name in a file name: file names show in recent-file lists
            suggested_name=f"handout-{kind}-{'+'.join(languages)}-case-{case_id}.pdf",
            render=render,
            write=write,
        )
