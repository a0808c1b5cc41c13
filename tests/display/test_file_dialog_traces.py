"""Issue 16 § 4: the app's file dialogs leave nothing about clients outside the data folder.

The real dialogs, not stand-ins: Qt's own dialog (no platform theme, as on a bare X session) and
GTK's (Qt's "gtk3" platform theme, Debian's GTK 3), each opened by the window's own File menu
actions (Back up now…: a folder dialog; Restore…: a file dialog) in a process of its own with a
throwaway home, XDG folders and D-Bus session (tests/display/file_dialog_child.py). xdotool types
a client-named folder (".../Clients/Núñez A987654321/") into the dialog, as a person would. Then
every file under the throwaway ~/.config, ~/.local/share, ~/.local/state and ~/.cache is searched
for the client's name and A-number (UTF-8, UTF-16LE, and as a file: URL), the desktop's list of
recent files is what it was before, and the settings files the app writes are owner-only.

Before the fix (commit ed3b8b2) Qt's dialog left "lastVisited" with the client folder in
~/.config/QtProject.conf (0644) and GTK's dialog added it to recently-used.xbel.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from harness import process_events, shots_folder, xdotool, xdotool_type
from PySide6.QtGui import QGuiApplication

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("file_dialog_child.py")
CLIENT = "Núñez A987654321"
CANARIES = ("A987654321", "Núñez", "Nunez")
# An unrelated entry of the desktop's recent files, which must survive the dialogs.
RECENT_BEFORE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xbel version="1.0"\n'
    '      xmlns:bookmark="http://www.freedesktop.org/standards/desktop-bookmarks"\n'
    '      xmlns:mime="http://www.freedesktop.org/standards/shared-mime-info"\n>\n'
    '  <bookmark href="file:///srv/holiday/beach.jpg" added="2026-01-02T10:00:00Z" '
    'modified="2026-01-02T10:00:00Z" visited="2026-01-02T10:00:00Z">\n'
    "  </bookmark>\n</xbel>"
)
PER_USER = (".config", ".local/share", ".local/state", ".cache")


def gtk_missing() -> str:
    """Why GTK's dialog cannot be shown here ("" when it can)."""
    import PySide6  # noqa: PLC0415

    plugin = Path(PySide6.__file__).parent / "Qt/plugins/platformthemes/libqgtk3.so"
    if not plugin.exists():
        return f"PySide6 ships no gtk3 platform theme ({plugin})"
    found = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False).stdout
    if "not found" in found:
        return "the gtk3 platform theme's libraries are missing: " + found
    if not shutil.which("dbus-run-session"):
        return "dbus-run-session is missing"
    return ""


@pytest.fixture(scope="module")
def accented_keys() -> Iterator[None]:
    """Give ú and ñ keys of their own on the X server (xdotool's temporary remapping of a
    spare key is lost on Qt), and put the server's keymap back afterwards."""
    saved = subprocess.run(
        ["xkbcomp", "-xkb", os.environ["DISPLAY"], "-"], capture_output=True, text=True, check=True
    ).stdout
    keymap = re.sub(r"key <FK13> \{[^}]*\};", "key <FK13> { [ uacute, Uacute ] };", saved)
    keymap = re.sub(r"key <FK14> \{[^}]*\};", "key <FK14> { [ ntilde, Ntilde ] };", keymap)
    assert "uacute" in keymap, "the X keymap has no <FK13> key to give ú"
    load = ["xkbcomp", "-", os.environ["DISPLAY"]]
    subprocess.run(load, input=keymap, text=True, capture_output=True, check=True)
    try:
        yield
    finally:
        subprocess.run(load, input=saved, text=True, capture_output=True, check=False)


def throwaway_home(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    recent = home / ".local/share/recently-used.xbel"
    recent.parent.mkdir(parents=True)
    recent.write_text(RECENT_BEFORE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLINIC_", "XDG_", "DBUS_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
        PYTHONPATH=os.environ.get("CLINIC_TRACES_PYTHONPATH", str(ROOT)),
    )
    (tmp_path / "runtime").mkdir(mode=0o700)
    env.pop("QT_QPA_PLATFORMTHEME", None)
    return env


def find_window(title: str, timeout: float = 30.0) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = xdotool("search", "--onlyvisible", "--name", title, check=False).split()
        if found:
            return found[0]
        process_events(0.2)
    raise AssertionError(f"no window titled {title!r} appeared")


def grab(name: str) -> Path:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    path = shots_folder() / f"{name}.png"
    screen.grabWindow(0).save(str(path))
    return path


def canaries_in(folder: Path) -> list[str]:
    """``file: canary`` for every per-user file holding a canary in any encoding searched."""
    needles = []
    for canary in CANARIES:
        needles += [canary.encode(), canary.encode("utf-16-le"), quote(canary).encode()]
    found = []
    for part in PER_USER:
        for path in sorted((folder / part).rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path}: {n!r}" for n in needles if n in data]
    return found


@pytest.mark.parametrize("theme", ["qt", "gtk3"])
@pytest.mark.parametrize("action", ["backup", "restore"])
def test_file_dialog_leaves_no_client_folder_behind(
    tmp_path: Path, theme: str, action: str, accented_keys: None
) -> None:
    if theme == "gtk3" and (why := gtk_missing()):
        pytest.fail(f"GTK's file dialog cannot be tested here: {why}")
    folder = tmp_path / "Clients" / CLIENT
    folder.mkdir(parents=True)
    backup_file = folder / "2026-12-01.clinicbackup"
    backup_file.write_bytes(b"not a backup")
    env = throwaway_home(tmp_path)
    data = tmp_path / "data"
    if theme == "gtk3":
        env["QT_QPA_PLATFORMTHEME"] = "gtk3"
    title = "Back up to which folder?" if action == "backup" else "Restore which backup?"
    typed = str(folder) if action == "backup" else str(backup_file)
    log = tmp_path / "child.log"
    with log.open("w") as out:  # a file, not a pipe: D-Bus services it starts may outlive it
        child = subprocess.Popen(
            ["dbus-run-session", "--", sys.executable, str(CHILD), action, str(data)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        window = find_window(title)
        process_events(1.0)
        xdotool("windowactivate", "--sync", window, check=False)
        process_events(0.5)
        if action == "restore":  # into the client's folder first, then the file there
            xdotool_type(str(folder) + "/")
            process_events(0.5)
            xdotool("key", "Return")
            process_events(1.5)
            grab(f"{theme}-{action}-in-folder")
            typed = backup_file.name
        xdotool_type(typed)
        process_events(0.5)
        grab(f"{theme}-{action}-typed")
        for _ in range(3):  # a completion list may take the first Return; GTK's folder dialog
            xdotool("key", "Return")  # opens the folder on the first one
            process_events(1.5)
            if "dialog-closed" in log.read_text(encoding="utf-8", errors="replace"):
                break
        end = time.monotonic() + 60
        while child.poll() is None and time.monotonic() < end:
            process_events(0.1)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    output = log.read_text(encoding="utf-8", errors="replace")
    assert child.returncode == 0, output
    assert "dialog-closed" in output, output
    if action == "backup":  # the dialog really chose the client's folder
        assert [p.suffix for p in folder.iterdir()].count(".clinicbackup") == 2, output
    else:  # the file in the client's folder was chosen: not a real backup, so the window
        # says so before asking anything (tests/ui/test_restore_damaged.py)
        assert "closed: Nothing was changed" in output, output

    home = tmp_path / "home"
    assert canaries_in(home) == []
    recent = home / ".local/share/recently-used.xbel"
    assert recent.read_text(encoding="utf-8") == RECENT_BEFORE
    written = [
        home / ".config/QtProject.conf",
        home / ".config/Clinic/Clinic.conf",
        *(p for p in (home / ".local/state/Clinic").iterdir() if p.is_file()),
    ]
    modes = {str(p): oct(p.stat().st_mode & 0o777) for p in written if p.exists()}
    assert modes == {str(p): "0o600" for p in written if p.exists()}
    assert (home / ".config/Clinic/Clinic.conf").exists()
