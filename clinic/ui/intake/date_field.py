"""A date on the intake steps that may be unknown: the app's date field
(:class:`clinic.ui.date_input.OptionalDateInput`), empty until a date is typed.

Dates of birth and arrival are often unknown at intake, so "not set" (empty) is a value of its
own, never a silently stored default. Delete or Backspace clear it like any text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QLocale

from clinic.domain.typed_dates import LIFETIME, YearWindow
from clinic.ui.date_input import OptionalDateInput
from clinic.ui.date_text import date_pattern


def locale_date_format(locale: QLocale) -> str:
    """The locale's short date pattern with a four-digit year (see :mod:`clinic.ui.date_text`)."""
    return date_pattern(locale)


class DateField(OptionalDateInput):
    """An optional date on an intake step; ``edit`` is its text box, ``changed`` its signal."""

    def __init__(
        self,
        *,
        object_name: str,
        accessible_name: str,
        window: YearWindow = LIFETIME,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(window=window, today=today)
        self.setObjectName(f"{object_name}Field")
        self.name_parts(object_name, accessible_name)
        self.edit.setObjectName(object_name)  # the field's own name: labels and tests find it
