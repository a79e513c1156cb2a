"""Static checks of the deployment files (Docker cannot run here): they parse, set only real settings,
run only real sub-commands, use the default ports, and reference files that exist."""

from __future__ import annotations

import importlib
import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from worker.cli import COMMANDS, build_parser
from worker.observability.names import referenced_names, series_names
from worker.settings import Settings, env_names

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
DEFAULTS = Settings()
SETTINGS_ENV = set(env_names().values())
NOT_SETTINGS = re.compile(r"^(PYTHON\w*|PIP_\w+)$")  # interpreter/installer variables, not ours


def _yaml_docs(path: Path) -> list[Any]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


def _compose() -> dict[str, Any]:
    doc = _yaml_docs(DEPLOY / "docker-compose.yml")[0]
    assert isinstance(doc, dict)
    return doc


def _k8s_docs() -> list[dict[str, Any]]:
    return [doc for path in sorted((DEPLOY / "k8s").glob("*.yaml")) for doc in _yaml_docs(path)]


def _k8s(kind: str) -> list[dict[str, Any]]:
    return [doc for doc in _k8s_docs() if doc.get("kind") == kind]


def _our_compose_services() -> dict[str, dict[str, Any]]:
    """Compose services running our image (the others are Kafka, Prometheus, Grafana)."""
    return {
        name: svc
        for name, svc in _compose()["services"].items()
        if str(svc.get("image", "")).startswith("news-events") or "build" in svc
    }


def _k8s_containers() -> list[dict[str, Any]]:
    found = []
    for doc in _k8s_docs():
        spec = doc.get("spec", {}).get("template", {}).get("spec", {})
        found += spec.get("containers", [])
    return found


def _dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined."""
    text = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text(encoding="utf-8"))
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            instruction, _, rest = line.partition(" ")
            out.append((instruction.upper(), rest.strip()))
    return out


def _dockerfile_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for instruction, rest in _dockerfile():
        if instruction == "ENV":
            for item in shlex.split(rest):
                key, _, value = item.partition("=")
                env[key] = value
    return env


# --- parsing ---------------------------------------------------------------------------------------


def test_every_yaml_and_json_file_parses() -> None:
    files = [p for p in DEPLOY.rglob("*") if p.suffix in {".yml", ".yaml", ".json"}]
    assert len(files) >= 12
    for path in files:
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        else:
            assert _yaml_docs(path), f"{path} is empty"


# --- environment variables -------------------------------------------------------------------------


def test_env_vars_are_settings() -> None:
    names: dict[str, str] = {}
    for key in _dockerfile_env():
        names[key] = "Dockerfile"
    for service, svc in _our_compose_services().items():
        for key in svc.get("environment", {}):
            names[key] = f"compose service {service}"
    for doc in _k8s("ConfigMap"):
        for key in doc["data"]:
            names[key] = f"ConfigMap {doc['metadata']['name']}"
    for container in _k8s_containers():
        for item in container.get("env", []):
            names[item["name"]] = f"container {container['name']}"
    unknown = {k: where for k, where in names.items() if k not in SETTINGS_ENV and not NOT_SETTINGS.match(k)}
    assert unknown == {}, "variables that worker.settings does not read"
    assert "KAFKA_BOOTSTRAP_SERVERS" in names


def test_env_values_parse_as_settings() -> None:
    for svc in _our_compose_services().values():
        Settings.from_env({k: str(v) for k, v in svc["environment"].items()})
    for doc in _k8s("ConfigMap"):
        Settings.from_env(doc["data"])
    Settings.from_env({k: v for k, v in _dockerfile_env().items() if k in SETTINGS_ENV})


# --- commands --------------------------------------------------------------------------------------


def _commands() -> list[list[str]]:
    cmds = [[str(a) for a in svc["command"]] for svc in _our_compose_services().values() if "command" in svc]
    cmds += [[str(a) for a in c["args"]] for c in _k8s_containers() if "args" in c]
    for instruction, rest in _dockerfile():
        if instruction == "CMD":
            cmds.append(json.loads(rest))
    return cmds


def test_commands_are_news_events_subcommands() -> None:
    commands = _commands()
    assert ["worker"] in commands and ["topics", "create"] in commands
    parser = build_parser()
    for cmd in commands:
        assert cmd[0] in COMMANDS, f"{cmd} is not a news-events sub-command"
        module = importlib.import_module(f"worker.cli.{COMMANDS[cmd[0]]}")
        if "(stub)" in (module.__doc__ or ""):
            continue  # that sub-command is still being written; its name is checked above
        parser.parse_args(cmd)


def test_dockerfile_runs_news_events_as_non_root() -> None:
    instructions = _dockerfile()
    froms = [rest for instr, rest in instructions if instr == "FROM"]
    assert froms and all(f.startswith("python:3.11-slim") for f in froms)
    users = [rest for instr, rest in instructions if instr == "USER"]
    assert users and users[-1] not in {"root", "0"}
    assert ("ENTRYPOINT", '["news-events"]') in instructions
    assert ("CMD", '["worker"]') in instructions
    healthcheck = " ".join(rest for instr, rest in instructions if instr == "HEALTHCHECK")
    assert "/healthz" in healthcheck
    assert any(instr == "RUN" and "pip install" in rest for instr, rest in instructions)


# --- ports -----------------------------------------------------------------------------------------


def test_ports_match_settings_defaults() -> None:
    port = DEFAULTS.metrics_port
    exposed = [rest for instr, rest in _dockerfile() if instr == "EXPOSE"]
    assert exposed == [str(port)]
    assert _dockerfile_env()["METRICS_PORT"] == str(port)
    for svc in _our_compose_services().values():
        assert str(svc["environment"].get("METRICS_PORT", port)) == str(port)
    worker = _compose()["services"]["worker"]
    assert [str(p) for p in worker["expose"]] == [str(port)]
    for doc in _k8s("ConfigMap"):
        assert doc["data"]["METRICS_PORT"] == str(port)
    for container in _k8s_containers():
        for p in container.get("ports", []):
            assert p["containerPort"] == port
    for doc in _k8s("Service"):
        assert [p["port"] for p in doc["spec"]["ports"]] == [port]
    for name in ("prometheus.yml", "prometheus-compose.yml"):
        (job,) = _yaml_docs(DEPLOY / "prometheus" / name)[0]["scrape_configs"]
        targets = [t for sc in job.get("static_configs", []) for t in sc["targets"]]
        ports = [t.rsplit(":", 1)[1] for t in targets] + [
            str(d["port"]) for d in job.get("dns_sd_configs", [])
        ]
        assert ports == [str(port)]
    assert _yaml_docs(DEPLOY / "prometheus/prometheus.yml")[0]["scrape_configs"][0]["static_configs"] == [
        {"targets": [f"127.0.0.1:{port}"]}
    ]


def test_worker_service_scales() -> None:
    worker = _compose()["services"]["worker"]
    assert "container_name" not in worker, "a fixed name prevents --scale"
    assert "ports" not in worker, "host ports collide when scaled"


def test_probes_use_health_endpoints() -> None:
    (deployment,) = _k8s("Deployment")
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"


def test_keda_scales_on_the_worker_group_within_partitions() -> None:
    (config,) = _k8s("ConfigMap")
    settings = Settings.from_env(config["data"])
    (scaled,) = _k8s("ScaledObject")
    assert scaled["spec"]["scaleTargetRef"]["name"] == _k8s("Deployment")[0]["metadata"]["name"]
    assert 1 <= scaled["spec"]["maxReplicaCount"] <= settings.topic_partitions
    (trigger,) = scaled["spec"]["triggers"]
    assert trigger["type"] == "kafka"
    assert trigger["metadata"]["consumerGroup"] == settings.app_id
    assert trigger["metadata"]["topic"] == settings.input_topic
    assert trigger["metadata"]["bootstrapServers"] == settings.kafka_bootstrap_servers
    assert _k8s("PodMonitor") or _k8s("ServiceMonitor")


# --- referenced files ------------------------------------------------------------------------------


def test_dockerfile_copy_sources_exist() -> None:
    for instruction, rest in _dockerfile():
        if instruction != "COPY" or "--from=" in rest:
            continue
        *sources, _dest = rest.split()
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: missing from the build context"


def test_compose_paths_exist() -> None:
    compose = _compose()
    for name, svc in compose["services"].items():
        build = svc.get("build")
        if build:
            context = (DEPLOY / build["context"]).resolve()
            assert context == ROOT
            assert (context / build["dockerfile"]).is_file()
        for volume in svc.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith("."):
                assert (DEPLOY / source).exists(), f"{name} mounts missing {source}"
            else:
                assert source in compose.get("volumes", {}), f"{name}: undeclared volume {source}"


def test_prometheus_and_grafana_references_exist() -> None:
    for name in ("prometheus.yml", "prometheus-compose.yml"):
        config = _yaml_docs(DEPLOY / "prometheus" / name)[0]
        for rule_file in config["rule_files"]:
            assert (DEPLOY / "prometheus" / rule_file).is_file()
    mounts = {
        v.split(":")[1]: (DEPLOY / v.split(":")[0]) for v in _compose()["services"]["grafana"]["volumes"]
    }
    (provider,) = _yaml_docs(DEPLOY / "grafana/provisioning/dashboards/news-events.yml")[0]["providers"]
    dashboards = mounts[provider["options"]["path"]]
    assert list(dashboards.glob("*.json")), "the dashboards provider points at a folder without dashboards"
    assert mounts["/etc/grafana/provisioning"] == DEPLOY / "grafana/provisioning"
    (datasource,) = _yaml_docs(DEPLOY / "grafana/provisioning/datasources/prometheus.yml")[0]["datasources"]
    assert datasource["url"].endswith(":9090") and "prometheus" in _compose()["services"]


def test_kustomization_resources_exist() -> None:
    kustomization = _yaml_docs(DEPLOY / "k8s/kustomization.yaml")[0]
    listed = set(kustomization["resources"])
    on_disk = {p.name for p in (DEPLOY / "k8s").glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == on_disk


# --- metric names in alerts and dashboard ---------------------------------------------------------


def _alert_rules() -> list[dict[str, Any]]:
    doc = _yaml_docs(DEPLOY / "prometheus/alerts.yml")[0]
    return [rule for group in doc["groups"] for rule in group["rules"]]


def _dashboard_exprs() -> list[str]:
    exprs = []
    for path in (DEPLOY / "grafana/dashboards").glob("*.json"):
        for panel in json.loads(path.read_text(encoding="utf-8"))["panels"]:
            exprs += [t["expr"] for t in panel.get("targets", [])]
    return exprs


def test_alerts_and_dashboard_name_only_exported_metrics() -> None:
    alert_exprs = [rule["expr"] for rule in _alert_rules()]
    dashboard_exprs = _dashboard_exprs()
    exported = series_names()
    assert referenced_names(alert_exprs) - exported == set()
    assert referenced_names(dashboard_exprs) - exported == set()
    # the dashboard covers throughput, lag, latency, events by type and dead letters
    for needed in (
        "news_events_articles_total",
        "news_events_consumer_lag_messages",
        "news_events_end_to_end_latency_seconds_bucket",
        "news_events_events_published_total",
        "news_events_dead_letters_total",
    ):
        assert needed in referenced_names(dashboard_exprs)


def test_required_alerts_exist() -> None:
    names = {rule["alert"] for rule in _alert_rules()}
    assert {
        "NewsEventsWorkerDown",
        "NewsEventsConsumerLagGrowing",
        "NewsEventsDeadLetterRateHigh",
        "NewsEventsNoEventsPublished",
        "NewsEventsEndToEndLatencyHigh",
    } <= names


# --- promtool --------------------------------------------------------------------------------------


def _promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("promtool is missing in CI: deploy/install-system-deps installs Debian's prometheus")
        pytest.skip("promtool not installed (apt-get install prometheus); CI fails instead of skipping")
    return path


@pytest.mark.parametrize("config", ["prometheus.yml", "prometheus-compose.yml"])
def test_promtool_check_config(config: str) -> None:
    result = subprocess.run(
        [_promtool(), "check", "config", config],
        cwd=DEPLOY / "prometheus",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_check_rules() -> None:
    result = subprocess.run(
        [_promtool(), "check", "rules", "alerts.yml"],
        cwd=DEPLOY / "prometheus",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
