"""The Cases page's current list (its search text, filters and order) as CSV or XLSX.

CSV is UTF-8 with a byte-order mark, so Excel opens names with diacritics correctly, comma
separated, with a header row. In both formats a text cell that starts with = + - @ or a tab is
prefixed with an apostrophe, so that a spreadsheet never runs a name as a formula ("CSV
injection"); A-numbers are written A-123-456-789. The file holds client names and A-numbers and
is not encrypted: the window warns before saving.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from clinic.domain.anumber import format_a_number
from clinic.domain.enums import AuditAction
from clinic.domain.i18n import N_
from clinic.reports.table_xlsx import Value, render_xlsx
from clinic.services.auditing import record
from clinic.services.dto import CaseSummary
from clinic.services.errors import Rejected
from clinic.services.export_file import save_export
from clinic.services.results import Entity, Result
from clinic.services.search import CaseFilter, SortKey, count_cases, list_cases
from clinic.storage.store import Store

PAGE = 2000
HEADERS = (
    "Case",
    "Client",
    "A-number",
    "Claim type",
    "Stage",
    "Detained",
    "Paralegal",
    "Next hearing",
    "Next deadline",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ListFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"

    @staticmethod
    def for_path(path: Path) -> ListFormat:
        suffix = path.suffix.lower().lstrip(".")
        try:
            return ListFormat(suffix)
        except ValueError:
            raise Rejected(
                "list_format",
                N_("choose a .csv or .xlsx file name, not {name!r}"),
                name=path.name,
            ) from None


@dataclass(frozen=True)
class ListQuery:
    """What the Cases page shows: the same arguments as :func:`search.list_cases`."""

    text: str = ""
    case_filter: CaseFilter | None = None
    sort: SortKey = SortKey.CLIENT
    descending: bool = False


def _safe(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _values(case: CaseSummary) -> list[Value]:
    return [
        int(case.id),
        _safe(case.client_name),
        (
            format_a_number(case.a_number)
            if case.a_number and "a_number" not in case.not_valid
            else case.a_number or ""  # a stored value Clinic would not accept, as it is
        ),
        case.claim_type.value,
        case.stage.value,
        "yes" if case.detained else "no",
        _safe(case.paralegal),
        case.next_hearing,
        case.next_deadline,
    ]


def _rows(
    store: Store,
    query: ListQuery,
    today: date,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[list[Value]]:
    total = count_cases(store=store, text=query.text, case_filter=query.case_filter)
    done = 0
    while done < total:
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        page = list_cases(
            store=store,
            today=today,
            text=query.text,
            case_filter=query.case_filter,
            sort=query.sort,
            descending=query.descending,
            offset=done,
            limit=PAGE,
        )
        if not page:
            break
        for case in page:
            yield _values(case)
        done += len(page)
        if progress is not None:
            progress(done, total)


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


def _csv(rows: Iterator[list[Value]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(
            ["" if v is None else v.isoformat() if isinstance(v, date) else v for v in row]
        )
    return "\ufeff".encode() + text.getvalue().encode("utf-8")


def render_case_list(
    *,
    store: Store,
    query: ListQuery,
    fmt: ListFormat,
    today: date,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[bytes, int]:
    """The file's bytes, in memory, and how many cases it lists."""
    counted = 0

    def counting() -> Iterator[list[Value]]:
        nonlocal counted
        for row in _rows(store, query, today, progress, cancelled):
            counted += 1
            yield row

    if fmt is ListFormat.CSV:
        data = _csv(counting())
    else:
        data = render_xlsx(HEADERS, counting(), sheet_title="Cases")
    return data, counted


def export_case_list(
    *,
    store: Store,
    destination: Path,
    query: ListQuery,
    today: date,
    fmt: ListFormat | None = None,
    overwrite: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Result[int]:
    """Write the list where the user chose (format from the file name unless given); audited."""
    fmt = fmt or ListFormat.for_path(destination)
    data, count = render_case_list(
        store=store, query=query, fmt=fmt, today=today, progress=progress, cancelled=cancelled
    )
    flt = query.case_filter or CaseFilter()

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.STORE,
            entity_id=None,
            changes={
                "case_list_saved_to": [None, str(destination)],
                "cases": [None, count],
                "format": [None, fmt.value],
                "filter": [
                    None,
                    {
                        "text_given": bool(query.text.strip()),
                        "claim_type": flt.claim_type,
                        "stage": flt.stage,
                        "paralegal_id": flt.paralegal_id,
                        "detained": flt.detained,
                        "include_closed": flt.include_closed,
                    },
                ],
            },
        )

    save_export(store, destination, data, audit=audit, overwrite=overwrite)
    return Result(count)
