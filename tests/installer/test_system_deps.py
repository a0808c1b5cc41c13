"""tools/install-system-deps.sh as a user without root, with a fake dpkg-query on PATH: `make run`
stops with the one command that installs the window's packages; the tests' list goes on."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "install-system-deps.sh"


def fake_tools(folder: Path, missing: set[str]) -> dict[str, str]:
    """A dpkg-query that reports ``missing`` as not installed (and everything else installed),
    and an SQLCipher 4 client; the environment that puts them first on PATH, as uid 1000."""
    folder.mkdir(exist_ok=True)
    dpkg = folder / "dpkg-query"
    cases = "\n".join(f"  {name}) echo 'unknown ok not-installed'; exit 1 ;;" for name in missing)
    dpkg.write_text(
        '#!/bin/sh\nfor last; do :; done\ncase "$last" in\n'
        f"{cases}\n"
        "  *) echo 'install ok installed' ;;\nesac\n"
    )
    sqlcipher = folder / "sqlcipher"
    sqlcipher.write_text("#!/bin/sh\necho '3.46.1 2024-08-13 (SQLCipher 4.6.1 community)'\n")
    for tool in (dpkg, sqlcipher):
        tool.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}", "CLINIC_DEPS_UID": "1000"}


def run(mode: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), mode],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_run_without_root_prints_the_one_command_and_stops(tmp_path: Path) -> None:
    env = fake_tools(tmp_path / "bin", {"libxcb-cursor0", "libxkbcommon-x11-0"})
    done = run("run", env)
    assert done.returncode == 1
    assert (
        "    sudo apt-get install --no-install-recommends libxkbcommon-x11-0 libxcb-cursor0\n"
        in done.stderr
    )
    assert "Clinic's window needs desktop libraries" in done.stderr


def test_run_with_everything_installed_says_nothing(tmp_path: Path) -> None:
    done = run("run", fake_tools(tmp_path / "bin", set()))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_run_asks_only_for_what_the_window_needs(tmp_path: Path) -> None:
    """A missing test tool (Xvfb) does not stop `make run`."""
    done = run("run", fake_tools(tmp_path / "bin", {"xvfb", "gnome-keyring", "qpdf"}))
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    "package",
    [
        "xvfb",
        "openbox",
        "xdotool",
        "x11-utils",
        "gnome-keyring",
        "poppler-utils",
        "qpdf",
        "desktop-file-utils",
    ],
)
def test_the_tests_list_holds_what_the_real_display_tests_need(
    tmp_path: Path, package: str
) -> None:
    done = run("test", fake_tools(tmp_path / "bin", {package, "libxcb-cursor0"}))
    assert done.returncode == 0  # without root the tests go on; those needing it are skipped
    command = f"sudo apt-get install --no-install-recommends libxcb-cursor0 {package}"
    assert f"run '{command}'" in done.stdout
    assert "imagemagick" not in SCRIPT.read_text()


def test_an_unknown_mode_is_refused(tmp_path: Path) -> None:
    done = run("everything", fake_tools(tmp_path / "bin", set()))
    assert done.returncode == 2
    assert "usage" in done.stderr
