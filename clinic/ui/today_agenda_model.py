"""Hearings and deadlines grouped by day: the model behind the Today page and the calendar lists.

Top-level rows are days (or the "Overdue" group), their children the agenda items. Every text
goes through Qt's translation layer and every date and time through QLocale.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from clinic.domain.deadlines.wording import explanation_in
from clinic.services.deadlines import AgendaItem
from clinic.ui.case_view.case_words import short_time
from clinic.ui.date_text import date_text
from clinic.ui.labels import label
from clinic.ui.rule_words import rule_text
from clinic.ui.today_badges import BADGES_ROLE, Badge, Tone, tone_colour
from clinic.ui.translations import current_language

Index = QModelIndex | QPersistentModelIndex

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # AgendaItem, or None on a day row
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # int, or None on a day row
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3  # bool
IS_DAY_ROLE = Qt.ItemDataRole.UserRole + 4  # bool: a day (group) row
DAY_ROLE = Qt.ItemDataRole.UserRole + 5  # datetime.date of the row, None for the overdue group

_DAY_ROW = 0  # internalId of top-level rows; an item row's internalId is its day's row + 1


class Column(IntEnum):
    WHEN = 0
    CLIENT = 1
    WHAT = 2
    NOTE = 3


_COLUMNS = len(Column)


def column_title(column: Column) -> str:
    match column:
        case Column.WHEN:
            return QCoreApplication.translate("AgendaModel", "When")
        case Column.CLIENT:
            return QCoreApplication.translate("AgendaModel", "Client")
        case Column.WHAT:
            return QCoreApplication.translate("AgendaModel", "What")
        case Column.NOTE:
            return QCoreApplication.translate("AgendaModel", "Attention")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def long_date(day: date) -> str:
    return QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)


def short_date(day: date) -> str:
    return date_text(day)  # four-digit year: 1/15/2027


def day_title(day: date, today: date) -> str:
    """ "Today · Monday, June 1, 2026", "Tomorrow · …", "Yesterday · …" or the locale's date."""
    words = {
        today: QCoreApplication.translate("AgendaModel", "Today"),
        today + timedelta(days=1): QCoreApplication.translate("AgendaModel", "Tomorrow"),
        today - timedelta(days=1): QCoreApplication.translate("AgendaModel", "Yesterday"),
    }
    word = words.get(day)
    return f"{word}  ·  {long_date(day)}" if word else long_date(day)


def when_text(item: AgendaItem, *, in_overdue_group: bool) -> str:
    if item.is_hearing:
        if item.at is None:
            return QCoreApplication.translate("AgendaModel", "Time not set")
        return short_time(item.on, item.at, item.timezone)  # with the zone: 9:00 AM EST
    if in_overdue_group:
        return short_date(item.on)
    return QCoreApplication.translate("AgendaModel", "Deadline")


def what_text(item: AgendaItem) -> str:
    if item.is_hearing and item.hearing_kind is not None:
        kind = label(item.hearing_kind)
        place = item.what if item.what != item.hearing_kind.value else ""
        return f"{kind} — {place}" if place else kind
    return rule_text(item.what) if item.deadline is not None else item.what


def badges(item: AgendaItem) -> tuple[Badge, ...]:
    found = []
    if item.overdue:
        found.append(Badge(QCoreApplication.translate("AgendaModel", "Overdue"), Tone.OVERDUE))
    if item.deadline is not None and item.deadline.needs_attorney_check:
        text = QCoreApplication.translate("AgendaModel", "⚠ verify with your attorney")
        found.append(Badge(text, Tone.CAUTION))
    return tuple(found)


def tooltip(item: AgendaItem) -> str:
    if item.deadline is None:
        return what_text(item)
    lines = [rule_text(item.deadline.title)]
    if item.deadline.explanation:
        lines.append(explanation_in(item.deadline.explanation, current_language()))
    if item.deadline.source:
        source = QCoreApplication.translate("AgendaModel", "Source: %1")
        lines.append(source.replace("%1", item.deadline.source))
    return "\n".join(lines)


@dataclass(frozen=True)
class AgendaDay:
    """One group: a day (``day`` set) or every overdue deadline (``day`` None)."""

    day: date | None
    items: tuple[AgendaItem, ...]


def group_by_day(
    items: Iterable[AgendaItem], *, days: Sequence[date] | None = None
) -> list[AgendaDay]:
    """Overdue deadlines first, then one group per day that has something (``days`` None); or
    exactly the given ``days``, overdue deadlines on their own day, empty days kept (calendars)."""
    ordered = sorted(items, key=lambda i: (i.on, i.at or time.min, i.client_name))
    if days is not None:
        return [AgendaDay(d, tuple(i for i in ordered if i.on == d)) for d in days]
    overdue = tuple(i for i in ordered if i.overdue)
    groups = [AgendaDay(None, overdue)] if overdue else []
    current = sorted({i.on for i in ordered if not i.overdue})
    groups += [
        AgendaDay(d, tuple(i for i in ordered if i.on == d and not i.overdue)) for d in current
    ]
    return groups


_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class AgendaModel(QAbstractItemModel):
    """Day rows with their hearings and deadlines as children; named columns and roles."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[AgendaDay] = []
        self._today: date | None = None

    # -- filling ----------------------------------------------------------------------------

    def set_items(
        self, items: Iterable[AgendaItem], *, today: date, days: Sequence[date] | None = None
    ) -> None:
        self.beginResetModel()
        self._groups = group_by_day(items, days=days)
        self._today = today
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._groups = []
        self._today = None
        self.endResetModel()

    def item_count(self) -> int:
        return sum(len(g.items) for g in self._groups)

    def items(self) -> list[AgendaItem]:
        return [item for group in self._groups for item in group.items]

    def badge_samples(self) -> list[QModelIndex]:
        """One "Attention" cell per distinct set of badges (at most four): the column's width
        is measured on these instead of on every line."""
        samples: dict[tuple[bool, bool], QModelIndex] = {}
        for group_row, group in enumerate(self._groups):
            for row, item in enumerate(group.items):
                deadline = item.deadline
                kind = (item.overdue, deadline is not None and deadline.needs_attorney_check)
                if kind not in samples:
                    parent = self.index(group_row, 0)
                    samples[kind] = self.index(row, Column.NOTE, parent)
                    if len(samples) == 4:  # every combination seen
                        return list(samples.values())
        return list(samples.values())

    def first_item_index(self) -> QModelIndex:
        for row, group in enumerate(self._groups):
            if group.items:
                return self.index(0, 0, self.index(row, 0))
        return QModelIndex()

    # -- structure --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked here rather than by hasIndex(), which would call back into rowCount()
        # and columnCount(): the view calls index() for every line when it lays out the list.
        if not 0 <= column < _COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, _DAY_ROW)
        group = parent.row()
        if (
            parent.internalId() != _DAY_ROW
            or parent.column() != 0
            or row >= len(self._groups[group].items)
        ):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _DAY_ROW:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _DAY_ROW)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _DAY_ROW and parent.column() == 0:
            return len(self._groups[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _DAY_ROW:
            return Qt.ItemFlag.ItemIsEnabled
        return _ITEM_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return column_title(Column(section))
        return None

    # -- data -------------------------------------------------------------------------------

    def item_at(self, index: Index) -> AgendaItem | None:
        if not index.isValid() or index.internalId() == _DAY_ROW:
            return None
        return self._groups[index.internalId() - 1].items[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _DAY_ROW:
            return self._day_data(self._groups[index.row()], Column(index.column()), role)
        group = self._groups[index.internalId() - 1]
        return self._item_data(group, group.items[index.row()], Column(index.column()), role)

    def _day_data(self, group: AgendaDay, column: Column, role: int) -> Any:  # noqa: PLR0911
        if role == IS_DAY_ROLE:
            return True
        if role == DAY_ROLE:
            return group.day
        if role == OVERDUE_ROLE:
            return group.day is None
        if column is not Column.WHEN:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._day_text(group)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and group.day is None:
            return tone_colour(Tone.OVERDUE)
        if role == Qt.ItemDataRole.ForegroundRole and not group.items:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QGuiApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        return None

    def _day_text(self, group: AgendaDay) -> str:
        if group.day is None:
            return self.tr("Overdue — act now")
        title = day_title(group.day, self._today) if self._today else long_date(group.day)
        if not group.items:
            return self.tr("%1  —  nothing scheduled").replace("%1", title)
        return title

    def _item_data(  # noqa: PLR0911 - one branch per role
        self, group: AgendaDay, item: AgendaItem, column: Column, role: int
    ) -> Any:
        if role == ITEM_ROLE:
            return item
        if role == CASE_ID_ROLE:
            return int(item.case_id)
        if role == OVERDUE_ROLE:
            return item.overdue
        if role == IS_DAY_ROLE:
            return False
        if role == DAY_ROLE:
            return item.on
        if role == BADGES_ROLE:
            return badges(item) if column is Column.NOTE else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell_text(group, item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(item)
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue and column is Column.WHEN:
            return tone_colour(Tone.OVERDUE)
        return None

    def _cell_text(self, group: AgendaDay, item: AgendaItem, column: Column) -> str:
        match column:
            case Column.WHEN:
                return when_text(item, in_overdue_group=group.day is None)
            case Column.CLIENT:
                return item.client_name
            case Column.WHAT:
                return what_text(item)
            case Column.NOTE:
                return "  ".join(b.text for b in badges(item))
