"""The spreadsheet import wizard (File → Import spreadsheet…)."""

from clinic.ui.import_wizard.wizard import ImportWizard

__all__ = ["ImportWizard"]
