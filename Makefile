# make demo: the demo pipeline, analysis and report on the embedded local store.
# make test: the test suite (installs everything it needs into .venv first).
PYTHON ?= python3
VENV ?= .venv
PHOENIX_VENV ?= .venv-phoenix
PHOENIX_VERSION ?= 20.26.1
BIN = $(VENV)/bin

.PHONY: demo test lint install phoenix clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# every framework integration, so their tests run for real (make test only), and
# ClickHouse's driver with chDB (the engine in-process) for the ClickHouse source tests
$(VENV)/.integrations: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test,langgraph,mcp,openai-agents,autogen,clickhouse,chdb]'
	touch $@

install: $(VENV)/.installed $(VENV)/.integrations

# Phoenix lives in its own virtualenv: it is a test peer (a real OTLP receiver),
# not a dependency of coordgap, and its own pins must not move ours.
$(PHOENIX_VENV)/.installed:
	$(PYTHON) -m venv $(PHOENIX_VENV)
	$(PHOENIX_VENV)/bin/python -m pip install -q --upgrade pip
	$(PHOENIX_VENV)/bin/python -m pip install -q 'arize-phoenix==$(PHOENIX_VERSION)'
	touch $@

phoenix: $(PHOENIX_VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/coordgap demo

test: $(VENV)/.installed $(VENV)/.integrations $(PHOENIX_VENV)/.installed
	COORDGAP_PHOENIX_BIN=$(abspath $(PHOENIX_VENV))/bin/phoenix $(BIN)/python -m pytest -q

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(PHOENIX_VENV) .coordgap
