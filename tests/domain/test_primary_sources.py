"""Staff PDFs and handouts cite primary sources only (INA / 8 U.S.C., 8 CFR, USCIS and EOIR
pages): never an internal file or the clinic's fact sheet, which stays in TOML comments."""

from __future__ import annotations

import re
import tomllib

from clinic.resource_files import resource_path
from clinic.services import checklists

INTERNAL = re.compile(r"fact sheet|\.md\b|shared/|asylum-rules", re.IGNORECASE)


def test_checklist_sources_and_citations_are_primary() -> None:
    for template in checklists.list_templates():
        assert not INTERNAL.search(template.source), (template.id, template.source)
        assert re.search(r"CFR|U\.S\.C\.|INA", template.source), template.id
        for item in template.items:
            assert not INTERNAL.search(item.citation), (template.id, item.id, item.citation)


def sources_in(value: object) -> list[str]:
    """Every ``source = "…"`` string in a parsed TOML document, however deep."""
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k == "source" and isinstance(v, str)]
        return found + [s for v in value.values() for s in sources_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in sources_in(v)]
    return []


def test_rule_and_handout_sources_are_primary() -> None:
    checked = 0
    for folder in ("rules", "handouts"):
        for path in resource_path(folder).glob("*.toml"):
            for source in sources_in(tomllib.loads(path.read_text(encoding="utf-8"))):
                assert not INTERNAL.search(source), (path.name, source)
                checked += 1
    assert checked > 30
