"""The intake dialog's layout pieces: its side panel (the numbered list of its steps, a click
goes to one, and the muted reminder of its keys) and the width that shows every page without
scrolling sideways. Words in the intake dialog's translation context ("IntakeDialog")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLayout, QListWidget, QScrollArea, QWidget

DEFAULT_WIDTH = 1040


def step_list(titles: Sequence[Callable[[], str]]) -> QListWidget:
    """ "1. Client", "2. Family", …: one row a page, as narrow as its longest row allows."""
    steps = QListWidget()
    steps.setObjectName("intakeSteps")
    steps.setAccessibleName(QCoreApplication.translate("IntakeDialog", "Intake steps"))
    for number, title in enumerate(titles, start=1):
        steps.addItem(
            QCoreApplication.translate("IntakeDialog", "{number}. {title}").format(
                number=number, title=title()
            )
        )
    steps.setFixedWidth(steps.sizeHintForColumn(0) + 40)
    steps.setSpacing(3)
    return steps


def keys_hint() -> QLabel:
    """Enter, Ctrl+Enter and Esc, drawn muted (the palette's disabled text colour)."""
    hint = QLabel(
        QCoreApplication.translate(
            "IntakeDialog", "Enter: next step\nCtrl+Enter: check, save\nEsc: cancel"
        )
    )
    hint.setObjectName("intakeKeysHint")
    hint.setWordWrap(True)
    hint.setEnabled(False)
    return hint


def fitting_width(pages: Sequence[QWidget], steps: QListWidget, layout: QLayout | None) -> int:
    """1040 px, or wider when the steps' words need it (Spanish runs ~25 % longer), so that
    no page scrolls sideways (the window manager keeps it on the screen)."""
    content = max(
        (
            inner.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width()
            for page in pages
            for area in page.findChildren(QScrollArea)
            if (inner := area.widget()) is not None
        ),
        default=0,
    )
    if layout is None:
        return DEFAULT_WIDTH
    margins = layout.contentsMargins()
    chrome = margins.left() + margins.right() + 2 * layout.spacing() + 16
    return max(DEFAULT_WIDTH, steps.width() + content + chrome)
