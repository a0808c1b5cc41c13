"""A canvas that knows the page count, for "Page x of y" footers (two passes over saved pages)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

# (canvas, page number, page count) -> draws the running footer/header of one page
PageDecorator = Callable[[Canvas, int, int], None]


def numbered_canvas(decorate: PageDecorator) -> type[Canvas]:
    """A Canvas class for ``doc.build(story, canvasmaker=...)`` that calls ``decorate`` on every
    page once the total is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas
