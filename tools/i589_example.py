"""Fill the example I-589 in docs/examples/ from a synthetic case, and render its pages.

    .venv/bin/python tools/i589_example.py [--form ../shared/forms/i-589-rev-08-25-20.pdf]
                                           [--out docs/examples]

Writes i589-rev-08-25-20-filled.pdf (fillable: the XFA layer removed, appearances written) and
i589-rev-08-25-20-page-NN.png for each of its pages as poppler draws them (pdftoppm -r 60), so the
placement can be looked at without a PDF reader. The case is tests/services/i589_case.py's
(synthetic: four entries, a spouse, six children, Part A.III's lists), with a preparer and
the clinic's address and telephone in Settings. Uses a throwaway encrypted store in a temporary
folder; existing example files are replaced (they are generated).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clinic.domain.drafts import StaffDraft  # noqa: E402
from clinic.domain.enums import StaffRole  # noqa: E402
from clinic.services import i589, lifecycle, settings, staff  # noqa: E402
from clinic.services.i589_people import I589People, set_i589_people  # noqa: E402
from clinic.storage import keys  # noqa: E402
from tests.services.i589_case import BLANK, make_case  # noqa: E402

NAME = "i589-rev-08-25-20"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form", type=Path, default=BLANK)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "examples")
    args = parser.parse_args(argv)
    keys.SCRYPT_N = 2**12  # a throwaway store: no need for the production key-wrapping cost
    with tempfile.TemporaryDirectory() as folder:
        store = lifecycle.init_store(
            data_dir=lifecycle.resolve_data_dir(Path(folder) / "data"),
            passphrase="examples only",  # noqa: S106 - a throwaway store
            actor="examples",
        )
        try:
            case_id = make_case(store)
            preparer = staff.add_staff(
                store=store, staff=StaffDraft("Laura Méndez Ortiz", StaffRole.PARALEGAL)
            ).unwrap()
            people = I589People(preparer, "Juana Mamani", "es")
            set_i589_people(store=store, case_id=case_id, people=people).unwrap()
            office = replace(  # Part E's address and telephone: the clinic's, from Settings
                settings.get_settings(store=store),
                office_street="1200 W Lawrence Ave",
                office_suite="Suite 210",
                office_city="Chicago",
                office_state="IL",
                office_zip_code="60640",
                office_phone="(773) 555-0188",
            )
            settings.update_settings(store=store, settings=office).unwrap()
            staging = Path(folder) / f"{NAME}-filled.pdf"
            result = i589.export_i589(
                store=store, case_id=case_id, form=args.form, destination=staging, flatten=False
            )
        finally:
            store.lock()
        target = args.out / staging.name
        target.write_bytes(staging.read_bytes())
    for old in args.out.glob(f"{NAME}-page-*.png"):
        old.unlink()
    pages = ["pdftoppm", "-png", "-r", "60", str(target), str(args.out / f"{NAME}-page")]
    subprocess.run(pages, check=True)  # noqa: S603 - poppler, as the tests run it
    print(f"{target}: {len(result.filled.placed)} answers placed, edition {result.filled.edition}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
