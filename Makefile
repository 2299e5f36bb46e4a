# Two commands do everything on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= .kg/store
# `make demo` installs the runtime only (no test, notebook or browser packages) in a venv of its own.
DEMO_VENV := .venv-run
DEMO_BIN := $(DEMO_VENV)/bin
DEMO_STAMP := $(DEMO_VENV)/.installed

.PHONY: setup demo test test-fast lint eval eval-variants bench bench-quick bench-servers bench-100k notebooks docs clean system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/python -m compileall -q kg >/dev/null  # an editable install is not compiled: each run would (PYTHONDONTWRITEBYTECODE)
	touch $(STAMP)

setup: $(STAMP)

$(DEMO_STAMP): pyproject.toml
	test -x $(DEMO_BIN)/python || $(PY) -m venv $(DEMO_VENV)
	$(DEMO_BIN)/pip install -q --upgrade pip
	$(DEMO_BIN)/pip install -q -e .
	$(DEMO_BIN)/python -m compileall -q kg >/dev/null
	touch $(DEMO_STAMP)

# Debian packages the tests need (Chromium for browser tests, Virtuoso for the remote-store tests).
system-deps:
	./scripts/system-deps.sh

demo: $(DEMO_STAMP)
	$(DEMO_BIN)/kg ingest seeds --store $(STORE)
	$(DEMO_BIN)/kg report --store $(STORE)
	$(DEMO_BIN)/kg viz --store $(STORE) --output out/overview.html
	$(DEMO_BIN)/kg viz --store $(STORE) --followups --output out/followups-graph.html
	@echo
	@echo "Open these pages in a browser (they work offline):"
	@echo "  file://$(CURDIR)/out/overview.html"
	@echo "  file://$(CURDIR)/out/followups-graph.html"
	@echo "Serve the store (SPARQL endpoint, query page, views), then open http://127.0.0.1:8000/ :"
	@echo "  $(DEMO_BIN)/kg serve --store $(STORE)"
	@echo "Put kg on your PATH for this shell (README: Install):"
	@echo "  export PATH=\"$(CURDIR)/$(DEMO_BIN):\$$PATH\""
	@echo "  kg show NAME-OR-IRI --store $(STORE)    # one thing and its evidence (names: kg query documents)"

test: setup system-deps
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow and not browser and not server"

# Extraction quality: the seeds and the development corpus scored side by side (a measurement, not a test).
eval: setup
	$(BIN)/python scripts/eval.py

eval-variants: setup
	$(BIN)/python scripts/eval_variants.py

lint: setup
	$(BIN)/ruff check kg tests benchmarks scripts

# The full benchmark takes about an hour on 2 cores; bench-quick a few minutes (results in benchmarks/results/).
# `kg --help` start-up, extraction per document (issue 4), the 20,000-node graph page (issue 7), kg serve's
# pages at 1,000 documents (issue 17), then ingest, load and queries.
bench: setup
	$(BIN)/python -m benchmarks.bench_cli
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python -m benchmarks.bench_viz
	$(BIN)/python -m benchmarks.bench_serve
	$(BIN)/python -m benchmarks.run --keep-nquads

# The named queries on the Oxigraph server and Virtuoso, on the N-Quads `make bench` kept (--keep-nquads).
bench-servers: setup
	$(BIN)/python -m benchmarks.bench_servers --nquads benchmarks/.work/data-10M.nq

# Peak memory at 100,000 documents (issue 18: < 2 GB), --jobs 2; about an hour.
bench-100k: setup
	$(BIN)/python -m benchmarks.run --ingest-only --docs 100000 --jobs 2

bench-quick: setup
	$(BIN)/python -m benchmarks.bench_cli 7
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python -m benchmarks.bench_viz
	$(BIN)/python -m benchmarks.bench_serve --quick
	$(BIN)/python -m benchmarks.run --quick

notebooks: setup
	$(BIN)/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

docs: setup
	$(BIN)/python -m kg.docs ontology/council-kg.ttl docs/ontology.md

clean:
	rm -rf .kg $(VENV) $(DEMO_VENV) .pytest_cache
