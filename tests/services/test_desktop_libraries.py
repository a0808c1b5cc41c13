"""The window's system libraries are checked before Qt loads: a missing one is named with the
one command that installs it, instead of Qt's "could not load the Qt platform plugin" abort."""

from __future__ import annotations

import pytest

from clinic import app
from clinic.services import desktop_libraries
from clinic.services.desktop_libraries import missing_window_libraries, uses_xcb

X11 = {"DISPLAY": ":0"}


def without(*absent: str):  # type: ignore[no-untyped-def]
    return lambda name: name not in absent


def test_a_missing_xcb_library_gives_the_apt_command() -> None:
    missing = missing_window_libraries(
        environ=X11, platform="linux", load=without("libxcb-cursor.so.0"), debian=lambda: True
    )
    assert missing is not None
    assert missing.files == ("libxcb-cursor.so.0",)
    assert missing.command == "sudo apt-get install --no-install-recommends libxcb-cursor0"
    assert (
        "\n    sudo apt-get install --no-install-recommends libxcb-cursor0\n" in missing.message()
    )


def test_several_missing_libraries_in_one_command() -> None:
    missing = missing_window_libraries(
        environ=X11,
        platform="linux",
        load=without("libxkbcommon-x11.so.0", "libEGL.so.1"),
        debian=lambda: True,
    )
    assert missing is not None
    assert missing.command == (
        "sudo apt-get install --no-install-recommends libxkbcommon-x11-0 libegl1"
    )


def test_elsewhere_the_missing_files_are_named() -> None:
    missing = missing_window_libraries(
        environ=X11, platform="linux", load=without("libxcb-cursor.so.0"), debian=lambda: False
    )
    assert missing is not None and missing.command is None
    assert "libxcb-cursor.so.0" in missing.message()
    assert "package manager" in missing.message()


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": ""}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        (
            {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
            "linux",
            False,
        ),
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "win32", False),
        ({"DISPLAY": ":0"}, "darwin", False),
    ],
)
def test_only_the_xcb_window_is_checked(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert uses_xcb(environ, platform) is expected


def test_offscreen_needs_nothing() -> None:
    assert (
        missing_window_libraries(
            environ={"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"},
            platform="linux",
            load=lambda _name: False,
        )
        is None
    )


def test_the_libraries_here_load() -> None:
    """This machine runs the real-display tests: the check finds every library by itself."""
    assert missing_window_libraries(environ=X11, platform="linux") is None


def test_clinic_stops_before_qt_with_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(desktop_libraries.sys, "platform", "linux")
    monkeypatch.setattr(desktop_libraries, "loadable", without("libxcb-cursor.so.0"))
    monkeypatch.setattr(desktop_libraries, "is_debian_like", lambda: True)
    assert app.main(["--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "libxcb-cursor.so.0" in err
    assert "sudo apt-get install --no-install-recommends libxcb-cursor0" in err
