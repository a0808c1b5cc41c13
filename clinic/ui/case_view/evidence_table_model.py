"""The Evidence tab's tables: the evidence items in exhibit order, and one item's files."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from clinic.domain.enums import TranslationStatus
from clinic.services.dto import EvidenceFileView, EvidenceView
from clinic.ui.case_view.case_words import file_size, language_name, short_date, word
from clinic.ui.case_view.row_table_model import (
    ALERT_COLOR,
    FIRST_MODEL_ROLE,
    RowRole,
    RowTableModel,
)


class Column(IntEnum):
    EXHIBIT = 0
    TITLE = 1
    CATEGORY = 2
    LANGUAGE = 3
    TRANSLATION = 4
    STATUS = 5
    FILES = 6


class Role(IntEnum):
    FILE_COUNT = FIRST_MODEL_ROLE  # int
    NEEDS_TRANSLATION = FIRST_MODEL_ROLE + 1  # bool


HEADERS = {
    Column.EXHIBIT: QT_TRANSLATE_NOOP("CaseView", "Exhibit"),
    Column.TITLE: QT_TRANSLATE_NOOP("CaseView", "Title"),
    Column.CATEGORY: QT_TRANSLATE_NOOP("CaseView", "Category"),
    Column.LANGUAGE: QT_TRANSLATE_NOOP("CaseView", "Language"),
    Column.TRANSLATION: QT_TRANSLATE_NOOP("CaseView", "Translation"),
    Column.STATUS: QT_TRANSLATE_NOOP("CaseView", "Status"),
    Column.FILES: QT_TRANSLATE_NOOP("CaseView", "Files"),
}


class EvidenceTableModel(RowTableModel):
    columns = Column
    headers = HEADERS
    extra_roles: ClassVar[Mapping[int, bytes]] = {
        Role.FILE_COUNT: b"fileCount",
        Role.NEEDS_TRANSLATION: b"needsTranslation",
    }

    def set_evidence(self, evidence: Iterable[EvidenceView]) -> None:
        self.set_rows(sorted(evidence, key=lambda e: (e.exhibit_order or 10**9, e.id)))

    def cell(self, item: EvidenceView, column: Column, role: int) -> Any:  # noqa: PLR0911 - one return per role
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(item, column)
        if role == RowRole.SORT:
            if column is Column.EXHIBIT:
                return item.exhibit_order or 0
            if column is Column.FILES:
                return len(item.files)
            return _display(item, column).casefold()
        if role == Role.FILE_COUNT:
            return len(item.files)
        if role == Role.NEEDS_TRANSLATION:
            return item.translation is TranslationStatus.NEEDED
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column is Column.TRANSLATION
            and item.translation is TranslationStatus.NEEDED
        ):
            return ALERT_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.FILES and item.files:
            return "\n".join(f.original_name for f in item.files)
        return None


def _display(item: EvidenceView, column: Column) -> str:  # noqa: PLR0911 - one return per column
    match column:
        case Column.EXHIBIT:
            return str(item.exhibit_order) if item.exhibit_order else ""
        case Column.TITLE:
            return item.title
        case Column.CATEGORY:
            return word(item.category)
        case Column.LANGUAGE:
            return language_name(item.language)
        case Column.TRANSLATION:
            return word(item.translation)
        case Column.STATUS:
            return word(item.status)
        case Column.FILES:
            if not item.files:
                return QCoreApplication.translate("CaseView", "none")
            return str(len(item.files))


class FileColumn(IntEnum):
    NAME = 0
    KIND = 1
    SIZE = 2
    ADDED = 3


class FileRole(IntEnum):
    IS_IMAGE = FIRST_MODEL_ROLE  # bool: can be previewed


FILE_HEADERS = {
    FileColumn.NAME: QT_TRANSLATE_NOOP("CaseView", "File"),
    FileColumn.KIND: QT_TRANSLATE_NOOP("CaseView", "Type"),
    FileColumn.SIZE: QT_TRANSLATE_NOOP("CaseView", "Size"),
    FileColumn.ADDED: QT_TRANSLATE_NOOP("CaseView", "Added"),
}


def is_image(view: EvidenceFileView) -> bool:
    return view.media_type.startswith("image/")


class EvidenceFileTableModel(RowTableModel):
    columns = FileColumn
    headers = FILE_HEADERS
    extra_roles: ClassVar[Mapping[int, bytes]] = {FileRole.IS_IMAGE: b"isImage"}

    def cell(self, item: EvidenceFileView, column: FileColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _file_display(item, column)
        if role == RowRole.SORT:
            return _file_sort_key(item, column)
        if role == FileRole.IS_IMAGE:
            return is_image(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is FileColumn.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _file_sort_key(item: EvidenceFileView, column: FileColumn) -> Any:
    if column is FileColumn.SIZE:
        return item.size
    if column is FileColumn.ADDED:
        return item.added_at.isoformat()
    return _file_display(item, column).casefold()


def _file_display(item: EvidenceFileView, column: FileColumn) -> str:
    match column:
        case FileColumn.NAME:
            return item.original_name
        case FileColumn.KIND:
            return item.media_type
        case FileColumn.SIZE:
            return file_size(item.size)
        case FileColumn.ADDED:
            return short_date(item.added_at.date())
