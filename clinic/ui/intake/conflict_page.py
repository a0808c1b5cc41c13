"""Step 4: the conflict check — who in the records may be one of the people being entered."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.anumber import check_a_number, format_a_number, parse_a_number
from clinic.ui.intake.choice_text import party_text, reason_text
from clinic.ui.intake.conflict_check import (
    ReviewedMatch,
    Subject,
    SubjectMatches,
    SubjectRole,
    blocking_match,
    match_count,
    strong_client_matches,
)
from clinic.ui.intake.date_field import locale_date_format
from clinic.ui.intake.field_messages import style_as_error


class Column(IntEnum):
    WHO = 0
    RELATION = 1
    SCORE = 2
    REASONS = 3


class ConflictPage(QWidget):
    """Shows the check's progress, then every possible match and whether saving is allowed.

    A strong match with an existing client (most likely the same person) gets its own row: a
    button that opens that client's case, the default, and a "different person" box that must be
    ticked, deliberately, before the intake can be saved.
    """

    open_requested = Signal(object)  # ReviewedMatch: show the existing client's case
    confirmations_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("conflictPage")
        self.results: list[SubjectMatches] = []
        self.ready = False
        self.blocking: ReviewedMatch | None = None
        self.strong: tuple[ReviewedMatch, ...] = ()
        self.open_buttons: list[QPushButton] = []
        self.distinct_boxes: dict[int, QCheckBox] = {}  # index in ``strong`` -> its box
        intro = QLabel(
            self.tr(
                "Before anything is saved, the people you entered are compared with everyone "
                "in the records: clients, their family members and adverse parties. Spelling, "
                "accents and word order are forgiven, so review each possible match."
            )
        )
        intro.setWordWrap(True)
        self.checked_summary = QLabel()
        self.checked_summary.setObjectName("conflictCheckedSummary")
        self.checked_summary.setWordWrap(True)
        self.checked_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setObjectName("conflictStatus")
        self.status.setWordWrap(True)
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        self.block_message = QLabel()
        self.block_message.setObjectName("conflictBlockMessage")
        self.block_message.setWordWrap(True)
        self.block_message.setTextFormat(Qt.TextFormat.PlainText)
        self.block_message.hide()
        style_as_error(self.block_message)
        self.block_message.setFont(font)
        self._build_strong(font)
        self.matches = self._build_tree()
        self.retry_button = QPushButton(self.tr("Check again"))
        self.retry_button.setObjectName("conflictRetry")
        self.retry_button.setAccessibleName(self.tr("Run the conflict check again"))
        self.retry_button.setAutoDefault(False)
        self.retry_button.hide()
        self._clear_strong()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)
        layout.addWidget(intro)
        layout.addWidget(self.checked_summary)
        layout.addWidget(self.status)
        layout.addWidget(self.block_message)
        layout.addWidget(self.strong_message)
        layout.addWidget(self.strong_rows)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(0)  # no matches (tree hidden): the words stay together at the top

    def _build_strong(self, font: QFont) -> None:
        """The message and rows for strong matches with existing clients (filled per check)."""
        self.strong_message = QLabel()
        self.strong_message.setObjectName("conflictStrongMessage")
        self.strong_message.setWordWrap(True)
        self.strong_message.setTextFormat(Qt.TextFormat.PlainText)
        style_as_error(self.strong_message)
        self.strong_message.setFont(font)
        self.strong_rows = QWidget()
        self.strong_rows.setObjectName("conflictStrongMatches")
        self.strong_layout = QVBoxLayout(self.strong_rows)
        self.strong_layout.setContentsMargins(0, 0, 0, 0)

    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName("conflictMatches")
        tree.setAccessibleName(self.tr("Possible matches"))
        tree.setColumnCount(len(Column))
        tree.setHeaderLabels(
            [self.tr("Who"), self.tr("In the records as"), self.tr("Match"), self.tr("Why")]
        )
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        tree.setWordWrap(True)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(Column.WHO, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.RELATION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.SCORE, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def title(self) -> str:
        return self.tr("Conflict check")

    def has_input(self) -> bool:
        return False

    def check(self) -> bool:
        return True

    # States ------------------------------------------------------------------------------------
    def show_checking(self, subjects: Sequence[Subject]) -> None:
        self.ready = False
        self.results = []
        self.blocking = None
        self._clear_strong()
        self.checked_summary.setText(self._checked_text(subjects))
        self.status.setText(self.tr("Checking the records…"))
        self.block_message.hide()
        self.retry_button.hide()
        self.matches.clear()
        self.matches.hide()

    def _checked_text(self, subjects: Sequence[Subject]) -> str:
        """What is compared: the client's names, A-number and birth date, and how many others."""
        client = subjects[0]
        names = ", ".join(f"“{name}”" for name in client.names)
        parts = [self.tr("Checked: {names}").format(names=names)]
        if client.a_number.strip() and check_a_number(client.a_number) is None:
            number = format_a_number(parse_a_number(client.a_number))
            parts.append(self.tr("A-number {number}").format(number=number))
        if client.date_of_birth is not None:
            born = client.date_of_birth
            shown = self.locale().toString(
                QDate(born.year, born.month, born.day), locale_date_format(self.locale())
            )
            parts.append(self.tr("born {date}").format(date=shown))
        if len(subjects) > 1:
            parts.append(self.tr("other people entered: %n", "", len(subjects) - 1))
        return "; ".join(parts) + "."

    def show_failure(self, reason: str) -> None:
        self.ready = False
        self.status.setText(
            self.tr("The conflict check could not run ({reason}). Nothing was saved.").format(
                reason=reason
            )
        )
        self.retry_button.show()

    def show_results(self, results: Sequence[SubjectMatches]) -> None:
        self.results = list(results)
        self.blocking = blocking_match(self.results)
        self.ready = True
        count = match_count(self.results)
        if count == 0:
            status = self.tr("No one in the records matches these people. You can save the intake.")
        elif self.blocking is not None:
            status = self.tr("Possible matches: %n. This intake cannot be saved:", "", count)
        elif strong_client_matches(self.results):
            status = self.tr(
                "Possible matches: %n. The new client is most likely already a client:", "", count
            )
        else:
            status = self.tr(
                "Possible matches: %n. Save only if none of them is the same person or a "
                "conflict of interest.",
                "",
                count,
            )
        self.status.setText(status)
        self._fill_tree()
        self.matches.setVisible(count > 0)
        if self.blocking is not None:
            self.block_message.setText(self._block_text(self.blocking))
        self.block_message.setVisible(self.blocking is not None)
        self._show_strong(strong_client_matches(self.results))

    # Strong matches with existing clients ------------------------------------------------------
    def _clear_strong(self) -> None:
        self.strong = ()
        self.open_buttons = []
        self.distinct_boxes = {}
        while (item := self.strong_layout.takeAt(0)) is not None:
            row = item.layout()
            while row is not None and (child := row.takeAt(0)) is not None:
                if (widget := child.widget()) is not None:
                    widget.deleteLater()
        self.strong_message.hide()
        self.strong_rows.hide()

    def _show_strong(self, strong: tuple[ReviewedMatch, ...]) -> None:
        self._clear_strong()
        self.strong = strong
        if not strong:
            return
        if self.blocking is None:
            self.strong_message.setText(
                self.tr(
                    "Most likely the same person as an existing client. Open the existing "
                    "client's case (Enter) instead of saving a second record; save only if you "
                    "have checked that this is a different person and tick the box saying so."
                )
            )
            self.strong_message.show()
        new_name = self._new_client_name()
        for index, reviewed in enumerate(strong):
            row = QHBoxLayout()
            row.addWidget(self._open_button(index, reviewed))
            if reviewed is not self.blocking:  # the same A-number is never a different person
                box = self._distinct_box(index, reviewed, new_name)
                self.distinct_boxes[index] = box
                row.addWidget(box, 1)
            else:
                row.addStretch(1)
            self.strong_layout.addLayout(row)
        self.strong_rows.show()
        if (default := self.default_open_button()) is not None:
            default.setDefault(True)  # drawn as the dialog's default: what Enter does

    def _new_client_name(self) -> str:
        return next(
            (r.subject.label for r in self.results if r.subject.role is SubjectRole.CLIENT), ""
        )

    def _open_button(self, index: int, reviewed: ReviewedMatch) -> QPushButton:
        name = reviewed.match.party.display_name
        button = QPushButton(self.tr("Open {name}'s case").format(name=name))
        button.setObjectName(f"conflictOpenExisting{index}")
        button.setAccessibleName(
            self.tr("Open the existing client {name}'s case").format(name=name)
        )
        if reviewed.case_to_open is None:
            button.setEnabled(False)
            button.setToolTip(self.tr("{name} has no case to open.").format(name=name))
        button.clicked.connect(lambda: self.open_requested.emit(reviewed))
        self.open_buttons.append(button)
        return button

    def _distinct_box(self, index: int, reviewed: ReviewedMatch, new_name: str) -> QCheckBox:
        party = reviewed.match.party
        existing = party.display_name
        if party.a_number:
            existing = f"{existing} ({format_a_number(party.a_number)})"
        score = self.locale().toString(round(reviewed.match.score))
        box = QCheckBox(
            self.tr(
                "I checked: “{new}” is a different person, not {existing} ({score}% match)"
            ).format(new=new_name, existing=existing, score=score)
        )
        box.setObjectName(f"conflictNotSamePerson{index}")
        box.setAccessibleName(box.text())
        box.toggled.connect(lambda _checked: self.confirmations_changed.emit())
        return box

    def default_open_button(self) -> QPushButton | None:
        """The action Enter takes on a strong match: open the best match's case."""
        return next((b for b in self.open_buttons if b.isEnabled()), None)

    def distinct_confirmed(self) -> bool:
        """Every strong match with an existing client was ticked as a different person."""
        return all(box.isChecked() for box in self.distinct_boxes.values())

    def confirmed_distinct(self) -> tuple[ReviewedMatch, ...]:
        """The strong matches staff ticked as a different person, for the audit trail."""
        return tuple(
            self.strong[index] for index, box in self.distinct_boxes.items() if box.isChecked()
        )

    def _block_text(self, reviewed: ReviewedMatch) -> str:
        party = reviewed.match.party
        number = format_a_number(party.a_number) if party.a_number else ""
        return self.tr(
            "{name} is already a client with A-number {number}. A person is never saved twice: "
            "cancel and open the existing client, or go back and correct the A-number."
        ).format(name=party.display_name, number=number)

    def _fill_tree(self) -> None:
        self.matches.clear()
        bold = QFont(self.matches.font())
        bold.setBold(True)
        for result in self.results:
            if not result.matches:
                continue
            heading = QTreeWidgetItem([self._subject_heading(result)])
            heading.setFirstColumnSpanned(True)
            heading.setFont(Column.WHO, bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.matches.addTopLevelItem(heading)
            for reviewed in result.matches:
                self.matches.addTopLevelItem(self._match_item(reviewed))

    def _subject_heading(self, result: SubjectMatches) -> str:
        texts = {
            SubjectRole.CLIENT: self.tr("The new client, {name}"),
            SubjectRole.FAMILY_MEMBER: self.tr("Family member {name}"),
            SubjectRole.ADVERSE_PARTY: self.tr("Adverse party {name}"),
        }
        return texts[result.subject.role].format(name=result.subject.label)

    def _match_item(self, reviewed: ReviewedMatch) -> QTreeWidgetItem:
        columns = self._match_columns(reviewed)
        item = QTreeWidgetItem(["    " + columns[0], *columns[1:]])
        item.setToolTip(Column.REASONS, columns[Column.REASONS])
        if reviewed is self.blocking:
            for column in Column:
                item.setForeground(column, QBrush(self.block_message.palette().windowText()))
        return item

    def review_note(self) -> str:
        """The decision, for the new case's notes.

        It names nobody it matched: another client's identity must not end up in this
        client's file (notes go into case summaries), so the note keeps only the count.
        """
        count = match_count(self.results)
        if count == 0:
            return self.tr(
                "Conflict check at intake: no possible match among clients, family members "
                "and adverse parties."
            )
        return self.tr(
            "Conflict check at intake: possible matches reviewed and recorded as no conflict: %n.",
            "",
            count,
        )

    def _match_columns(self, reviewed: ReviewedMatch) -> list[str]:
        """Who matched, as what, how closely and why — in words."""
        match = reviewed.match
        party = match.party
        who = party.display_name
        if party.a_number:
            who = f"{who} ({format_a_number(party.a_number)})"
        score = self.tr("{score}%").format(score=self.locale().toString(round(match.score)))
        why = "; ".join(reason_text(reason, match.matched_name) for reason in match.reasons)
        return [who, party_text(party.kind, reviewed.owner_name), score, why]
