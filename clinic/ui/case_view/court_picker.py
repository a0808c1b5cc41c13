"""Picking an immigration court or asylum office from the shipped table, or typing any place."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from clinic.domain.courts import Forum
from clinic.domain.enums import ForumKind
from clinic.services.courts import ZoneChoice, ZoneOrigin, court_table, find_forum


class CourtPicker(QComboBox):
    """An editable list of the courts and asylum offices in ``resources/courts/courts.toml``,
    with completion on any part of the name ("phoe" finds Phoenix Immigration Court). Anything
    else may be typed too (a courtroom, a detention center): it is kept as typed."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        table = court_table()
        courts = table.names(ForumKind.IMMIGRATION_COURT)
        offices = table.names(ForumKind.ASYLUM_OFFICE)
        self.addItems(list(courts))
        self.insertSeparator(len(courts))
        self.addItems(list(offices))
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setText(text)

    def text(self) -> str:
        return self.currentText()

    def setText(self, text: str) -> None:  # the QLineEdit spelling, on purpose
        self.setCurrentIndex(-1)
        self.setEditText(text)

    def forum(self) -> Forum | None:
        return find_forum(self.currentText())


def observes_dst(zone: str, year: int) -> bool:
    """Whether ``zone`` has daylight saving time in ``year`` (Phoenix, Honolulu, San Juan: no)."""
    tz = ZoneInfo(zone)
    winter = datetime(year, 1, 15, 12, tzinfo=tz).utcoffset()
    summer = datetime(year, 7, 15, 12, tzinfo=tz).utcoffset()
    return winter != summer


def zone_origin_text(choice: ZoneChoice, today: date) -> str:
    """Where the hearing's time zone was taken from, in words, for the line under the field."""
    translate = QCoreApplication.translate
    if choice.origin is ZoneOrigin.COURT and choice.forum is not None:
        text = translate("CourtPicker", "The time zone of {court}.").format(court=choice.forum.name)
        if not observes_dst(choice.zone, today.year):
            text += " " + translate("CourtPicker", "No daylight saving time there.")
        return text
    if choice.origin is ZoneOrigin.SETTINGS:
        return translate(
            "CourtPicker",
            "The clinic's default time zone (Settings): no court or office on the list.",
        )
    return translate(
        "CourtPicker",
        "This computer's time zone: no court or office on the list, and no default time zone "
        "in Settings.",
    )
