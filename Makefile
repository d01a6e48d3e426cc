# Two commands for a fresh machine: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean system-deps test-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[all,dev]'
	touch $(STAMP)

demo: $(STAMP) system-deps
	$(BIN)/chitieu convert samples -o output --format json,parquet,csv,jsonl

system-deps:
	@bash .ci/system-deps

test-deps:
	@bash .ci/system-deps --tests

test: $(STAMP) test-deps
	$(BIN)/ruff check chitieu tests benchmarks scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check chitieu tests benchmarks scripts

bench: $(STAMP) test-deps
	$(BIN)/python benchmarks/bench_text.py
	$(BIN)/python benchmarks/bench_text.py --distinct
	$(BIN)/python benchmarks/bench_text_size.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_pdf.py
	$(BIN)/python benchmarks/bench_scan.py
	$(BIN)/python benchmarks/bench_review.py

clean:
	rm -rf $(VENV) output
