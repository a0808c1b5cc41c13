"""Conventions the Settings widgets share: named controls and calm read-only tables."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

W = TypeVar("W", bound=QWidget)

TABLE_MIN_HEIGHT = 150
TABLE_MAX_HEIGHT = 240


def named(widget: W, name: str, accessible: str) -> W:
    """Every interactive widget gets an objectName (tests, styling) and an accessible name."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def tidy_table(table: QTableView, *, stretch: int) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    named(
        table.horizontalHeader(),
        f"{table.objectName()}Columns",
        QCoreApplication.translate("SettingsTables", "Columns"),
    )
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(TABLE_MIN_HEIGHT)
    table.setMaximumHeight(TABLE_MAX_HEIGHT)


def hide_form_rows(*fields: QWidget) -> QGroupBox | None:
    """Hide the form rows holding ``fields`` (inside whatever containers a row wraps them in);
    the group box of the last one is returned (its title may need other words)."""
    group: QGroupBox | None = None
    for field in fields:
        widget: QWidget | None = field
        while widget is not None:
            parent = widget.parentWidget()
            layout = parent.layout() if parent is not None else None
            if isinstance(layout, QFormLayout):
                position: Any = layout.getWidgetPosition(widget)  # (row, role); row -1: not there
                row = int(position[0])
                if row >= 0:
                    layout.setRowVisible(row, False)
                    group = parent if isinstance(parent, QGroupBox) else group
                    break
            widget = parent
    return group


class ReadOnlyNote(QLabel):
    """Office mode: only an administrator's login may change the clinic's settings and staff
    (the server refuses the others' saves). For the others the page's clinic-wide parts are
    read-only and this line says so; the interface language and the blank forms are this
    computer's own."""

    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate(
                "SettingsPage",
                "Only an administrator changes the clinic's settings and staff; you can read "
                "them here. Your language and the blank forms kept on this computer are yours "
                "to change.",
            )
        )
        named(self, "settingsReadOnly", QCoreApplication.translate("SettingsPage", "Read only"))
        self.setWordWrap(True)
        self.hide()

    def allow(self, allowed: bool, widgets: Iterable[QWidget]) -> None:
        self.setVisible(not allowed)
        for widget in widgets:
            widget.setEnabled(allowed)
