"""Clinic: an offline, encrypted case tracker for immigration legal clinics."""

__version__ = "0.1.0"
