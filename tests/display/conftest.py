"""Fixtures for the real-display suite (`make test-display`).

These tests run only on an X display with Qt's xcb platform (tools/with-display.sh starts Xvfb
and the openbox window manager). In the headless run (`make pytest`, offscreen Qt) the folder is
skipped whole: its proof is what the X server shows.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

ON_DISPLAY = os.environ.get("QT_QPA_PLATFORM") == "xcb" and bool(os.environ.get("DISPLAY"))
if not ON_DISPLAY:
    collect_ignore_glob = ["test_*.py"]

PASSPHRASE = "river lantern copper meadow"
TODAY = date(2026, 12, 7)


@pytest.fixture(autouse=True)
def _name_the_screenshots(request: pytest.FixtureRequest) -> None:
    import harness  # noqa: PLC0415 - put on the path above

    harness.set_current_test(request.node.nodeid)


@pytest.fixture(autouse=True)
def _on_xcb(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    from clinic.ui.application import use_readable_locale  # noqa: PLC0415

    assert QGuiApplication.platformName() == "xcb", (
        f"the display suite runs on xcb, not {QGuiApplication.platformName()}"
    )
    # as run_gui does: the Xvfb session's "C" locale would show dates as "9 11 2026", which
    # no person sees (the screenshots showed it until 2026-12-07)
    use_readable_locale()


@pytest.fixture
def data_dir(tmp_path: Path):  # type: ignore[no-untyped-def]
    from clinic.services import lifecycle  # noqa: PLC0415

    return lifecycle.resolve_data_dir(tmp_path / "data")


@pytest.fixture
def store(data_dir, no_keyring):  # type: ignore[no-untyped-def]
    """A passphrase store with a reproducible synthetic data set."""
    from clinic.services import lifecycle  # noqa: PLC0415
    from clinic.services.demo import fill_demo_data  # noqa: PLC0415

    opened = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="display-test")
    fill_demo_data(store=opened, clients=12, seed=7, today=TODAY)
    yield opened
    if not opened.locked:
        opened.lock()


@pytest.fixture
def session(store):  # type: ignore[no-untyped-def]
    from clinic.ui.session import UiSession  # noqa: PLC0415

    return UiSession(store, today=lambda: TODAY)


@pytest.fixture
def window(session, qtbot) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window, shown and active on the real display."""
    import harness  # noqa: PLC0415

    from clinic.ui.main_window import MainWindow  # noqa: PLC0415

    main = MainWindow(session)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.move(20, 20)
    main.show()
    harness.focus_window(main)
    harness.wait_until(main.today_page.isVisible, message="Today to be shown")
    yield main
    main.hide()
