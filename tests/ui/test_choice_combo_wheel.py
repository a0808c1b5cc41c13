"""The wheel over a drop-down the person did not choose scrolls the form around it and leaves
the answer alone (found walking the I-589 tab, 2026-12-07: scrolling down the form with the
wheel turned 'Prepared by (Part E)' from '— not recorded —' to a staff member as it passed
under the pointer, and the tab then showed someone who was never recorded)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

from clinic.ui.intake.choice_combo import ChoiceCombo


def _wheel_down(widget: QWidget) -> bool:
    """One notch down over ``widget``; whether it took the event (else its parents get it)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch towards the user: down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_over_an_unchosen_drop_down_scrolls_the_form_not_the_answer(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = QWidget()
    layout = QVBoxLayout(form)
    layout.addSpacing(600)
    combo = ChoiceCombo([("— not recorded —", None), ("Samuel Osei", 3), ("Marcus Bell", 4)])
    layout.addWidget(combo)
    layout.addSpacing(1200)
    area = QScrollArea()
    area.setWidget(form)
    area.resize(400, 300)
    qtbot.addWidget(area)
    area.show()
    area.verticalScrollBar().setValue(500)  # the drop-down under the pointer
    qtbot.waitExposed(area)
    assert not combo.hasFocus()
    taken = _wheel_down(combo)
    assert combo.value() is None  # the answer stays as recorded
    assert not taken  # left to the scroll area around it
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not take focus
