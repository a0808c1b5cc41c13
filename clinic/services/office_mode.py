"""Whether this computer is connected to an office server, told from one file's presence so
the window decides between laptop and office mode before SQLAlchemy loads (clinic.ui.warm_up):
``clinic connect`` saved the address in the configuration folder (docs/office.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from clinic.services import language

# The name clinic.storage.postgres_settings saves the address under (a test checks both agree).
SETTINGS_FILE = "office.json"


def connected(folder: Path | None = None) -> bool:
    return ((folder or language.config_dir()) / SETTINGS_FILE).is_file()


def is_office(store: object) -> bool:
    """Whether ``store`` is an office database (not a laptop store). What only makes sense
    for a laptop store (its data folder, key, recovery kit, backups of the folder, the
    computer's chosen staff member) is not offered for an office database. Told without
    importing the office engine: no office store exists until its module is loaded."""
    postgres = sys.modules.get("clinic.storage.postgres")
    return postgres is not None and isinstance(store, postgres.OfficeStore)
