"""One run of the app's own file dialog (Back up now's folder dialog, or Restore's file
dialog), in a process of its own so that it has its own home folder, XDG folders, D-Bus
session and Qt platform theme (tests/display/test_file_dialog_traces.py drives the dialog with
xdotool and then searches the per-user folders for what the dialog left behind).

    python file_dialog_child.py backup|restore DATA_FOLDER

A passphrase store is made in DATA_FOLDER; the window's own StoreActions opens the dialog, as
File > Back up now… and File > Restore… do. What follows the dialog (the backup, the restore's
questions and messages) is answered by closing each message box, then the process exits.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from clinic.services import lifecycle
from clinic.ui.session import UiSession
from clinic.ui.store_actions import StoreActions

PASSPHRASE = "river lantern copper meadow"


def close_message_boxes(app: QApplication) -> None:
    """Answer whatever the action asks after the file dialog (Cancel, as a person would); run
    by a timer, so that it also closes a message box waiting in its own event loop."""
    for widget in app.topLevelWidgets():
        if isinstance(widget, QMessageBox | QDialog) and widget.isVisible():
            if type(widget).__name__ == "QFileDialog":
                continue  # the dialog under test: driven by xdotool
            print(f"closed: {widget.windowTitle()}", flush=True)
            widget.reject()


def run_for(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    action, folder = sys.argv[1], Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Clinic")
    app.setOrganizationName("Clinic")
    try:  # as run_gui does at start (absent before issue 16 § 4: the child runs on old code)
        from clinic.ui import private_settings  # noqa: PLC0415
    except ImportError:
        pass
    else:
        private_settings.prepare()
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(folder), passphrase=PASSPHRASE, actor="test"
    )
    session = UiSession(store)
    window = QWidget()
    window.setWindowTitle("Clinic")
    window.resize(400, 300)
    window.show()
    actions = StoreActions(session, window)
    closer = QTimer()
    closer.timeout.connect(lambda: close_message_boxes(app))
    closer.start(200)
    print("dialog-opening", flush=True)
    if action == "backup":
        actions.back_up_now()
    else:
        actions.restore(lambda: None)
    print("dialog-closed", flush=True)
    run_for(app, 4.0)  # the backup runs in a worker thread; its message is closed
    # The window's own settings, written as the main window writes its geometry.
    QSettings().setValue("mainWindow/geometry", window.saveGeometry())
    QSettings().sync()
    if session.is_open:
        session.close()
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
