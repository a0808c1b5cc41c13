"""Where the main window is: one state machine that only explicit requests can drive.

A place is a navigation page (Today, Cases, Calendar, Settings) or an open case. The window,
the sidebar, the menu shortcuts, "Back" and the pages' own "open this case" all *request* a
place through :class:`Navigator`; nothing else switches the page stack. Focus moving around the
window (a page being hidden, Tab, a dialog closing) is never a request: the first-day bug in
which Today was painted under a case and Tab "lost" the case came from the sidebar's list
selecting its first row on focus-in, inside a page switch.

Rules:
- One switch at a time. A request made while a switch is running (a re-entrant one, which only
  a side effect of the switch itself can make) is refused and logged, never half-applied.
- The page shown is the only page visible in the stack, and focus is moved into it before the
  old page is hidden, so focus never falls to the sidebar.
- A page may refuse to be left (Settings with unsaved edits asks first).
- History keeps the places left, for Back; leaving a case for the same case adds nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

log = logging.getLogger(__name__)

HISTORY_LIMIT = 50


@dataclass(frozen=True)
class Place:
    """A navigation page (``page`` is its index in the sidebar) or an open case."""

    page: int | None = None
    case_id: int | None = None

    @property
    def is_case(self) -> bool:
        return self.case_id is not None


class Navigator(QObject):
    """Owns the page stack's current widget and the Back history."""

    # The place just shown (a Place). The sidebar mirrors it; the window reloads the page.
    arrived = Signal(object)

    def __init__(
        self,
        stack: QStackedWidget,
        pages: list[QWidget],
        case_page: QWidget,
        show_case: Callable[[int], None],
        may_leave: Callable[[QWidget], bool],
    ) -> None:
        super().__init__(stack)
        self._stack = stack
        self._pages = pages
        self._case_page = case_page
        self._show_case = show_case
        self._may_leave = may_leave
        self._current: Place | None = None
        self._history: list[Place] = []
        self._switching = False

    @property
    def current(self) -> Place | None:
        return self._current

    def widget_for(self, place: Place) -> QWidget:
        return self._case_page if place.is_case else self._pages[place.page or 0]

    def go_page(self, index: int) -> bool:
        """Show navigation page ``index``; False when refused (unsaved edits, re-entrant)."""
        if not 0 <= index < len(self._pages):
            return False
        return self._go(Place(page=index), remember=True)

    def open_case(self, case_id: int) -> bool:
        return self._go(Place(case_id=case_id), remember=True)

    def back(self) -> bool:
        """The place before this one; with no history, the Cases page from a case."""
        while self._history:
            place = self._history.pop()
            if place != self._current:
                return self._go(place, remember=False)
        if self._current is not None and self._current.is_case:
            return self._go(Place(page=1), remember=False)
        return False

    def forget(self) -> None:
        """After lock: no client's case survives in the history."""
        self._history.clear()

    def _go(self, place: Place, *, remember: bool) -> bool:
        if self._switching:
            log.warning("navigation request %s during a page switch was refused", place)
            return False
        target = self.widget_for(place)
        old = self._stack.currentWidget()
        leaving = self._current is not None and old is not None and target is not old
        if leaving and old is not None and not self._may_leave(old):
            self.arrived.emit(self._current)  # the sidebar goes back to where we still are
            return False
        self._switching = True
        try:
            if place.is_case and place.case_id is not None:
                self._show_case(place.case_id)
            focused = QApplication.focusWidget()
            focus_was_inside = old is not None and focused is not None and old.isAncestorOf(focused)
            if target is not old:
                if focus_was_inside:
                    # Park focus on the stack (visible, inert) before the old page is hidden:
                    # hiding a page that holds focus hands it to the next widget in the chain,
                    # which was the sidebar.
                    self._stack.setFocus(Qt.FocusReason.OtherFocusReason)
                self._stack.setCurrentWidget(target)
                if focus_was_inside:
                    focus_into(target)
            if remember and self._current is not None and self._current != place:
                self._history.append(self._current)
                del self._history[:-HISTORY_LIMIT]
            self._current = place
        finally:
            self._switching = False
        self.arrived.emit(place)
        return True


def focus_into(page: QWidget) -> None:
    """Focus where the page last had it, else its first widget that takes Tab focus."""
    remembered = page.focusWidget()
    if remembered is not None and remembered.isVisible() and remembered.isEnabled():
        remembered.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    widget: QWidget | None = page.nextInFocusChain()
    while widget is not None and widget is not page:
        policy = widget.focusPolicy()
        if (
            policy.value & Qt.FocusPolicy.TabFocus.value
            and page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
        ):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        widget = widget.nextInFocusChain()
    page.setFocus(Qt.FocusReason.OtherFocusReason)
