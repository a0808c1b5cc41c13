"""When the window opens a store whose deadlines were computed by older rules, recompute them
with the corrected rules in the background (clinic.services.rules_upgrade), with a progress bar
in the status bar. Locking stops it (between chunks) and waits: its unit of work rolls back and
the next opening starts again, so a store never keeps half-upgraded deadlines as current.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QProgressBar
from shiboken6 import isValid

from clinic.services.deadline_refresh import RecomputeCancelled
from clinic.services.results import Changes
from clinic.services.rules_upgrade import RulesNeedAnAdministrator, upgrade_rules
from clinic.ui.session import UiSession
from clinic.ui.worker import Job, start_job

MESSAGE_MS = 15_000


class RulesUpgrade(QObject):
    """One upgrade per opening of the store (the first, and again after each unlock)."""

    def __init__(self, session: UiSession, window: QMainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.job: Job | None = None
        self.progress = QProgressBar(window)
        self.progress.setObjectName("rulesUpgradeProgress")
        self.progress.setAccessibleName(self.tr("Updating deadlines to the corrected rules"))
        self.progress.setFormat(
            self.tr("Updating deadlines to the corrected rules: %v of %m cases")
        )
        self.progress.setMaximumWidth(360)
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)
        session.locking.connect(self.stop_and_wait)
        session.unlocked.connect(self.start_soon)
        self.start_soon()

    @property
    def running(self) -> bool:
        return self.job is not None

    def start_soon(self) -> None:
        # after the window's first paint: opening the window never waits for this
        QTimer.singleShot(0, self.start)

    def start(self) -> None:
        if self.job is not None or not self.session.is_open:
            return
        store = self.session.store
        if getattr(store, "read_only", False):
            return  # an older copy opened read-only: nothing may be written to it

        def work(progress: Any, cancelled: Any) -> Any:
            return upgrade_rules(
                store=store, actor=store.actor, progress=progress, cancelled=cancelled
            )

        self.job = start_job(
            work, on_done=self._done, on_error=self._failed, on_progress=self._progressed
        )

    def stop_and_wait(self) -> None:
        """Before the store locks: stop between two chunks and wait (nothing is kept)."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def _progressed(self, done: int, total: int) -> None:
        if self.job is not None and isValid(self.progress):
            self.progress.show()
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _finish(self) -> bool:
        self.job = None
        if not isValid(self) or not isValid(self.progress):
            return False  # the window went away while the job ran
        self.progress.hide()
        return True

    def _done(self, result: tuple[list[str], Changes]) -> None:
        if not self._finish():
            return
        changed, changes = result
        if not changed:
            return
        self.window.statusBar().showMessage(
            self.tr(
                "Deadlines were recomputed with this version's corrected rules "
                "(%n rule(s) changed).",
                "",
                len(changed),
            ),
            MESSAGE_MS,
        )
        if self.session.is_open:
            self.session.publish(changes)

    def _failed(self, exc: BaseException) -> None:
        if not self._finish() or isinstance(exc, RecomputeCancelled):
            return
        if isinstance(exc, RulesNeedAnAdministrator):
            self.window.statusBar().showMessage(
                self.tr(
                    "This version corrects %n deadline rule(s): the deadlines are updated for "
                    "every case when an administrator next opens Clinic.",
                    "",
                    len(exc.changed),
                ),
                MESSAGE_MS,
            )
            return
        self.window.statusBar().showMessage(
            self.tr(
                "The deadlines could not be updated to the corrected rules now; Clinic will "
                "try again the next time it opens."
            ),
            MESSAGE_MS,
        )
