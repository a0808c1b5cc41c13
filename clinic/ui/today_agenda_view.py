"""The list that shows an AgendaModel: day rows span the width, badges are painted as pills,
double-click or Enter on a hearing or deadline asks for its case. Also the "why this date" text
shown beside the list."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QModelIndex, QTime, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from clinic.services.deadlines import AgendaItem
from clinic.ui.labels import label
from clinic.ui.rule_words import rule_text
from clinic.ui.today_agenda_model import (
    CASE_ID_ROLE,
    AgendaModel,
    Column,
    long_date,
    what_text,
)
from clinic.ui.today_badges import BadgeDelegate, RoomyItemDelegate, Tone, tone_colour

COLUMN_WIDTHS = {Column.WHEN: 100, Column.CLIENT: 220}


class AgendaView(QTreeView):
    """A read-only grouped list; emits ``case_activated`` with the case id of the chosen row."""

    case_activated = Signal(int)

    def __init__(self, model: AgendaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(0)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(RoomyItemDelegate(self))
        self.setItemDelegateForColumn(Column.NOTE, BadgeDelegate(self))
        header = self.header()
        header.setObjectName("agendaColumns")
        header.setAccessibleName(self.tr("Columns"))
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.WHAT, QHeaderView.ResizeMode.Stretch)
        # Fitted to its badges by _fit_attention_column, measured on one cell per kind of badge
        # set: ResizeToContents would size (and re-size) the column on up to 1,000 lines.
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Fixed)
        for column, width in COLUMN_WIDTHS.items():
            self.setColumnWidth(column, width)
        model.modelReset.connect(self._lay_out_days)
        self._fit_attention_column()
        self.activated.connect(self._activate)

    def agenda_model(self) -> AgendaModel:
        model = self.model()
        assert isinstance(model, AgendaModel)
        return model

    def _lay_out_days(self) -> None:
        """Every day open, its title across the row. The cost per line is one call of the
        model's index(): the days are marked expanded while the reset's layout is still
        pending, the layout runs once with no spanned rows (so the view does not ask the model
        about each line's span, or each line's flags as expandAll() does), then the ~15 day
        rows are spanned. Row heights are uniform (one sizeHint for the whole list)."""
        model = self.agenda_model()
        top = QModelIndex()
        days = [model.index(row, 0, top) for row in range(model.rowCount(top))]
        for day in days:
            self.expand(day)
        self.executeDelayedItemsLayout()
        for day in days:
            self.setFirstColumnSpanned(day.row(), top, True)
        self._fit_attention_column()

    def _fit_attention_column(self) -> None:
        """What ResizeToContents would give, measured on at most four cells (one per set of
        badges) and the column's title."""
        width = self.header().sectionSizeHint(Column.NOTE)
        for sample in self.agenda_model().badge_samples():
            width = max(width, self.sizeHintForIndex(sample).width())
        self.header().resizeSection(Column.NOTE, width)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_attention_column()

    def _activate(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if case_id is not None:
            self.case_activated.emit(int(case_id))

    def select_first_item(self) -> None:
        first = self.agenda_model().first_item_index()
        if first.isValid():
            self.setCurrentIndex(first)


def _row(name: str, value: str) -> str:
    return f"<tr><th align='left' valign='top'>{escape(name)}</th><td>{escape(value)}</td></tr>"


def item_detail_html(item: AgendaItem, today: date) -> str:
    """What the paralegal needs to trust a date: the arithmetic, the source and its confidence."""
    if item.deadline is None:
        return _hearing_html(item)
    deadline = item.deadline
    rows = [_row(QCoreApplication.translate("AgendaDetail", "Client"), item.client_name)]
    if deadline.safe_due_on and deadline.safe_due_on != deadline.due_on:
        rows.append(
            _row(
                QCoreApplication.translate("AgendaDetail", "Act by"),
                long_date(deadline.safe_due_on),
            )
        )
    rows.append(_row(QCoreApplication.translate("AgendaDetail", "Due"), long_date(deadline.due_on)))
    if deadline.explanation:
        rows.append(
            _row(QCoreApplication.translate("AgendaDetail", "Why this date"), deadline.explanation)
        )
    if deadline.source:
        rows.append(_row(QCoreApplication.translate("AgendaDetail", "Source"), deadline.source))
    if deadline.as_of:
        rows.append(
            _row(
                QCoreApplication.translate("AgendaDetail", "Rule as of"), long_date(deadline.as_of)
            )
        )
    if deadline.confidence:
        rows.append(
            _row(
                QCoreApplication.translate("AgendaDetail", "Confidence"),
                deadline.confidence.capitalize(),
            )
        )
    warnings = []
    if item.overdue or deadline.act_by < today:
        colour = tone_colour(Tone.OVERDUE).name()
        text = QCoreApplication.translate("AgendaDetail", "Overdue: this date has passed.")
        warnings.append(f"<p style='color:{colour}'><b>{escape(text)}</b></p>")
    if deadline.needs_attorney_check:
        colour = tone_colour(Tone.CAUTION).name()
        text = QCoreApplication.translate(
            "AgendaDetail",
            "⚠ Verify this date with your attorney: the rule is unverified or the count needs judgement.",
        )
        warnings.append(f"<p style='color:{colour}'><b>{escape(text)}</b></p>")
    hint = QCoreApplication.translate(
        "AgendaDetail", "Press Enter or double-click to open the case."
    )
    return (
        f"<h3>{escape(rule_text(deadline.title))}</h3>{''.join(warnings)}"
        f"<table cellpadding='3'>{''.join(rows)}</table><p><i>{escape(hint)}</i></p>"
    )


def _hearing_html(item: AgendaItem) -> str:
    title = label(item.hearing_kind) if item.hearing_kind else what_text(item)
    when = long_date(item.on)
    if item.at is not None:
        at = QLocale().toString(QTime(item.at.hour, item.at.minute), QLocale.FormatType.ShortFormat)
        when = f"{when}, {at}"
    rows = [
        _row(QCoreApplication.translate("AgendaDetail", "Client"), item.client_name),
        _row(QCoreApplication.translate("AgendaDetail", "When"), when),
    ]
    if item.hearing_kind is not None and item.what != item.hearing_kind.value:
        rows.append(_row(QCoreApplication.translate("AgendaDetail", "Where"), item.what))
    hint = QCoreApplication.translate(
        "AgendaDetail", "Press Enter or double-click to open the case."
    )
    return (
        f"<h3>{escape(title)}</h3><table cellpadding='3'>{''.join(rows)}</table>"
        f"<p><i>{escape(hint)}</i></p>"
    )


def empty_detail_text() -> str:
    return QCoreApplication.translate(
        "AgendaDetail",
        "Select a hearing or deadline to see why its date is what it is.",
    )
