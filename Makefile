# Two entry points a fresh machine needs: `make run` and `make test`.
# Each creates .venv when missing and (re)installs when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test clean dist

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/corroborate

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build dist *.egg-info

# `make dist`: the standalone app (build.spec). Onedir in dist/corroborate/ plus
# dist/corroborate-<version>-<os>-<arch>.tar.gz; CORROBORATE_PORTABLE=1 builds the
# one-file dist/corroborate-portable instead.
$(VENV)/.installed-build: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test,build]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed-run

dist: $(VENV)/.installed-build
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec
	@if [ -z "$$CORROBORATE_PORTABLE" ] || [ "$$CORROBORATE_PORTABLE" = 0 ]; then \
		cp packaging/corroborate.desktop dist/corroborate/ && \
		cp resources/icons/corroborate-256.png dist/corroborate/corroborate.png && \
		name=corroborate-$$($(BIN)/python -c 'import reader; print(reader.__version__)')-$$(uname -s | tr A-Z a-z)-$$(uname -m) && \
		tar -C dist -czf dist/$$name.tar.gz corroborate && \
		echo "dist/corroborate/corroborate and dist/$$name.tar.gz"; \
	fi
