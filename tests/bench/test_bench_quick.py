"""The benchmarks run end to end in their quick mode (small sizes), so they cannot rot.

Nothing here asserts a time: only that every measurement ran, has its baseline and ratio, and
that the results were written.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a top-level folder beside clinic/, not installed
    sys.path.insert(0, str(ROOT))

bench_main = importlib.import_module("bench.__main__")


def test_quick_mode_writes_results_with_ratios(tmp_path: Path) -> None:
    assert bench_main.main(["--quick", "--repeats", "1", "--out", str(tmp_path)]) == 0

    results = json.loads((tmp_path / "results.json").read_text())
    assert results["mode"] == "quick"
    assert results["machine"]["cpus"] and results["machine"]["sqlcipher"]
    measured = results["measurements"]
    assert set(measured) == {
        "2_search_as_you_type",
        "2b_search_with_proposed_index",
        "3_encryption_cost",
        "7_deadline_recomputation",
        "9_lock",
    }
    for kind in bench_main.QUERIES:
        row = measured["2_search_as_you_type"][kind]
        assert row["ratio_p95"]["median"] > 0
        assert row["raw_sql_p95_ms"]["median"] > 0
    for key in ("3_encryption_cost", "7_deadline_recomputation", "9_lock"):
        assert measured[key]["ratio"]["median"] > 0
    assert measured["7_deadline_recomputation"]["first_refresh_cases_changed"] > 0
    markdown = (tmp_path / "results.md").read_text()
    assert "Search as you type" in markdown and "SQLCipher" in markdown
