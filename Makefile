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

# the name reading's hot loops in C (setup.py, chitieu/catalog/_fastread.c), built in place;
# optional: where they do not build, chitieu runs their Python twins (the same results)
COMPILED := $(VENV)/.compiled
$(COMPILED): $(STAMP) setup.py chitieu/catalog/_fastread.c
	$(BIN)/pip install --quiet --no-deps -e . || echo "chitieu: compiled part not built"
	touch $(COMPILED)

demo: $(COMPILED) system-deps
	$(BIN)/chitieu convert samples -o output --format json,parquet,csv,jsonl

system-deps:
	@bash .ci/system-deps

test-deps:
	@bash .ci/system-deps --tests

test: $(COMPILED) test-deps
	$(BIN)/ruff check chitieu tests benchmarks scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check chitieu tests benchmarks scripts

bench: $(COMPILED) test-deps
	$(BIN)/python benchmarks/bench_text.py
	$(BIN)/python benchmarks/bench_text.py --distinct
	$(BIN)/python benchmarks/bench_text_size.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_pdf.py
	$(BIN)/python benchmarks/bench_scan.py
	$(BIN)/python benchmarks/bench_review.py

clean:
	rm -rf $(VENV) output
