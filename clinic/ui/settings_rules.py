"""Deadline rule amounts the clinic may change, each bounded by its rule's min and max."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from clinic.domain.deadlines import Rule
from clinic.domain.deadlines.vocabulary import OffsetUnit
from clinic.ui.rule_words import rule_text
from clinic.ui.today_agenda_model import long_date


def unit_suffix(unit: OffsetUnit) -> str:
    match unit:
        case OffsetUnit.DAYS:
            return QCoreApplication.translate("RuleSettings", " days")
        case OffsetUnit.MONTHS:
            return QCoreApplication.translate("RuleSettings", " months")
        case OffsetUnit.YEARS:
            return QCoreApplication.translate("RuleSettings", " years")
        case OffsetUnit.BUSINESS_DAYS:
            return QCoreApplication.translate("RuleSettings", " business days")


def rule_tooltip(rule: Rule) -> str:
    rows = [
        (QCoreApplication.translate("RuleSettings", "Source"), rule.source),
        (QCoreApplication.translate("RuleSettings", "As of"), long_date(rule.as_of)),
        (
            QCoreApplication.translate("RuleSettings", "Confidence"),
            rule.confidence.value.capitalize(),
        ),
    ]
    if rule.notes:
        rows.append((QCoreApplication.translate("RuleSettings", "Notes"), rule.notes))
    body = "".join(f"<p><b>{escape(k)}:</b> {escape(v)}</p>" for k, v in rows)
    return f"<qt><p><b>{escape(rule_text(rule.name))}</b></p>{body}</qt>"


class RuleSettingsBox(QWidget):
    """One bounded spin box per settable rule; only amounts that differ from the rule file's
    default are kept in the settings, so a corrected rule file still reaches every clinic."""

    edited = Signal()

    def __init__(self, rules: list[Rule], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleSettings")
        self._defaults = {rule.id: rule.offset.amount for rule in rules if rule.setting}
        self.spin_boxes: dict[str, QSpinBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        row = 0
        for rule in rules:
            if rule.setting is None:
                continue
            name = QLabel(rule_text(rule.name))
            name.setWordWrap(True)
            name.setToolTip(rule_tooltip(rule))
            spin = QSpinBox()
            spin.setObjectName(f"ruleAmount_{rule.id}")
            spin.setAccessibleName(rule_text(rule.name))
            spin.setRange(rule.setting.minimum, rule.setting.maximum)
            spin.setSuffix(unit_suffix(rule.offset.unit))
            spin.setValue(rule.offset.amount)
            spin.setToolTip(rule_tooltip(rule))
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000 business days") + 30)
            spin.valueChanged.connect(lambda _value: self.edited.emit())
            name.setBuddy(spin)
            hint = QLabel(self._hint(rule))
            hint.setObjectName(f"ruleHint_{rule.id}")
            hint.setEnabled(False)  # dimmed, palette-aware secondary text
            grid.addWidget(name, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(hint, row + 1, 0, 1, 2)
            self.spin_boxes[rule.id] = spin
            row += 2

    @staticmethod
    def _hint(rule: Rule) -> str:
        assert rule.setting is not None
        locale = QLocale()
        text = QCoreApplication.translate("RuleSettings", "Default %1 · allowed %2–%3")
        default = locale.toString(rule.offset.amount) + unit_suffix(rule.offset.unit)
        return (
            text.replace("%1", default)
            .replace("%2", locale.toString(rule.setting.minimum))
            .replace("%3", locale.toString(rule.setting.maximum))
        )

    def set_values(self, rule_days: dict[str, int]) -> None:
        for rule_id, spin in self.spin_boxes.items():
            spin.blockSignals(True)
            spin.setValue(rule_days.get(rule_id, self._defaults[rule_id]))
            spin.blockSignals(False)

    def values(self) -> dict[str, int]:
        """The clinic's changes: amounts that differ from the rule file."""
        return {
            rule_id: spin.value()
            for rule_id, spin in self.spin_boxes.items()
            if spin.value() != self._defaults[rule_id]
        }

    def normalised(self, rule_days: dict[str, int]) -> dict[str, int]:
        """``rule_days`` as :meth:`values` would give it (defaults dropped)."""
        return {k: v for k, v in rule_days.items() if self._defaults.get(k) != v}
