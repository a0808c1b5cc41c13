"""This computer's time zone, as Qt knows it (also on Windows), for new hearings when neither a
court nor the clinic's Settings give one."""

from __future__ import annotations

from PySide6.QtCore import QTimeZone

from clinic.domain.courts import zone_exists
from clinic.services.courts import computer_zone


def system_zone() -> str:
    """The IANA id Qt reports for this computer ("America/Chicago"); else the one the services
    read from the system files; "UTC" when neither is known."""
    qt_id = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return qt_id if zone_exists(qt_id) else computer_zone()
