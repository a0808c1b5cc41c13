"""Find text that a window shows cut off: the check the tests (and anyone looking at a screen in
another language or font) run on a shown window.

:func:`unfit_texts` walks every visible widget under a window and reports, in plain words,

* a ``QLabel`` whose text does not fit its contents rectangle (measured the way the label draws
  it: ``QFontMetrics.boundingRect`` with the label's alignment and word wrap, or the laid-out
  rich text), or that its parents cut off outside a scroll area;
* a table cell whose text is elided ("…") without a tooltip giving the full text;
* a status bar that draws a temporary message over its own widgets.

It measures; it changes nothing. A real display (tests/display) and the offscreen platform give
the same answers for the same fonts.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QStatusBar,
    QStyle,
    QTableView,
    QWidget,
)

SLACK = 1  # px: rounding between the measurement and the painter


def unfit_texts(root: QWidget) -> list[str]:
    """Every text under ``root`` (itself included) that the user cannot read whole."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel):
            problems += _label_problems(widget, root)
        elif isinstance(widget, QTableView):
            problems += _table_problems(widget)
        elif isinstance(widget, QStatusBar):
            problems += _status_bar_problems(widget)
    return problems


def _where(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}"


# --- labels ---------------------------------------------------------------------------------


def label_text_rect(label: QLabel) -> QRect:
    """The rectangle a label draws its text in: contents minus margin and indent."""
    rect = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    indent = label.indent()
    if indent < 0:  # Qt's default: half an "x" when the label has a frame
        indent = label.fontMetrics().horizontalAdvance("x") // 2 if label.frameWidth() else 0
    if indent > 0:
        align = label.alignment()
        if align & Qt.AlignmentFlag.AlignLeft:
            rect.setLeft(rect.left() + indent)
        if align & Qt.AlignmentFlag.AlignRight:
            rect.setRight(rect.right() - indent)
        if align & Qt.AlignmentFlag.AlignTop:
            rect.setTop(rect.top() + indent)
        if align & Qt.AlignmentFlag.AlignBottom:
            rect.setBottom(rect.bottom() - indent)
    return rect


def needed_size(label: QLabel, width: int) -> tuple[int, int]:
    """(width, height) the label's text takes when laid out ``width`` pixels wide."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        if label.wordWrap():
            document.setTextWidth(width)
        size = document.size()
        return int(size.width() + 0.999), int(size.height() + 0.999)
    flags = int(label.alignment().value)
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap.value)
    bounds = label.fontMetrics().boundingRect(QRect(0, 0, width, 1_000_000), flags, text)
    return bounds.width(), bounds.height()


def _label_problems(label: QLabel, root: QWidget) -> list[str]:
    text = label.text()
    if not text or not label.pixmap().isNull():
        return []
    rect = label_text_rect(label)
    width, height = needed_size(label, rect.width())
    problems = []
    shown = text if len(text) <= 80 else text[:77] + "…"
    if height > rect.height() + SLACK:
        problems.append(f"{_where(label)} {shown!r}: needs {height} px high, has {rect.height()}")
    if width > rect.width() + SLACK:
        problems.append(f"{_where(label)} {shown!r}: needs {width} px wide, has {rect.width()}")
    cut = _cut_by_parents(label, root)
    if cut:
        problems.append(f"{_where(label)} {shown!r}: {cut}")
    return problems


def _cut_by_parents(widget: QWidget, root: QWidget) -> str:
    """How a parent (below any scroll area, which scrolls instead) cuts ``widget`` off."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) or isinstance(
            parent.parentWidget(), QAbstractScrollArea
        ):
            return ""  # inside a viewport: the user scrolls to the rest
        mapped = QRect(widget.mapTo(parent, widget.rect().topLeft()), widget.size())
        inside = parent.rect()
        if not inside.contains(mapped) and mapped.intersected(inside) != mapped:
            lost = mapped.height() - mapped.intersected(inside).height()
            lost_w = mapped.width() - mapped.intersected(inside).width()
            if lost > SLACK or lost_w > SLACK:
                return f"cut off by {_where(parent)} ({lost_w} px wide, {lost} px high hidden)"
        if parent is root:
            return ""
        child, parent = parent, parent.parentWidget()
    del child
    return ""


# --- tables ---------------------------------------------------------------------------------


def _cell_font(view: QTableView, index: QModelIndex) -> QFont:
    font = index.data(Qt.ItemDataRole.FontRole)
    return font if isinstance(font, QFont) else view.font()


def cell_is_elided(view: QTableView, index: QModelIndex) -> bool:
    """Whether the view draws ``index``'s text shortened to fit its cell."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text:
        return False
    rect = view.visualRect(index)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = rect.width() - 2 * margin
    metrics = QFontMetrics(_cell_font(view, index))
    if view.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap.value) | int(Qt.AlignmentFlag.AlignLeft.value)
        bounds = metrics.boundingRect(QRect(0, 0, width, 1_000_000), flags, text)
        return bounds.height() > rect.height() + SLACK or bounds.width() > width + SLACK
    lines = text.split("\n")
    too_high = len(lines) * metrics.lineSpacing() > rect.height() + SLACK
    return too_high or max(metrics.horizontalAdvance(line) for line in lines) > width + SLACK


def _has_full_tooltip(index: QModelIndex) -> bool:
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    text = index.data(Qt.ItemDataRole.DisplayRole)
    return isinstance(tip, str) and isinstance(text, str) and text in tip


def _table_problems(view: QTableView) -> list[str]:
    model: QAbstractItemModel | None = view.model()  # None until a model is set
    if model is None:
        return []
    viewport = view.viewport().rect()
    problems = []
    for row in range(model.rowCount()):
        if view.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column)
            rect = view.visualRect(index)
            if not rect.intersects(viewport):
                continue  # scrolled out of sight: the user scrolls to it
            if cell_is_elided(view, index) and not _has_full_tooltip(index):
                heading = model.headerData(column, Qt.Orientation.Horizontal)
                text = str(index.data())
                shown = text if len(text) <= 60 else text[:57] + "…"
                problems.append(
                    f"{_where(view)} row {row} column {heading!r}: {shown!r} is cut "
                    f"({rect.width()}x{rect.height()} px) and no tooltip gives the full text"
                )
    return problems


# --- status bar -----------------------------------------------------------------------------


def _status_bar_problems(bar: QStatusBar) -> list[str]:
    if not bar.currentMessage():
        return []
    # A temporary message is painted over the left of the bar: a visible normal widget there
    # is drawn under it (both unreadable).
    left = [
        w
        for w in bar.findChildren(QWidget)
        if w.parentWidget() is bar and w.isVisible() and w.geometry().left() < bar.width() // 2
    ]
    texts = [w.text() for w in left if isinstance(w, QLabel) and w.text()]
    if texts:
        return [f"{_where(bar)}: the message {bar.currentMessage()!r} is drawn over {texts[0]!r}"]
    return []
