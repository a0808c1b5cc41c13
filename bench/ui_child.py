"""Child processes for the benchmarks that need a process of their own (start-up, peak memory).

    python -m bench.ui_child bare                 # a bare PySide6 QMainWindow, until first paint
    python -m bench.ui_child app DATA_DIR         # the real app (clinic.app.main), until first paint
    python -m bench.ui_child cases DATA_DIR       # main window on Cases, scrolled to the last case
    python -m bench.ui_child prompt DATA_DIR      # the unlock window, passphrase typed, main window

The passphrase of the benchmark's synthetic store is read from stdin. Each mode prints one JSON
line: ``painted`` is ``time.monotonic()`` at the end of the first paint of the main window (the
clock is system-wide, so the parent subtracts its own reading taken just before starting the
process) and ``peak_rss_mb`` is this process's peak resident memory (``VmHWM``). In ``app``
mode the Today page is read just after that first paint: ``today_filled`` is the clock when its
list (or its "nothing due" state) is shown, ``today_lines`` the hearings/deadlines listed; the
process ends then, so its CPU time covers both.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _module(name: str) -> Any:
    """The app's Qt modules, imported by name: they are the subject here, not typed bench code
    (mypy checks bench/ but not clinic/ui)."""
    return importlib.import_module(name)


def _peak_rss_mb() -> float:
    """This process's peak resident memory: ``VmHWM``, the high-water mark of its own address
    space. (``ru_maxrss`` would not do: Linux carries it across exec, so a child started by a
    parent holding a 100,000-client store would report the parent's size.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: KiB or bytes


def _first_paint_hook(window_type: type[Any], on_painted: Any) -> Any:
    """An application-wide event filter: at the first paint event of a ``window_type`` window
    (or of a widget inside one), wait for that paint pass to finish, then call ``on_painted``."""
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415

    class Hook(QObject):
        fired = False
        window: Any = None  # the painted window

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.fired
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), window_type)
            ):
                self.fired = True
                self.window = watched.window()
                QTimer.singleShot(0, on_painted)  # runs once this paint pass is over
            return False

    return Hook()


def bare() -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: PLC0415

    app = QApplication(sys.argv[:1])
    result: dict[str, Any] = {}

    def painted() -> None:
        result["painted"] = time.monotonic()
        app.quit()

    hook = _first_paint_hook(QMainWindow, painted)
    app.installEventFilter(hook)
    window = QMainWindow()
    window.setWindowTitle("Bare")
    window.setCentralWidget(QLabel("Bare window"))
    window.resize(1000, 700)
    window.show()
    app.exec()
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def app(data_dir: Path, passphrase: str) -> dict[str, Any]:
    """The app's own start-up (``clinic.app.main``: hardening, argument parsing, translations,
    unlock, settings, main window, first page) with the passphrase typed in for it."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from clinic.services import lifecycle  # noqa: PLC0415

    clinic_app = _module("clinic.app")
    application = _module("clinic.ui.application")
    main_window = _module("clinic.ui.main_window")

    def unlock(gate: Any) -> Any:  # instead of typing into the dialog
        return lifecycle.unlock_store(data_dir=gate.data_dir, passphrase=passphrase, actor="bench")

    application.StoreGate.obtain = unlock
    qt_app = QApplication(sys.argv[:1])  # run_gui uses the running instance
    result: dict[str, Any] = {}

    def painted() -> None:
        result["painted"] = time.monotonic()
        page = hook.window.today_page
        result["today_loading_at_paint"] = page.is_loading()
        if page.is_loading():
            page.loaded.connect(lambda: filled(page))
        else:
            filled(page)

    def filled(page: Any) -> None:
        result["today_filled"] = time.monotonic()
        result["today_lines"] = page.model.item_count()
        qt_app.quit()

    hook = _first_paint_hook(main_window.MainWindow, painted)
    qt_app.installEventFilter(hook)
    code = clinic_app.main(["--data-dir", str(data_dir)])
    result["exit_code"] = code
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


TYPING_S = 1.0  # how long the person takes to type the passphrase once the prompt is shown


def prompt(data_dir: Path, passphrase: str) -> dict[str, Any]:
    """The passphrase path as a person meets it: ``clinic.app.main`` until the unlock window's
    first paint (``prompt_painted``), the passphrase typed ``TYPING_S`` later and accepted
    (``accepted``), the main window's first paint (``painted``) and the Today list
    (``today_filled``). ``scrypt_s`` is the deliberate key stretching, measured inside, not
    counted. Nothing of the main window is imported here before the app does it."""
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: PLC0415

    crypto = _module("clinic.storage.crypto")
    clinic_app = _module("clinic.app")
    qt_app = QApplication(sys.argv[:1])
    result: dict[str, Any] = {"scrypt_s": 0.0, "typing_s": TYPING_S}
    stretch = crypto.derive_kek

    def timed_kek(*args: Any) -> Any:
        started = time.monotonic()
        try:
            return stretch(*args)
        finally:
            result["scrypt_s"] += time.monotonic() - started

    crypto.derive_kek = timed_kek

    def type_and_accept(dialog: Any) -> None:
        dialog.passphrase.setText(passphrase)
        result["accepted"] = time.monotonic()
        dialog.accept()

    def main_painted(window: Any) -> None:
        result["painted"] = time.monotonic()
        page = window.today_page
        if page.is_loading():
            page.loaded.connect(lambda: filled(page))
        else:
            filled(page)

    def filled(page: Any) -> None:
        result["today_filled"] = time.monotonic()
        result["today_lines"] = page.model.item_count()
        qt_app.quit()

    class Hook(QObject):
        dialog_seen = False
        window_seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            top = watched.window()
            if not self.dialog_seen and isinstance(top, QDialog):
                self.dialog_seen = True
                result["prompt_painted_at"] = time.monotonic()
                QTimer.singleShot(0, lambda: result.update(prompt_painted=time.monotonic()))
                QTimer.singleShot(int(TYPING_S * 1000), lambda: type_and_accept(top))
            elif not self.window_seen and type(top).__name__ == "MainWindow":
                self.window_seen = True
                QTimer.singleShot(0, lambda: main_painted(top))
            return False

    hook = Hook()
    qt_app.installEventFilter(hook)
    result["exit_code"] = clinic_app.main(["--data-dir", str(data_dir)])
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def cases(data_dir: Path, passphrase: str) -> dict[str, Any]:
    """Open the main window, go to Cases (first page of the list), then scroll to the last case
    a view page at a time, fetching rows as a person scrolling to the end would."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from clinic.services import lifecycle  # noqa: PLC0415

    main_window = _module("clinic.ui.main_window")
    ui_session = _module("clinic.ui.session")
    qt_app = QApplication(sys.argv[:1])
    store = lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(data_dir), passphrase=passphrase, actor="bench"
    )
    session = ui_session.UiSession(store)
    window = main_window.MainWindow(session)
    window.resize(1200, 800)
    window.show()
    qt_app.processEvents()
    rss_window_mb = _peak_rss_mb()
    page = window.cases_page
    started = time.perf_counter()
    window.nav.setCurrentRow(window.nav_pages.index(page))  # reloads: first page + count
    qt_app.processEvents()
    open_s = time.perf_counter() - started
    table, model = page.table, page.model
    scrollbar = table.verticalScrollBar()
    steps = 0
    started = time.perf_counter()
    while True:
        # To the last loaded row, as dragging the scroll bar to the bottom does; the view then
        # asks the model for the next page of 200, as it does when a person reaches the end.
        scrollbar.setValue(scrollbar.maximum())
        qt_app.processEvents()
        steps += 1
        if not model.canFetchMore():
            break
        model.fetchMore()
    scroll_s = time.perf_counter() - started
    rows = model.rowCount()
    table.scrollToBottom()
    qt_app.processEvents()
    result = {
        "rss_main_window_mb": rss_window_mb,
        "open_cases_s": open_s,
        "count_label": page.count_label.text(),
        "scroll_to_end_s": scroll_s,
        "scroll_steps": steps,
        "rows_loaded": rows,
        "last_row": model.data(model.index(rows - 1, 0)) is not None,
        "peak_rss_mb": _peak_rss_mb(),
    }
    session.close()
    window.clear_client_data()
    return result


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "bare":
        result = bare()
    else:
        passphrase = sys.stdin.readline().rstrip("\n")
        runner = {"app": app, "prompt": prompt, "cases": cases}[mode]
        result = runner(Path(argv[1]), passphrase)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
