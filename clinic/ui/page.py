"""The contract every main-window page follows."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from clinic.services.results import Changes
from clinic.ui.session import UiSession


class Page(QWidget):
    """A navigation page. It reads data only through services, refreshes on ``changes`` and
    drops every piece of client data on ``clear`` (auto-lock)."""

    title = ""

    def __init__(self, session: UiSession) -> None:
        super().__init__()
        self.session = session
        session.changed.connect(self.apply_changes)
        session.locked.connect(self.clear)

    def reload(self) -> None:
        """Fetch everything again (on first show and after unlock)."""

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what ``changes`` touched; the default reloads the page."""
        if self.session.is_open:
            self.reload()

    def clear(self) -> None:
        """Forget all client data (models, labels, selections)."""
