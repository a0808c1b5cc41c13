"""Whether this computer is connected to an office server, told from one file's presence so
the window decides between laptop and office mode before SQLAlchemy loads (clinic.ui.warm_up):
``clinic connect`` saved the address in the configuration folder (docs/office.md)."""

from __future__ import annotations

from pathlib import Path

from clinic.services import language

# The name clinic.storage.postgres_settings saves the address under (a test checks both agree).
SETTINGS_FILE = "office.json"


def connected(folder: Path | None = None) -> bool:
    return ((folder or language.config_dir()) / SETTINGS_FILE).is_file()
