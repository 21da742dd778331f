# vnplan: the two commands of the README are `make demo` and `make test`.
# Both set up everything they need (Debian packages, a virtual environment, Python packages).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEED   := corpus/plans/000_faad1c385be67d2b.txt
# postgresql: the server the search tests start for themselves (Debian 12's postgresql-15 ships the
# unaccent extension; postgresql-contrib is only a virtual package for it there)
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie poppler-utils chromium postgresql

.PHONY: setup system-deps demo test lint bench bench-index schema eval clean

system-deps:
	@if ! (command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie && command -v pdftoppm >/dev/null \
	       && ls /usr/lib/postgresql/*/bin/pg_ctl /usr/share/postgresql/*/extension/unaccent.control >/dev/null 2>&1); then \
	  echo "installing Debian packages: $(APT_PACKAGES)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

$(BIN)/vnplan: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

setup: system-deps $(BIN)/vnplan

demo: setup
	$(BIN)/vnplan extract $(SEED) --format md
	$(BIN)/vnplan eval --gold corpus/gold --docs corpus/plans

test: setup lint
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check extractor tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/throughput.py

bench-index: setup
	$(BIN)/python benchmarks/index.py

schema: setup
	$(BIN)/vnplan schema --out schemas

eval: setup
	$(BIN)/vnplan eval --gold corpus/gold --docs corpus/plans

clean:
	rm -rf $(VENV) build *.egg-info tests/_generated
