# Clinic — one entry point for setting up, running and testing on a fresh machine.
# `make run` and `make test` create .venv and install what they need; nothing else is assumed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEPS   := $(VENV)/.deps-installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test demo lint typecheck layers pytest test-display system-deps screenshots bench bundle bundle-check clean help translations test-corpus test-faults test-office office-demo

help:
	@echo "make run    - set up and start Clinic"
	@echo "make test   - set up and run every check (lint, types, layers, headless tests, real-display tests)"
	@echo "make test-display - the real-display suite alone (Xvfb + openbox, Qt xcb); ARGS='-k name' picks tests"
	@echo "make test-faults  - long fault runs: 200 kill -9 trials, audit checks beside a live writer, canary sweeps of every CLI flow and the window's dialogs"
	@echo "make test-corpus  - the evidence packet on the whole generated PDF corpus"
	@echo "make office-demo  - office mode on this computer: a throwaway PostgreSQL server with demo data, the window signed in (AS=volunteer|paralegal|attorney|admin)"
	@echo "make test-office  - the services suite again on a throwaway PostgreSQL server (office mode)"
	@echo "make demo   - start Clinic on a throwaway data folder filled with synthetic cases"
	@echo "make bench  - run the benchmarks (writes bench/results.md and bench/results.json; then the hostile .xlsx timings)"
	@echo "make bundle - build the desktop bundle (dist/Clinic) and tarball; make bundle-check runs its self-test"
	@echo "make screenshots - the main screens with demo data on a real X display (English, Spanish, dark) into docs/screenshots/"
	@echo "make translations - extract the interface's strings into resources/translations/*.ts"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(DEPS): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Qt translations: the .ts sources are committed; the compiled .qm is built here, never committed.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

$(QM): %.qm: %.ts | $(DEPS)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(DEPS)
	$(BIN)/python tools/translations.py extract

# Debian packages (tools/install-system-deps.sh): the window's libraries and fonts for run/demo;
# those plus the tests' (Secret Service, Xvfb + openbox + xdotool, PDF tools) for the tests.
# Installed as root when something is missing; otherwise run/demo print the one command to type.
system-deps:
	@bash tools/install-system-deps.sh test

run: export QT_QPA_PLATFORM :=
run: $(DEPS) $(QM)
	@bash tools/install-system-deps.sh run
	$(BIN)/clinic

demo: export QT_QPA_PLATFORM :=
demo: $(DEPS) $(QM)
	@bash tools/install-system-deps.sh run
	@bash tools/demo.sh $(BIN)/clinic

# Office mode (issue 21) on this computer: a throwaway PostgreSQL server with demo data, and the
# window signed in to it (AS=admin|attorney|paralegal|volunteer); stopped when the window closes.
AS ?= paralegal
office-demo: export QT_QPA_PLATFORM :=
office-demo: $(DEPS) $(QM)
	@bash tools/install-system-deps.sh office
	$(BIN)/python -m tools.office_demo --as $(AS)

lint: $(DEPS)
	$(BIN)/ruff check clinic tests installer $(wildcard bench tools)
	$(BIN)/ruff format --check clinic tests installer $(wildcard bench tools)

typecheck: $(DEPS)
	$(BIN)/mypy
	$(BIN)/mypy --platform win32 clinic/ui/session_lock.py clinic/ui/clipboard_guard.py

layers: $(DEPS)
	$(BIN)/lint-imports

# Long fault and leak runs are left to `make test-faults` (their full versions; .ci/run runs it
# after `make test`), which keeps `make test` under 30 minutes on a two-core machine.
LONG_RUNS := tests/storage/test_crash_safety.py tests/storage/test_check_beside_writer.py \
	tests/cli/test_canary_sweep.py tests/display/test_canary_window_sweep.py

pytest: $(DEPS) system-deps $(QM)
	bash tools/with-keyring-session.sh $(BIN)/python -m pytest -q $(addprefix --ignore=,$(LONG_RUNS))

# The window on a real X display: Xvfb with the openbox window manager, Qt's xcb platform, real
# focus and typed input (xdotool). Screenshots land in build/test-display/.
ARGS ?=
test-display: $(DEPS) system-deps $(QM)
	rm -rf build/test-display
	bash tools/with-keyring-session.sh bash tools/with-display.sh \
		$(BIN)/python -m pytest -q tests/display $(addprefix --ignore=,$(LONG_RUNS)) $(ARGS)

test: $(DEPS) system-deps lint typecheck layers pytest test-display

# The evidence packet on the whole adversarial-but-valid corpus (bench/pdf_corpus.py): every
# rotation with every page-box oddity, every form field with NeedAppearances (the normal suite
# builds one file of each kind); every placed page checked again with poppler.
test-corpus: $(DEPS) system-deps
	CLINIC_CORPUS=full $(BIN)/python -m pytest -q tests/reports/test_packet_corpus.py

# Office mode (issue 21): every services test that uses a store, again on an office database
# of a throwaway PostgreSQL cluster (initdb in a temporary folder, TLS, SCRAM; tests/office/
# pg_cluster.py). Kept out of `make test` to keep it under 30 minutes; .ci/run runs it after.
test-office: $(DEPS) system-deps
	CLINIC_TEST_ENGINES=office $(BIN)/python -m pytest -q tests/services -k office

# Long fault runs (issue 16): 200 kill -9 trials during writes, and the audit checks run for
# three minutes beside a live writer (make test runs short versions of both).
test-faults: $(DEPS) system-deps $(QM)
	CLINIC_CRASH_KILLS=200 CLINIC_RACE_SECONDS=180 $(BIN)/python -m pytest -q \
		tests/storage/test_crash_safety.py tests/storage/test_check_beside_writer.py
	CLINIC_SWEEP=full bash tools/with-keyring-session.sh $(BIN)/python -m pytest -q \
		tests/cli/test_canary_sweep.py
	bash tools/with-keyring-session.sh bash tools/with-display.sh \
		$(BIN)/python -m pytest -q tests/display/test_canary_window_sweep.py

$(BIN)/pyinstaller: $(DEPS)
	$(BIN)/python -m pip install --quiet -e '.[bundle]'

# One-folder desktop bundle in dist/Clinic plus a tarball; prints the bundle size.
bundle: $(BIN)/pyinstaller $(QM)
	$(BIN)/pyinstaller installer/clinic.spec --noconfirm --distpath dist --workpath build
	bash installer/linux/make_tarball.sh
	@echo "Bundle: dist/Clinic is $$(du -sh dist/Clinic | cut -f1)"

# The bundled app's own end-to-end self-test, in a clean environment.
bundle-check: bundle
	env -i PATH="$$PATH" HOME="$$HOME" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen dist/Clinic/Clinic --self-test

# On a real X display (Xvfb 1366x768 + openbox, Qt xcb): English, Spanish and dark.
screenshots: $(DEPS) system-deps $(QM)
	bash tools/with-display.sh $(BIN)/python tools/screenshots.py

bench: $(DEPS)
	$(BIN)/python -m bench
	$(BIN)/python -m bench.xlsx_bombs

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
