# Broadsheet: `make demo` serves the demo site, `make test` runs the whole suite.
# Both install what they need first (Debian packages when missing, then the Python packages uv.lock pins).
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
DEV    := DJANGO_SETTINGS_MODULE=broadsheet.settings.dev
WORKERS ?= 2
SCHEDULE_SECONDS ?= 30

.PHONY: install system demo serve lint test test-fast bench messages upgrade prod faults

system:
	bash scripts/install-system.sh

UV     := .venv-tools/bin/uv

# Python packages exactly as uv.lock pins them; redone only when the lock or the project changes.
$(VENV)/.installed: pyproject.toml uv.lock scripts/install-python.sh scripts/uv-requirements.txt
	bash scripts/install-python.sh
	touch $@

# The environment must be the lock's, to the version: a stray `pip install` fails here, offline.
install: system $(VENV)/.installed
	@UV_PYTHON_DOWNLOADS=never $(UV) lock --check --offline --quiet || \
		{ echo "uv.lock does not match pyproject.toml: run 'make upgrade' (or '$(UV) lock')"; exit 1; }
	@UV_PYTHON_DOWNLOADS=never $(UV) sync --frozen --extra test --extra bench --check --quiet || \
		{ echo ".venv differs from uv.lock: run 'rm $(VENV)/.installed && make install'"; exit 1; }

upgrade: install
	bash scripts/upgrade.sh

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

# ruff (rules and line length in pyproject.toml) and, when .importlinter exists, the import contracts.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@if [ -f .importlinter ]; then $(VENV)/bin/lint-imports; else echo "lint-imports: no .importlinter, skipped"; fi

# Two pytest-xdist workers (one per core of the 2-core CI machine; each has its own test database, and
# the tests that share a module's live site stay on one worker). PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2
test: lint
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# The production stack of deploy/ on this machine: nginx front cache on 127.0.0.1:8080, uvicorn workers,
# PostgreSQL + Redis (started when down), the scheduler. Ctrl-C stops it all. DEMO=1 loads the demo.
prod: install
	WITH_PROD=1 bash scripts/install-system.sh
	$(PY) deploy/prod.py $(PROD_ARGS)

# Redis stopped, PostgreSQL restarted, a worker killed, the page cache filled: each on its own Redis and
# PostgreSQL cluster on other ports (the shared ones are never stopped). Figures: bench/faults_report.py.
faults: install
	WITH_PROD=1 bash scripts/install-system.sh
	$(PY) -m pytest -q -m faults tests/faults

bench: install
	WITH_BENCH=1 bash scripts/install-system.sh
	$(PY) bench/run.py $(PARTS)

messages:
	cd broadsheet && ../$(PY) ../manage.py makemessages -l ko --no-obsolete && ../$(PY) ../manage.py compilemessages
