"""Issue 16's acceptance, window: a flow through the main dialogs on the real display, with a
random client name (the canary), then a sweep of every file on this computer changed since the
flow began (tests/leak_sweep.py: the whole tree from /, outside /proc, /sys, /dev and read-only
mounts; ZIP members, gzip and PDF text opened; UTF-8/16, URL-encoded, any case, file names too).
The canary may be only in the files the user saved in the clear: the case summary, checklist,
handout and docket PDFs, the exported copy of an evidence file and the packet. Never in the
store, the vault, the backup, the encrypted case export, the recovery kit, the initials-only
calendar file, the funder report, Qt's or Clinic's settings (QtProject.conf, Clinic.conf), the
preferences, the state folder, a cache, the desktop's recent files or a temporary file.

The app runs in a child process (tests/display/canary_window_child.py) with a throwaway home,
XDG folders, temp folder and D-Bus session, on this X display (xcb), started through its own
entry point (run_gui) and driven by typed keys and clicks. Twice: with no platform theme (Qt's
own file dialogs, which write QtProject.conf; the whole flow below) and with Qt's gtk3 platform
theme (GTK's dialogs, typed into with xdotool; they write dconf and may write
recently-used.xbel), on a short flow with one dialog of each kind: intake, every case tab, Add
evidence… with Attach files… (open), the case summary PDF (save), Back up now… (folder), the
pages and Lock. Dialogs covered by the whole flow, in order:

- the unlock dialog (passphrase typed): at start, after Restore… and after Lock;
- New intake… (client, family with a child and an adverse party, case, conflict check, save);
- the case view, every tab shown;
- Schedule hearing…, Add deadline…, Add evidence…;
- Attach files… (Qt's file dialog, the input PDF typed) and Export a copy… (its warning,
  Qt's save dialog);
- Build packet… (the packet dialog, its folder dialog, the build);
- the case summary PDF and the checklist's Export PDF… (warning, preview, save dialog);
- Client handout… (the handout dialog, then the same three);
- File → Export case for another computer… (the passphrase dialog, save dialog) and Import case
  file… (open dialog, the passphrase question, the likely-duplicate question: added to the
  client);
- File → Print docket… (the docket dialog), Export calendar (.ics)… (the calendar dialog,
  initials), Funder report… (the year dialog), each with its warning and save dialog;
- File → Import spreadsheet… (the import wizard: its open dialog, columns, check, import);
- File → Back up now… (folder dialog, and the offer to keep that folder);
- File → Restore… of that backup over the current store (open dialog, warning, the backup's
  passphrase, the safety copy beside the data folder), then the unlock dialog again;
- File → Save recovery kit… (save dialog);
- the Today, Cases, Calendar and Settings pages; Lock.

Not covered here: the case view's edit dialogs (client, family member, stage, outcome, waive,
case dates, entries and status), the staff, closure and language settings dialogs, the
first-run dialogs and the recovery-key unlock.

Left out of the sweep: the test's own inputs (the PDF attached as evidence, the spreadsheet) and
the child's log (it echoes the paths typed into the file dialogs). A file planted after the flow
(the canary in UTF-16 under the child's ~/.cache) must come out of the same check as the one
leak found, so the check is shown to fail on a leak.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.leak_sweep import Canary, sweep

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("canary_window_child.py")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from test_file_dialog_traces import accented_keys as accented_keys  # noqa: E402, PLC0414
from test_file_dialog_traces import gtk_missing  # noqa: E402

from bench.packet_inputs import make_pdf  # noqa: E402

pytestmark = pytest.mark.requires_tool("pdftotext", "poppler-utils")


@pytest.mark.parametrize("theme", ["qt", "gtk3"])
def test_client_names_only_in_the_files_saved_from_the_window(
    tmp_path: Path, theme: str, accented_keys: None
) -> None:
    if not shutil.which("dbus-run-session"):
        pytest.fail("dbus-run-session is missing (Debian package dbus)")
    if theme == "gtk3" and (why := gtk_missing()):
        pytest.fail(f"GTK's file dialog cannot be tested here: {why}")
    short = theme == "gtk3"
    canary = Canary.new()
    home, temp, inputs, documents = (
        tmp_path / n for n in ("home", "tmp", "inputs", "home/Documents")
    )
    for folder in (home, temp, inputs, documents, documents / "Packet", documents / "Backups"):
        folder.mkdir(mode=0o700, parents=True)
    (tmp_path / "runtime").mkdir(mode=0o700)
    attach = inputs / f"Declaration of {canary.name}.pdf"
    attach.write_bytes(make_pdf(2, f"Declaration of {canary.name}"))
    sheet = inputs / f"clients of {canary.name}.csv"
    sheet.write_text(
        f"Family name,Given name,Other names,Claim type\n{canary.name}-Ortiz,Rosa,"
        f"Rosa {canary.core},affirmative\n",
        encoding="utf-8",
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CLINIC_", "XDG_", "DBUS_", "TMP", "TEMP", "QT_QPA_PLATFORMTHEME"))
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
        XDG_DOCUMENTS_DIR=str(documents),
        TMPDIR=str(temp),
        TMP=str(temp),
        TEMP=str(temp),
        LANGUAGE="en",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",  # a passphrase store
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="xcb",
    )
    if theme == "gtk3":
        env.update(QT_QPA_PLATFORMTHEME="gtk3", CANARY_FLOW="short")
    data = home / ".local/share/Clinic"
    log = tmp_path / "child.log"
    start = time.time()
    with log.open("w") as out:  # a file, not a pipe: D-Bus services may outlive the child
        child = subprocess.Popen(
            [
                "dbus-run-session",
                "--",
                sys.executable,
                str(CHILD),
                str(data),
                str(documents),
                str(attach),
                str(sheet),
                canary.name,
            ],
            env=env,
            cwd=home,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        child.wait(timeout=240)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    output = log.read_text(encoding="utf-8", errors="replace")
    assert child.returncode == 0, output
    assert "step: end" in output, output
    ran = time.time() - start

    saved = [documents / "summary.pdf"]
    kept = list((documents / "Backups").glob("*.clinicbackup"))
    assert kept, output
    if not short:
        saved += [
            documents / "checklist.pdf",
            documents / f"copy of {attach.name}",
            documents / "Packet",
            documents / "handout.pdf",
            documents / "docket.pdf",
        ]
        kept += [  # asked for, but never with a name: encrypted, initials or counts only
            documents / "recovery-kit.pdf",
            documents / "case.cliniccase",
            documents / "calendar.ics",
            documents / "funder.pdf",
        ]
    assert all(p.exists() for p in saved + kept), output
    planted = home / ".cache" / "planted-by-the-test.txt"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_bytes(f"control: {canary.name}".encode("utf-16-le"))

    roots = tuple(p for p in os.environ.get("CLINIC_SWEEP_ROOTS", "").split(":") if p)
    result = sweep(canary, since=start, skip=[inputs, log], roots=roots or ("/", "/dev/shm"))
    print(
        f"\nwindow flow ({theme}) in {ran:.0f} s; swept {result.entries_seen} entries, read "
        f"{result.files_read} changed files ({result.bytes_read / 1e6:.1f} MB) in "
        f"{result.seconds:.0f} s; hits:\n" + "\n".join(map(str, result.hits))
    )
    leaks = result.outside(saved)
    assert [hit.path for hit in leaks] == [planted], (
        "client name outside the saved files:\n" + "\n".join(map(str, leaks)) + "\n" + output
    )
    for path in saved:
        held = {path} | {p for p in result.paths() if path in p.parents}
        assert held & result.paths(), f"{path} was not found holding the name"
    ours = [f for f in result.unreadable + result.undecoded if str(tmp_path) in f]
    assert not ours, ours
