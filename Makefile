# vnplan: the two commands of the README are `make demo` and `make test`.
# Both set up everything they need (Debian packages, a virtual environment, Python packages).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEED   := corpus/plans/000_faad1c385be67d2b.txt
# Each Debian package is installed when what it provides is missing (each checked on its own):
# tesseract-ocr, tesseract-ocr-vie, poppler-utils: OCR and PDF rasterising; fonts-dejavu-core,
# fonts-liberation2: the faces with Vietnamese letters the tests set their scans in (a serif, a sans
# and a Times-like face; fonts-liberation 1.x has no Vietnamese letters); chromium: the browser the
# web app's Playwright tests drive (/usr/bin/chromium; a browser is never downloaded); postgresql:
# the server the search tests start for themselves (Debian 12's postgresql-15 ships the unaccent
# extension; postgresql-contrib is only a virtual package for it there)
CHECK_tesseract-ocr     := command -v tesseract
CHECK_tesseract-ocr-vie := tesseract --list-langs 2>/dev/null | grep -qx vie
CHECK_poppler-utils     := command -v pdftoppm
CHECK_fonts-dejavu-core := test -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf
CHECK_fonts-liberation2 := test -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
CHECK_chromium          := test -x /usr/bin/chromium
CHECK_postgresql        := ls /usr/lib/postgresql/*/bin/pg_ctl /usr/share/postgresql/*/extension/unaccent.control
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core fonts-liberation2 chromium postgresql
APT_GET ?= apt-get

.PHONY: setup system-deps demo test test-web lint bench bench-index bench-batch bench-scans schema eval screenshots clean

system-deps:
	@missing=""; \
	$(foreach p,$(APT_PACKAGES),($(CHECK_$(p))) >/dev/null 2>&1 || missing="$$missing $(p)";) \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO $(APT_GET) install -y -qq $$missing >/dev/null; \
	fi

# vnplan is installed as a user gets it: built, with the modules of [tool.vnplan.compiled] compiled by
# mypyc (setup.py), again whenever a source changes; the tests read the sources themselves (pytest's
# pythonpath), so an edit is tested at once. `pip install -e .` gives an interpreted install instead.
SOURCES := $(shell find extractor -type f -not -path '*/__pycache__/*')

$(BIN)/vnplan: pyproject.toml setup.py $(SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q '.[test]'
	@touch $@

setup: system-deps $(BIN)/vnplan

demo: setup
	$(BIN)/vnplan extract $(SEED) --format md
	$(BIN)/vnplan eval --gold corpus/gold --docs corpus/plans

test: setup lint
	$(BIN)/pytest

test-web: setup
	$(BIN)/pytest tests/test_web.py tests/test_web_browser.py tests/test_web_openapi.py

screenshots: setup
	$(BIN)/python tests/screenshots.py

lint: setup
	$(BIN)/ruff check extractor tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/throughput.py

bench-index: setup
	$(BIN)/python benchmarks/index.py

bench-batch: setup
	$(BIN)/python benchmarks/batch.py

bench-scans: setup
	$(BIN)/python benchmarks/scan_grid.py

schema: setup
	$(BIN)/vnplan schema --out schemas

eval: setup
	$(BIN)/vnplan eval --gold corpus/gold --docs corpus/plans

clean:
	rm -rf $(VENV) build *.egg-info tests/_generated
