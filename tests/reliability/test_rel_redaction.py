"""A password fetched through ``Settings.sasl_password`` never reaches a log line, whatever logs it."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from worker.logs import setup_logging
from worker.settings import Settings


def _capture(fmt: str) -> tuple[io.StringIO, logging.Handler]:
    setup_logging("DEBUG", fmt)
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    handler.setStream(buffer)
    return buffer, handler


def test_password_from_variable_and_file_is_redacted(tmp_path: Path) -> None:
    secret_file = tmp_path / "pw"
    secret_file.write_text("file-secret-91x\n")
    from_var = Settings.from_env({"KAFKA_SASL_PASSWORD": "var-secret-42q"})
    from_file = Settings.from_env({"KAFKA_SASL_PASSWORD_FILE": str(secret_file)})
    for fmt in ("text", "json"):
        buffer, _ = _capture(fmt)
        log = logging.getLogger("kafka.admin.client")
        log.debug("config: %s", {"sasl_plain_password": from_var.sasl_password()})
        log.debug(
            "config: %r", {"sasl_plain_password": from_file.sasl_password()}, extra={"pw": "var-secret-42q"}
        )
        try:
            raise RuntimeError("auth failed for file-secret-91x")
        except RuntimeError:
            log.exception("boom")
        text = buffer.getvalue()
        assert "var-secret-42q" not in text and "file-secret-91x" not in text
        assert text.count("***") >= 4
    setup_logging("WARNING", "text")
