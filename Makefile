# Entry points: `make serve` and `make test` do all setup themselves (see README.md).
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
NODE    := node_modules/.package-lock.json
HOST    ?= 127.0.0.1
SERVE_PORT ?= 8000

.PHONY: help setup site serve test lint chromium firefox nginx-installed bench search-bench clean pyodide-test-wheels sjekk

help:
	@echo "make serve   – installerer det som trengs og viser nettstedet på http://$(HOST):$(SERVE_PORT)"
	@echo "make test    – installerer det som trengs og kjører alle testene"
	@echo "make site    – bygger nettstedet til site/ (site/ byttes bare ut når byggingen går gjennom)"
	@echo "make sjekk   – sjekker trærne og sitatene mot den nyeste retningslinjen i kilde/ (fil:linje)"
	@echo "make lint    – statiske sjekker av koden (ruff, mypy, Biome)"
	@echo "make bench   – måler ytelsen til beslutningstreet"
	@echo "make search-bench – måler søket: riktige treff, bytes og tid til første treff"
	@echo "make nginx   – viser nettstedet gjennom nginx slik intranettet gjør, på http://127.0.0.1:$(PORT)/hjemmekontor/"
	@echo "make load    – lastmåling av nginx med wrk (bare 127.0.0.1)"

# The Python environment: a Python >= 3.12 found by tools/find-python, exact pins from requirements.txt,
# and the project's own packages (decision_tree, guideline, tooling) installed in place (pip install -e .).
$(STAMP): requirements.txt pyproject.toml
	@py=$$(tools/find-python) || exit 1; \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    rm -rf $(VENV); echo "Lager $(VENV) med $$py"; "$$py" -m venv $(VENV) || exit 1; \
	  fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(STAMP) $(NODE)

# Built beside site/ and put in place only when the build passed: a failed build leaves the last good
# site/ untouched and exits non-zero (python -m tools.build_site), so `make site && rsync …` is safe.
site: setup
	$(PY) -m tools.build_site

# What HR runs after adding a new version to kilde/: every quote to update, with file:line.
sjekk: setup
	$(VENV)/bin/beslutningstre check

serve: setup
	$(PY) -m mkdocs serve --strict --dev-addr $(HOST):$(SERVE_PORT) --livereload

chromium:
	@tools/ensure-chromium

# Debian's Firefox ESR, for the one smoke test in Firefox (tests/browser/test_widget_firefox.py).
firefox:
	@tools/ensure-firefox

# Debian's nginx and its brotli_static module, for the deploy tests, `make nginx` and `make bench`.
nginx-installed:
	@tools/ensure-nginx

# The site as the intranet serves it: Debian's nginx with deploy/'s configuration, in the
# foreground (Ctrl-C stops it), on 127.0.0.1 only. Built into its own folder with a site_url for
# that address (instant navigation needs the exact one), so site/ stays as the tests expect it.
.PHONY: nginx load
PORT       ?= 8080
NGINX_SITE := site-nginx
nginx: setup nginx-installed
	SITE_URL=http://127.0.0.1:$(PORT)/hjemmekontor/ $(PY) -m mkdocs build --strict --site-dir $(NGINX_SITE)
	$(PY) -m tools.run_nginx --site $(NGINX_SITE) --port $(PORT)

# A benchmark, not a test: wrk against nginx on loopback, bounded in time (tools/load.py).
load: site nginx-installed
	$(PY) -m tools.load

# pytest and its dependencies as local wheels for the engine tests inside Pyodide
# (tests/pyodide/): the versions pinned in requirements.txt, for Pyodide's platform.
PYODIDE_TEST_WHEELS := .cache/pyodide-test-wheels
$(PYODIDE_TEST_WHEELS)/.stamp: requirements.txt $(STAMP) $(NODE)
	@set -- $$($(PY) -c 'import json; i = json.load(open("node_modules/pyodide/pyodide-lock.json"))["info"]; \
	    print(i["abi_version"], ".".join(i["python"].split(".")[:2]))'); \
	  rm -rf $(PYODIDE_TEST_WHEELS); \
	  $(PY) -m pip download --quiet --disable-pip-version-check --only-binary=:all: --no-deps \
	    --platform pyemscripten_$$1_wasm32 --python-version $$2 -d $(PYODIDE_TEST_WHEELS) \
	    $$(grep -E '^(pytest|pluggy|iniconfig|packaging|Pygments|hypothesis|sortedcontainers)==' requirements.txt)
	@touch $@

pyodide-test-wheels: $(PYODIDE_TEST_WHEELS)/.stamp

# Static checks: ruff and mypy on the Python, Biome on the JavaScript.
lint: setup
	$(VENV)/bin/ruff check decision_tree guideline tooling hooks tools tests
	$(VENV)/bin/mypy
	node_modules/.bin/biome lint

test: setup lint chromium firefox nginx-installed site pyodide-test-wheels
	$(PY) -m pytest

# A benchmark, not a test: each figure beside its target, for three network profiles, through
# nginx as deployed (RUNS=3 by default: a few minutes).
bench: setup chromium nginx-installed site
	$(PY) -m tools.bench --runs $(or $(RUNS),3)

# A benchmark, not a test: the query set (tests/search/queries.toml) through the real search box,
# hits in the first 3 and 5, bytes on the wire and time to first result on the home profile.
search-bench: setup chromium nginx-installed site
	$(PY) -m tools.search_bench --runs $(or $(RUNS),3)

clean:
	rm -rf site $(NGINX_SITE) .pytest_cache dist
