"""Every file and folder dialog goes through clinic/ui/file_dialogs.py, which starts in the
documents folder (never the program's folder or the working directory) and leaves no visited
folder behind in Qt's settings."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from clinic.ui import file_dialogs

ROOT = Path(__file__).resolve().parents[2]
HELPER = ROOT / "clinic" / "ui" / "file_dialogs.py"
QT_CODE = [*sorted((ROOT / "clinic" / "ui").rglob("*.py")), ROOT / "clinic" / "app.py"]


def direct_dialogs(source: str, where: str) -> list[str]:
    """``file:line: QFileDialog…`` for each use of QFileDialog outside the helper: a static
    call (``QFileDialog.getSaveFileName``), an instance (``QFileDialog(…)``) or an import."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "QFileDialog":
                found.append(f"{where}:{node.lineno}: QFileDialog.{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "QFileDialog":
                found.append(f"{where}:{node.lineno}: QFileDialog()")
        elif isinstance(node, ast.ImportFrom) and any(a.name == "QFileDialog" for a in node.names):
            found.append(f"{where}:{node.lineno}: imports QFileDialog")
    return sorted(found, key=lambda line: int(line.split(":")[1]))


def test_every_file_dialog_goes_through_the_helper() -> None:
    problems = [
        line
        for path in QT_CODE
        if path != HELPER
        for line in direct_dialogs(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert problems == []


def test_the_check_catches_a_direct_dialog() -> None:
    code = (
        "from PySide6.QtWidgets import QFileDialog, QWidget\n"
        "path, _ = QFileDialog.getSaveFileName(None, 'Save', '', '')\n"
        "dialog = QFileDialog(None)\n"
        "name = save_file_name(None, 'Save', 'a.pdf')\n"
    )
    assert direct_dialogs(code, "x.py") == [
        "x.py:1: imports QFileDialog",
        "x.py:2: QFileDialog.getSaveFileName",
        "x.py:3: QFileDialog()",
    ]


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: folder)
    return folder


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every dialog answers "cancelled" and records where it was told to start."""
    seen: list[str] = []
    dialog = file_dialogs.QFileDialog
    monkeypatch.setattr(
        dialog,
        "getSaveFileName",
        staticmethod(lambda _p, _c, d, *_a, **_k: seen.append(d) or ("", "")),
    )
    monkeypatch.setattr(
        dialog,
        "getOpenFileName",
        staticmethod(lambda _p, _c, d, *_a, **_k: seen.append(d) or ("", "")),
    )
    monkeypatch.setattr(
        dialog,
        "getOpenFileNames",
        staticmethod(lambda _p, _c, d, *_a, **_k: seen.append(d) or ([], "")),
    )
    monkeypatch.setattr(
        dialog,
        "getExistingDirectory",
        staticmethod(lambda _p, _c, d, *_a, **_k: seen.append(d) or ""),
    )
    return seen


def test_dialogs_start_in_documents_not_the_working_directory(
    qtbot, documents: Path, started: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # where the program was started from
    assert file_dialogs.save_file_name(None, "Save", "sub/dir/case-1.pdf", "PDF (*.pdf)") == (
        "",
        "",
    )
    assert file_dialogs.open_file_name(None, "Open") == ""
    assert file_dialogs.open_file_names(None, "Attach") == []
    assert file_dialogs.existing_folder(None, "Folder") == ""
    assert started == [str(documents / "case-1.pdf"), *[str(documents)] * 3]


def test_a_chosen_folder_is_used_only_when_it_exists(
    qtbot, documents: Path, started: list[str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    usb.mkdir()
    file_dialogs.existing_folder(None, "Folder", folder=usb)
    file_dialogs.existing_folder(None, "Folder", folder=tmp_path / "unplugged")
    file_dialogs.existing_folder(None, "Folder", folder="relative/folder")
    file_dialogs.existing_folder(None, "Folder", folder="")
    assert started == [str(usb), *[str(documents)] * 3]


def test_documents_is_a_real_folder() -> None:
    folder = file_dialogs.documents_folder()
    assert folder.is_dir() and folder.is_absolute()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert folder in (Path(documents), Path.home())


@pytest.fixture
def qt_settings_in(tmp_path: Path) -> Iterator[Path]:
    """Qt's per-user settings files in a temporary folder for this test."""
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    try:
        yield tmp_path
    finally:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, config)


def test_visited_folders_are_forgotten(
    qtbot, qt_settings_in: Path, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    client_folder = documents / "Garcia Jose"

    def qt_dialog_remembers(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        """What Qt's own file dialog does when it closes (qfiledialog.cpp, saveSettings)."""
        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
        settings.beginGroup("FileDialog")
        settings.setValue("history", [client_folder.as_uri()])
        settings.setValue("lastVisited", client_folder.as_uri())
        settings.setValue("viewMode", "Detail")
        settings.endGroup()
        settings.sync()
        return str(client_folder / "summary.pdf"), ""

    monkeypatch.setattr(
        file_dialogs.QFileDialog, "getSaveFileName", staticmethod(qt_dialog_remembers)
    )
    chosen, _ = file_dialogs.save_file_name(None, "Save", "summary.pdf")
    assert chosen == str(client_folder / "summary.pdf")
    kept = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert kept.value("FileDialog/viewMode") == "Detail"  # what is not a folder stays
    assert kept.value("FileDialog/history") is None
    assert kept.value("FileDialog/lastVisited") is None
    written = "".join(p.read_text() for p in qt_settings_in.rglob("*.conf"))
    assert "Garcia" not in written
