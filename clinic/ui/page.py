"""The contract every main-window page follows."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from clinic.services.results import Changes
from clinic.ui.session import UiSession


class Page(QWidget):
    """A navigation page. It reads data only through services, refreshes on ``changes`` and
    drops every piece of client data on ``clear`` (auto-lock)."""

    title = ""
    # A colleague's change (office mode) refreshes a page now only while it is shown: a hidden
    # one is read again when it is shown (the window reloads a page on arrival), so twenty
    # windows do not each re-read every page at every save in the office. Today keeps up even
    # when hidden: the sidebar's counts are its figures.
    follows_colleagues_when_hidden = False

    def __init__(self, session: UiSession) -> None:
        super().__init__()
        self.session = session
        session.changed.connect(self._changes_published)
        session.locked.connect(self.clear)

    def _changes_published(self, changes: Changes) -> None:
        if (
            self.session.from_colleagues
            and not self.follows_colleagues_when_hidden
            and not self.isVisible()
        ):
            return
        self.apply_changes(changes)

    def reload(self) -> None:
        """Fetch everything again (on first show and after unlock)."""

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what ``changes`` touched; the default reloads the page."""
        if self.session.is_open:
            self.reload()

    def clear(self) -> None:
        """Forget all client data (models, labels, selections)."""
