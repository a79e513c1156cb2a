"""What each setting means, for the README's configuration table (``python -m worker.settings_docs``).

A test checks that every field of ``Settings`` has a description here and a row in the README.
"""

from __future__ import annotations

from dataclasses import fields

from worker.settings import Settings, env_names

DESCRIPTIONS: dict[str, str] = {
    "kafka_bootstrap_servers": "Comma-separated `host:port` list of Kafka brokers.",
    "kafka_security_protocol": "`PLAINTEXT`, `SSL`, `SASL_PLAINTEXT` or `SASL_SSL` (all clients).",
    "kafka_sasl_mechanism": "`PLAIN`, `SCRAM-SHA-256` or `SCRAM-SHA-512` (default `PLAIN` when SASL is on).",
    "kafka_sasl_username": "SASL user name.",
    "kafka_sasl_password": "SASL password (secret: never logged; prefer the file variant).",
    "kafka_sasl_password_file": "File holding the SASL password (a mounted secret); wins over the variable.",
    "kafka_ssl_cafile": "CA bundle to verify the brokers (SSL/SASL_SSL).",
    "kafka_ssl_certfile": "Client certificate for mutual TLS.",
    "kafka_ssl_keyfile": "Private key of the client certificate.",
    "input_topic": "Raw articles in (`schemas/article.v1.json`).",
    "events_topic": "Events out (`schemas/event.v1.json`), keyed by article id.",
    "outcomes_topic": "One outcome per input (`schemas/outcome.v1.json`).",
    "dlq_topic": "Dead letters: original bytes plus `news-events.*` headers (`schemas/dead-letter.v1.json`).",
    "topic_partitions": "Partitions of topics made by `news-events topics create`.",
    "topic_replication": "Replication factor of topics made by `news-events topics create`.",
    "topic_retention_ms": "`retention.ms` of topics made by `news-events topics create`.",
    "app_id": "Faust app id and Kafka consumer group of the worker.",
    "processing_guarantee": "`at_least_once` (Faust agents) or `exactly_once` (Kafka transactions).",
    "max_body_bytes": "Articles with a larger body (UTF-8 bytes) are dead-lettered (`body_too_large`).",
    "batch_size": "Records taken per batch (per agent actor, or per transaction).",
    "batch_timeout_s": "Longest wait to fill a batch before processing what arrived.",
    "max_retries": "Retries of a transient produce failure before dead-lettering (stage produce).",
    "retry_backoff_s": "First retry delay; doubles each retry (with ±20 % jitter, capped at 10 s).",
    "worker_data_dir": "Faust's local data directory (one sub-directory per app id).",
    "shutdown_timeout_s": "On SIGTERM/SIGINT, how long the in-flight batch may take to finish.",
    "agent_concurrency": "Faust actors sharing the input stream (at-least-once mode).",
    "commit_interval_s": "How often acknowledged input offsets are committed (at-least-once mode).",
    "producer_linger_ms": "Producer batching delay.",
    "transactional_id": "exactly_once: stable, unique transactional id per worker instance "
    "(default `<APP_ID>-eos-<hostname>`).",
    "transaction_timeout_ms": "exactly_once: the broker aborts a transaction left open longer than this "
    "(e.g. by a killed worker that is not restarted).",
    "session_timeout_s": "Consumer group session timeout: how soon a dead worker's partitions move on.",
    "metrics_port": "Port of `/metrics`, `/healthz` and `/readyz`.",
    "metrics_host": "Bind address of the metrics endpoint.",
    "web_port": "Faust's own web server port; `0` disables it.",
    "log_level": "`DEBUG`, `INFO`, `WARNING`, `ERROR`.",
    "log_format": "`text` or `json` (one JSON object per line).",
}


def markdown_table() -> str:
    names = env_names()
    rows = ["| Variable | Default | Meaning |", "|---|---|---|"]
    for f in fields(Settings):
        default = "" if f.default in ("", None) else f"`{f.default}`"
        rows.append(f"| `{names[f.name]}` | {default} | {DESCRIPTIONS.get(f.name, '')} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
