# The two commands of the README. Each installs what it needs on a fresh machine, then runs.
PYTHON ?= python3
VENV := .venv

.PHONY: serve test chromium

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

# Debian's chromium for the browser tests (Playwright drives it; no browser download).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

serve: $(VENV)/.installed
	$(VENV)/bin/parlgraph serve

test: $(VENV)/.installed chromium
	$(VENV)/bin/pytest -q
