# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: run test browser bench clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(PY) scripts/serve.py

browser:
	bash scripts/ensure_browser.sh

test: $(VENV)/.dev browser
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

bench: $(VENV)/.dev browser
	$(PY) scripts/benchmark.py

clean:
	rm -rf $(VENV) .pytest_cache
