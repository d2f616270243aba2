# Two commands for a fresh machine with nothing but Python 3.11:
#   make run   — the site with demo content on http://127.0.0.1:$(PORT)
#   make test  — the whole test suite against a real PostgreSQL
# With DATABASE_URL unset, an embedded PostgreSQL (pip wheel) is started,
# its data under .data/ (git-ignored).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000

# Debian packages the tests use; installed only when missing (as root, with apt).
APT    := apt-get update -qq && apt-get install -y -qq --no-install-recommends

.PHONY: run test setup system-deps lint messages stop-db clean-db backup restore

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || { $(APT) python3-venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py make_renditions

run: setup
	PORT=$(PORT) $(PY) manage.py load_demo
	@echo "The embedded PostgreSQL (when DATABASE_URL is unset) keeps running after this; 'make stop-db' stops it."
	@echo "DEBUG=1: a wrong address shows the site's own 404 page (DEBUG_TECHNICAL_404=1 lists the URL patterns instead);"
	@echo "a server error shows Django's traceback here, and templates/500.html to readers in production (DEBUG=0)."
	DEBUG=$${DEBUG:-1} $(PY) manage.py demo_two_factor
	-DEBUG=$${DEBUG:-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)
	@echo "Stopped the site. The embedded PostgreSQL still runs: 'make stop-db' stops it."

# Debian's chromium drives the browser tests (Playwright never downloads one), with
# CJK fonts for screenshots; gettext's xgettext checks the English catalogue; the outage tests
# start and stop a redis-server of their own; the proxy test runs deploy/'s nginx configuration
# in a private nginx (the package's own service is not used).
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium fonts-noto-cjk"; \
	command -v xgettext >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	test -x /usr/sbin/nginx || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then echo "Installing:$$missing"; $(APT) $$missing >/dev/null; fi

test: $(VENV)/.installed system-deps
	$(PY) -m pytest $(ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=tests --ignore=bench --ignore=staticfiles --ignore=media
	$(PY) manage.py compilemessages --ignore=.venv

stop-db:
	test ! -x $(PY) || $(PY) -m newsroom.embedded_db stop

clean-db: stop-db
	rm -rf .data/pg

# A dated archive of the database and the uploaded media in backups/ (or BACKUP_DIR).
backup: $(VENV)/.installed
	$(PY) manage.py backup

# Restore an archive into an EMPTY database: for the embedded one, `make clean-db` first.
restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/newsroom-YYYYMMDD-HHMMSS.tar"; exit 2; }
	$(PY) manage.py restore "$(FILE)"
