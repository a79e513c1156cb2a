"""The local broker script's contract, without starting a broker."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LOCAL_KAFKA = REPO / "deploy" / "kafka" / "local-kafka"
SCRIPTS = [
    LOCAL_KAFKA,
    REPO / "deploy" / "demo.sh",
    REPO / "deploy" / "install-system-deps",
    REPO / ".ci" / "run",
]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_are_executable_bash_that_parses(script: Path) -> None:
    assert os.access(script, os.X_OK)
    assert subprocess.run(["bash", "-n", str(script)], check=False).returncode == 0


def test_unknown_command_is_a_usage_error() -> None:
    done = subprocess.run([str(LOCAL_KAFKA), "frobnicate"], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "usage" in done.stderr


def test_status_of_a_port_without_broker_exits_3() -> None:
    env = {**os.environ, "KAFKA_PORT": "1"}  # nothing is ever started on port 1
    done = subprocess.run([str(LOCAL_KAFKA), "status"], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 3
    assert "not running" in done.stdout


def test_template_keeps_single_node_and_transaction_settings() -> None:
    template = (REPO / "deploy" / "kafka" / "server.properties.template").read_text(encoding="utf-8")
    settings = dict(line.split("=", 1) for line in template.splitlines() if line and not line.startswith("#"))
    assert settings["process.roles"] == "broker,controller"
    for key in (
        "offsets.topic.replication.factor",
        "transaction.state.log.replication.factor",
        "transaction.state.log.min.isr",
    ):
        assert settings[key] == "1"
    assert settings["group.initial.rebalance.delay.ms"] == "0"
    assert "127.0.0.1" in settings["controller.quorum.bootstrap.servers"]
