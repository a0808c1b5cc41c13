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


MEASUREMENTS = {
    "1_start_up",
    "1p_start_up_prompt",
    "2_search_as_you_type",
    "3_encryption_cost",
    "4_case_list",
    "5_checklist_pdf",
    "6_evidence_packet",
    "7_deadline_recomputation",
    "8_backup",
    "9_lock",
    "10_command_line",
    "11_deadline_recompute",
    "12_i589_fill",
    "13_office_load",
}


def test_quick_mode_writes_results_with_ratios(tmp_path: Path) -> None:
    assert bench_main.main(["--quick", "--repeats", "1", "--out", str(tmp_path)]) == 0

    results = json.loads((tmp_path / "results.json").read_text())
    assert results["mode"] == "quick"
    assert results["machine"]["cpus"] and results["machine"]["sqlcipher"]
    assert len(results["load_average_start"]) == 3
    measured = results["measurements"]
    assert set(measured) == MEASUREMENTS
    for kind in ["open", *bench_main.QUERIES]:
        row = measured["2_search_as_you_type"][kind]
        assert row["ratio_p95"]["median"] > 0
        assert row["raw_sql_p95_ms"]["median"] > 0
    assert measured["2_search_as_you_type"]["open"]["count_shown"] == "300 case(s)"
    for key in MEASUREMENTS - {
        "2_search_as_you_type",
        "6_evidence_packet",
        "12_i589_fill",
        "13_office_load",
    }:
        ratio = measured[key]["ratio"]
        assert (ratio["median"] if isinstance(ratio, dict) else ratio) > 0, key
    i589 = measured["12_i589_fill"]  # needs the blank form from ../shared/forms/
    assert i589.get("available") is False or (
        i589["ratio"] > 0 and i589["first_fill_and_check_s"]["median"] > 0
    )
    packet = measured["6_evidence_packet"]
    assert packet.get("available") is False or packet["ratio"] > 0
    assert measured["1_start_up"]["app_peak_rss_mb"] > 0
    prompt = measured["1p_start_up_prompt"]
    assert prompt["main_window_after_passphrase_s"]["median"] > 0
    assert prompt["today_lines"] >= 0 and prompt["peak_rss_mb"] > 0
    case_list = measured["4_case_list"]
    assert case_list["rows_loaded"] == 300  # scrolled to the last case
    assert measured["5_checklist_pdf"]["median_pdf_kb"] > 1
    recomputed = measured["7_deadline_recomputation"]
    assert recomputed["cases_changed_and_audited"] > 0  # the rule change moved deadlines
    assert recomputed["nothing_to_change_cases_changed"] == 0
    scoped = measured["11_deadline_recompute"]  # issue 20 § 2
    assert scoped["worst_case_cases"] == 300 and scoped["worst_case_cases_changed"] > 0
    assert scoped["typical_rule_change_cases_changed"] > 0
    assert scoped["typical_rule_change_s"]["median"] > 0
    assert scoped["typical_closure_day_s"]["median"] > 0
    assert scoped["concurrent_writer_saves"] > 0 and scoped["longest_write_lock_held_s"] > 0
    assert scoped["concurrent_writer_failures"] == 0
    assert measured["8_backup"]["backup_file_mb"] > measured["8_backup"]["evidence_mb"]
    assert measured["8_backup"]["restore_s"]["median"] > 0
    assert measured["8_backup"]["backup_peak_rss_mb"]["median"] > 0
    command_line = measured["10_command_line"]
    assert command_line["version_ratio"]["median"] > 0
    assert command_line["evidence_add_big_peak_rss_mb"]["median"] > 0
    load = measured["13_office_load"]  # issue 21: the real server, started by the benchmark
    assert load.get("available") is False or (
        load["acknowledged_writes"] > 0
        and load["lost_acknowledged_writes"] == 0
        and load["other_errors"] == 0
        and load["note"]["ratio_p95"] > 0
    ), load
    markdown = (tmp_path / "results.md").read_text()
    assert "Search as you type" in markdown and "SQLCipher" in markdown
    assert "## Summary" in markdown and "Shared machine" in markdown
