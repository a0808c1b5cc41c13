"""Render the example client handouts in docs/examples/ from synthetic demo data.

    .venv/bin/python tools/handout_examples.py [--out docs/examples] [--today YYYY-MM-DD]

The hearing reminder, document request and appointment slip of the demo's richest defensive case
in English with Spanish, Haitian Creole, Portuguese or French beside it, and each of those alone,
with the clinic's letterhead written in each language (Settings → Handout languages). The same
demo data and day as tools/attorney_examples.py (which calls :func:`write_handouts`). Uses a
throwaway encrypted store in a temporary folder; existing example files are replaced.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from clinic.domain.enums import ClaimType
from clinic.domain.ids import CaseId
from clinic.services import cases, handouts, lifecycle, search, settings
from clinic.services.demo import fill_demo_data
from clinic.storage import keys
from clinic.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 30)
SEED, CLIENTS = 4, 150
CLINIC_NAME = "Esperanza Immigrant Legal Clinic (demo)"
LETTERHEAD = (
    "1200 Example Avenue, Suite 300 · Springfield, IL 62701\n"
    "Phone (555) 010-0199 · intake@example.org"
)
LETTERHEADS = {  # the same lines, in each handout language (office hours added)
    "en": "1200 Example Avenue, Suite 300 · Springfield, IL 62701\n"
    "Phone (555) 010-0199 · Monday to Friday, 9 AM to 5 PM",
    "es": "1200 Example Avenue, Suite 300 · Springfield, IL 62701\n"
    "Teléfono (555) 010-0199 · de lunes a viernes, de 9:00 a. m. a 5:00 p. m.",
    "ht": "1200 Example Avenue, Suite 300 · Springfield, IL 62701\n"
    "Telefòn (555) 010-0199 · lendi rive vandredi, 9:00 nan maten rive 5:00 nan apremidi",
    "pt": "1200 Example Avenue, Suite 300 · Springfield, IL 62701\n"
    "Telefone (555) 010-0199 · de segunda a sexta, das 9h às 17h",
    "fr": "1200 Example Avenue, Suite 300 · Springfield, IL 62701\n"
    "Téléphone (555) 010-0199 · du lundi au vendredi, de 9 h à 17 h",
}
EXAMPLES = (
    ("hearing-reminder", ("en", "es"), "side-by-side"),
    ("hearing-reminder", ("es",), None),
    ("document-request", ("es",), None),
    ("appointment-slip", ("en", "es"), "side-by-side"),
    *(
        example
        for lang in ("ht", "pt", "fr")
        for example in (
            ("hearing-reminder", ("en", lang), "side-by-side"),
            ("hearing-reminder", (lang,), None),
            ("document-request", (lang,), None),
            ("appointment-slip", ("en", lang), "sequential"),
        )
    ),
)


def write_handouts(store: Store, case_id: int, today: date, out: Path) -> list[Path]:
    """The example handouts of ``case_id`` (a case with a court hearing) into ``out``."""
    for code, text in LETTERHEADS.items():
        handouts.set_letterhead(store=store, code=code, text=text)
    appointment = handouts.Appointment(
        at=datetime.combine(today + timedelta(days=7), time(13, 30)),
        with_whom="Ana (paralegal)",
        where="1200 Example Avenue, Suite 300",
    )
    made = []
    for kind, langs, layout in EXAMPLES:
        name = f"handout-{kind}-{'+'.join(langs)}.pdf"
        try:
            pdf = handouts.handout_pdf(
                store=store,
                case_id=CaseId(case_id),
                kind=kind,
                languages=langs,
                today=today,
                layout=layout,
                appointment=appointment,
            )
        except handouts.HandoutUnavailable as exc:
            print(f"{name}: not made ({exc})")
            continue
        path = out / name
        path.write_bytes(pdf)
        made.append(path)
    return made


def _defensive_with_hearing(store: Store, today: date) -> int:
    best, best_score = 0, -1
    for summary in search.list_cases(store=store, today=today):
        if summary.claim_type is not ClaimType.DEFENSIVE:
            continue
        view = cases.get_case(store=store, case_id=summary.id)
        if handouts.next_court_hearing(view, today) is None:
            continue
        score = len(view.evidence) + len(view.hearings)
        if score > best_score:
            best, best_score = summary.id, score
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "examples")
    parser.add_argument("--today", type=date.fromisoformat, default=TODAY)
    args = parser.parse_args()
    keys.SCRYPT_N = 2**12  # a throwaway store
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = lifecycle.resolve_data_dir(Path(folder) / "data")
        store = lifecycle.init_store(data_dir=data_dir, passphrase="examples only", actor="demo")  # noqa: S106
        try:
            fill_demo_data(store=store, clients=CLIENTS, seed=SEED, today=args.today)
            current = settings.get_settings(store=store)
            settings.update_settings(
                store=store,
                settings=replace(current, clinic_name=CLINIC_NAME, letterhead=LETTERHEAD),
            ).unwrap()
            case_id = _defensive_with_hearing(store, args.today)
            for path in write_handouts(store, case_id, args.today, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            store.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
