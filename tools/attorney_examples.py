"""Render the example attorney PDFs in docs/examples/ from synthetic demo data.

    .venv/bin/python tools/attorney_examples.py [--out docs/examples] [--today YYYY-MM-DD]

Writes case-summary-affirmative.pdf, case-summary-defensive.pdf, hearing-docket.pdf (the
busiest week of hearings in the demo data), the filing checklists checklist-affirmative.pdf,
checklist-defensive.pdf and checklist-bia-appeal.pdf, and the client handouts
handout-<kind>-<languages>.pdf in every handout language (tools/handout_examples.py). Prepared by a demo paralegal (never the computer's login).
Uses a throwaway encrypted store in a temporary folder; nothing else is kept. Existing example
files are replaced (they are generated).
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from clinic.domain.enums import ClaimType, StaffRole, Stage
from clinic.services import (
    attorney_reports,
    cases,
    checklists,
    computer_user,
    lifecycle,
    search,
    settings,
    staff,
)
from clinic.services.demo import fill_demo_data
from clinic.storage import keys
from clinic.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 30)  # fixed, so the examples only change when the code does
SEED, CLIENTS = 4, 150


def _richest(store: Store, claim: ClaimType, today: date) -> int:
    """The case of that claim type with the most to show (hearings, evidence, notes, family)."""
    best, best_score = 0, -1
    for summary in search.list_cases(store=store, today=today):
        if summary.claim_type is not claim:
            continue
        view = cases.get_case(store=store, case_id=summary.id)
        score = (
            len(view.hearings)
            + len(view.evidence)
            + min(len(view.notes), 10)
            + 4 * bool(view.notes)
            + 2 * len(view.client.family)
            + 3 * any(h.on >= today for h in view.hearings)
        )
        if score > best_score:
            best, best_score = summary.id, score
    return best


def _busiest_week(store: Store, today: date) -> tuple[date, date]:
    days: dict[date, int] = {}
    for summary in search.list_cases(store=store, today=today):
        for h in cases.get_case(store=store, case_id=summary.id).hearings:
            if h.on >= today and h.kind in attorney_reports.DOCKET_KINDS:
                days[h.on] = days.get(h.on, 0) + 1
    best = max(
        (today + timedelta(days=n) for n in range(0, 120, 7)),
        key=lambda start: sum(days.get(start + timedelta(days=d), 0) for d in range(7)),
    )
    return best, best + timedelta(days=6)


def _at_stage(store: Store, stage: Stage, today: date) -> int | None:
    for summary in search.list_cases(store=store, today=today):
        if summary.stage is stage:
            return int(summary.id)
    return None


def _handouts(store: Store, richest: dict[ClaimType, int], today: date, out: Path) -> list[Path]:
    """The client handouts in every handout language, from the defensive case (it has a court
    hearing): tools/handout_examples.py."""
    from handout_examples import write_handouts  # noqa: PLC0415 - a sibling script in tools/

    return write_handouts(store, richest[ClaimType.DEFENSIVE], today, out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "examples")
    parser.add_argument("--today", type=date.fromisoformat, default=TODAY)
    args = parser.parse_args()
    today: date = args.today
    now = datetime.combine(today, datetime.min.time(), tzinfo=UTC).replace(hour=14, minute=5)
    keys.SCRYPT_N = 2**12  # a throwaway store
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = lifecycle.resolve_data_dir(Path(folder) / "data")
        store = lifecycle.init_store(data_dir=data_dir, passphrase="examples only", actor="demo")  # noqa: S106
        try:
            fill_demo_data(store=store, clients=CLIENTS, seed=SEED, today=today)
            current = settings.get_settings(store=store)
            settings.update_settings(
                store=store,
                settings=replace(
                    current,
                    clinic_name="Esperanza Immigrant Legal Clinic (demo)",
                    letterhead="1200 Example Avenue, Suite 300 · Springfield, IL 62701\n"
                    "Phone (555) 010-0199 · intake@example.org",
                ),
            ).unwrap()
            paralegal = next(
                p for p in staff.list_staff(store=store) if p.role is StaffRole.PARALEGAL
            )
            computer_user.prepare_as(store, paralegal.name)  # "Prepared by" a staff member
            written: list[Path] = []
            richest: dict[ClaimType, int] = {}
            for claim in (ClaimType.AFFIRMATIVE, ClaimType.DEFENSIVE):
                case_id = richest[claim] = _richest(store, claim, today)
                pdf = attorney_reports.case_summary_pdf(
                    store=store, case_id=case_id, today=today, now=now
                )
                path = args.out / f"case-summary-{claim.value}.pdf"
                path.write_bytes(pdf)
                written.append(path)
                pdf = checklists.checklist_pdf(store=store, case_id=case_id, today=today, now=now)
                path = args.out / f"checklist-{claim.value}.pdf"
                path.write_bytes(pdf)
                written.append(path)
            appeal = _at_stage(store, Stage.APPEAL, today) or richest[ClaimType.DEFENSIVE]
            pdf = checklists.checklist_pdf(
                store=store, case_id=appeal, today=today, now=now, template_id="bia-appeal"
            )
            path = args.out / "checklist-bia-appeal.pdf"
            path.write_bytes(pdf)
            written.append(path)
            written += _handouts(store, richest, today, args.out)
            start, end = _busiest_week(store, today)
            pdf = attorney_reports.docket_pdf(
                store=store, start=start, end=end, today=today, now=now
            )
            path = args.out / "hearing-docket.pdf"
            path.write_bytes(pdf)
            written.append(path)
            for path in written:
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        finally:
            store.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
