"""Property tests: no input makes the core raise anything but ArticleError, and its output is consistent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worker.coder.article import REASONS, ArticleError, normalise_body, parse_article
from worker.coder.model import Article
from worker.coder.pipeline import code_article
from worker.coder.segment import MAX_SENTENCE_CHARS, segment
from worker.schema import load_schema

SAMPLE = (Path(__file__).resolve().parent.parent / "samples" / "korea-russia-pact-2024.txt").read_text(
    encoding="utf-8"
)
SAMPLE_LINES = [line for line in SAMPLE.splitlines() if line.strip()]
EVENT = jsonschema.Draft202012Validator(
    load_schema("event.v1"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
MAX_BODY = 200_000

PROPS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_nasty_chars = st.sampled_from(
    ["\x00", "\r", "\r\n", "\t", "\x0b", "\x1b", "\x7f", "\x85", "\u00a0", "\u00ad", "\u200b", "\u200d",
     "\u2028", "\ufeff", "e\u0301", "…", "“", "”", ". ", "? ", "U.S. ", "Mr. ", "\n\n", "READ ALSO: x\n"]
)  # fmt: skip
_fragments = st.one_of(
    st.sampled_from(SAMPLE_LINES),
    st.text(max_size=40),
    _nasty_chars,
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=3), st.integers(0, 3000)),
)
bodies = st.builds("".join, st.lists(_fragments, max_size=30))
separators = st.sampled_from(["\n", "\n\n", " ", "\r\n", ""])
sample_mixes = st.builds(
    lambda lines, sep: sep.join(lines),
    st.lists(st.sampled_from(SAMPLE_LINES), min_size=1, max_size=8),
    separators,
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def _check_result(article: Article) -> None:
    result = code_article(article)
    assert result.article_id == article.id
    assert result.outcome in ("events", "no_events")
    assert (result.outcome == "events") == bool(result.events)
    for event in result.events:
        EVENT.validate(orjson.loads(orjson.dumps(event)))
        evidence = event["evidence"]
        assert article.body[evidence["start"] : evidence["end"]] == evidence["text"]


def _parse(raw: Any) -> Article | None:
    try:
        return parse_article(raw, max_body_bytes=MAX_BODY)
    except ArticleError as exc:
        assert exc.reason in REASONS
        assert exc.stage in ("decode", "validate")
        assert len(str(exc)) <= 200
        return None


@PROPS
@given(body=st.one_of(bodies, sample_mixes), language=st.sampled_from(["en", "EN-gb", "ko", None]))
def test_random_bodies_parse_or_fail_cleanly_and_code(body: str, language: str | None) -> None:
    raw = {"id": "prop", "body": body, "language": language, "published_at": "2024-06-21T09:00:00Z"}
    article = _parse(orjson.dumps(raw))
    if article is None:
        return
    assert article.body.strip()
    assert article.body == normalise_body(article.body)
    _check_result(article)


@PROPS
@given(raw=st.binary(max_size=300))
def test_random_bytes_only_raise_article_error(raw: bytes) -> None:
    _parse(raw)
    _parse(b'{"id": "b", "body": "' + raw + b'"}')


@PROPS
@given(value=json_values, body=st.one_of(st.text(max_size=50), json_values))
def test_random_json_only_raises_article_error(value: Any, body: Any) -> None:
    _parse(orjson.dumps(value))
    _parse({"id": "j", "body": body, "extra": value})
    article = _parse(orjson.dumps({"id": "j", "body": body, "title": value}))
    if article is not None:
        _check_result(article)


@PROPS
@given(body=st.one_of(bodies, sample_mixes, st.text()))
def test_code_article_never_raises_on_any_article(body: str) -> None:
    _check_result(Article(id="direct", body=body))


@PROPS
@given(body=st.one_of(bodies, sample_mixes, st.text()))
def test_segment_offsets_are_consistent(body: str) -> None:
    seg = segment(body)
    last_end = 0
    for i, para in enumerate(seg.paragraphs):
        assert para.index == i
        assert body[para.start : para.end] == para.text
        assert para.text and para.text == para.text.strip() and "\n" not in para.text
        assert para.start >= last_end
        last_end = para.end
        prev = para.start
        assert para.sentences
        for j, sent in enumerate(para.sentences):
            assert sent.index == j
            assert body[sent.start : sent.end] == sent.text
            assert sent.text and sent.text == sent.text.strip()
            assert prev <= sent.start < sent.end <= para.end
            assert sent.end - sent.start <= MAX_SENTENCE_CHARS
            prev = sent.end


@PROPS
@given(body=st.one_of(bodies, st.text()))
def test_normalisation_is_idempotent(body: str) -> None:
    once = normalise_body(body)
    assert normalise_body(once) == once
    assert not any(c < " " and c != "\n" for c in once)
