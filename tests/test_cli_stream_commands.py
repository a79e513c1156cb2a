"""Pure parts of `news-events produce` and `news-events consume` (no broker)."""

from __future__ import annotations

from types import SimpleNamespace

import orjson

from worker.cli.consume import json_line, pretty_line
from worker.cli.produce import records, with_copy_id


def _record(value: bytes | None, headers: list[tuple[str, bytes]] | None = None) -> SimpleNamespace:
    return SimpleNamespace(topic="t", partition=1, offset=7, key=b"k", value=value, headers=headers or [])


def test_copies_get_unique_ids_and_keys() -> None:
    line = b'{"id": "a", "body": "x"}'
    out = list(records([line, b"not json"], count=5, repeat=1))
    assert [k for k, _ in out] == [b"a", None, b"a~1", None, b"a~2"]
    assert orjson.loads(out[2][1])["id"] == "a~1"
    assert out[1][1] == b"not json"  # unparseable lines are sent as they are
    assert len(list(records([line], count=0, repeat=3))) == 3
    assert with_copy_id(line, 0) == (b"a", line)


def test_json_line_and_pretty_line() -> None:
    event = {
        "schema_version": "event.v1",
        "event_type": "CONSULT",
        "quad_class": "verbal_cooperation",
        "actor": [{"country": "KOR", "sector": "GOV", "text": "Seoul"}],
        "recipient": [{"country": "RUS", "sector": None, "text": "Russia"}],
        "evidence": {"text": "Seoul met Russia."},
    }
    rec = _record(orjson.dumps(event))
    assert orjson.loads(json_line(rec, False)) == event
    assert "CONSULT" in pretty_line(rec) and "KOR/GOV" in pretty_line(rec) and "RUS" in pretty_line(rec)
    letter = _record(b"\xff", [("news-events.error.stage", b"decode"), ("news-events.error.reason", b"x")])
    assert "dead-letter decode/x" in pretty_line(letter)
    wrapped = orjson.loads(json_line(letter, True))
    assert wrapped["headers"]["news-events.error.stage"] == "decode" and wrapped["offset"] == 7
