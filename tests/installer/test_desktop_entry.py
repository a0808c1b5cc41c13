"""The installer files: the desktop entry, the icons, the PyInstaller spec and install.sh."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
ICONS = ROOT / "resources" / "icons"
DESKTOP = INSTALLER / "linux" / "clinic.desktop"
INSTALL_SH = INSTALLER / "linux" / "install.sh"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_app_its_icon_and_command() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Clinic"
    assert entry["Exec"] == "Clinic"  # install.sh puts the installed path here
    assert entry["Icon"] == "clinic"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


@pytest.mark.requires_tool("desktop-file-validate", "desktop-file-utils")
def test_desktop_entry_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_icon_is_ours_in_svg_png_sizes_and_ico() -> None:
    svg = (ICONS / "clinic.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "<title>Clinic</title>" in svg
    for size in PNG_SIZES:
        path = ICONS / f"clinic-{size}.png"
        assert png_size(path) == (size, size)
        assert path.stat().st_size < 64_000
    ico = (ICONS / "clinic.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"


def test_the_spec_bundles_resources_migrations_and_leaves_unused_qt_out() -> None:
    spec = (INSTALLER / "clinic.spec").read_text(encoding="utf-8")
    assert 'RESOURCES.rglob("*")' in spec  # every shipped data file, whatever its folder
    for folder in ("rules", "fonts", "icons", "translations"):
        assert (ROOT / "resources" / folder).is_dir()
    assert '"clinic" / "storage" / "migrations"' in spec
    assert '"clinic/storage/migrations"' in spec  # where clinic.storage.migrate looks, frozen
    for hidden in ('"alembic.op"', '"sqlalchemy.dialects.sqlite"', "keyring.backends"):
        assert hidden in spec
    for unused in ("QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtQml", "QtQuick"):
        assert f'"{unused}"' in spec
    assert 'installer" / "clinic_main.py' in spec
    assert 'name="Clinic"' in spec


def test_the_bundle_entry_maps_the_self_test_flag() -> None:
    namespace: dict[str, object] = {}
    source = (INSTALLER / "clinic_main.py").read_text(encoding="utf-8")
    exec(compile(source, "clinic_main.py", "exec"), namespace)  # __name__ is not __main__
    bundle_argv = namespace["bundle_argv"]
    assert bundle_argv(["--self-test"]) == ["self-test"]  # type: ignore[operator]
    assert bundle_argv(["--data-dir", "x", "doctor"]) == ["--data-dir", "x", "doctor"]  # type: ignore[operator]


def fake_tarball(tmp_path: Path) -> Path:
    """An unpacked release as install.sh expects it, with a stand-in program."""
    release = tmp_path / "release"
    bundle = release / "Clinic"
    shutil.copytree(ICONS, bundle / "_internal" / "resources" / "icons")
    program = bundle / "Clinic"
    program.write_text('#!/bin/sh\necho "Self-test passed ($*)"\n', encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    shutil.copy(INSTALL_SH, release / "install.sh")
    shutil.copy(DESKTOP, release / "clinic.desktop")
    return release


def run_install(release: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8"}
    return subprocess.run(
        ["bash", str(release / "install.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def test_install_update_and_uninstall_never_touch_the_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / ".local" / "share" / "Clinic"
    data.mkdir(parents=True)
    (data / "clinic.db").write_bytes(b"encrypted")
    release = fake_tarball(tmp_path)

    for _ in range(2):  # install, then update over it
        result = run_install(release, home)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Self-test passed (--self-test)" in result.stdout
    program = home / ".local" / "opt" / "clinic" / "Clinic"
    assert program.is_file()
    assert not list(program.parent.parent.glob("clinic.*"))  # no staging or old copy left
    launcher = home / ".local" / "share" / "applications" / "clinic.desktop"
    assert f'Exec="{program}"' in launcher.read_text(encoding="utf-8")
    icons = home / ".local" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "clinic.svg").is_file()
    assert (icons / "48x48" / "apps" / "clinic.png").is_file()
    assert (home / ".local" / "bin" / "clinic").resolve() == program

    result = run_install(release, home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not program.exists() and not launcher.exists()
    assert not (home / ".local" / "bin" / "clinic").exists()
    assert (data / "clinic.db").read_bytes() == b"encrypted"
    assert "data folder was kept" in result.stdout


def test_install_refuses_to_put_the_program_in_the_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    release = fake_tarball(tmp_path)
    env_prefix = home / ".local" / "share" / "Clinic"
    result = subprocess.run(
        ["bash", str(release / "install.sh")],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "HOME": str(home), "CLINIC_PREFIX": str(env_prefix)},
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert "is the data folder" in result.stderr
    assert not env_prefix.exists()
