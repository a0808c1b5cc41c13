"""The window's flow for the canary sweep (tests/display/test_canary_window_sweep.py), in a
process of its own so that its home, XDG folders, temp folder and D-Bus session are throwaway
and everything it leaves can be searched.

    python canary_window_child.py DATA_FOLDER DOCUMENTS_FOLDER EVIDENCE_FILE SPREADSHEET CANARY

The app starts through its own entry point (``run_gui``, as ``clinic`` with no command does):
the unlock dialog is typed into, then a script drives the real window on the X display — menu
actions, buttons, typed text (QTest key events), and Qt's own file dialogs answered by typing
a path into their file-name box (pasted) and pressing Return, as a person would. Message boxes are
answered with their accepting button (Ok, Yes, Save), PDF previews with Save….

Each step prints ``step: NAME``; the process exits 0 when every step ended, 1 otherwise.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)

PASSPHRASE = "river lantern copper meadow"
STAFF = "Pat Paralegal"
BUNDLE_PASSPHRASE = "bundle passphrase for the move"
STEP_SECONDS = 60.0

Wait = float | Callable[[], object]
NATIVE = os.environ.get("QT_QPA_PLATFORMTHEME", "") == "gtk3"  # GTK's dialogs, not Qt's own


def make_store(folder: Path) -> None:
    """The store exists before the window starts (first-run dialogs are another test's):
    a passphrase store with a paralegal chosen as this computer's user."""
    from clinic.domain.drafts import StaffDraft  # noqa: PLC0415
    from clinic.domain.enums import StaffRole  # noqa: PLC0415
    from clinic.services import computer_user, lifecycle, staff  # noqa: PLC0415
    from clinic.storage import keys  # noqa: PLC0415

    keys.SCRYPT_N = 2**14  # stored in key.json: each unlock of this store pays this cost
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(folder), passphrase=PASSPHRASE, actor="test"
    )
    person = staff.add_staff(store=store, staff=StaffDraft(STAFF, StaffRole.PARALEGAL)).unwrap()
    computer_user.choose(store, int(person))
    store.lock()


class Pilot:
    """Answers the dialogs a person answers without thinking, and runs the script."""

    def __init__(self, app: QApplication, script: Iterator[Wait]) -> None:
        self.app = app
        self.script = script
        self.files: deque[str] = deque()  # what to type into the next file dialogs
        self.waiting: Wait = 0.0
        self.since = time.monotonic()
        self.failed = False
        self.done = False
        self.seen: set[int] = set()
        self.unlocks = 0
        self.busy = False
        self.messages: list[str] = []
        self.inputs: deque[str] = deque()  # what to type into the next QInputDialogs
        self.accepting: set[str] = set()  # dialogs whose defaults are what the flow wants
        self.returns: tuple[QWidget, QLineEdit, int, float] | None = None
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(100)

    def answer(self, widget: QWidget) -> bool:
        name = type(widget).__name__
        if name == "UnlockDialog":
            field = widget.findChild(QLineEdit, "unlockPassphrase")
            assert field is not None
            type_into(field, PASSPHRASE)
            self.unlocks += 1
            print("answered: unlock dialog", flush=True)
            QTest.keyClick(field, Qt.Key.Key_Return)
            return True
        if isinstance(widget, QFileDialog):
            if not self.files:
                return False
            typed = self.files.popleft()
            if NATIVE:
                self.answer_native(widget, typed)
                return True
            box = widget.findChild(QLineEdit, "fileNameEdit")
            assert box is not None, "Qt's own file dialog (no platform theme) has a name box"
            # Pasted in one go: typed key by key, Qt's dialog selects the folders it passes
            # in its list while they load and rewrites the box ('"/" "tmp"/…').
            box.setFocus()
            box.setText(typed)  # the dialog may shorten it to the name in its folder
            print(
                f"answered: {widget.windowTitle()} <- {typed} (box {box.text()!r}, "
                f"selected {widget.selectedFiles()})",
                flush=True,
            )
            press_return(box)
            self.returns = (widget, box, 1, time.monotonic())
            return True
        if name == "QInputDialog" and self.inputs and isinstance(widget, QDialog):
            line = widget.findChild(QLineEdit)
            assert line is not None
            type_into(line, self.inputs.popleft())
            print(f"answered: {widget.windowTitle()} <- (typed)", flush=True)
            press_ok(widget)
            return True
        if name in self.accepting and isinstance(widget, QDialog):
            print(f"answered: {name} <- OK (its defaults)", flush=True)
            press_ok(widget)
            return True
        if name == "PdfPreviewDialog":
            print(f"answered: preview {widget.windowTitle()} <- Save", flush=True)
            assert isinstance(widget, QDialog)
            widget.accept()
            return True
        if isinstance(widget, QMessageBox):
            accepting = (
                QMessageBox.ButtonRole.AcceptRole,
                QMessageBox.ButtonRole.YesRole,
                QMessageBox.ButtonRole.ApplyRole,
            )
            chosen = next(
                (b for b in widget.buttons() if widget.buttonRole(b) in accepting),
                widget.defaultButton() or (widget.buttons() or [None])[0],
            )
            self.messages.append(f"{widget.windowTitle()}: {widget.text()}")
            print(f"answered: {widget.windowTitle()}: {widget.text()[:80]!r}", flush=True)
            if chosen is not None:
                chosen.click()
            return True
        return False

    def answer_native(self, dialog: QFileDialog, typed: str) -> None:
        """GTK's dialog (Qt's gtk3 platform theme) is no Qt widget: find its X window by its
        title and type into it with xdotool, as the file dialog traces test does."""
        import harness  # noqa: PLC0415 - this folder is the script's own

        self.busy = True
        try:
            title = dialog.windowTitle()
            end, found = time.monotonic() + 20, []
            while not found and time.monotonic() < end:
                harness.process_events(0.3)
                found = harness.xdotool("search", "--onlyvisible", "--name", title, check=False)
                found = found.split()
            assert found, f"GTK's dialog {title!r} did not appear"
            harness.xdotool("windowactivate", "--sync", found[0], check=False)
            harness.process_events(0.8)
            path = Path(typed)
            if dialog.fileMode() == QFileDialog.FileMode.Directory:
                harness.xdotool_type(typed)
            elif dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
                harness.xdotool_key("ctrl+a")
                harness.xdotool_type(typed)
            else:  # into the folder first, then the file there
                harness.xdotool_type(f"{path.parent}/")
                harness.process_events(0.5)
                harness.xdotool_key("Return")
                harness.process_events(1.5)
                harness.xdotool_type(path.name)
            print(f"answered (GTK): {title} <- {typed}", flush=True)
            for _ in range(3):  # a completion list may take the first Return
                harness.process_events(0.5)
                harness.xdotool_key("Return")
                harness.process_events(1.5)
                if not shiboken6.isValid(dialog) or not dialog.isVisible():
                    break
        finally:
            self.busy = False

    def said(self, words: str) -> bool:
        return any(words in message for message in self.messages)

    def tick(self) -> None:
        if self.done or self.busy:
            return
        try:
            if self.returns is not None:  # a completion list may take the first Return
                dialog, box, tries, when = self.returns
                if not shiboken6.isValid(dialog) or not dialog.isVisible() or tries >= 4:
                    self.returns = None
                elif time.monotonic() - when > 1.5:
                    press_return(box)
                    self.returns = (dialog, box, tries + 1, time.monotonic())
                    return
            for widget in self.app.topLevelWidgets():
                if widget.isVisible() and id(widget) not in self.seen and self.answer(widget):
                    self.seen.add(id(widget))
                    return
            self.seen = {
                i
                for i in self.seen
                if any(id(w) == i for w in self.app.topLevelWidgets() if w.isVisible())
            }
            waiting = self.waiting
            if isinstance(waiting, float) and time.monotonic() - self.since < waiting:
                return
            if callable(waiting) and not waiting():
                if time.monotonic() - self.since > STEP_SECONDS:
                    shown = [
                        f"{type(w).__name__} {w.windowTitle()!r}"
                        for w in self.app.topLevelWidgets()
                        if w.isVisible()
                    ]
                    raise AssertionError(
                        f"waited {STEP_SECONDS:.0f} s for {waiting}; showing: {shown}"
                    )
                return
            self.waiting = next(self.script)
            self.since = time.monotonic()
        except StopIteration:
            self.finish(failed=False)
        except Exception:
            traceback.print_exc()
            self.finish(failed=True)

    def finish(self, *, failed: bool) -> None:
        self.done, self.failed = True, failed
        self.timer.stop()
        for widget in self.app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        QTimer.singleShot(200, self.app.quit)
        QTimer.singleShot(3000, lambda: os._exit(1 if failed else 0))


def press_ok(dialog: QDialog) -> None:
    """Click the dialog's accepting button (OK, Save …), as a person would."""
    for buttons in dialog.findChildren(QDialogButtonBox):
        for button in buttons.buttons():
            accepting = buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
            if accepting and button.isEnabled():
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                return
    raise AssertionError(f"{type(dialog).__name__} has no enabled accepting button")


def press_return(box: QLineEdit) -> None:
    """Return in a file dialog's name box; its completion list, when up, is closed first (as
    Escape would) so that the Return reaches the dialog."""
    completer = box.completer()
    if completer is not None and completer.popup().isVisible():
        completer.popup().hide()
    QTest.keyClick(box, Qt.Key.Key_Return)


def later(action: Callable[[], object]) -> None:
    """Start an action that opens a modal dialog, outside the script's own step; a failure
    there ends the run."""

    def run() -> None:
        try:
            action()
        except Exception:
            traceback.print_exc()
            os._exit(1)

    QTimer.singleShot(0, run)


def modal(kind: str) -> Callable[[], QWidget | None]:
    def find() -> QWidget | None:
        widget = QApplication.activeModalWidget()
        return widget if widget is not None and type(widget).__name__ == kind else None

    find.__qualname__ = f"a modal {kind}"
    return find


def enabled(parent: QWidget, name: str) -> Callable[[], bool]:
    def ready() -> bool:
        button = parent.findChild(QAbstractButton, name)
        return button is not None and button.isVisible() and button.isEnabled()

    ready.__qualname__ = f"button {name} to be enabled"
    return ready


def click(parent: QWidget, name: str) -> None:
    button = parent.findChild(QAbstractButton, name)
    assert button is not None, f"no button {name}"
    assert button.isEnabled(), f"button {name} is disabled"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(widget: QWidget, text: str) -> None:
    """Key events for each character (QTest's own typing knows ASCII only: ñ and í are sent
    as key events carrying their text, as an input method delivers them)."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            QTest.keyClick(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


def gone(widget: QWidget) -> Callable[[], bool]:
    def closed() -> bool:
        return not shiboken6.isValid(widget) or not widget.isVisible()

    closed.__qualname__ = f"{type(widget).__name__} to close"
    return closed


def step(name: str) -> None:
    print(f"step: {name}", flush=True)


def script(
    pilot: Pilot, documents: Path, attach: Path, sheet: Path, canary: str, *, short: bool
) -> Iterator[Wait]:
    """The flow; ``short`` keeps intake, the case tabs, evidence with its attached file, the
    summary PDF, Back up now, the pages and Lock (one dialog of each kind: open, save, folder)."""
    from clinic.ui.main_window import MainWindow  # noqa: PLC0415

    def main_window() -> MainWindow | None:
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()
            ),
            None,
        )

    yield main_window
    window = main_window()
    assert window is not None
    action = {a.objectName(): a for a in window.actions()}

    step("intake")
    later(action["newIntakeAction"].trigger)
    yield modal("IntakeDialog")
    dialog: Any = modal("IntakeDialog")()
    page = dialog.client_page
    type_into(page.family_name, canary)
    type_into(page.given_name, "Ana María")
    type_into(page.other_names.entry, f"Alias {canary}")
    QTest.keyClick(page.other_names.entry, Qt.Key.Key_Return)
    type_into(page.phone, "+1 956 555 0100")
    QTest.keyClick(page.phone, Qt.Key.Key_Return)
    from clinic.ui.intake.intake_dialog import CASE_STEP, FAMILY_STEP  # noqa: PLC0415

    yield lambda: dialog.current_step() == FAMILY_STEP
    family = dialog.family_page
    QTest.mouseClick(family.add_member_button, Qt.MouseButton.LeftButton)
    yield lambda: len(family.members) == 1
    member = family.members[0]
    member.relationship.setCurrentIndex(member.relationship.findText("Child"))
    type_into(member.family_name, canary)
    type_into(member.given_name, "Luis")
    type_into(family.adverse_parties.entry, f"Comandante {canary}")
    QTest.keyClick(family.adverse_parties.entry, Qt.Key.Key_Return)
    QTest.keyClick(member.given_name, Qt.Key.Key_Return)
    yield lambda: dialog.current_step() == CASE_STEP
    case_page = dialog.case_page
    from clinic.domain.enums import ClaimType  # noqa: PLC0415

    radio = case_page.claim_radios[ClaimType.DEFENSIVE]
    QTest.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    type_into(case_page.forum_name, "San Antonio Immigration Court")
    QTest.keyClick(case_page.forum_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    yield lambda: dialog.conflict_page.ready
    yield dialog.save_button.isEnabled
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    yield gone(dialog)
    assert dialog.created_case_id is not None, "intake saved no case"

    step("case view, every tab")
    from clinic.ui.case_view.case_view_page import CaseViewPage  # noqa: PLC0415

    yield lambda: isinstance(window.current_page(), CaseViewPage)
    case_view: Any = window.current_page()
    tabs = case_view.findChild(QTabWidget, "caseTabs")
    assert tabs is not None

    def click_tab(index: int) -> None:
        bar = tabs.tabBar()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert tabs.currentIndex() == index, f"tab {index} did not open"

    for index in range(tabs.count()):
        click_tab(index)
        yield 0.2

    def show_tab(name: str) -> QWidget:
        for index in range(tabs.count()):
            page = tabs.widget(index)
            found = page if page.objectName() == name else page.findChild(QWidget, name)
            if found is not None:
                click_tab(index)
                return found
        raise AssertionError(f"no tab holds {name}")

    if not short:
        step("schedule a hearing")
        hearings = show_tab("hearingsTab")
        yield enabled(hearings, "scheduleHearingButton")
        later(lambda: click(hearings, "scheduleHearingButton"))
        yield modal("ScheduleHearingDialog")
        form: Any = modal("ScheduleHearingDialog")()
        type_into(form.notes, f"Bring {canary}'s passport")
        type_into(form.judge, "Judge Rivera")
        click(form, "saveButton")
        yield gone(form)

        step("add a deadline")
        deadlines = show_tab("deadlinesTab")
        yield enabled(deadlines, "addDeadlineButton")
        later(lambda: click(deadlines, "addDeadlineButton"))
        yield modal("AddDeadlineDialog")
        form = modal("AddDeadlineDialog")()
        type_into(form.title, f"Brief for {canary}")
        type_into(form.notes, f"Ordered for {canary}")
        click(form, "saveButton")
        yield gone(form)

    step("add evidence and attach its file through the file dialog")
    evidence = show_tab("evidenceTab")
    yield enabled(evidence, "addEvidenceButton")
    later(lambda: click(evidence, "addEvidenceButton"))
    yield modal("AddEvidenceDialog")
    form = modal("AddEvidenceDialog")()
    type_into(form.title, f"Declaration of {canary}")
    type_into(form.source, f"{canary} family")
    click(form, "saveButton")
    yield gone(form)
    yield 0.3
    table = evidence.findChild(QWidget, "evidenceTable")
    assert table is not None
    table.selectRow(0)  # type: ignore[attr-defined]
    yield 0.3
    pilot.files.append(str(attach))
    yield enabled(evidence, "attachFilesButton")
    later(lambda: click(evidence, "attachFilesButton"))
    status = evidence.findChild(QWidget, "evidenceFileStatus")
    yield lambda: "Attached" in status.text()  # type: ignore[union-attr]
    if not short:
        step("export a copy of the evidence file")
        files = evidence.findChild(QWidget, "evidenceFileTable")
        assert files is not None
        files.selectRow(0)  # type: ignore[attr-defined]
        yield 0.3
        copy = documents / f"copy of {attach.name}"
        pilot.files.append(str(copy))
        yield enabled(evidence, "exportCopyButton")
        later(lambda: click(evidence, "exportCopyButton"))
        yield copy.exists

        step("packet")
        exhibits = show_tab("exhibitsTab")
        yield 0.2
        yield enabled(exhibits, "buildPacketButton")
        later(lambda: click(exhibits, "buildPacketButton"))
        yield modal("PacketDialog")
        packet: Any = modal("PacketDialog")()
        packet_folder = documents / "Packet"
        pilot.files.append(str(packet_folder))
        yield enabled(packet, "packetChooseFolder")
        later(lambda: click(packet, "packetChooseFolder"))
        yield lambda: packet.findChild(QLineEdit, "packetFolder").text() == str(packet_folder)
        click(packet, "packetBuild")
        yield (
            lambda: (
                any(packet_folder.glob("*.pdf"))
                and packet.findChild(QPushButton, "packetClose").isVisible()
            )
        )
        yield 0.2
        packet.accept()
        yield gone(packet)

    step("case summary PDF")
    summary = documents / "summary.pdf"
    pilot.files.append(str(summary))
    later(case_view.summary_export.export)
    yield summary.exists

    if not short:
        step("checklist PDF")
        checklist_tab = show_tab("checklistTab")
        checklist = documents / "checklist.pdf"
        pilot.files.append(str(checklist))
        yield enabled(checklist_tab, "exportChecklistButton")
        later(lambda: click(checklist_tab, "exportChecklistButton"))
        yield checklist.exists

        step("client handout PDF (the handout dialog)")
        handout = documents / "handout.pdf"
        pilot.accepting.add("HandoutDialog")
        pilot.files.append(str(handout))
        later(case_view.handout_export.export)
        yield handout.exists

        step("export the case for another computer (passphrase dialog, save dialog)")
        bundle = documents / "case.cliniccase"
        later(action["exportCaseAction"].trigger)
        yield modal("BundlePassphraseDialog")
        secret: Any = modal("BundlePassphraseDialog")()
        type_into(secret.passphrase, BUNDLE_PASSPHRASE)
        type_into(secret.again, BUNDLE_PASSPHRASE)
        QTest.mouseClick(secret.with_files, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
        pilot.files.append(str(bundle))
        press_ok(secret)
        yield bundle.exists
        yield 0.3

        step("import that case file (open dialog, its passphrase, the duplicate question)")
        pilot.files.append(str(bundle))
        later(action["importCaseAction"].trigger)
        yield modal("QInputDialog")
        asked: Any = modal("QInputDialog")()
        line = asked.findChild(QLineEdit)
        assert line is not None
        type_into(line, BUNDLE_PASSPHRASE)
        press_ok(asked)
        from datetime import date  # noqa: PLC0415

        from clinic.services import search  # noqa: PLC0415

        yield lambda: len(search.list_cases(store=window.session.store, today=date.today())) >= 2
        yield 0.3

        step("docket PDF (the docket dialog)")
        docket = documents / "docket.pdf"
        pilot.accepting.add("DocketDialog")
        pilot.files.append(str(docket))
        later(action["printDocketAction"].trigger)
        yield docket.exists

        step("calendar file, initials only (the calendar dialog)")
        calendar = documents / "calendar.ics"
        pilot.accepting.add("CalendarExportDialog")
        pilot.files.append(str(calendar))
        later(action["exportCalendarAction"].trigger)
        yield calendar.exists

        step("funder report (the year dialog)")
        funder = documents / "funder.pdf"
        pilot.accepting.add("FunderReportDialog")
        pilot.files.append(str(funder))
        later(action["funderReportAction"].trigger)
        yield funder.exists

        step("import a spreadsheet (the import wizard and its open dialog)")
        from PySide6.QtWidgets import QWizard  # noqa: PLC0415

        pilot.files.append(str(sheet))
        later(action["importSpreadsheetAction"].trigger)
        yield modal("ImportWizard")
        wizard: Any = modal("ImportWizard")()
        later(lambda: QTest.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton))
        for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.NextButton):
            yield lambda button=button: wizard.button(button).isEnabled()
            page_before = wizard.currentId()
            QTest.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)
            yield lambda page_before=page_before: wizard.currentId() != page_before
        commit = wizard.button(QWizard.WizardButton.CommitButton)
        yield commit.isEnabled
        QTest.mouseClick(commit, Qt.MouseButton.LeftButton)
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        yield lambda: finish.isVisible() and finish.isEnabled()
        QTest.mouseClick(finish, Qt.MouseButton.LeftButton)
        yield gone(wizard)
        yield lambda: len(search.search_clients(store=window.session.store, text="Ortiz")) == 1

    step("back up now (folder dialog)")
    backups = documents / "Backups"
    pilot.files.append(str(backups))
    later(action["backupAction"].trigger)
    yield lambda: any(backups.glob("*.clinicbackup"))
    yield lambda: pilot.said("Backup made")

    if not short:
        step("restore that backup over the current store (open dialog, warning, passphrase)")
        made = next(backups.glob("*.clinicbackup"))
        unlocked = pilot.unlocks
        pilot.files.append(str(made))
        pilot.inputs.append(PASSPHRASE)
        later(action["restoreAction"].trigger)
        yield lambda: pilot.said("Restored") and pilot.unlocks == unlocked + 1
        yield main_window
        window = main_window()
        assert window is not None
        action = {a.objectName(): a for a in window.actions()}
        yield 0.3

        step("recovery kit")
        kit = documents / "recovery-kit.pdf"
        pilot.files.append(str(kit))
        later(action["recoveryKitAction"].trigger)
        yield kit.exists

    step("other pages: today, cases, calendar, settings")
    for key in ("today", "cases", "calendar", "settings"):
        page_widget = getattr(window, f"{key}_page", None)
        if page_widget is not None:
            window.show_page(page_widget)
            yield 0.3

    step("lock, then unlock with the passphrase")
    unlocked = pilot.unlocks
    later(action["lockAction"].trigger)
    yield lambda: pilot.unlocks == unlocked + 1
    yield main_window
    yield 0.5
    step("end")


def main() -> int:
    data, documents, attach, sheet = (Path(p) for p in sys.argv[1:5])
    canary = sys.argv[5]
    make_store(data)
    app = QApplication(sys.argv[:1])
    pilot = Pilot(app, iter(()))
    short = os.environ.get("CANARY_FLOW") == "short"
    pilot.script = script(pilot, documents, attach, sheet, canary, short=short)
    from clinic.ui.application import run_gui  # noqa: PLC0415

    code = run_gui(data_dir=data)
    print(f"run_gui returned {code}", flush=True)
    return 1 if pilot.failed or not pilot.done else 0


if __name__ == "__main__":
    sys.exit(main())
