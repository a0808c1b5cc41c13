"""Counted texts of the command line, services and reports are real plurals ("1 row", "2 rows";
"1 fila", "2 filas"), from the gettext catalogue's plural forms: never "row(s)"."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

from clinic.domain.i18n import translate_n

ROOT = Path(__file__).resolve().parents[2]


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("messages_tool", ROOT / "tools" / "messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_counted_texts_take_the_plural_rule() -> None:
    rows = ("Skipped {n} row listed above.", "Skipped {n} rows listed above.")
    assert translate_n(*rows, 1, "en") == "Skipped 1 row listed above."
    assert translate_n(*rows, 3, "en") == "Skipped 3 rows listed above."
    assert translate_n(*rows, 1, "es") == "Se omitió 1 fila indicada arriba."
    assert translate_n(*rows, 3, "es") == "Se omitieron 3 filas indicadas arriba."
    assert translate_n("{n} case", "{n} cases", 1_000_000, "es") == "1000000 casos"


def test_no_marked_text_says_s_in_brackets() -> None:
    tool = load_tool()
    found = tool.extract()
    texts = [t for key in found for t in ((key,) if isinstance(key, str) else key)]
    assert len(texts) > 100
    assert [t for t in texts if re.search(r"\w\(s\)|\w\(es\)", t)] == []
    plural = [key for key in found if not isinstance(key, str)]
    assert ("{n} row", "{n} rows") in plural
