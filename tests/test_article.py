"""parse_article: decoding, validation, reasons, normalisation."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import orjson
import pytest

from worker.coder.article import REASONS, ArticleError, normalise_body, parse_article, parse_timestamp

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _raw(**fields: Any) -> bytes:
    return orjson.dumps({"id": "a1", "body": "Seoul protested.", **fields})


def _reason(raw: Any, **kw: Any) -> tuple[str, str]:
    with pytest.raises(ArticleError) as info:
        parse_article(raw, **kw)
    assert info.value.reason in REASONS
    return info.value.stage, info.value.reason


def test_sample_article_parses() -> None:
    line = (SAMPLES / "articles.jsonl").read_bytes().splitlines()[0]
    art = parse_article(line)
    assert art.id == "korea-russia-pact-2024"
    assert art.language == "en"
    assert art.published_at == "2024-06-21T09:00:00Z"
    assert "READ ALSO" in art.body


@pytest.mark.parametrize("form", ["bytes", "str", "dict", "bytearray"])
def test_accepts_bytes_str_and_dict(form: str) -> None:
    data = {"id": "x", "body": "Text.", "title": "T", "url": "http://u", "source": "s"}
    raw: Any = {
        "bytes": orjson.dumps(data),
        "str": orjson.dumps(data).decode(),
        "dict": data,
        "bytearray": bytearray(orjson.dumps(data)),
    }[form]
    art = parse_article(raw)
    assert (art.id, art.body, art.title, art.url, art.source) == ("x", "Text.", "T", "http://u", "s")


def test_unknown_fields_are_carried_in_extra() -> None:
    art = parse_article(_raw(feed={"k": [1, 2]}, priority=3))
    assert art.extra == {"feed": {"k": [1, 2]}, "priority": 3}


@pytest.mark.parametrize(
    ("raw", "stage", "reason"),
    [
        (b"\xff\xfe{}", "decode", "invalid_utf8"),
        (b'{"id": "a", "body": "caf\xe9"}', "decode", "invalid_utf8"),
        (b'{"id": "a", "body": "\\ud800"}', "decode", "invalid_utf8"),
        (b"not json", "decode", "not_json"),
        (b"", "decode", "not_json"),
        (b'{"id": "a", "body": "x"', "decode", "not_json"),
        (b"[" * 5000 + b"]" * 5000, "decode", "too_deeply_nested"),
        (b"[1, 2]", "validate", "not_object"),
        (b'"just a string"', "validate", "not_object"),
        (b"null", "validate", "not_object"),
        (b'{"body": "x"}', "validate", "missing_field"),
        (b'{"id": "a"}', "validate", "missing_field"),
        (b'{"id": 7, "body": "x"}', "validate", "wrong_type"),
        (b'{"id": "a", "body": ["x"]}', "validate", "wrong_type"),
        (b'{"id": "a", "body": "x", "title": 3}', "validate", "wrong_type"),
        (b'{"id": "", "body": "x"}', "validate", "invalid_field"),
        (b'{"id": "a", "body": "x", "language": "english"}', "validate", "invalid_field"),
        (b'{"id": "a", "body": ""}', "validate", "empty_body"),
        (b'{"id": "a", "body": " \\n\\t\\r\\n "}', "validate", "empty_body"),
        (b'{"id": "a", "body": "\\u200b\\ufeff"}', "validate", "empty_body"),
    ],
)
def test_bad_input_reasons(raw: bytes, stage: str, reason: str) -> None:
    assert _reason(raw) == (stage, reason)


def test_nested_unknown_fields_under_the_limit_are_fine() -> None:
    art = parse_article(b'{"id": "a", "body": "x", "deep": ' + b"[" * 100 + b"]" * 100 + b"}")
    assert "deep" in art.extra


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "2024-06-21",
        "2024-06-21T09:00:00",
        "2024-13-01T00:00:00Z",
        "2024-02-30T00:00:00Z",
        "2024-06-21T25:00:00Z",
        "2024-06-21T09:00:00+2",
        "",
    ],
)
def test_invalid_timestamps(value: str) -> None:
    assert _reason(_raw(published_at=value)) == ("validate", "invalid_timestamp")
    assert _reason(_raw(ingested_at=value)) == ("validate", "invalid_timestamp")


@pytest.mark.parametrize(
    "value",
    [
        "2024-06-21T09:00:00Z",
        "2024-06-21t09:00:00z",
        "2024-06-21 09:00:00+09:00",
        "2024-06-21T09:00:00.123456789-05:30",
        "2016-12-31T23:59:60Z",
    ],
)
def test_valid_timestamps(value: str) -> None:
    art = parse_article(_raw(published_at=value, ingested_at=value))
    assert art.published_at == value
    assert parse_timestamp(value).tzinfo is not None


def test_null_timestamps_are_none() -> None:
    art = parse_article(_raw(published_at=None))
    assert art.published_at is None and art.ingested_at is None


def test_body_size_limit_counts_utf8_bytes() -> None:
    assert parse_article(_raw(body="é" * 50), max_body_bytes=100).body == "é" * 50
    assert _reason(_raw(body="é" * 51), max_body_bytes=100) == ("validate", "body_too_large")
    assert _reason(_raw(body="x" * 101), max_body_bytes=100) == ("validate", "body_too_large")


def test_huge_raw_message_rejected_before_decoding() -> None:
    raw = b'{"id": "a", "body": "' + b"x" * 10_000_000  # not even valid JSON: never decoded
    assert _reason(raw, max_body_bytes=1_000_000) == ("decode", "message_too_large")


def test_dict_body_with_lone_surrogate() -> None:
    assert _reason({"id": "a", "body": "x\ud800y"}) == ("decode", "invalid_utf8")


def test_language_other_than_english_is_valid() -> None:
    assert parse_article(_raw(language="ko")).language == "ko"
    assert parse_article(_raw(language="EN-us")).language == "en"
    assert parse_article(_raw(language=None)).language == "en"
    assert parse_article(_raw()).language == "en"


def test_byte_order_mark_tolerated() -> None:
    assert parse_article(b"\xef\xbb\xbf" + _raw()).id == "a1"


def test_error_message_never_contains_the_body() -> None:
    secret = "SECRET-BODY-TEXT " * 1000
    for raw in (_raw(body=secret, published_at="bad"), _raw(body=secret, id=""), _raw(body=[secret])):
        with pytest.raises(ArticleError) as info:
            parse_article(raw)
        assert "SECRET-BODY-TEXT" not in str(info.value)
        assert len(str(info.value)) <= 200


def test_error_carries_article_id_and_pickles() -> None:
    with pytest.raises(ArticleError) as info:
        parse_article(_raw(body="  "))
    err = info.value
    assert err.article_id == "a1"
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.stage, copy.reason, str(copy), copy.article_id) == ("validate", "empty_body", str(err), "a1")


def test_body_normalisation() -> None:
    art = parse_article(_raw(body="a\r\nb\rc\x00d\te\u200bf\u00a0g\u2028h\x85i\u00adj\x7fk"))
    assert art.body == "a\nb\nc d ef g\nh\nij k"


def test_body_is_nfc() -> None:
    decomposed = "Caf\u0065\u0301 talks."
    assert parse_article(_raw(body=decomposed)).body == "Café talks."


def test_clean_body_is_returned_unchanged() -> None:
    text = (SAMPLES / "korea-russia-pact-2024.txt").read_text(encoding="utf-8")
    assert normalise_body(text) is text


def test_dict_input_is_not_modified() -> None:
    data = {"id": "a", "body": "x"}
    parse_article(data)
    assert data == {"id": "a", "body": "x"}
