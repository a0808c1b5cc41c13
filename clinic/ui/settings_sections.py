"""The Settings page's sections: its two columns of group boxes (clinic; locking, backups and
time; language; staff | deadline rules; court closure days; handout languages) and the fields
that take more than a line to make (letterhead, handout layout, counts, time zone).

The page owns the fields and what they hold; these make and lay them out. Words are in the page's translation context
("SettingsPage"), where they were first written."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import available_timezones

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.office_address import MAX_LINE
from clinic.ui.settings_layout import named
from clinic.ui.time_zones import system_zone

if TYPE_CHECKING:
    from clinic.ui.settings_page import SettingsPage

CONTEXT = "SettingsPage"
COMMON_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Puerto_Rico",
)


def letterhead_field(line_spacing: int) -> QPlainTextEdit:
    """The letterhead's lines, five lines high; Tab leaves the field."""
    field = named(
        QPlainTextEdit(), "letterhead", QCoreApplication.translate("SettingsPage", "Letterhead")
    )
    field.setPlaceholderText(
        QCoreApplication.translate(
            "SettingsPage", "Address and phone lines printed under the name on PDFs"
        )
    )
    field.setTabChangesFocus(True)
    field.setFixedHeight(line_spacing * 5)
    return field


def handout_layout_field() -> QComboBox:
    """How bilingual handouts print: side by side or one language after the other."""
    combo = named(
        QComboBox(),
        "handoutLayout",
        QCoreApplication.translate("SettingsPage", "Layout of bilingual client handouts"),
    )
    combo.addItem(
        QCoreApplication.translate("SettingsPage", "English and Spanish side by side"),
        "side-by-side",
    )
    combo.addItem(QCoreApplication.translate("SettingsPage", "English, then Spanish"), "sequential")
    return combo


def count_field(name: str, accessible: str, bounds: tuple[int, int]) -> QSpinBox:
    """A whole number within ``bounds``, as wide as its digits."""
    spin = named(QSpinBox(), name, accessible)
    spin.setRange(*bounds)
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return spin


def known_zones() -> frozenset[str]:
    """Every IANA time zone this computer knows (a typed zone must be one of them)."""
    return frozenset(available_timezones())


def time_zone_field() -> QComboBox:
    """The default time zone: the common US zones first, then every other; typing finds one
    anywhere in its name. Empty means this computer's zone."""
    combo = named(
        QComboBox(),
        "defaultTimezone",
        QCoreApplication.translate("SettingsPage", "Default time zone"),
    )
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    others = sorted(known_zones() - set(COMMON_ZONES))
    combo.addItems(list(COMMON_ZONES))
    combo.insertSeparator(len(COMMON_ZONES))
    combo.addItems(others)
    line = combo.lineEdit()
    if line is not None:  # empty: new hearings without a court take this computer's zone
        line.setPlaceholderText(
            QCoreApplication.translate("SettingsPage", "This computer's: {zone}").format(
                zone=system_zone()
            )
        )
    combo.setToolTip(
        QCoreApplication.translate(
            "SettingsPage",
            "New hearings take the time zone of their court or asylum office. This zone is "
            "used when none is picked; left empty, the computer's own zone is used.",
        )
    )
    completer = combo.completer()  # over the combo's own model: one list of zones
    if completer is not None:  # an editable combo always has one
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setMinimumContentsLength(24)
    combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return combo


def two_columns(page: SettingsPage, handout_languages: QWidget, forms: QWidget) -> QWidget:
    """The page's groups in two columns: the clinic and this computer's on the left (the blank
    forms last), the deadline rules, closures and handout languages on the right."""
    content = QWidget()
    columns = QHBoxLayout(content)
    left = QVBoxLayout()
    left.addWidget(clinic_group(page))
    left.addWidget(office_group(page))
    left.addWidget(workstation_group(page))
    left.addWidget(page.language_box)
    left.addWidget(staff_group(page))
    left.addWidget(forms)
    left.addStretch(1)
    right = QVBoxLayout()
    right.addWidget(rules_group(page))
    right.addWidget(closures_group(page))
    right.addWidget(handout_languages)
    right.addStretch(1)
    columns.addLayout(left, 1)
    columns.addLayout(right, 1)
    return content


def scrolled(content: QWidget) -> QScrollArea:
    """The page's columns scroll as one, without a frame."""
    scroll = QScrollArea()
    scroll.setObjectName("settingsScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll


def clinic_group(page: SettingsPage) -> QGroupBox:
    group = QGroupBox(QCoreApplication.translate("SettingsPage", "Clinic"))
    form = QFormLayout(group)
    problems = page.problems
    form.addRow(
        QCoreApplication.translate("SettingsPage", "&Name:"),
        problems.beside("clinic_name", page.clinic_name),
    )
    form.addRow(
        QCoreApplication.translate("SettingsPage", "&Letterhead:"),
        problems.beside("letterhead", page.letterhead),
    )
    form.addRow(
        QCoreApplication.translate("SettingsPage", "Client &handouts:"), page.handout_layout
    )
    return group


# The clinic's address and telephone as forms ask them: (field, label, placeholder).
OFFICE_FIELDS = (
    ("street", QT_TRANSLATE_NOOP("SettingsPage", "Number and street:"), ""),
    (
        "suite",
        QT_TRANSLATE_NOOP("SettingsPage", "Suite or floor:"),
        QT_TRANSLATE_NOOP("SettingsPage", "e.g. 210 (the form's Apt. No.)"),
    ),
    ("city", QT_TRANSLATE_NOOP("SettingsPage", "City:"), ""),
    (
        "state",
        QT_TRANSLATE_NOOP("SettingsPage", "State:"),
        QT_TRANSLATE_NOOP("SettingsPage", "e.g. IL"),
    ),
    (
        "zip_code",
        QT_TRANSLATE_NOOP("SettingsPage", "ZIP code:"),
        QT_TRANSLATE_NOOP("SettingsPage", "e.g. 60640"),
    ),
    (
        "phone",
        QT_TRANSLATE_NOOP("SettingsPage", "Daytime telephone:"),
        QT_TRANSLATE_NOOP("SettingsPage", "e.g. (773) 555-0188"),
    ),
)


def office_fields() -> dict[str, QLineEdit]:
    """The clinic's address and telephone, one line each (saved with the page)."""
    fields: dict[str, QLineEdit] = {}
    for name, label, placeholder in OFFICE_FIELDS:
        words = QCoreApplication.translate(CONTEXT, str(label)).rstrip(":")
        field = named(QLineEdit(), f"office_{name}", words)
        field.setMaxLength(MAX_LINE)
        if placeholder:
            field.setPlaceholderText(QCoreApplication.translate(CONTEXT, str(placeholder)))
        fields[name] = field
    return fields


def office_group(page: SettingsPage) -> QGroupBox:
    """Recorded once, printed on the forms the clinic's staff prepare (the I-589's Part E:
    the preparer's address and daytime telephone)."""
    group = QGroupBox(
        QCoreApplication.translate("SettingsPage", "The clinic's address and telephone")
    )
    group.setObjectName("officeAddressGroup")
    form = QFormLayout(group)
    note = QLabel(
        QCoreApplication.translate(
            "SettingsPage",
            "Filled in on the forms your staff prepare (the I-589's Part E: the preparer's "
            "address and daytime telephone).",
        )
    )
    note.setWordWrap(True)
    form.addRow(note)
    for name, label, _placeholder in OFFICE_FIELDS:
        form.addRow(
            QCoreApplication.translate(CONTEXT, str(label)),
            page.problems.beside(f"office_{name}", page.office[name]),
        )
    return group


def workstation_group(page: SettingsPage) -> QGroupBox:
    group = QGroupBox(QCoreApplication.translate("SettingsPage", "Locking, backups and time"))
    form = QFormLayout(group)
    problems = page.problems
    form.addRow(
        QCoreApplication.translate("SettingsPage", "Lock when idle &for:"),
        problems.beside("auto_lock_minutes", page.auto_lock),
    )
    folder = QWidget()
    row = QHBoxLayout(folder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(page.backup_folder, 1)
    row.addWidget(page.choose_folder)
    folder.setFocusProxy(page.backup_folder)
    form.addRow(
        QCoreApplication.translate("SettingsPage", "&Backup folder:"),
        problems.beside("backup_folder", folder),
    )
    form.addRow(
        QCoreApplication.translate("SettingsPage", "Backups &kept:"),
        problems.beside("backups_kept", page.backups_kept),
    )
    form.addRow(
        QCoreApplication.translate("SettingsPage", "Default &time zone:"),
        problems.beside("default_timezone", page.timezone),
    )
    form.addRow("", page.zone_review)
    return group


def staff_group(page: SettingsPage) -> QGroupBox:
    group = QGroupBox(QCoreApplication.translate("SettingsPage", "Staff"))
    page.staff_list.add_button.clicked.connect(page.open_add_staff)
    layout = QVBoxLayout(group)
    layout.addWidget(page.staff_list)
    return group


def rules_group(page: SettingsPage) -> QGroupBox:
    group = QGroupBox(QCoreApplication.translate("SettingsPage", "Deadline rules"))
    note = QLabel(
        QCoreApplication.translate(
            "SettingsPage",
            "Change these only on an attorney's instruction. Every case's deadlines are "
            "recomputed when you save.",
        )
    )
    note.setWordWrap(True)
    layout = QVBoxLayout(group)
    layout.addWidget(note)
    layout.addWidget(page.problems.beside("rule_days", page.rules))
    return group


def closures_group(page: SettingsPage) -> QGroupBox:
    group = QGroupBox(QCoreApplication.translate("SettingsPage", "Court closure days"))
    layout = QVBoxLayout(group)
    layout.addWidget(page.closures)
    return group
