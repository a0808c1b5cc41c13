"""`clinic self-test`: every step runs and is printed; a failure gives a non-zero exit."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clinic import cli
from clinic.cli import selftest_commands
from clinic.services import language, self_test


@pytest.mark.slow
def test_self_test_prints_every_step_and_exits_0(tmp_path: Path) -> None:
    untouched = tmp_path / "real-data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLINIC_")}
    env.update(
        CLINIC_DATA_DIR=str(untouched),  # the user's data folder: must not be created
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",  # no keychain either
        TMPDIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-m", "clinic", "self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for number, (name, _) in enumerate(self_test.STEPS, start=1):
        (line,) = [x for x in lines if x.startswith(f"[{number:>2}/{len(self_test.STEPS)}]")]
        assert name in line
        assert " ok " in line, line
    assert lines[-1].startswith("Self-test passed")
    assert not untouched.exists()
    assert not list(tmp_path.glob("clinic-self-test-*")), "the temporary folder was left behind"


def test_a_failing_step_fails_the_self_test_and_the_rest_still_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(run: object) -> str:
        raise RuntimeError("the deadline rules are missing")

    steps = [(n, broken if n == "compute deadlines" else s) for n, s in self_test.STEPS]
    monkeypatch.setattr(self_test, "STEPS", tuple(steps))
    out = io.StringIO()
    code = selftest_commands.cmd_self_test(argparse.Namespace(), out)
    text = out.getvalue()
    assert code == 1
    assert "FAILED  compute deadlines: RuntimeError: the deadline rules are missing" in text
    assert text.count("] ok ") == len(steps) - 1  # every step but the broken one
    assert "Self-test FAILED: 1 step failed" in text


def test_a_step_needing_an_earlier_result_fails_with_that_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_store = tuple((n, s) for n, s in self_test.STEPS if "create" not in n)
    monkeypatch.setattr(self_test, "STEPS", without_store)
    results = {r.name: r for r in self_test.run_self_test(work_dir=tmp_path)}
    assert results["find rules, fonts and migrations"].status == "ok"
    for name in ("intake a client", "back up", "restore", "lock and unlock"):
        assert results[name].failed
        assert "an earlier step failed" in results[name].detail


def test_the_self_test_speaks_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    """The header, each step's name, its result and the summary under --lang es (the Spanish
    review found them English); the counted words agree with their number."""
    monkeypatch.setattr(language, "_override", {})  # --lang es ends with this test

    def broken(run: object) -> str:
        raise RuntimeError("x")

    by_name = dict(self_test.STEPS)
    steps = (
        ("find rules, fonts and migrations", by_name["find rules, fonts and migrations"]),
        ("intake a client", by_name["intake a client"]),  # no store: an earlier step failed
        ("compute deadlines", broken),
    )
    monkeypatch.setattr(self_test, "STEPS", steps)
    out = io.StringIO()
    code = cli.run(cli.parse(["--lang", "es", "self-test"]), out)
    text = out.getvalue()
    assert code == 1
    assert "Autoprueba de Clinic en " in text and "(3 pasos)" in text
    assert "] bien    encontrar las reglas, las fuentes y las migraciones: " in text
    assert " reglas de plazos (también con nombre en español), " in text
    assert "] FALLÓ   dar ingreso a un cliente: SelfTestFailed: no hay una base de datos" in text
    assert "falló un paso anterior" in text
    assert "] FALLÓ   calcular los plazos: RuntimeError: x" in text
    assert "Autoprueba FALLIDA: fallaron 2 pasos" in text
    for english in ("self-test in", " ok ", "FAILED", "find rules", "deadline rules", "step"):
        assert english not in text, english


def test_the_self_tests_counted_words_in_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_override", {})  # --lang es ends with this test
    monkeypatch.setattr(self_test, "STEPS", (("restore", self_test.STEPS[-2][1]),))
    out = io.StringIO()
    assert cli.run(cli.parse(["--lang", "es", "self-test"]), out) == 1
    text = out.getvalue()
    assert "(1 paso)" in text and "] FALLÓ   restaurar: " in text
    assert "falló 1 paso" in text and "no hay copia de seguridad" in text
