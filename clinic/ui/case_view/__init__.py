"""The case view: one asylum matter with its client, hearings, deadlines, evidence and history."""

from clinic.ui.case_view.case_view_page import CaseViewPage

__all__ = ["CaseViewPage"]
