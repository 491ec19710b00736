# Broadsheet: `make demo` serves the demo site, `make test` runs the whole suite.
# Both install what they need first (Debian packages when missing, then the Python packages).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
DEV    := DJANGO_SETTINGS_MODULE=broadsheet.settings.dev
WORKERS ?= 2
SCHEDULE_SECONDS ?= 30

.PHONY: install system demo serve test test-fast bench messages

system:
	bash scripts/install-system.sh

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: system $(VENV)/.installed

demo: install
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py collectstatic --noinput -v 0
	$(DEV) $(PY) manage.py demo_content
	$(MAKE) serve

# The scheduler (scheduled go-live and expiry) runs beside the web workers, one per site, and stops with them.
serve:
	$(DEV) $(PY) manage.py scheduler --interval $(SCHEDULE_SECONDS) & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(VENV)/bin/uvicorn broadsheet.asgi:application --host $(HOST) --port $(PORT) --workers $(WORKERS) \
		--loop uvloop --http httptools --no-access-log

test: install
	$(PY) -m pytest -q $(PYTEST_ARGS)

bench: install
	WITH_BENCH=1 bash scripts/install-system.sh
	$(PY) bench/run.py $(PARTS)

messages:
	cd broadsheet && ../$(PY) ../manage.py makemessages -l ko --no-obsolete && ../$(PY) ../manage.py compilemessages
