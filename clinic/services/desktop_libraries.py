"""Before the window starts on Linux: are the system libraries Qt's xcb platform needs there?

The PySide6 wheel brings Qt itself but not these. Without one, Qt prints "could not load the Qt
platform plugin xcb" and aborts the process; Clinic checks first and prints the one command that
installs what is missing (on Debian and Ubuntu; elsewhere it names the missing files). The same
packages are installed by ``make run`` as root (tools/install-system-deps.sh).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from clinic.services.language import tr as _

# The libraries Qt's xcb platform plugin and QtGui link to directly (objdump -p … | grep NEEDED,
# less what the wheel ships and what every Linux has), with the Debian package of each.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
)


@dataclass(frozen=True)
class MissingLibraries:
    files: tuple[str, ...]  # e.g. libxcb-cursor.so.0
    packages: tuple[str, ...]  # their Debian packages
    command: str | None  # the one command that installs them; None where apt is not the tool

    def message(self) -> str:
        """What to print instead of Qt's abort, in the interface language."""
        head = _(
            "Clinic's window cannot start: these system libraries are missing: {files}.",
            files=", ".join(self.files),
        )
        if self.command is None:
            how = _(
                "Install the packages that provide them with your system's package manager, "
                "then start Clinic again."
            )
            return f"{head}\n{how}"
        how = _("Install them with this one command, then start Clinic again:")
        return f"{head}\n{how}\n\n    {self.command}\n"


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will open the window through X11 (xcb) on this run."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    wayland = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    return bool(environ.get("DISPLAY")) and not wayland


def loadable(name: str) -> bool:
    """Whether the dynamic loader finds ``name`` (in a bundle: next to the bundled Qt too)."""
    places = [name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        places.insert(0, str(Path(bundle) / name))
    for place in places:
        try:
            ctypes.CDLL(place)
        except OSError:
            continue
        return True
    return False


def is_debian_like() -> bool:
    return Path("/etc/debian_version").exists() and shutil.which("apt-get") is not None


def missing_window_libraries(
    *,
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Callable[[str], bool] | None = None,
    debian: Callable[[], bool] | None = None,
) -> MissingLibraries | None:
    """The libraries the xcb window needs and cannot load, or None when nothing is missing
    (or the window does not use xcb: offscreen, Wayland, Windows, macOS)."""
    if not uses_xcb(os.environ if environ is None else environ, platform or sys.platform):
        return None
    found = load or loadable
    absent = [(file, package) for file, package in XCB_LIBRARIES if not found(file)]
    if not absent:
        return None
    packages = tuple(package for _file, package in absent)
    command = (
        f"sudo apt-get install --no-install-recommends {' '.join(packages)}"
        if (debian or is_debian_like)()
        else None
    )
    return MissingLibraries(tuple(file for file, _package in absent), packages, command)
