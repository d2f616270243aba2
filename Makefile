# Two commands for a fresh machine with nothing but Python 3.11:
#   make run   — the site with demo content on http://127.0.0.1:$(PORT)
#   make test  — the whole test suite against a real PostgreSQL
# With DATABASE_URL unset, an embedded PostgreSQL (pip wheel) is started,
# its data under .data/ (git-ignored).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000

.PHONY: run test setup browser lint messages clean-db

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput

run: setup
	PORT=$(PORT) $(PY) manage.py load_demo
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Debian's chromium drives the browser tests (Playwright never downloads one).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

test: $(VENV)/.installed browser
	$(PY) -m pytest $(ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=tests --ignore=bench --ignore=staticfiles --ignore=media
	$(PY) manage.py compilemessages --ignore=.venv

clean-db:
	rm -rf .data/pg
