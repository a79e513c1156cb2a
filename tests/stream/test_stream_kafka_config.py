"""One source of client security config for Faust, aiokafka and kafka-python."""

from __future__ import annotations

from pathlib import Path

import faust
import pytest

from worker.settings import Settings
from worker.stream.kafka_config import aiokafka_kwargs, broker_url, faust_credentials, kafka_python_kwargs


def test_plaintext_defaults() -> None:
    s = Settings.from_env({}, kafka_bootstrap_servers="a:1, b:2")
    assert broker_url(s) == "kafka://a:1;b:2"
    assert aiokafka_kwargs(s) == {"bootstrap_servers": ["a:1", "b:2"], "security_protocol": "PLAINTEXT"}
    assert kafka_python_kwargs(s)["security_protocol"] == "PLAINTEXT"
    assert faust_credentials(s) is None


def test_sasl_password_from_file_reaches_every_client(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("s3cret\n")
    s = Settings.from_env(
        {},
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username="u",
        kafka_sasl_password_file=str(secret),
    )
    for kwargs in (aiokafka_kwargs(s), kafka_python_kwargs(s)):
        assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512"
        assert kwargs["sasl_plain_username"] == "u" and kwargs["sasl_plain_password"] == "s3cret"
    creds = faust_credentials(s)
    assert isinstance(creds, faust.SASLCredentials) and creds.password == "s3cret"
    assert "s3cret" not in str(s.redacted())


def test_unknown_protocol_is_rejected() -> None:
    with pytest.raises(ValueError, match="KAFKA_SECURITY_PROTOCOL"):
        aiokafka_kwargs(Settings.from_env({}, kafka_security_protocol="TLS"))
