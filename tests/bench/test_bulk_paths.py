"""The bulk-path timing script runs on tiny sizes (its figures are in bench/notes.md)."""

from __future__ import annotations

import pytest

from bench import bulk_paths


def test_the_import_timing_stores_every_generated_client() -> None:
    report = bulk_paths.main(["import", "12"])
    assert report["clients"] == 12
    assert report["plan_cpu_s"] > 0 and report["commit_cpu_s"] > 0


def test_the_demo_timing_fills_a_store() -> None:
    report = bulk_paths.main(["demo", "2"])
    assert report["wall_s"] > 0 and report["cpu_s"] > 0
    assert report["statements_per_client"] > 10  # a client is dozens of rows
    assert report["cpu_s_100k"] == pytest.approx(report["cpu_s"] * 50_000)
    assert report["ratio_to_target"] == pytest.approx(report["cpu_s_100k"] / 300)
