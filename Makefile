# The entry points people need: make run, make test (and lint, bench, translations, dist).
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONDONTWRITEBYTECODE := 1
# The one version number, placement_desk.__version__, read from the source (no venv needed).
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' placement_desk/__init__.py)
ISCC ?= iscc

.PHONY: run test bench lint translations clean dist dist-check icons

# Bytecode is written for the app (PYTHONDONTWRITEBYTECODE would recompile every module at each start).
run:
	bash scripts/bootstrap.sh
	env -u PYTHONDONTWRITEBYTECODE $(PY) -m placement_desk

test:
	bash scripts/bootstrap.sh test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -n 2

# The benchmark (issues 6, 17): the 1,000,000-row data and ten times it (5,000 citizens), each built into
# bench/.cache/ the first time; prints the table side by side, writes bench/results.md. --scales 1: 1x only.
bench:
	bash scripts/bootstrap.sh
	$(PY) -m bench.run

lint:
	bash scripts/bootstrap.sh test,lint
	$(VENV)/bin/ruff check placement_desk tests bench
	$(VENV)/bin/mypy placement_desk

# Longer runs of the crash-safety and bad-input tests (make test runs 20 kills and a few hundred examples).
# The team server under load (issue 16): 8 processes, each its own login, 60 s on a throw-away PostgreSQL;
# checks the audit chain and that no acknowledged write was lost; writes bench/team-load.md.
.PHONY: team-load
team-load:
	bash scripts/bootstrap.sh test
	$(PY) -m bench.team_load --processes 8 --seconds 60

.PHONY: soak
soak:
	bash scripts/bootstrap.sh test
	CRASH_TRIALS=200 BAD_INPUT_EXAMPLES=500 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider \
		tests/db/test_crash_safety.py tests/services/test_bad_input.py

translations:
	bash scripts/bootstrap.sh
	$(PY) scripts/translations.py --check

clean:
	rm -rf $(VENV) build *.egg-info

# The one-folder bundle dist/placement-desk/ (PyInstaller); with Inno Setup's iscc on the PATH (Windows)
# also the installer dist/PlacementDesk-Setup-$(VERSION).exe.
dist:
	bash scripts/bootstrap.sh dist
	$(PY) -m PyInstaller packaging/placement_desk.spec --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller
	@if command -v $(ISCC) >/dev/null 2>&1; then \
		$(ISCC) /DMyAppVersion=$(VERSION) installer.iss; \
	else \
		echo "bundle: dist/placement-desk/ (the Windows installer: iscc /DMyAppVersion=$(VERSION) installer.iss)"; \
	fi

# Builds the bundle and runs it headless: --version, demo, dossier, the GUI offscreen.
dist-check: dist
	$(PY) packaging/check_bundle.py dist/placement-desk

# Re-renders resources/icons/placement-desk.png and .ico from placement-desk.svg.
icons:
	bash scripts/bootstrap.sh dist
	QT_QPA_PLATFORM=offscreen $(PY) packaging/make_icons.py
