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
.PHONY: help env sandbox release test autograde reports feedback lab bench figures clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

env: $(VENV)/.installed ## Create .venv with the pinned packages (done by every target that needs it)

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

sandbox: ## Install bubblewrap, which grading kernels run in (needs root or sudo)
	@command -v bwrap >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap; \
	  else sudo apt-get install -y bubblewrap; fi; }
	@command -v prlimit >/dev/null || { echo "prlimit (util-linux) is missing" >&2; exit 1; }

release: env ## Build the student notebooks in release/ from source/ and check them
	$(PY) -m course.build.release

test: env sandbox ## Run every test: unit, notebooks (nbval), release checks, the grading flow
	$(PY) -m pytest tests source --nbval-lax; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure" >&2; exit 1; fi; exit $$status

autograde: env sandbox ## Grade everything under submitted/ and export grades.csv
	$(PY) -m course.grading.autograde

reports: env ## Write reports/ for what is graded (after nbgrader autograde or formgrader, too)
	$(PY) -m course.grading.report

feedback: env ## Write feedback for every autograded submission into feedback/
	$(PY) -m course.grading.feedback

lab: env ## Open JupyterLab on the course
	jupyter lab

figures: env ## Save every figure the notebooks draw as PNGs in figures/, to look at
	$(PY) -m course.build.figures

bench: env ## Time every source notebook and its check cells
	$(PY) -m course.build.bench

clean: ## Remove grading outputs (keeps submitted/ and the environment)
	rm -rf autograded/*/ feedback/ grades.csv gradebook.db
