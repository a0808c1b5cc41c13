"""Every text the Qt code hands to a widget goes through Qt's translator (issue 3).

Reads clinic/ui and clinic/app.py and fails on a string literal (or an f-string with words in
it) passed straight to a Qt call that shows text: ``QLabel("Save")``, ``setToolTip("…")``,
``QMessageBox.warning(self, "Title", …)``. Such a text would stay English in the Spanish
interface, because lupdate never sees it. Wrap it in ``self.tr("…")`` or
``QCoreApplication.translate("Context", "…")``; values go in with ``%1``/``{name}`` after
translation.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_CODE = [*sorted((ROOT / "clinic" / "ui").rglob("*.py")), ROOT / "clinic" / "app.py"]

# Calls whose arguments at these positions are shown to the user (None: every argument).
TEXT_METHODS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setTitle": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "showMessage": (0,),
    "addTab": (1,),
    "insertTab": (2,),
    "addItem": (0,),
    "insertItem": (1,),
    "addAction": (0,),
    "addMenu": (0,),
    "addRow": (0,),
    "setHeaderLabels": None,
    "setHorizontalHeaderLabels": None,
    "QLabel": (0,),
    "QPushButton": (0,),
    "QToolButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0,),
    "QMenu": (0,),
    "QListWidgetItem": (0,),
    "QTableWidgetItem": (0,),
    "QTreeWidgetItem": None,
    "QStandardItem": (0,),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "getSaveFileName": (1, 3),
    "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3),
    "getExistingDirectory": (1,),
    "save_file_name": (1, 3),  # clinic/ui/file_dialogs.py
    "open_file_name": (1, 2),
    "open_file_names": (1, 2),
    "existing_folder": (1,),
    "getText": (1, 2),
    "getItem": (1, 2),
}
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
# The program's name, language names written in their own language, units, and input masks.
NOT_WORDS = {"Clinic", "English", "Español", "MB", "XXXXXXXX XXXXXXXX …"}
SHORTCUT = re.compile(r"^(Ctrl|Alt|Shift|Meta|F\d+|Pg|Del|Esc)[\w+]*$")


def words_in(node: ast.expr) -> str | None:
    """The literal text in ``node`` if it has words a person would read, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    elif isinstance(node, ast.List | ast.Tuple):
        found = [words_in(item) for item in node.elts]
        return next((text for text in found if text), None)
    else:
        return None
    text = text.strip()
    if not re.search(r"[A-Za-z]{2,}", text) or text in NOT_WORDS or SHORTCUT.match(text):
        return None
    return text


def call_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return node.func.id if isinstance(node.func, ast.Name) else ""


def untranslated(source: str, where: str) -> list[str]:
    """``file:line: call('text') is not translated`` for each bare text in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or call_name(node) not in TEXT_METHODS:
            continue
        positions = TEXT_METHODS[call_name(node)]
        for index, argument in enumerate(node.args):
            if positions is not None and index not in positions:
                continue
            text = words_in(argument)
            if text is not None:
                found.append(
                    f"{where}:{node.lineno}: {call_name(node)}({text!r}) is not translated"
                )
    return found


def hidden_from_lupdate(source: str, where: str) -> list[str]:
    """``translate(CONTEXT, "text")``: lupdate needs the context written out as a literal, or
    the text never reaches the catalogue (and stays English)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or call_name(node) not in (
            "translate",
            "QT_TRANSLATE_NOOP",
        ):
            continue
        if len(node.args) >= 2 and words_in(node.args[1]) is not None:
            context = node.args[0]
            if not (isinstance(context, ast.Constant) and isinstance(context.value, str)):
                found.append(
                    f"{where}:{node.lineno}: {words_in(node.args[1])!r} has no literal context"
                )
    return found


def test_every_translated_text_can_be_extracted() -> None:
    problems = [
        line
        for path in QT_CODE
        for line in hidden_from_lupdate(
            path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        )
    ]
    assert problems == []


def test_every_shown_text_goes_through_the_translator() -> None:
    problems = [
        line
        for path in QT_CODE
        for line in untranslated(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert problems == []


def test_the_check_catches_a_bare_text() -> None:
    code = (
        "label = QLabel('Save the file')\n"
        "box.setToolTip(f'{count} files left')\n"
        "QMessageBox.warning(self, self.tr('Title'), 'Something failed')\n"
        "ok = QLabel(self.tr('Fine'))\n"
        "lock = QAction(self.tr('Lock'), self)\n"
        "action.setShortcut('Ctrl+L')\n"
        "window.setWindowTitle('Clinic')\n"
    )
    code += "text = QCoreApplication.translate(CONTEXT, 'Left out')\n"
    assert hidden_from_lupdate(code, "sample.py") == [
        "sample.py:8: 'Left out' has no literal context"
    ]
    assert untranslated(code, "sample.py") == [
        "sample.py:1: QLabel('Save the file') is not translated",
        "sample.py:2: setToolTip('files left') is not translated",
        "sample.py:3: warning('Something failed') is not translated",
    ]
