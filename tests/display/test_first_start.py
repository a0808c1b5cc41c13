"""A person's first start, typed as a person types: the real `clinic` program on the X display,
from an empty data folder to the main window (passphrase mode), then lock, unlock, quit and
start again. The program runs in its own process; this test only watches the screen and types."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import shot, xdotool, xdotool_key, xdotool_type

PASSPHRASE = "river lantern copper meadow"


def visible_window(name: str, timeout: float = 20.0) -> str:
    """The id of a visible top-level window whose title is exactly ``name``."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        out = xdotool("search", "--onlyvisible", "--name", f"^{name}$", check=False)
        if out.split():
            return out.split()[0]
        time.sleep(0.2)
    raise AssertionError(f"no window titled {name!r} appeared within {timeout:.0f} s")


def gone(name: str, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if not xdotool("search", "--onlyvisible", "--name", f"^{name}$", check=False).split():
            return
        time.sleep(0.2)
    raise AssertionError(f"the window {name!r} is still there")


def type_into(window_id: str, text: str) -> None:
    xdotool("windowactivate", "--sync", window_id, check=False)
    xdotool_type(text)


class App:
    def __init__(self, data_dir: Path, log: Path) -> None:
        env = dict(os.environ)
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # no keychain: passphrase
        env["LANGUAGE"] = "en"
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "clinic", "--data-dir", str(data_dir)],
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[object]:
    started: list[App] = []

    def start() -> App:
        app = App(tmp_path / "data", tmp_path / f"app-{len(started)}.log")
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()


def test_first_start_to_the_main_window_then_lock_quit_and_start_again(launch) -> None:  # type: ignore[no-untyped-def]
    app = launch()
    welcome = visible_window("Welcome to Clinic")
    shot("01-welcome")
    type_into(welcome, "short")
    xdotool_key("Tab")
    xdotool_type("short")
    xdotool_key("Return")
    time.sleep(0.5)
    shot("02-too-short")
    assert app.alive(), app.output()
    visible_window("Welcome to Clinic")  # refused, still asking
    # Start again in both fields, as a person would after reading the message.
    xdotool_key("shift+Tab", "ctrl+a")
    xdotool_type(PASSPHRASE)
    xdotool_key("Tab", "ctrl+a")
    xdotool_type(PASSPHRASE)
    xdotool_key("Return")
    offer = visible_window("Print the recovery kit", timeout=30)
    shot("03-recovery-kit-offer")
    assert app.alive(), app.output()
    xdotool("windowactivate", "--sync", offer, check=False)
    xdotool_key("Escape")  # "Later"
    visible_window("Clinic", timeout=30)
    time.sleep(1.0)
    shot("04-main-window")
    assert app.alive(), app.output()
    assert "Traceback" not in app.output(), app.output()
    assert (Path(app.log).parent / "data" / "clinic.db").is_file()

    # Lock by hand: the main window goes, the unlock prompt comes.
    xdotool("windowactivate", "--sync", visible_window("Clinic"), check=False)
    xdotool_key("ctrl+l")
    unlock = visible_window("Unlock Clinic")
    gone("Clinic")
    shot("05-locked")
    type_into(unlock, "not the passphrase")
    xdotool_key("Return")
    time.sleep(1.5)
    visible_window("Unlock Clinic")  # a wrong passphrase keeps asking
    shot("06-wrong-passphrase")
    xdotool_key("ctrl+a")
    xdotool_type(PASSPHRASE)
    xdotool_key("Return")
    main = visible_window("Clinic", timeout=30)
    shot("07-unlocked")

    # Quit, then start again: the unlock prompt, not the welcome.
    xdotool("windowactivate", "--sync", main, check=False)
    xdotool_key("ctrl+q")
    app.process.wait(20)
    assert app.process.returncode == 0, app.output()
    again = launch()
    unlock = visible_window("Unlock Clinic")
    assert not xdotool("search", "--onlyvisible", "--name", "^Welcome to Clinic$", check=False)
    type_into(unlock, PASSPHRASE)
    xdotool_key("Return")
    visible_window("Clinic", timeout=30)
    time.sleep(1.0)
    shot("08-after-restart")
    assert again.alive(), again.output()
    assert "Traceback" not in again.output(), again.output()
