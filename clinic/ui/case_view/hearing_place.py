"""Where a hearing is held sets its time zone: the court or office picked in the schedule dialog
(resources/courts/courts.toml), else the clinic's default from Settings, else this computer's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout

from clinic.services.courts import zone_for_location
from clinic.ui.case_view.court_picker import CourtPicker, zone_origin_text
from clinic.ui.time_zones import system_zone

if TYPE_CHECKING:
    from clinic.ui.case_view.form_dialog import FormDialog


class HearingPlace(QObject):
    """Wires a schedule dialog's court picker to its time zone field, with a line under the zone
    saying where it came from."""

    def __init__(self, dialog: FormDialog, *, court: CourtPicker, timezone: QComboBox) -> None:
        super().__init__(dialog)
        self.session = dialog.session
        self.court = court
        self.timezone = timezone
        self.computer_zone = system_zone()
        self.zone_origin = QLabel()
        self.zone_origin.setObjectName("timezoneOrigin")
        self.zone_origin.setWordWrap(True)
        self.zone_origin.setEnabled(False)  # drawn muted: a hint, not a field
        cell = timezone.parentWidget()
        layout = cell.layout() if cell is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.zone_origin)  # under the zone, above its problem line
        court.currentTextChanged.connect(self.court_changed)
        self.court_changed(court.text())

    def court_changed(self, text: str) -> None:
        """The court or office typed or picked sets the zone (else Settings', else this
        computer's), and the line under the zone says which."""
        choice = zone_for_location(
            store=self.session.store, location=text, computer=self.computer_zone
        )
        self.timezone.setCurrentText(choice.zone)
        self.zone_origin.setText(zone_origin_text(choice, self.session.today()))
