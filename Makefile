# Station Desk: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
TS := resources/translations/stationdesk_zh_CN.ts
QM := $(TS:.ts=.qm)
UI_SOURCES := $(shell find app/ui -name '*.py' 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help run test fast lint bench bench-more soak translations lupdate demo clean check-system \
	wheel-check dist dist-check screenshots

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# The .qm is committed (a wheel and a checkout without make need it);
# tests/ui/test_translation_file.py fails when it lags behind the .ts.
$(QM): $(TS) $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

translations: $(QM)  ## Rebuild the compiled Chinese translation (.qm) after editing the .ts

check-system:  ## Check the Debian/Ubuntu packages Qt needs (as root: install them)
	@PYTHON=$(PYTHON) bash build_spec/check_system.sh

lupdate: $(VENV)/.installed  ## Collect new UI strings into the .ts file (then translate them)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(UI_SOURCES) -ts $(TS)

run: check-system $(VENV)/.installed $(QM)  ## Set up and start the app (data in your user data folder)
	$(PY) -m app

demo: $(VENV)/.installed $(QM)  ## Start the app on a fresh demo database in ./demo.sqlite3
	@test -f demo.sqlite3 || $(BIN)/stationdesk demo --db demo.sqlite3
	$(PY) -m app --db demo.sqlite3

lint: $(VENV)/.installed  ## ruff, import boundaries, mypy
	$(BIN)/ruff check app tests db/env.py
	$(BIN)/ruff format --check app tests db/env.py
	$(BIN)/lint-imports
	$(BIN)/mypy

# The tests without a window run on every core (each worker starts its own PostgreSQL);
# the window's tests run beside them in one process of their own (one Qt application), so
# the whole takes about as long as the longer of the two (11 min on 2 cores, against 19
# one after the other). The window's log is printed when both have finished.
test: check-system $(VENV)/.installed $(QM) lint  ## Set up, lint, and run every test (Qt offscreen)
	@log=$$(mktemp); \
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -p no:cacheprovider tests/ui >"$$log" 2>&1 & window=$$!; \
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -n auto tests/unit tests/e2e; others=$$?; \
	wait $$window; shown=$$?; \
	echo "---- window tests (tests/ui) ----"; cat "$$log"; rm -f "$$log"; \
	exit $$(( others || shown ))

fast: $(VENV)/.installed  ## Tests without Qt
	$(BIN)/pytest -q -m "not gui"

BENCH_DB := .bench/county.sqlite3

# The county demo, built once and kept (its build time and WAL size in $(BENCH_DB).build.json).
$(BENCH_DB): | $(VENV)/.installed
	mkdir -p .bench
	$(PY) -m tests.bench --build $@.part
	mv $@.part.build.json $@.build.json
	mv $@.part $@

# A county demo built by an older version is brought to the newest schema once per change of
# the migrations (a few minutes), rather than rebuilt.
$(BENCH_DB).rev: $(BENCH_DB) $(wildcard db/versions/*.py)
	$(PY) -m tests.bench --upgrade $(BENCH_DB)
	touch $@

bench: $(VENV)/.installed $(QM) $(BENCH_DB).rev  ## Speed and memory against their floors, one table (builds the county demo once)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench_start $(BENCH_DB)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench $(BENCH_DB)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench_packages $(BENCH_DB)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench_merge $(BENCH_DB)

bench-more: $(VENV)/.installed $(BENCH_DB)  ## Roster import, pinyin and station-role search, workstations on one server, the county's size on PostgreSQL (minutes each)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench_import
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench_pinyin
	$(PY) -m tests.bench_station_search
	$(PY) -m tests.bench_concurrency
	$(PY) -m tests.bench_pg_size $(BENCH_DB)

soak: $(VENV)/.installed  ## Crash test (STATIONDESK_CRASH_ROUNDS, default 1000) and 10,000 damaged rosters
	STATIONDESK_CRASH_ROUNDS=$${STATIONDESK_CRASH_ROUNDS:-1000} $(BIN)/pytest -q tests/unit/store/test_crash_safety.py
	STATIONDESK_FUZZ_CASES=$${STATIONDESK_FUZZ_CASES:-10000} $(BIN)/pytest -q tests/unit/services/importing/test_fuzz.py

screenshots: $(VENV)/.installed $(QM)  ## PNGs of every page and the main dialogs (3 screen sizes) in ./screenshots/
	$(PY) -m tests.screenshots --out screenshots

wheel-check:  ## Build the wheel, install it in a fresh venv, run it on a new database
	PYTHON=$(PYTHON) bash build_spec/wheel_check.sh

$(VENV)/.dist-installed: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev,dist]'
	touch $@

dist: $(VENV)/.dist-installed $(QM)  ## Desktop build in dist/StationDesk/ (PyInstaller, one folder)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  build_spec/stationdesk.spec
	@echo "dist/StationDesk: $$(du -sh --apparent-size dist/StationDesk | cut -f1)," \
	  "$$(find dist/StationDesk -type f | wc -l) files"

dist-check: dist  ## Desktop build, then its self-test (report, PDF font, translation)
	QT_QPA_PLATFORM=offscreen dist/StationDesk/stationdesk-cli --self-test

clean:  ## Remove the venv and build products
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
