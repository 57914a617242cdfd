# The two commands of the README: `make demo` and `make test`. Both set up everything they
# need on a fresh machine: the virtual environment, the packages, the browser for browser tests.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := cd example_site && ../$(PY) manage.py
STAMP := $(VENV)/.installed
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: demo test install lint test-sqlite test-postgres test-newest test-oldest newest-venv browser-deps docs migrations messages clean

$(STAMP): pyproject.toml example_site/requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,docs]" -r example_site/requirements.txt
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) create_demo_admin
	@echo "Serving the demo portal at http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/)"
	$(MANAGE) runserver 127.0.0.1:8000

# Chromium and CJK fonts for the browser tests, from Debian's packages (needs root).
browser-deps:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing chromium and fonts-noto-cjk from Debian's packages"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else echo "chromium or fonts-noto-cjk missing and not root: browser tests will be skipped"; fi

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

# Tests run in parallel, one process per core (pytest-xdist), whole modules to a process so
# that the data a module makes once (the demo content, a browser) is made once.
WORKERS ?= 2
PYTEST_PARALLEL := -n $(WORKERS) --dist loadfile

# The newest Django (6.x needs Python 3.12+) and Wagtail, when such a Python is on the machine:
# the PostgreSQL run uses them. Without it, the PostgreSQL run uses the main environment.
NEWEST_PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
NEWEST_VENV := .venv-newest

newest-venv:
	@if [ -z "$(NEWEST_PYTHON)" ]; then echo "No Python 3.12+ found: the PostgreSQL run uses $(PY)"; exit 0; fi; \
	test -x $(NEWEST_VENV)/bin/python || $(NEWEST_PYTHON) -m venv $(NEWEST_VENV); \
	$(NEWEST_VENV)/bin/python -m pip install --quiet --upgrade pip && \
	$(NEWEST_VENV)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e ".[test]" -r example_site/requirements.txt && \
	$(NEWEST_VENV)/bin/python -c "import django, wagtail; print('Newest: Django', django.get_version(), 'Wagtail', wagtail.__version__)"

# SQLite runs everything; the slow (wheel, fresh venv, docs), browser and search-server tests
# run only here. The browser tests run after the rest, on their own: they need committed data
# (a live server), so the database is flushed after each; run alongside the others in a
# process, they would leave the next tests without the rows the migrations made.
test-sqlite: install
	env -u DATABASE_URL $(PY) -m pytest $(PYTEST_PARALLEL) -m "not browser"
	env -u DATABASE_URL $(PY) -m pytest $(PYTEST_PARALLEL) -m browser

# PostgreSQL runs the database-facing suite again, with the newest Django and Wagtail, when a
# server answers. The server outlives a run: a test database left by an earlier one may have
# been migrated with migrations that have changed since, so it is created afresh (--create-db).
test-postgres: install newest-venv
	@url="$${DATABASE_URL:-$(POSTGRES_URL)}"; \
	py=$$(test -x $(NEWEST_VENV)/bin/python && echo $(NEWEST_VENV)/bin/python || echo $(PY)); \
	if $$py -c "import sys, psycopg; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$$url" 2>/dev/null; then \
		DATABASE_URL="$$url" $$py -m pytest $(PYTEST_PARALLEL) --create-db -m "not slow and not browser and not search_server"; \
	elif [ -n "$$GOV_DISCLOSURE_REQUIRE_POSTGRES" ]; then \
		echo "PostgreSQL is required but does not answer at $$url" >&2; exit 1; \
	else echo "PostgreSQL does not answer at $$url: skipping the PostgreSQL run"; fi

# The newest Django and Wagtail on SQLite (the PostgreSQL run already uses them).
test-newest: newest-venv
	@if [ ! -x $(NEWEST_VENV)/bin/python ]; then exit 0; fi; \
	env -u DATABASE_URL $(NEWEST_VENV)/bin/python -m pytest $(PYTEST_PARALLEL) -m "not slow and not browser and not search_server"

# The lowest supported Wagtail and Django (pyproject.toml's lower bounds) on SQLite, so that the
# bounds are true. The same environment generates the migrations (`make migrations`).
OLDEST_VENV := .venv-min
OLDEST_PINS := "wagtail==7.4.*" "Django==5.2.*"

$(OLDEST_VENV)/.installed: pyproject.toml example_site/requirements.txt
	test -x $(OLDEST_VENV)/bin/python || $(PYTHON) -m venv $(OLDEST_VENV)
	$(OLDEST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(OLDEST_VENV)/bin/python -m pip install --quiet $(OLDEST_PINS) -e ".[test]" -r example_site/requirements.txt
	touch $@

test-oldest: $(OLDEST_VENV)/.installed
	$(OLDEST_VENV)/bin/python -c "import django, wagtail; print('Oldest run: Django', django.get_version(), 'Wagtail', wagtail.__version__)"
	env -u DATABASE_URL $(OLDEST_VENV)/bin/python -m pytest $(PYTEST_PARALLEL) -m "not slow and not browser and not search_server"

test: install browser-deps lint test-sqlite test-postgres test-oldest

docs: install
	$(PY) -m mkdocs build --strict

# Migrations are generated against the lowest supported Wagtail and Django.
migrations: $(OLDEST_VENV)/.installed
	cd example_site && ../$(OLDEST_VENV)/bin/python manage.py makemigrations

# Simplified Chinese is translated by hand; Traditional Chinese is converted from it with OpenCC
# (a correction by hand survives when its entry has the translator comment "manual").
messages: install
	cd gov_disclosure && ../$(PY) ../example_site/manage.py makemessages -l zh_Hans --no-obsolete
	cd gov_disclosure && ../$(PY) ../example_site/manage.py compilemessages -l zh_Hans
	cd example_site/home && ../../$(PY) ../manage.py makemessages -l zh_Hans --no-obsolete
	cd example_site/home && ../../$(PY) ../manage.py compilemessages -l zh_Hans
	for dir in gov_disclosure/locale example_site/home/locale; do \
		$(MANAGE) gov_disclosure_traditional_catalogue ../$$dir/zh_Hans/LC_MESSAGES/django.po ../$$dir/zh_Hant/LC_MESSAGES/django.po; \
	done

clean:
	rm -rf $(VENV) .venv-min $(NEWEST_VENV) build dist site *.egg-info
