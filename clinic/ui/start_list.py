"""Today's start list for a new clinic: five steps (two for an office database), each ticked
when the store says it is done.

The steps and whether each is done come from :mod:`clinic.services.first_steps`; this panel
only shows them and asks the window to take the person where the step is done (Settings, the
recovery kit, a new intake). It hides itself once every step is done.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic.services.first_steps import StartList, Step
from clinic.ui import fonts, palette
from clinic.ui.icons import Glyph, icon

ICON_SIZE = 18


def step_text(step: Step) -> str:
    texts = {
        Step.CLINIC_NAME: QCoreApplication.translate(
            "StartList", "Enter the clinic's name and letterhead (printed on every PDF)"
        ),
        Step.STAFF: QCoreApplication.translate(
            "StartList",
            "Add the staff (attorneys, paralegals, volunteers) and choose who you are on this "
            "computer",
        ),
        Step.BACKUP_FOLDER: QCoreApplication.translate(
            "StartList", "Choose a backup folder (a USB stick or a network folder)"
        ),
        Step.RECOVERY_KIT: QCoreApplication.translate(
            "StartList", "Save and print the recovery kit, then keep it locked away"
        ),
        Step.FIRST_INTAKE: QCoreApplication.translate(
            "StartList", "Record the first client (New intake, Ctrl+N)"
        ),
    }
    return texts[step]


def step_action(step: Step) -> str:
    actions = {
        Step.CLINIC_NAME: QCoreApplication.translate("StartList", "Open Settings"),
        Step.STAFF: QCoreApplication.translate("StartList", "Who are you?…"),
        Step.BACKUP_FOLDER: QCoreApplication.translate("StartList", "Choose folder…"),
        Step.RECOVERY_KIT: QCoreApplication.translate("StartList", "Save recovery kit…"),
        Step.FIRST_INTAKE: QCoreApplication.translate("StartList", "New intake…"),
    }
    return actions[step]


class StartListPanel(QFrame):
    """The steps, done or not; ``step_chosen`` carries the Step whose button was pressed."""

    step_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startList")
        self.setAccessibleName(self.tr("Getting started"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(self.tr("Getting started"))
        title.setObjectName("startListTitle")
        title.setFont(fonts.scaled(title.font(), fonts.Step.SUBTITLE, bold=True))
        self.progress = QLabel()
        self.progress.setObjectName("startListProgress")
        self.hide_button = QPushButton(self.tr("Hide for now"))
        self.hide_button.setObjectName("startListHide")
        self.hide_button.setAccessibleName(self.tr("Hide the start list for now"))
        self.hide_button.setToolTip(self.tr("The list comes back at the next start until done."))
        self.hide_button.setFlat(True)
        self.hide_button.clicked.connect(self._hide_for_now)
        self._hidden_for_now = False
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.progress)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(10)
        self.marks: dict[Step, QLabel] = {}
        self.texts: dict[Step, QLabel] = {}
        self.buttons: dict[Step, QPushButton] = {}
        for row, step in enumerate(Step):
            mark = QLabel()
            mark.setFixedSize(QSize(ICON_SIZE, ICON_SIZE))
            text = QLabel(step_text(step))
            text.setWordWrap(True)
            text.setObjectName(f"startStep_{step.value}")
            button = QPushButton(step_action(step))
            button.setObjectName(f"startAction_{step.value}")
            button.setAccessibleName(step_action(step).rstrip("…"))
            button.clicked.connect(lambda _=False, s=step: self.step_chosen.emit(s))
            grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2)
            self.marks[step], self.texts[step], self.buttons[step] = mark, text, button
        layout.addLayout(grid)
        self.hide()

    def _hide_for_now(self) -> None:
        """Out of the way for this run (the agenda gets the room); back at the next start."""
        self._hidden_for_now = True
        self.hide()

    def show_list(self, start: StartList) -> None:
        if start.complete or self._hidden_for_now:
            self.hide()
            return
        done = len(start.done)
        if len(start.steps) == len(Step):
            self.progress.setText(
                self.tr("%n of 5 steps done.", "", done)
                if done
                else self.tr("Five steps to start.")
            )
        else:  # an office database: its staff, backups and keys are the server's
            self.progress.setText(
                self.tr("%n of 2 steps done.", "", done) if done else self.tr("Two steps to start.")
            )
        for step in Step:
            shown = step in start.steps
            for widget in (self.marks[step], self.texts[step], self.buttons[step]):
                widget.setVisible(shown)
            if not shown:
                continue
            finished = start.is_done(step)
            mark = self.marks[step]
            if finished:
                mark.setPixmap(icon(Glyph.DONE, palette.Role.SUCCESS).pixmap(ICON_SIZE, ICON_SIZE))
                mark.setAccessibleName(self.tr("Done"))
            else:
                mark.clear()
                mark.setAccessibleName(self.tr("Not done yet"))
            font = QFont(self.texts[step].font())
            font.setStrikeOut(finished)
            self.texts[step].setFont(font)
            self.buttons[step].setVisible(not finished)
        self.show()
