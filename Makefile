# The two commands of the README:
#   make demo  — set up kg and run the main job on examples/ (embedded store, no server)
#   make test  — set up everything the tests need (Python packages, Debian's Chromium,
#                the Neo4j test server and the Jena checker from Maven Central) and run them
VENV   := .venv
PYTHON ?= python3
KG     := $(VENV)/bin/kg

.PHONY: demo test setup setup-test clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed

setup-test: setup
	bash tools/install-chromium.sh
	bash tools/neo4j-server/build.sh
	bash tools/jena-check/build.sh

demo: setup
	rm -rf .kg-demo
	$(KG) build examples --store .kg-demo/store
	$(KG) query who_leads_what_where --store .kg-demo/store

test: setup-test
	$(VENV)/bin/python -m pytest -q

clean:
	rm -rf .kg-demo kg-store graph.html tools/neo4j-server/target
