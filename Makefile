# The two commands of the README: `make run` and `make test`. Everything else is what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := tracker

.PHONY: run test check install assets migrate demo clean

$(BIN)/activate:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

tracker/static/css/tracker.css: node_modules/.installed assets/tracker.scss assets/build.mjs
	npm run --silent build

install: $(VENV)/.installed
assets: tracker/static/css/tracker.css

migrate: install
	mkdir -p instance
	$(BIN)/flask db upgrade

demo: migrate
	$(BIN)/flask demo --if-empty

run: install assets demo
	TRACKER_ENV=development $(BIN)/flask run --host 127.0.0.1 --port $(PORT)

# The rules the machine keeps: lint and format, types, and the layers' import contracts.
check: install
	$(BIN)/ruff check tracker tests benchmarks config.py
	$(BIN)/ruff format --check tracker tests benchmarks config.py
	$(BIN)/mypy
	$(BIN)/lint-imports

# The checks, then the suite on SQLite; when TEST_DATABASE_URL is set it runs again on that database.
# The suite runs in a process a core, up to four (TEST_PROCESSES=0 runs it in this one).
TEST_PROCESSES ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_PROCESSES) --maxprocesses 4
test: check assets
	env -u TEST_DATABASE_URL $(PYTEST) $(PYTEST_ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "Running the suite again on $$TEST_DATABASE_URL"; \
		$(PYTEST) $(PYTEST_ARGS); \
	fi

clean:
	rm -rf $(VENV) node_modules tracker/static/css tracker/static/govuk
