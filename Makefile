# Kyodo: `make run` serves the app with sample data; `make test` runs every test.
# Both work from a fresh clone on a machine with Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
APP_CATALOGUES := $(patsubst %/locale/,%,$(wildcard kyodo/*/locale/))

.PHONY: run test install install-dev migrate worker lint format messages clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP_RUN)

install: $(STAMP_RUN)
install-dev: $(STAMP_DEV)

migrate: install
	$(BIN)/python manage.py migrate --noinput

# Serves the app on 127.0.0.1 only (DEBUG is on: its error pages are for this machine alone);
# the background task worker runs beside it, is started again if it exits, and stops with it.
run: migrate
	$(BIN)/python manage.py seed_demo --if-empty
	@$(BIN)/python manage.py demo_logins
	@echo "Kyodo: serving http://127.0.0.1:$(PORT)/ on this machine only (127.0.0.1, DEBUG on)."
	@trap 'kill 0' INT TERM EXIT; \
	  while true; do \
	    $(BIN)/python manage.py kyodo_worker; \
	    echo "Kyodo: the task worker exited (status $$?); starting it again in 5 s." >&2; \
	    sleep 5; \
	  done & \
	  $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

worker: install
	$(BIN)/python manage.py kyodo_worker

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Needs GNU gettext; the compiled .mo files are committed so running does not.
# The project catalogue (kyodo/locale) holds core, accounts and the shared templates; every
# other app keeps its own catalogue in kyodo/<app>/locale.
messages: install-dev
	cd kyodo && ../$(BIN)/python ../manage.py makemessages -l ja --no-obsolete --no-location \
	  --ignore '*/locale/*' $(foreach d,$(APP_CATALOGUES),--ignore '$(notdir $(d))/*')
	for d in $(APP_CATALOGUES); do \
	  (cd $$d && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages -l ja --no-obsolete --no-location); \
	done
	cd kyodo && ../$(BIN)/python ../manage.py compilemessages

bench: install-dev
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var/*.sqlite3*
