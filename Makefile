# Two commands do everything on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= .kg/store

.PHONY: setup demo test test-fast lint eval bench bench-quick bench-servers notebooks docs clean system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# Debian packages the tests need (Chromium for browser tests, Virtuoso for the remote-store tests).
system-deps:
	./scripts/system-deps.sh

demo: setup
	$(BIN)/kg ingest seeds --store $(STORE)
	$(BIN)/kg report --store $(STORE)
	$(BIN)/kg viz --store $(STORE) --output out/overview.html
	$(BIN)/kg viz --store $(STORE) --followups --output out/followups-graph.html

test: setup system-deps
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow and not browser and not server"

# Extraction quality: the seeds and the development corpus scored side by side (a measurement, not a test).
eval: setup
	$(BIN)/python scripts/eval.py

lint: setup
	$(BIN)/ruff check kg tests benchmarks

# The full benchmark takes about an hour on 2 cores; bench-quick a few minutes (results in benchmarks/results/).
# Extraction per document (issue 4), the 20,000-node graph page (issue 7), then ingest, load and queries.
bench: setup
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python -m benchmarks.bench_viz
	$(BIN)/python -m benchmarks.run --keep-nquads

# The named queries on the Oxigraph server and Virtuoso, on the N-Quads `make bench` kept (--keep-nquads).
bench-servers: setup
	$(BIN)/python -m benchmarks.bench_servers --nquads benchmarks/.work/data-10M.nq

bench-quick: setup
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python -m benchmarks.bench_viz
	$(BIN)/python -m benchmarks.run --quick

notebooks: setup
	$(BIN)/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

docs: setup
	$(BIN)/python -m kg.docs ontology/council-kg.ttl docs/ontology.md

clean:
	rm -rf .kg $(VENV) .pytest_cache
