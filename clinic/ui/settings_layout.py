"""Conventions the Settings widgets share: named controls and calm read-only tables."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
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
