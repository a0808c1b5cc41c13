"""Issue 16's acceptance, command line: a scripted run of every `clinic` command a paralegal uses,
with a random client name (the canary) in the data, then a sweep of every file on this computer
changed since the run began (tests/leak_sweep.py: the whole tree from /, outside /proc, /sys,
/dev and read-only mounts; ZIP members, gzip and PDF text opened; UTF-8/16, URL-encoded, any
case, file names too). The canary may be only in the files the user asked to export in the clear
(the PDFs, the case list, the calendar with --full-names, the plaintext case export and the
packet); never in the store, the vault, a backup, an encrypted case export, the recovery kit, the
funder report (counts only), the initials-only calendar, a settings or state file, a cache or a
temporary file.

Each command is the real program (`python -m clinic`) in a child process with a home, XDG
folders and temp folder of its own; the store is the per-user default one (no --data-dir). Two
key sources: a passphrase on standard input, and (with CLINIC_SWEEP=full, as each command is
slower) the key in the session's real keychain, as a user's `clinic init` does
(tools/with-keyring-session.sh: gnome-keyring, whose files are swept too).

Covered: init, import (CSV --dry-run, then CSV; .xlsx), cases (--json, --csv, --xlsx), search
(--json), deadlines (--json), deadline, rules, checklists, evidence add (a PDF and a photo whose
file names carry the client's name) and list, packet, checklist, summary (English and --lang es),
docket, handout (hearing-reminder, document-request, appointment-slip), export-ics (initials,
--full-names), report funder (PDF, CSV), export-case (encrypted --with-files, --plaintext --all),
import-case (into a second store), backup (--to, --to-folder, --verify), restore (into a new
folder), recovery-kit, doctor, doctor --repair, verify-audit, computer-user, unlock
--recovery-key (--new-passphrase, or --keychain), self-test. Not covered: server/connect (office mode needs a
PostgreSQL server: tests/office), accept-copy (needs an older copy: tests/cli/test_replay.py),
demo (synthetic data only).

The normal suite runs a short version with a passphrase (13 commands; 70 to 110 s on a shared
two-core machine, a fifth of it the sweep: the commands marked ``full`` below left out, the store
made with a cheap passphrase cost); CLINIC_SWEEP=full runs every command listed, beginning with
`clinic init`, with each key source (about 6 minutes each). A file planted after the run (the canary
in UTF-16 under the child's ~/.cache) must come out of the same check as the one leak found, so
the check is shown to fail on a leak; tests/cli/test_leak_sweep.py shows each encoding and
container the sweep opens. CLINIC_SWEEP_ROOTS (colon-separated) sweeps less than / while
developing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import missing
from tests.leak_sweep import Canary, sweep

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a top-level folder beside clinic/, not installed
    sys.path.insert(0, str(ROOT))

from bench.packet_inputs import make_pdf, photo  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.requires_tool("pdftotext", "poppler-utils")]

PASSPHRASE = "copper meadow lantern river"
NEW_PASSPHRASE = "another long passphrase here"
BUNDLE_PASSPHRASE = "bundle passphrase for the move"


@dataclass
class Box:
    root: Path
    home: Path
    temp: Path
    inputs: Path  # the test's own input files: left out of the sweep
    out: Path  # where the user asks for exports (like ~/Documents)
    env: dict[str, str]


def keychain_here() -> bool:
    """A real Secret Service for this run (tools/with-keyring-session.sh starts one)."""
    return bool(
        os.environ.get("CLINIC_REAL_KEYCHAIN") and os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    )


def make_box(tmp_path: Path, *, keychain: bool) -> Box:
    home, temp, inputs, out = (tmp_path / n for n in ("home", "tmp", "inputs", "Documents"))
    for folder in (home, temp, inputs, out, tmp_path / "runtime"):
        folder.mkdir(mode=0o700)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CLINIC_", "XDG_", "DBUS_", "TMP", "TEMP"))
    }
    if keychain:  # the session's keyring daemon, reached over its D-Bus session
        env["DBUS_SESSION_BUS_ADDRESS"] = os.environ["DBUS_SESSION_BUS_ADDRESS"]
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
        TMPDIR=str(temp),
        TMP=str(temp),
        TEMP=str(temp),
        LANGUAGE="en",
        PYTHONPATH=str(ROOT),
    )
    if not keychain:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # passphrase mode
    return Box(tmp_path, home, temp, inputs, out, env)


class Run:
    """The `clinic` command as the user types it, every call recorded for the report."""

    def __init__(self, box: Box, *, keychain: bool) -> None:
        self.box = box
        self.passphrase: str | None = None if keychain else PASSPHRASE
        self.log: list[str] = []

    def __call__(
        self,
        *args: str,
        lines: tuple[str, ...] | None = None,
        ok: bool = True,
        stdin_flag: bool = True,
    ) -> subprocess.CompletedProcess[str]:
        given = self.secrets() if lines is None else lines
        flag = ["--passphrase-stdin"] if stdin_flag else []
        argv = [sys.executable, "-m", "clinic", *flag, *args]
        result = subprocess.run(
            argv,
            input="".join(line + "\n" for line in given),
            capture_output=True,
            text=True,
            env=self.box.env,
            cwd=self.box.home,
            timeout=300,
            check=False,
        )
        self.log.append(f"{' '.join(args)} -> {result.returncode}")
        if ok:
            assert result.returncode == 0, (
                f"clinic {' '.join(args)}:\n{result.stdout}{result.stderr}"
            )
        return result

    def secrets(self, *more: str) -> tuple[str, ...]:
        """Standard input for a command: the store's passphrase (none with the keychain), then
        ``more`` (an export file's passphrase)."""
        return (*((self.passphrase,) if self.passphrase else ()), *more)


def write_inputs(box: Box, canary: Canary) -> dict[str, Path]:
    name = canary.name
    csv = box.inputs / f"clients-{canary.core}.csv"
    csv.write_text(
        "Family name,Given name,Other names,A-number,Date of birth,Country,Language,Phone,"
        "Arrival date,Notes,Relationship,Household,Claim type,Court,Hearing date,Hearing time\n"
        f'{name},Ana María,"Alias {canary.core}",A-212-345-678,1990-03-25,Honduras,Spanish,'
        f'+1 555 201 3344,2024-01-15,"Fled after threats from the {name} cousins",,H1,'
        "defensive,San Antonio,2027-03-03,8:30 AM\n"
        f"{name},Luis,,,2015-06-01,,,,,,child,H1,,,,\n"
        "Gómez Peña,Lucía,,A012345679,1985-12-31,GT,,,2023-07-14,,,,affirmative,"
        "Houston Asylum Office,,\n",
        encoding="utf-8",
    )
    from openpyxl import Workbook  # noqa: PLC0415 (only this test writes a workbook)

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Family name", "Given name", "Other names", "Claim type", "Court"])
    sheet.append([f"{name}-Ortiz", "Rosa", f"Rosa {canary.core}", "affirmative", "Houston"])
    xlsx = box.inputs / f"more-{canary.core}.xlsx"
    book.save(xlsx)
    declaration = box.inputs / f"Declaration of {name}.pdf"
    declaration.write_bytes(make_pdf(3, f"Declaration of {name}"))
    picture = box.inputs / f"{canary.core}-scar.jpg"
    picture.write_bytes(photo())
    return {"csv": csv, "xlsx": xlsx, "declaration": declaration, "photo": picture}


FULL = os.environ.get("CLINIC_SWEEP", "") == "full"

# Settings → Staff has no command: the same services, in the child's environment. The short run
# also makes the store here, with a cheap passphrase cost (the cost is stored in key.json, so
# every later command pays it), which saves a second or more per command on a loaded machine.
STORE_STEP = """
import sys
from clinic.domain.drafts import StaffDraft
from clinic.domain.enums import StaffRole
from clinic.services import lifecycle, staff
from clinic.storage import keys
create, name = sys.argv[1] == "create", sys.argv[2]
passphrase = sys.stdin.readline().strip() or None  # none: the key is in the keychain
data_dir = lifecycle.resolve_data_dir(None)
if create:
    keys.SCRYPT_N = 2**12
    store = lifecycle.init_store(data_dir=data_dir, passphrase=passphrase, actor="test")
else:
    store = lifecycle.unlock_store(data_dir=data_dir, passphrase=passphrase, actor="test")
staff.add_staff(store=store, staff=StaffDraft(name, StaffRole.PARALEGAL)).unwrap()
store.lock()
"""


def store_with_staff(box: Box, name: str, *, create: bool, passphrase: str | None) -> None:
    subprocess.run(
        [sys.executable, "-c", STORE_STEP, "create" if create else "add", name],
        input=(passphrase or "") + "\n",
        env=box.env,
        cwd=box.home,
        text=True,
        check=True,
        timeout=120,
    )


def the_run(
    box: Box, canary: Canary, inputs: dict[str, Path], *, full: bool, keychain: bool
) -> tuple[Run, dict[str, Path], dict[str, Path]]:
    """The commands, as a paralegal's week might go (the short run: the ones marked ``full``
    left out). Returns the files asked for that hold names, and those that must not."""
    run = Run(box, keychain=keychain)
    out = box.out
    exports = {
        "cases.xlsx": out / "cases.xlsx",
        "summary": out / "summary.pdf",
        "reminder": out / "reminder.pdf",
        "calendar-full": out / "calendar-full-names.ics",
        "packet": out / "packet",
    }
    # Asked for, but meant to hold no name: encrypted, initials or counts only.
    kept = {
        "bundle": out / "case.cliniccase",
        "backup": out / "clinic.clinicbackup",
        "kit": out / "recovery-kit.pdf",
    }
    if keychain:  # a user's default: the key in the keychain, no passphrase asked
        assert "keychain" in run("init", lines=(), stdin_flag=False).stdout
        store_with_staff(box, "Pat Paralegal", create=False, passphrase=None)
    elif full:
        run("init", lines=(PASSPHRASE,))
        store_with_staff(box, "Pat Paralegal", create=False, passphrase=PASSPHRASE)
    else:
        store_with_staff(box, "Pat Paralegal", create=True, passphrase=PASSPHRASE)
    if full:
        exports |= {
            "cases.csv": out / "cases.csv",
            "checklist": out / "checklist.pdf",
            "summary-es": out / "resumen.pdf",
            "docket": out / "docket.pdf",
            "documents": out / "documents.pdf",
            "slip": out / "slip.pdf",
            "case-plain": out / "all-cases.json",
        }
        kept |= {
            "calendar": out / "calendar.ics",
            "funder.pdf": out / "funder.pdf",
            "funder.csv": out / "funder.csv",
            "backups": out / "Backups",
        }
        run("computer-user")
    if full:
        run("computer-user", "Pat Paralegal")
        run("import", "--dry-run", str(inputs["csv"]))
    run("import", str(inputs["csv"]))
    found = json.loads(run("search", "--json", canary.core.lower()).stdout)
    case = str(found["cases"][0]["id"])
    if full:
        run("import", str(inputs["xlsx"]))
        listed = json.loads(run("cases", "--json").stdout)
        assert case in [str(c["id"]) for c in listed if canary.in_text(c["client_name"])]
        assert canary.in_text(run("cases").stdout)
        run("search", canary.name)
        run("deadlines", case)
        run("deadlines", "--json", case)
        run("deadline", "one-year-filing", "--from", "2026-01-15")
        client = str(found["cases"][0]["client_id"])  # the I-589 details (issue 23)
        run("applicant", client, "--birth-city", canary.name, "--religion",
            f"Faith of {canary.core}", "--ssn", "123-45-6789")  # fmt: skip
        assert canary.in_text(run("applicant", client).stdout)
        run("rules")
        run("checklists")
    run("evidence", "add", case, str(inputs["declaration"]), "--title",
        f"Declaration of {canary.name}", "--category", "declaration", "--language", "es")  # fmt: skip
    if full:
        run("evidence", "add", case, str(inputs["photo"]), "--title", f"Scar of {canary.core}",
            "--category", "medical")  # fmt: skip
        assert canary.in_text(run("evidence", "list", case).stdout)
        run("cases", "--csv", str(exports["cases.csv"]))
    run("cases", "--xlsx", str(exports["cases.xlsx"]))
    run("packet", case, "--out", str(exports["packet"]), "--title", f"Exhibits of {canary.name}")
    run("summary", case, "--out", str(exports["summary"]), "--prepared-by", "Pat Paralegal")
    run("handout", "hearing-reminder", case, "--out", str(exports["reminder"]))
    run("export-ics", "--full-names", "--out", str(exports["calendar-full"]))
    if full:
        run("checklist", case, "--out", str(exports["checklist"]))
        run("--lang", "es", "summary", case, "--out", str(exports["summary-es"]))
        run("docket", "--from", "2027-03-01", "--to", "2027-03-31", "--out",
            str(exports["docket"]))  # fmt: skip
        run("handout", "document-request", case, "--lang", "es", "--out",
            str(exports["documents"]))  # fmt: skip
        run("handout", "appointment-slip", case, "--at", "2027-01-20 10:00", "--with",
            "Pat Paralegal", "--where", "Clinic office", "--out", str(exports["slip"]))  # fmt: skip
        run("export-ics", "--out", str(kept["calendar"]))
        run("report", "funder", "--year", "2026", "--out", str(kept["funder.pdf"]))
        run("report", "funder", "--year", "2026", "--out", str(kept["funder.csv"]))
        run("export-case", "--all", "--plaintext", "--out", str(exports["case-plain"]))
    run("export-case", case, "--with-files", "--out", str(kept["bundle"]),
        lines=run.secrets(BUNDLE_PASSPHRASE))  # fmt: skip
    if full:
        other = box.root / "other-store"
        run("--data-dir", str(other), "init", lines=(PASSPHRASE,))
        run("--data-dir", str(other), "import-case", str(kept["bundle"]),
            lines=(PASSPHRASE, BUNDLE_PASSPHRASE))  # fmt: skip
        assert canary.in_text(run("--data-dir", str(other), "cases", lines=(PASSPHRASE,)).stdout)
    run("backup", "--to", str(kept["backup"]))
    if full:
        kept["backups"].mkdir()
        run("backup", "--to-folder", str(kept["backups"]))
        run("backup", "--verify", str(kept["backup"]))
    restored = box.root / "restored"
    run("restore", str(kept["backup"]), "--data-dir", str(restored))
    run("recovery-kit", "--out", str(kept["kit"]))
    run("doctor")
    if full:
        run("--data-dir", str(restored), "cases", ok=False)  # an older copy beside the live one
        run("verify-audit")
        run("doctor", "--repair")
        text = subprocess.run(
            ["pdftotext", str(kept["kit"]), "-"], capture_output=True, text=True, check=True
        ).stdout
        key = " ".join(text.split("Recovery key", 1)[1].split()[:8])
        if keychain:
            run("unlock", "--recovery-key", "--keychain", lines=(key,))
        else:
            run("unlock", "--recovery-key", "--new-passphrase", lines=(key, NEW_PASSPHRASE))
            run.passphrase = NEW_PASSPHRASE
        assert canary.in_text(run("cases").stdout)
        run("self-test", lines=())
    return run, exports, kept


def roots() -> tuple[str, ...]:
    chosen = os.environ.get("CLINIC_SWEEP_ROOTS", "")
    return tuple(p for p in chosen.split(":") if p) or ("/", "/dev/shm")


@pytest.mark.parametrize("key_source", ["passphrase", "keychain"])
def test_client_names_only_in_the_files_the_user_exported(tmp_path: Path, key_source: str) -> None:
    canary = Canary.new()
    keychain = key_source == "keychain"
    if keychain and not FULL:
        pytest.skip("the keychain run is part of CLINIC_SWEEP=full (each command is slower)")
    if keychain and not keychain_here():
        missing("no real keychain: run under tools/with-keyring-session.sh")
    box = make_box(tmp_path, keychain=keychain)
    inputs = write_inputs(box, canary)
    start = time.time()
    run, exports, kept = the_run(box, canary, inputs, full=FULL, keychain=keychain)
    ran = time.time() - start
    planted = box.home / ".cache" / "planted-by-the-test.txt"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_bytes(f"control: {canary.name}".encode("utf-16-le"))

    result = sweep(canary, since=start, skip=[box.inputs], roots=roots())
    print(
        f"\n{len(run.log)} commands ({'keychain' if keychain else 'passphrase'}) in {ran:.0f} s; swept {result.entries_seen} entries, read "
        f"{result.files_read} changed files ({result.bytes_read / 1e6:.1f} MB) in "
        f"{result.seconds:.0f} s; hits:\n" + "\n".join(map(str, result.hits))
    )
    report = "\n".join(map(str, result.hits)) + f"\n(commands: {'; '.join(run.log)})"
    # Outside the exports: the planted file, caught like a leak would be, and nothing else.
    leaks = result.outside(exports.values())
    assert [hit.path for hit in leaks] == [planted], "client name outside the exports:\n" + (
        "\n".join(map(str, leaks)) + f"\n(commands: {'; '.join(run.log)})"
    )
    # The sweep found the name in each export that holds it, in its container (ZIP, PDF text).
    for key, path in exports.items():
        held = {path} | {p for p in result.paths() if path in p.parents}
        assert held & result.paths(), f"{key} was not found holding the name:\n{report}"
    assert all(path.exists() for path in kept.values()), kept
    ours = [f for f in result.unreadable + result.undecoded if str(box.root) in f]
    assert not ours, ours
