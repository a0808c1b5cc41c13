"""Intake of a new client, their family and first case, with the conflict check before saving."""

from clinic.ui.intake.intake_dialog import IntakeDialog

__all__ = ["IntakeDialog"]
