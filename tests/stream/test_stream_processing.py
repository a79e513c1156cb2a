"""The pure processing core: every input ends as events, no_events, or one dead letter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from worker.coder import CodingResult
from worker.schema import validator
from worker.settings import Settings
from worker.stream import processing
from worker.stream.deadletter import ERROR_REASON, ERROR_STAGE, PREFIX, SOURCE_OFFSET
from worker.stream.processing import Processed, process_record
from worker.stream.records import SourceRecord, header

SAMPLE = (Path(__file__).resolve().parents[2] / "samples" / "articles.jsonl").read_bytes().splitlines()[0]
SETTINGS = Settings.from_env({}, events_topic="ev", outcomes_topic="out", dlq_topic="dlq")
SOURCE = SourceRecord("raw", 2, 41, 1_718_960_400_000, [("trace", b"abc")])

outcome_valid = validator("outcome.v1")


def _outcome(p: Processed) -> dict[str, Any]:
    assert p.outcome.topic == "out"
    data: dict[str, Any] = orjson.loads(p.outcome.value or b"")
    outcome_valid(data)
    return data


def _fake_event(article_id: str, n: int) -> dict[str, Any]:
    return {"event_id": f"{n:032x}", "article_id": article_id, "event_type": "CONSULT"}


def test_sample_article_gets_one_outcome() -> None:
    p = process_record(b"k", SAMPLE, SOURCE, SETTINGS)
    assert p.dead_letter is None
    assert p.outcome_name in ("events", "no_events")
    out = _outcome(p)
    assert out["article_id"] == "korea-russia-pact-2024"
    assert out["source"] == {"topic": "raw", "partition": 2, "offset": 41, "timestamp": 1_718_960_400_000}
    assert out["events"] == len(p.events) == len(out["event_ids"])
    assert out["paragraphs"] == p.paragraphs > 0
    assert p.outcome.key == b"korea-russia-pact-2024"
    assert p.records()[-1] is p.outcome


def test_events_keyed_by_article_with_headers(monkeypatch: pytest.MonkeyPatch) -> None:
    def coder(article: Any) -> CodingResult:
        return CodingResult(article.id, 3, [_fake_event(article.id, 1), _fake_event(article.id, 2)], "events")

    monkeypatch.setattr(processing, "code_article", coder)
    p = process_record(None, SAMPLE, SOURCE, SETTINGS, replay_id="run-7")
    assert p.outcome_name == "events"
    assert [e.topic for e in p.events] == ["ev", "ev"]
    assert all(e.key == b"korea-russia-pact-2024" for e in p.events)
    hdrs = p.events[0].headers
    assert header(hdrs, "content-type") == b"application/json"
    assert header(hdrs, "schema-version") == b"event.v1"
    assert header(hdrs, "classifier-version") and header(hdrs, "classifier-name")
    assert header(hdrs, "replay") == b"run-7"
    assert orjson.loads(p.events[1].value or b"")["event_id"] == f"{2:032x}"
    out = _outcome(p)
    assert out["event_ids"] == [f"{1:032x}", f"{2:032x}"] and out["replay"] == "run-7"
    assert p.event_types == ["CONSULT", "CONSULT"]


@pytest.mark.parametrize(
    ("value", "stage"),
    [
        (b"this is not json", "decode"),
        (b'\xff\xfe{"id": "x"}', "decode"),
        (b"", "decode"),
        (None, "decode"),
        (b'{"id": "a1"}', "validate"),
        (b"[1, 2]", "validate"),
    ],
)
def test_bad_input_is_one_dead_letter_with_original_bytes(value: bytes | None, stage: str) -> None:
    p = process_record(b"orig-key", value, SOURCE, SETTINGS)
    assert p.outcome_name == "dead_letter" and not p.events
    letter = p.dead_letter
    assert letter is not None and letter.topic == "dlq"
    assert letter.key == b"orig-key" and letter.value == value
    assert header(letter.headers, "trace") == b"abc"  # original headers carried through
    assert header(letter.headers, ERROR_STAGE) == stage.encode()
    assert header(letter.headers, ERROR_REASON)
    assert header(letter.headers, SOURCE_OFFSET) == b"41"
    out = _outcome(p)
    assert out["outcome"] == "dead_letter" and out["stage"] == stage and out["reason"]
    names = {k: v.decode() for k, v in letter.headers}
    validator("dead-letter.v1")(names)


def test_coder_crash_is_a_classify_dead_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(article: Any) -> CodingResult:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(processing, "code_article", boom)
    p = process_record(b"k", SAMPLE, SOURCE, SETTINGS)
    assert p.dead_letter is not None and p.dead_letter.value == SAMPLE
    assert header(p.dead_letter.headers, ERROR_STAGE) == b"classify"
    assert header(p.dead_letter.headers, "news-events.error.class") == b"ZeroDivisionError"
    assert _outcome(p)["article_id"] == "korea-russia-pact-2024"


def test_redead_lettered_record_does_not_repeat_headers() -> None:
    first = process_record(b"k", b"nope", SOURCE, SETTINGS)
    assert first.dead_letter is not None
    again = SourceRecord("raw", 0, 1, None, first.dead_letter.headers)
    second = process_record(b"k", b"nope", again, SETTINGS)
    assert second.dead_letter is not None
    names = [k for k, _ in second.dead_letter.headers if k.startswith(PREFIX)]
    assert len(names) == len(set(names))
    assert header(second.dead_letter.headers, SOURCE_OFFSET) == b"1"


def test_long_error_message_is_truncated(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(article: Any) -> CodingResult:
        raise RuntimeError("x" * 10_000)

    monkeypatch.setattr(processing, "code_article", boom)
    p = process_record(b"k", SAMPLE, SOURCE, SETTINGS)
    assert p.dead_letter is not None
    assert len((header(p.dead_letter.headers, "news-events.error.message") or b"").decode()) <= 1000


@hsettings(max_examples=200, deadline=None)
@given(key=st.one_of(st.none(), st.binary(max_size=20)), value=st.one_of(st.none(), st.binary(max_size=200)))
def test_never_raises_and_always_one_outcome(key: bytes | None, value: bytes | None) -> None:
    p = process_record(key, value, SOURCE, SETTINGS)
    assert p.outcome.topic == "out"
    assert (p.dead_letter is None) == (p.outcome_name != "dead_letter")
    _outcome(p)
