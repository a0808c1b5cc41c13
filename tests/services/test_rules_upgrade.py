"""A store whose deadlines were computed by older rules gets them recomputed once when opened
by a version with corrected rules (issue 18: corrected rules reach existing stores)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import delete

from clinic.domain.deadlines.rules import Confidence
from clinic.domain.deadlines.shipped import load_shipped_rulebook
from clinic.domain.enums import CaseFactKind, DeadlineOrigin
from clinic.services import deadlines, rules_upgrade
from clinic.storage.models import Deadline, Setting
from clinic.storage.store import Store
from tests.services.test_deadline_service import by_rule, open_defensive


def _as_if_older(store: Store, missing_rule: str) -> None:
    """The store as a version without ``missing_rule`` left it: no such rows, no such rule."""
    version = rules_upgrade.rules_version()
    older = {**version, "rules": {k: v for k, v in version["rules"].items() if k != missing_rule}}
    with store.unit_of_work() as session:
        session.execute(
            delete(Deadline).where(
                Deadline.rule_id == missing_rule, Deadline.origin == DeadlineOrigin.RULE
            )
        )
        rules_upgrade.record_rules_version(session, older)


def test_older_store_gains_the_post_grant_travel_warning_once_8_cfr_223_1_b(store: Store) -> None:
    case_id = open_defensive(store)
    deadlines.record_case_fact(
        store=store, case_id=case_id, kind=CaseFactKind.ASYLUM_GRANTED, on=date(2026, 5, 4)
    ).unwrap()
    assert "post-grant-travel-warning" in by_rule(store, case_id)
    with store.unit_of_work() as session:
        rules_upgrade.record_rules_version(session)
    _as_if_older(store, "post-grant-travel-warning")
    assert "post-grant-travel-warning" not in by_rule(store, case_id)

    changed, touched = rules_upgrade.upgrade_rules(store=store, actor="tester")
    assert changed == ["post-grant-travel-warning"]
    assert touched.touched
    (warning,) = by_rule(store, case_id)["post-grant-travel-warning"]
    assert warning.due_on == date(2026, 5, 4) and "223.1(b)" in warning.source
    # recorded: the next opening has nothing to do
    again, nothing = rules_upgrade.upgrade_rules(store=store, actor="tester")
    assert again == [] and not nothing.touched


def test_store_without_a_recorded_version_counts_as_older(store: Store) -> None:
    open_defensive(store)
    with store.unit_of_work() as session:
        session.execute(delete(Setting).where(Setting.key == rules_upgrade.RULES_VERSION_KEY))
        assert rules_upgrade.rules_changed(session) == sorted(
            rules_upgrade.rules_version()["rules"]
        )
    changed, _ = rules_upgrade.upgrade_rules(store=store, actor="tester")
    assert "family-one-year-filing" in changed
    with store.unit_of_work() as session:
        assert rules_upgrade.rules_changed(session) == []


def test_a_corrected_rule_changes_the_version_c10_8_cfr_208_21_d(store: Store) -> None:
    """C10: the I-730 rule was marked unverified before the review confirmed 8 CFR 208.21(d)."""
    book = load_shipped_rulebook()
    older = replace(
        book,
        rules=tuple(
            replace(r, confidence=Confidence.UNVERIFIED, as_of=date(2026, 6, 20))
            if r.id == "i-730-follow-to-join"
            else r
            for r in book.rules
        ),
    )
    with store.unit_of_work() as session:
        rules_upgrade.record_rules_version(session, rules_upgrade.rules_version(older))
        assert rules_upgrade.rules_changed(session) == ["i-730-follow-to-join"]
