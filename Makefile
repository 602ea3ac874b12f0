# Convolutions course: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# nbgrader runs `alembic` and kernels from PATH: the course's environment comes first.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.DEFAULT_GOAL := help
.PHONY: help env env-oldest env-colab sandbox browser database release publish publish-solutions lms-grades similarity lint format sync test autograde reports feedback lab bench bench-grading figures clean
# Debian packages, installed when missing: as root directly, otherwise through sudo.
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
SUDO_INSTALL = else sudo apt-get install -y

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

env: $(VENV)/.installed ## Create .venv with the pinned packages (done by every target that needs it)

env-oldest: .venv-oldest/.installed ## Create .venv-oldest, the oldest supported jax and flax, for the tests

.venv-oldest/.installed: requirements-oldest.lock
	test -x .venv-oldest/bin/python || $(PYTHON) -m venv .venv-oldest
	.venv-oldest/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-oldest.lock
	touch $@

# Colab's Python, for .venv-colab: a python3.13 that runs, else pyenv's.
PYTHON_COLAB ?= $(shell python3.13 -c 'import sys; print(sys.executable)' 2>/dev/null || ls -d "$$(pyenv root 2>/dev/null)"/versions/3.13*/bin/python3.13 2>/dev/null | tail -1)

env-colab: .venv-colab/.installed ## Create .venv-colab, Google Colab's runtime (Python 3.13 and its versions), for the tests

.venv-colab/.installed: requirements-colab.lock
	@test -n "$(PYTHON_COLAB)" || { echo "Python 3.13, which .venv-colab mirrors Colab with, is missing: install it (pyenv install 3.13) or set PYTHON_COLAB=/path/to/python3.13" >&2; exit 1; }
	test -x .venv-colab/bin/python || $(PYTHON_COLAB) -m venv .venv-colab
	.venv-colab/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-colab.lock
	touch $@

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

sandbox: ## Install bubblewrap, which grading kernels run in (needs root or sudo)
	@command -v bwrap >/dev/null || { $(APT_INSTALL) bubblewrap; $(SUDO_INSTALL) bubblewrap; fi; }
	@command -v prlimit >/dev/null || { echo "prlimit (util-linux) is missing" >&2; exit 1; }

browser: env ## Install Debian's Chromium and Playwright, which the browser tests drive (needs root or sudo)
	@test -x /usr/bin/chromium || { $(APT_INSTALL) chromium; $(SUDO_INSTALL) chromium; fi; }

database: ## Install PostgreSQL, which the gradebook tests start a throwaway server of (needs root or sudo)
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { $(APT_INSTALL) postgresql; $(SUDO_INSTALL) postgresql; fi; }

release: env ## Build the student notebooks in release/ from source/ and check them
	$(PY) -m course.build.release

publish: release ## Write the public student repository into DEST=folder as a new commit (you push it)
	@test -n "$(DEST)" || { echo "usage: make publish DEST=path/to/student-repository" >&2; exit 2; }
	$(PY) -m course.build.publish "$(DEST)"

publish-solutions: release ## After the deadline: add solution notebooks to DEST as one commit (ASSIGNMENT=id for one)
	@test -n "$(DEST)" || { echo "usage: make publish-solutions DEST=path/to/student-repository [ASSIGNMENT=id]" >&2; exit 2; }
	$(PY) -m course.build.solutions "$(DEST)" $(if $(ASSIGNMENT),--assignment $(ASSIGNMENT))

lint: env ## Check format, lint, types and the source notebooks' text twins (the first step of make test)
	$(VENV)/bin/ruff format --check --quiet .
	$(VENV)/bin/ruff check --quiet .
	$(VENV)/bin/mypy
	$(PY) -m course.build.pairs

format: env ## Format and fix the code and the source notebooks' code cells, then sync their text twins
	$(VENV)/bin/ruff format --quiet .
	$(VENV)/bin/ruff check --quiet --fix .
	$(MAKE) --no-print-directory sync

sync: env ## Write the older file of each source notebook and its text twin (source/*/*.md) from the newer
	$(VENV)/bin/jupytext --sync --quiet source/*/*.ipynb

test: env lint env-oldest env-colab sandbox browser database ## Run every test: lint first, then unit, notebooks, release, grading, cluster, browser
	$(PY) -m pytest tests source --nbval-lax; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure" >&2; exit 1; fi; exit $$status

autograde: env sandbox ## Grade submitted/ (SCHEDULER=tcp://host:8786 for a Dask cluster, GRADEBOOK=postgresql://...)
	$(PY) -m course.grading.autograde $(if $(SCHEDULER),--scheduler $(SCHEDULER)) $(if $(WORKERS),--workers $(WORKERS))

lms-grades: env ## Write canvas_grades.csv and moodle_grades.csv from the gradebook and roster.csv, for the LMS to import
	nbgrader export --exporter=course.grading.lms.CanvasExport
	nbgrader export --exporter=course.grading.lms.MoodleExport

similarity: env ## Write reports/similarity/: pairs of students whose solution cells are the same program
	$(PY) -m course.grading.similarity

reports: env ## Write reports/ for what is graded (after nbgrader autograde or formgrader, too)
	$(PY) -m course.grading.report

feedback: env ## Write feedback for every autograded submission into feedback/, and a zip per assignment for the LMS
	$(PY) -m course.grading.feedback

lab: env ## Open JupyterLab on the course
	env -u MPLBACKEND jupyter lab  # kernels draw inline, as students see them, not with the Agg set above

figures: env ## Save every figure the notebooks draw as PNGs in figures/, to look at
	$(PY) -m course.build.figures

bench: env ## Time every source notebook and its check cells
	$(PY) -m course.build.bench

bench-grading: env sandbox ## Time grading a fixed batch: plain nbgrader, then 1 and 2 workers
	$(PY) -m course.grading.bench

clean: ## Remove grading outputs (keeps submitted/ and the environment)
	rm -rf autograded/*/ feedback/ grades.csv gradebook.db
