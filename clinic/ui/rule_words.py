"""Words that come from the rule files (resources/rules/deadlines.toml), in the interface language.

The rule files are data an attorney edits, in English. ``tools/translations.py`` adds every
rule's ``name`` to the Qt catalogue under the context ``DeadlineRules``, so they are translated
like any other string; a name the catalogue does not know (a rule added since, or a deadline
typed by staff) is shown as it is. The command line and the PDFs read the same names from
gettext's catalogue under the same context
(:func:`clinic.domain.deadlines.wording.rule_name_in`); tests/ui/test_enum_words_agree.py checks
that both say the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clinic.domain.deadlines.wording import RULE_CONTEXT

CONTEXT = RULE_CONTEXT


def rule_text(text: str) -> str:
    """A deadline or rule name from the rule file, translated when the catalogue has it."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
