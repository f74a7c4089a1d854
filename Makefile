# make demo: the demo pipeline, analysis and report on the embedded local store
# (every target installs coordgap[all]: the plain package is the tracer only).
# make test: the test suite (installs everything it needs into .venv first), on two
# workers (pytest-xdist; each test file on one worker, so its module fixtures run once).
PYTHON ?= python3
VENV ?= .venv
PHOENIX_VENV ?= .venv-phoenix
PHOENIX_VERSION ?= 20.26.1
BEEAI_VENV ?= .venv-beeai
# n8n for `make n8n-test`: npm packages in a cache outside the venv and the repo
N8N_VERSION ?= 2.41.1
N8N_CACHE ?= $(or $(COORDGAP_N8N_CACHE),$(HOME)/.cache/coordgap-n8n)
BIN = $(VENV)/bin

.PHONY: demo test corpus-test lint install phoenix beeai n8n n8n-test clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[all,test]'
	touch $@

# every framework integration, so their tests run for real (make test only), AG2 with
# OpenInference's instrumentor, Pydantic AI (alone and through OpenInference's span processor), Google ADK, smolagents, LlamaIndex, Agno, CrewAI and the OpenAI Agents SDK with OpenInference's instrumentors,
# CrewAI with OpenLLMetry's CrewAI and OpenAI instrumentors,
# Microsoft Agent Framework with its own tracing, DSPy with OpenInference's instrumentor
# (blind corpus families' regeneration), and ClickHouse's
# driver with chDB (the engine in-process) for the ClickHouse source tests
$(VENV)/.integrations: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[all,test,langgraph,langgraph-test,mcp,openai-agents,autogen,ag2,pydanticai,adk,smolagents,llamaindex,agno,strands,crewai,crewai-openinference,openai-agents-openinference,langgraph-openllmetry,autogen-openinference,agentframework,haystack,adk-openinference,llamaindex-openllmetry,crewai-openllmetry,pydanticai-openinference,openai-agents-openllmetry,dspy-openinference,semantickernel,agno-openllmetry,clickhouse,chdb]'
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

# BeeAI Framework (the blind corpus family beeai_openinference_canallocks) lives in its own
# virtualenv with coordgap: its json-repair pin cannot resolve beside CrewAI's (the crewai
# extra), so the beeai extra cannot join the integrations line; the family's generator
# starts itself under this interpreter (COORDGAP_BEEAI_PYTHON)
$(BEEAI_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(BEEAI_VENV)
	$(BEEAI_VENV)/bin/python -m pip install -q --upgrade pip
	$(BEEAI_VENV)/bin/python -m pip install -q -e '.[analyze,collect,beeai]'
	touch $@

beeai: $(BEEAI_VENV)/.installed

# n8n (2.41 needs Node >= 22.22: a Node 24 from npm comes with it); see tests/n8n/setup.sh
$(N8N_CACHE)/.installed-$(N8N_VERSION):
	bash tests/n8n/setup.sh $(N8N_CACHE) $(N8N_VERSION)

n8n: $(N8N_CACHE)/.installed-$(N8N_VERSION)

# a real n8n traced by its own OpenTelemetry into `coordgap collect`
n8n-test: $(VENV)/.installed $(VENV)/.integrations n8n
	COORDGAP_N8N_HOME=$(N8N_CACHE) COORDGAP_REQUIRE_N8N=1 $(BIN)/python -m pytest -q -m n8n tests/test_n8n_e2e.py

demo: $(VENV)/.installed
	$(BIN)/coordgap demo

test: $(VENV)/.installed $(VENV)/.integrations $(PHOENIX_VENV)/.installed $(BEEAI_VENV)/.installed
	COORDGAP_PHOENIX_BIN=$(abspath $(PHOENIX_VENV))/bin/phoenix \
	COORDGAP_BEEAI_PYTHON=$(abspath $(BEEAI_VENV))/bin/python $(BIN)/python -m pytest -q \
	-n 2 --dist loadfile

# the corpus generators run again on a few scenarios each, with the real frameworks, and
# must write what is committed (the default suite leaves these out: several minutes)
corpus-test: $(VENV)/.installed $(VENV)/.integrations $(BEEAI_VENV)/.installed
	COORDGAP_CORPUS_SHAPE=1 \
	COORDGAP_BEEAI_PYTHON=$(abspath $(BEEAI_VENV))/bin/python $(BIN)/python -m pytest -q -m regen

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(PHOENIX_VENV) .coordgap
