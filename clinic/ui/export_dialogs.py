"""Data out, from the window: the case list (CSV/XLSX) from the Cases page, the calendar file
(.ics) and the funder report (PDF/CSV) from the File menu.

Each asks where in a save dialog (nothing is written anywhere else; the dialog itself asks
before replacing a file), builds the file in the background worker, then says where it went or
plainly why not. Files that hold client data are announced as unencrypted first.

One module per dialog: ui/file_saver.py (the save dialog, the worker and the report every one
uses), ui/case_list_export.py, ui/calendar_export.py, ui/funder_report_export.py and
ui/case_bundle_dialogs.py (case files out and in). Their names are importable from here.
"""

from __future__ import annotations

from clinic.ui.calendar_export import CalendarExportDialog, CalendarExporter
from clinic.ui.case_bundle_dialogs import BundlePassphraseDialog, CaseBundleActions
from clinic.ui.case_list_export import CaseListExporter
from clinic.ui.file_saver import STATUS_MILLISECONDS, FileSaver, FileWork
from clinic.ui.funder_report_export import FunderReportDialog, FunderReportExporter

__all__ = [
    "STATUS_MILLISECONDS",
    "BundlePassphraseDialog",
    "CalendarExportDialog",
    "CalendarExporter",
    "CaseBundleActions",
    "CaseListExporter",
    "FileSaver",
    "FileWork",
    "FunderReportDialog",
    "FunderReportExporter",
]
