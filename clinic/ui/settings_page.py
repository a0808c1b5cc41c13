"""Settings: clinic name and letterhead, staff, auto-lock, backups, time zone, deadline rule
amounts and court closure days. One Save (Ctrl+S); problems appear beside their fields and the
edits stay until they are saved or reverted."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from clinic.domain.validation import FieldProblem, Problem
from clinic.services import staff
from clinic.services.deadlines import rules_in_force
from clinic.services.first_steps import Step
from clinic.services.results import Changes, Entity, Result
from clinic.services.settings import (
    ClinicSettings,
    RecomputeCancelled,
    get_settings,
    may_change_settings,
    update_settings,
)
from clinic.ui import fonts
from clinic.ui.file_dialogs import existing_folder
from clinic.ui.hearing_zone_review import ZoneReviewNotice
from clinic.ui.operation import Operation
from clinic.ui.page import Page
from clinic.ui.problems import Problem as OperationProblem
from clinic.ui.session import UiSession
from clinic.ui.settings_closures import ClosureDaysEditor
from clinic.ui.settings_forms import FormsBox
from clinic.ui.settings_handout_languages import HandoutLanguagesBox
from clinic.ui.settings_language import LanguageBox
from clinic.ui.settings_layout import ReadOnlyNote, hide_form_rows, named
from clinic.ui.settings_problems import ProblemLabels
from clinic.ui.settings_recompute import BackgroundSave
from clinic.ui.settings_rules import RuleSettingsBox
from clinic.ui.settings_sections import (
    count_field,
    handout_layout_field,
    known_zones,
    letterhead_field,
    office_fields,
    scrolled,
    time_zone_field,
    two_columns,
)
from clinic.ui.settings_staff import AddStaffDialog, StaffList
from clinic.ui.settings_values import fill_form, form_settings

AUTO_LOCK_RANGE = (1, 120)
BACKUPS_KEPT_RANGE = (1, 365)


class SettingsPage(Page):
    title = str(QT_TRANSLATE_NOOP("MainWindow", "Settings"))
    language_changed = Signal(str)  # the interface language setting was saved

    def __init__(self, session: UiSession) -> None:
        super().__init__(session)
        self.setObjectName("settingsPage")
        self._loaded: ClinicSettings | None = None
        self._baseline: ClinicSettings | None = None
        self._allowed = True  # this login may change the clinic's settings (office: admins)
        self.staff_dialog: AddStaffDialog | None = None
        self.problems = ProblemLabels(self, prefix="settings")
        self._build_fields()
        # The form is disabled while a save recomputes deadlines in the background; the
        # handout languages box saves on its own (issue 24).
        self.forms_box = FormsBox(session)  # the blank I-589: saved on its own too (issue 23)
        self.handout_languages = HandoutLanguagesBox(session)
        self.form = two_columns(self, self.handout_languages, self.forms_box)
        scroll = scrolled(self.form)
        self.background = self._background_save()
        self.read_only_note = ReadOnlyNote()
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.problems.general)
        layout.addWidget(self.background.progress)
        layout.addWidget(scroll, 1)
        self._connect_edits()
        self._update_dirty()

    # -- construction -----------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.clinic_name = named(QLineEdit(), "clinicName", self.tr("Clinic name"))
        self.letterhead = letterhead_field(self.fontMetrics().lineSpacing())
        self.office = office_fields()  # the clinic's address and telephone, for forms
        self.handout_layout = handout_layout_field()
        self.auto_lock = count_field(
            "autoLockMinutes", self.tr("Lock after idle minutes"), AUTO_LOCK_RANGE
        )
        self.auto_lock.setSuffix(self.tr(" min"))
        self.backup_folder = named(QLineEdit(), "backupFolder", self.tr("Backup folder"))
        self.backup_folder.setPlaceholderText(self.tr("For example the USB stick's folder"))
        self.choose_folder = named(
            QPushButton(self.tr("Choose…")), "chooseBackupFolder", self.tr("Choose backup folder")
        )
        self.choose_folder.clicked.connect(self._choose_folder)
        self.backups_kept = count_field("backupsKept", self.tr("Backups kept"), BACKUPS_KEPT_RANGE)
        self.timezone = time_zone_field()
        self._zones = known_zones()
        self.zone_review = ZoneReviewNotice(self.session)
        self.rules = RuleSettingsBox(rules_in_force())
        self.closures = ClosureDaysEditor(self.problems.label_for("closure_days"))
        self.staff_list = StaffList(self.session)
        self.staff_model = self.staff_list.model
        self.add_staff_button = self.staff_list.add_button
        self.language_box = LanguageBox()
        self.language_box.chosen.connect(self._language_chosen)

    def _header(self) -> QHBoxLayout:
        heading = QLabel(self.tr("Settings"))
        heading.setFont(fonts.scaled(heading.font(), fonts.Step.TITLE, bold=True))
        self.status = named(QLabel(), "settingsStatus", self.tr("Save status"))
        self.revert_button = named(
            QPushButton(self.tr("Revert")), "settingsRevert", self.tr("Revert unsaved changes")
        )
        self.revert_button.clicked.connect(self.revert)
        self.save_button = named(
            QPushButton(self.tr("Save")), "settingsSave", self.tr("Save settings")
        )
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_action = QAction(self.tr("Save settings"), self)
        self.save_action.setObjectName("settingsSaveAction")
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.save_button.clicked.connect(self.save_action.trigger)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(16)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        return bar

    def leave_out_laptop_parts(self) -> None:
        """Office mode: no backup folder or backups kept (the server's backups are its
        administrator's), no choice of this computer's user (the login says who it is)."""
        group = hide_form_rows(self.backup_folder, self.backups_kept)
        if group is not None:
            group.setTitle(self.tr("Locking and time"))
        self.staff_list.leave_out_computer_user()

    def _connect_edits(self) -> None:
        self.clinic_name.textChanged.connect(self._update_dirty)
        self.letterhead.textChanged.connect(self._update_dirty)
        for field in self.office.values():
            field.textChanged.connect(self._update_dirty)
        self.auto_lock.valueChanged.connect(self._update_dirty)
        self.backup_folder.textChanged.connect(self._update_dirty)
        self.backups_kept.valueChanged.connect(self._update_dirty)
        self.timezone.currentTextChanged.connect(self._update_dirty)
        self.handout_layout.currentIndexChanged.connect(self._update_dirty)
        self.rules.edited.connect(self._update_dirty)
        self.closures.edited.connect(self._update_dirty)

    # -- Page contract ----------------------------------------------------------------------

    def reload(self) -> None:
        if not self.session.is_open:
            self.clear()
            return
        self._reload_staff()
        if not self.has_unsaved_changes():
            self._show_settings(get_settings(store=self.session.store))
        self._allow_changes(may_change_settings(store=self.session.store))

    def _allow_changes(self, allowed: bool) -> None:
        """Office mode: a login that may not change them sees the settings read-only."""
        self._allowed = allowed
        self.save_action.setEnabled(allowed)
        fields = (self.clinic_name, self.letterhead, *self.office.values(), self.handout_layout)
        others = (self.auto_lock, self.timezone, self.add_staff_button, self.rules, self.closures)
        self.read_only_note.allow(allowed, (*fields, *others, self.handout_languages))

    def apply_changes(self, changes: Changes) -> None:
        if not self.session.is_open:
            return
        if Entity.STAFF in changes.entities:
            self._reload_staff()
        if Entity.SETTINGS in changes.entities and not self.has_unsaved_changes():
            self._show_settings(get_settings(store=self.session.store))

    def clear(self) -> None:
        self._loaded = None
        self._baseline = None
        if self.staff_dialog is not None:
            self.staff_dialog.done(0)
            self.staff_dialog = None
        for line in (self.clinic_name, self.backup_folder, *self.office.values()):
            line.clear()
        self.letterhead.clear()
        self.timezone.setEditText("")
        self.staff_model.clear()
        self.closures.clear()
        self.problems.clear()
        self.status.clear()
        self._update_dirty()

    # -- unsaved edits ----------------------------------------------------------------------

    def edited_settings(self) -> ClinicSettings | None:
        return None if self._loaded is None else form_settings(self, self._loaded)

    def has_unsaved_changes(self) -> bool:
        return self._baseline is not None and self.edited_settings() != self._baseline

    def confirm_leave(self) -> bool:
        """Ask before the main window navigates away from unsaved edits; True means "go"."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Save the settings?"),
            self.tr("You changed settings that are not saved yet."),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.revert()
            return True
        return False

    def _update_dirty(self) -> None:
        dirty = self.has_unsaved_changes() and not self.background.running
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status.setText(self.tr("Unsaved changes"))
        elif self.status.text() == self.tr("Unsaved changes"):
            self.status.clear()

    def revert(self) -> None:
        """Drop unsaved edits and show what is stored now."""
        if self.session.is_open:
            self._show_settings(get_settings(store=self.session.store))

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        settings = self.edited_settings()
        if settings is None or not self.session.is_open:
            return False
        if not self.has_unsaved_changes():
            return True
        local = self._local_problems(settings)
        if local:
            self._show_problems(local)
            return False
        if self.background.running:
            return False
        if self._loaded is None or self._loaded.rule_inputs() != settings.rule_inputs():
            # The deadlines the change can touch are recomputed: in the background, the form
            # disabled (clinic/ui/settings_recompute.py).
            self.background.start(self.session.store, settings)
            self._set_busy(True)
            self.problems.clear()
            self.status.setText(self.tr("Saving: recomputing the deadlines this change affects…"))
            return True
        store, saved = self.session.store, []

        def answered(result: Result[ClinicSettings]) -> None:
            saved.append(self._saved(result, settings))

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            Operation(
                self,
                lambda _: update_settings(store=store, settings=settings),
                session=self.session,
            ).success(answered).failure(self._not_saved).run_and_wait()
        finally:
            QGuiApplication.restoreOverrideCursor()
        return saved == [True]

    def _background_save(self) -> BackgroundSave:
        background = BackgroundSave(self.session, self)
        background.saved.connect(self._saved_in_background)
        background.failed.connect(self._not_saved)
        background.interrupted.connect(self._interrupted_in_background)
        return background

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.save_action.setEnabled(not busy and self._allowed)
        self._update_dirty()

    def _saved_in_background(
        self, result: Result[ClinicSettings], settings: ClinicSettings
    ) -> None:
        self._set_busy(False)
        if self.session.is_open:
            self._saved(result, settings)

    def _interrupted_in_background(self) -> None:
        # The settings were saved; the rest of the recompute resumes once unlocked.
        self._set_busy(False)
        self.status.setText(
            self.tr(
                "Saved. The window was locked before every deadline was recomputed; "
                "the rest is recomputed when it is unlocked."
            )
        )

    def _not_saved(self, problem: OperationProblem) -> None:
        self._set_busy(False)
        if isinstance(problem.error, RecomputeCancelled):
            self._interrupted_in_background()
            return
        self.status.setText(self.tr("Not saved."))
        QMessageBox.warning(self, self.tr("Settings not saved"), problem.text)

    def _saved(self, result: Result[ClinicSettings], settings: ClinicSettings) -> bool:
        if not result.ok or result.value is None:
            self._show_problems(result.problems)
            return False
        self._loaded = result.value
        self._baseline = settings
        self.problems.clear()
        self._update_dirty()
        self.status.setText(self.tr("Saved."))
        return True  # the operation publishes the result's changes

    def _local_problems(self, settings: ClinicSettings) -> tuple[FieldProblem, ...]:
        if settings.default_timezone and settings.default_timezone not in self._zones:
            return (FieldProblem("default_timezone", Problem.UNKNOWN_TIMEZONE),)
        return ()

    def _show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        self.problems.show(problems)
        self.status.setText(self.tr("Not saved: fix the marked fields, then save again."))

    # -- filling ----------------------------------------------------------------------------

    def _show_settings(self, settings: ClinicSettings) -> None:
        self._loaded = settings
        self._baseline = None  # edits made while filling are not the user's
        fill_form(self, settings)
        self._baseline = self.edited_settings()
        self.problems.clear()
        self._update_dirty()

    def _reload_staff(self) -> None:
        self.staff_model.set_staff(staff.list_staff(store=self.session.store))

    def _language_chosen(self, value: str) -> None:
        """The window is rebuilt in the new language: unsaved clinic settings go first."""
        if self.confirm_leave() and self.language_box.save(value):
            self.language_changed.emit(value)
        else:
            self.language_box.show_saved()

    # -- staff and the backup folder -------------------------------------------------------------

    def focus_step(self, step: Step) -> None:
        """From Today's start list: the field (or dialog) where ``step`` is done."""
        if step is Step.STAFF:
            self.open_add_staff()
        elif step is Step.BACKUP_FOLDER:
            self.backup_folder.setFocus()
            self._choose_folder()
        else:
            self.clinic_name.setFocus()
            self.clinic_name.selectAll()

    def open_add_staff(self) -> AddStaffDialog | None:
        if not self.session.is_open:
            return None
        dialog = AddStaffDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _=0: setattr(self, "staff_dialog", None))
        self.staff_dialog = dialog
        dialog.open()
        return dialog

    def _choose_folder(self) -> None:
        folder = existing_folder(
            self, self.tr("Choose the backup folder"), folder=self.backup_folder.text()
        )
        if folder:
            self.backup_folder.setText(folder)
