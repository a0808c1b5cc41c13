"""Helpers for tests on a real X display (Xvfb + openbox, Qt's xcb platform).

What a person sees is what the X server shows, so screenshots are grabbed from the screen
(``QScreen.grabWindow(0)``), not from a widget's own ``grab()`` (which cannot see another page
painted over or under it). Typed input goes through the X server too: ``xdotool`` types into
whichever window has the focus, as a keyboard would.

Import in a display test as ``from harness import shot, wait_until, ...`` (conftest puts this
folder on the path).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "test-display"
_current = {"test": "unnamed"}


def set_current_test(nodeid: str) -> None:
    name = nodeid.split("::", 1)[-1]
    _current["test"] = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:120]


def shots_folder() -> Path:
    folder = SHOTS / _current["test"]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def process_events(seconds: float = 0.0) -> None:
    """Let Qt (and the X server round trips) run for ``seconds``, at least once."""
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + seconds
    while True:
        app.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.01)


def wait_until(
    predicate: Callable[[], object], timeout: float = 5.0, message: str = "condition"
) -> None:
    """Process events until ``predicate()`` is true; fail with ``message`` after ``timeout``."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        process_events()
        if predicate():
            return
        time.sleep(0.02)
    process_events()
    if not predicate():
        raise AssertionError(f"timed out after {timeout:.1f} s waiting for {message}")


def settle(seconds: float = 0.3) -> None:
    """Let pending paints reach the X server before a grab."""
    process_events(seconds)


def screen_image(rect: QRect | None = None) -> QImage:
    """What the X server shows now: the whole screen, or ``rect`` in screen coordinates."""
    settle(0.15)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    if rect is None:
        return screen.grabWindow(0).toImage()
    return screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height()).toImage()


def shot(name: str) -> Path:
    """Save the whole screen as build/test-display/<test>/<name>.png and return the path."""
    path = shots_folder() / f"{name}.png"
    image = screen_image()
    assert image.save(str(path)), f"could not save {path}"
    return path


def global_rect(widget: QWidget) -> QRect:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return QRect(top_left, widget.size())


def difference(a: QImage, b: QImage, tolerance: int = 24) -> float:
    """The share of pixels (0..1) whose colour differs by more than ``tolerance`` in any channel.
    Sizes must match."""
    assert a.size() == b.size(), f"sizes differ: {a.size()} vs {b.size()}"
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    width, height = a.width(), a.height()
    step = 2  # every other pixel both ways: plenty to see a page painted over another
    differing = total = 0
    for y in range(0, height, step):
        for x in range(0, width, step):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            total += 1
            if (
                abs(((pa >> 16) & 255) - ((pb >> 16) & 255)) > tolerance
                or abs(((pa >> 8) & 255) - ((pb >> 8) & 255)) > tolerance
                or abs((pa & 255) - (pb & 255)) > tolerance
            ):
                differing += 1
    return differing / max(total, 1)


def assert_only_painted(page: QWidget, pages: Sequence[QWidget], *, limit: float = 0.01) -> None:
    """``page`` is the one visible page of ``pages``, and the screen shows exactly what ``page``
    renders by itself: no other page drawn under or over it (a text cursor or focus frame may
    differ, so a small share of pixels is allowed)."""
    visible = [p for p in pages if p.isVisible()]
    assert visible == [page], (
        f"visible pages: {[p.objectName() or type(p).__name__ for p in visible]}, "
        f"expected only {page.objectName() or type(page).__name__}"
    )
    settle(0.2)
    on_screen = screen_image(global_rect(page))
    by_itself = page.grab().toImage()
    if on_screen.size() != by_itself.size():  # a high-DPI grab: compare at the screen's size
        by_itself = by_itself.scaled(on_screen.size())
    share = difference(on_screen, by_itself)
    if share > limit:
        folder = shots_folder()
        on_screen.save(str(folder / "overdraw-screen.png"))
        by_itself.save(str(folder / "overdraw-page-alone.png"))
        raise AssertionError(
            f"{share:.1%} of the page's pixels on screen differ from the page drawn alone: "
            f"something else is painted there (see {folder})"
        )


def focus_window(widget: QWidget) -> None:
    """Raise and activate ``widget``'s window, as a click on it would, and wait for focus."""
    window = widget.window()
    window.show()
    window.raise_()
    window.activateWindow()
    if shutil.which("xdotool"):
        xdotool("windowactivate", "--sync", str(int(window.winId())), check=False)
    wait_until(lambda: QApplication.activeWindow() is window, message="the window to be active")


def xdotool(*args: str, check: bool = True) -> str:
    """Run xdotool while Qt keeps processing events (so the window can answer the X server)."""
    process = subprocess.Popen(
        ["xdotool", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    end = time.monotonic() + 30
    while process.poll() is None:
        process_events()
        time.sleep(0.01)
        if time.monotonic() > end:
            process.kill()
            raise AssertionError(f"xdotool {' '.join(args)} did not finish")
    out, err = process.communicate()
    if check and process.returncode != 0:
        raise AssertionError(f"xdotool {' '.join(args)} failed: {err.strip()}")
    process_events(0.05)
    return out


def xdotool_type(text: str, delay_ms: int = 30) -> None:
    """Type ``text`` into the focused window, key by key, as a person types."""
    xdotool("type", "--delay", str(delay_ms), "--", text)


def xdotool_key(*keys: str) -> None:
    """Press keys by their X names: "Tab", "Return", "ctrl+n", "alt+Left"."""
    for key in keys:
        xdotool("key", "--clearmodifiers", key)


def xdotool_click_at(widget: QWidget, *, double: bool = False, at: QPoint | None = None) -> None:
    """Move the real pointer over ``widget`` (its centre, or ``at`` in its coordinates) and click."""
    point = widget.mapToGlobal(at if at is not None else widget.rect().center())
    xdotool("mousemove", "--sync", str(point.x()), str(point.y()))
    xdotool("click", "--repeat", "2" if double else "1", "--delay", "80", "1")


def window_names() -> list[str]:
    """The titles of the X server's visible top-level windows."""
    out = xdotool("search", "--onlyvisible", "--name", ".", check=False)
    names = []
    for window_id in out.split():
        names.append(xdotool("getwindowname", window_id, check=False).strip())
    return names
