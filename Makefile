# Two commands set everything up on a fresh machine: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := sample_data/lai_chau_2024.xlsx

.PHONY: demo test test-slow lint bench sample clean install-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# compileall: bytecode as a wheel's install writes it (an editable install under
# PYTHONDONTWRITEBYTECODE would compile every module at every run)
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python -m compileall -q src
	touch $@

demo: $(VENV)/.installed
	$(BIN)/pcgd check $(SAMPLE) --targets laichau-2030 --exit-zero
	@echo
	@echo "== pcgd check on person rows: four communes' entry workbooks (synthetic people) =="
	@# exit 2 is expected: the sample stages three mistaken rows, listed at the end
	$(BIN)/pcgd check sample_data/persons/*.xlsx --units sample_data/persons/don_vi.csv \
		|| test $$? -eq 2

test: $(VENV)/.installed
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/pytest -q

# The benchmark's end-to-end test on small data (no timing asserted).
test-slow: $(VENV)/.installed
	$(BIN)/pytest -q -m slow

# the national file (issue 6), then person rows (issue 10: data made when absent, ~3 min)
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/run_persons.py
	$(BIN)/pytest -q -m slow

# A non-editable install in a throw-away venv must find its rule files too.
install-check:
	rm -rf build/install-check && $(PYTHON) -m venv build/install-check
	build/install-check/bin/pip install -q .
	cd /tmp && $(CURDIR)/build/install-check/bin/pcgd rules list
	cd /tmp && $(CURDIR)/build/install-check/bin/pcgd check $(CURDIR)/$(SAMPLE) --quiet --exit-zero

sample: $(VENV)/.installed
	$(BIN)/python scripts/make_sample_data.py
	$(BIN)/python scripts/make_person_sample.py

clean:
	rm -rf $(VENV) build dist *.egg-info
