"""Secured connections: the worker and the CLI against the broker's SASL_PLAINTEXT listener (SCRAM-SHA-512
and PLAIN), configured only through environment variables / a password file. Right credentials work,
wrong ones fail clearly and quickly, and the password never appears in any log line (even at DEBUG)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    REPO,
    SASL_PASSWORD,
    SASL_USERNAME,
    Broker,
    collect,
    create_topics,
    produce,
    scenario_settings,
)
from hostile import good_messages
from worker_fixtures import StartWorker

pytestmark = [pytest.mark.reliability, pytest.mark.integration]

WRONG_PASSWORD = "not-the-password-7Hk2"
FAIL_WITHIN_S = 60.0


def sasl_env(
    broker: Broker, mechanism: str, password: str | None, password_file: Path | None
) -> dict[str, str]:
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": broker.sasl_bootstrap,
        "KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "KAFKA_SASL_MECHANISM": mechanism,
        "KAFKA_SASL_USERNAME": SASL_USERNAME,
    }
    if password_file is not None:
        env["KAFKA_SASL_PASSWORD_FILE"] = str(password_file)
    if password is not None:
        env["KAFKA_SASL_PASSWORD"] = password
    return env


@pytest.mark.parametrize(
    ("mechanism", "guarantee", "from_file"),
    [("SCRAM-SHA-512", "at_least_once", True), ("PLAIN", "exactly_once", False)],
)
def test_right_credentials_work_and_are_never_logged(
    broker: Broker,
    start_worker: StartWorker,
    tmp_path: Path,
    summary: Callable[[str, dict[str, Any]], None],
    mechanism: str,
    guarantee: str,
    from_file: bool,
) -> None:
    settings = scenario_settings(
        broker.bootstrap, f"sasl-{mechanism[:5].lower()}", processing_guarantee=guarantee
    )
    create_topics(settings)
    articles = good_messages(50, prefix=f"sasl{mechanism[:3]}")
    where = produce(broker.bootstrap, settings.input_topic, [(m.key, m.value) for m in articles])
    secret_file = tmp_path / "kafka-password"
    secret_file.write_text(SASL_PASSWORD + "\n")
    secret_file.chmod(0o600)
    env = sasl_env(
        broker, mechanism, None if from_file else SASL_PASSWORD, secret_file if from_file else None
    )

    started = time.monotonic()
    worker = start_worker(settings, log_name=f"sasl-{mechanism}", LOG_LEVEL="DEBUG", **env)
    worker.wait_ready(timeout=120)
    outputs = collect(settings, len(articles), timeout=120)  # read back over PLAINTEXT
    elapsed = time.monotonic() - started
    code, _ = worker.terminate()

    # the CLI tools read the same settings: topics and status over the SASL listener
    cli_env = {**os.environ, **env, "INPUT_TOPIC": settings.input_topic, "APP_ID": settings.app_id}
    topics = subprocess.run(
        [sys.executable, "-m", "worker", "topics", "list"],
        env=cli_env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=90,
    )
    status = subprocess.run(
        [sys.executable, "-m", "worker", "status", "--json"],
        env=cli_env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=90,
    )
    log = worker.log_text()
    summary(
        f"security-{mechanism}-{guarantee}",
        {
            "inputs": len(articles),
            "lost": len([s for s in where if s not in outputs.by_source]),
            "seconds": round(elapsed, 1),
            "password_in_log": SASL_PASSWORD in log,
            "log_lines": len(log.splitlines()),
        },
    )
    assert all(src in outputs.by_source for src in where), worker.log_tail()
    assert outputs.events, "no events over SASL"
    assert code == 0
    assert SASL_PASSWORD not in log
    assert topics.returncode == 0 and settings.input_topic in topics.stdout, topics.stderr[-2000:]
    assert status.returncode == 0, status.stderr[-2000:]
    assert SASL_PASSWORD not in topics.stdout + topics.stderr + status.stdout + status.stderr


@pytest.mark.parametrize("guarantee", ["at_least_once", "exactly_once"])
def test_wrong_credentials_fail_clearly(
    broker: Broker,
    start_worker: StartWorker,
    summary: Callable[[str, dict[str, Any]], None],
    guarantee: str,
) -> None:
    settings = scenario_settings(broker.bootstrap, "sasl-wrong", processing_guarantee=guarantee)
    create_topics(settings, [settings.input_topic])
    env = sasl_env(broker, "SCRAM-SHA-512", WRONG_PASSWORD, None)
    started = time.monotonic()
    worker = start_worker(settings, log_name="sasl-wrong", LOG_LEVEL="DEBUG", **env)
    assert worker.proc is not None
    try:
        code = worker.proc.wait(timeout=FAIL_WITHIN_S)
    except subprocess.TimeoutExpired:
        code = None
    elapsed = time.monotonic() - started
    log = worker.log_text()

    cli: dict[str, Any] = {}
    if guarantee == "at_least_once":  # the CLI's kafka-python path once is enough (it waits ~30 s)
        cli_started = time.monotonic()
        topics = subprocess.run(
            [sys.executable, "-m", "worker", "topics", "list"],
            env={**os.environ, **env},
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=90,
        )
        cli = {
            "cli_exit": topics.returncode,
            "cli_exit_s": round(time.monotonic() - cli_started, 1),
            "cli_password_in_output": WRONG_PASSWORD in topics.stdout + topics.stderr,
        }
    summary(
        f"security-wrong-password-{guarantee}",
        {
            "worker_exit": code,
            "worker_exit_s": round(elapsed, 1),
            **cli,
            "password_in_log": WRONG_PASSWORD in log,
        },
    )
    assert code is not None and code != 0, (
        f"worker still running after {FAIL_WITHIN_S}s:\n{worker.log_tail()}"
    )
    assert "Authentication failed" in log or "SaslAuthenticationFailed" in log, worker.log_tail()
    assert WRONG_PASSWORD not in log
    if cli:
        assert cli["cli_exit"] != 0 and not cli["cli_password_in_output"]
