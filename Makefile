# news-events: the two commands a newcomer needs are `make run` (the demo) and `make test`.
#   make venv          .venv with python3.11 and the package in editable mode (stamp: quick when unchanged)
#   make broker        start the local Kafka broker on 127.0.0.1:$(KAFKA_PORT) (default 9092)
#   make broker-stop   stop it
#   make test          venv + system deps + broker + ruff + mypy + the whole pytest suite; stops the
#                      broker again if it started it
#   make run           end-to-end demo (deploy/demo.sh): broker, topics, worker, sample article, events
#   make stop          stop the demo worker and the broker
#   make lint          ruff check, ruff format --check, mypy
#   make bench         benchmark on its own broker (port 49092): results JSON, docs/benchmarks.md, plots
#   make bench-smoke   the same with 50 articles and short phases (writes var/bench/, not docs)
#   make clean         stop everything, remove var/ and tool caches (keeps .venv and the Kafka jars)
#   make distclean     clean + remove .venv and .cache/

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.installed
KAFKA_PORT ?= 9092
export KAFKA_PORT
LOCAL_KAFKA := deploy/kafka/local-kafka
PYTEST_ARGS ?=

.PHONY: help venv system-deps broker broker-stop test lint run stop clean distclean bench bench-smoke

help:
	@sed -n '2,14s/^# \{0,1\}//p' Makefile

venv: $(VENV_STAMP)

$(VENV_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev,bench]'
	@touch $@

system-deps:
	@deploy/install-system-deps

broker: system-deps
	@$(LOCAL_KAFKA) start

broker-stop:
	@$(LOCAL_KAFKA) stop

lint: venv
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy worker

# The broker is started only if nothing listens on $(KAFKA_PORT) yet, and then stopped on exit
# (success or failure); the integration fixtures reuse it (they read KAFKA_PORT). tests/reliability/
# runs its own SASL-enabled brokers on RELIABILITY_KAFKA_PORT (default 28092), apart from the integration broker.
test: venv system-deps
	@started=0; \
	if ! (exec 3<>/dev/tcp/127.0.0.1/$(KAFKA_PORT)) 2>/dev/null; then \
	    $(LOCAL_KAFKA) start; started=1; \
	fi; \
	trap 'if [ $$started = 1 ]; then $(LOCAL_KAFKA) stop; fi' EXIT; \
	$(BIN)/ruff check; \
	$(BIN)/mypy worker; \
	$(BIN)/pytest $(PYTEST_ARGS)

# BENCH_ARGS: e.g. --articles 5000, --stories PATH/plover-synthetic-stories.csv.zip, --bootstrap H:P
BENCH_ARGS ?=

bench: venv system-deps
	$(BIN)/python -m bench $(BENCH_ARGS)

bench-smoke: venv system-deps
	$(BIN)/python -m bench --smoke $(BENCH_ARGS)

run: venv system-deps
	@deploy/demo.sh

stop:
	@deploy/demo.sh stop

clean: stop
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) .cache
