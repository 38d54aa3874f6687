# The entry points people need: make run, make test (and lint, bench, translations, dist).
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint translations clean

run:
	bash scripts/bootstrap.sh
	$(PY) -m placement_desk

test:
	bash scripts/bootstrap.sh test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

lint:
	bash scripts/bootstrap.sh test,lint
	$(VENV)/bin/ruff check placement_desk tests
	$(VENV)/bin/mypy placement_desk

translations:
	bash scripts/bootstrap.sh
	$(PY) scripts/translations.py --check

clean:
	rm -rf $(VENV) build *.egg-info
