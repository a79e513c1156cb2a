"""Decoding and validating raw articles (``schemas/article.v1.json``).

``parse_article`` runs for every Kafka message, so it is built from cheap steps: a size check on the raw
bytes, one ``orjson.loads``, the compiled fastjsonschema validator, our own RFC 3339 check, and a body
normalisation that is skipped entirely (one regex scan) for clean text.

Every failure is an ``ArticleError`` whose ``reason`` is one of ``REASONS`` (a small fixed set: it is a
Prometheus label and a dead-letter header). Messages never quote the body.

Body normalisation (the ``Article.body`` IS the normalised text; every offset in events indexes into it):

* ``\\r\\n`` and lone ``\\r``, U+0085, U+2028, U+2029 become ``\\n``;
* NUL and every other C0/C1 control character except ``\\n`` (including ``\\t``) become a space;
* no-break and other Unicode spaces (U+00A0, U+2000-U+200A, U+202F, U+205F, U+3000) become a space;
* zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and soft hyphens (U+00AD) are removed;
* the result is Unicode NFC.

Other languages than English are valid articles (the pipeline returns ``no_events`` for them).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Any, Final

import fastjsonschema
import orjson

from worker.coder.model import Article
from worker.schema import ARTICLE_SCHEMA, validator

DECODE: Final = "decode"
VALIDATE: Final = "validate"

#: every ``ArticleError.reason`` this module can produce
REASONS: Final = frozenset(
    {
        "message_too_large",  # raw message larger than the body limit plus envelope allowance
        "invalid_utf8",  # bytes that are not UTF-8, or lone surrogates
        "not_json",
        "too_deeply_nested",
        "not_object",
        "missing_field",  # id or body absent
        "wrong_type",  # a known field with the wrong JSON type
        "invalid_field",  # a known field with a bad value (empty or over-long id, bad language tag)
        "invalid_timestamp",  # published_at / ingested_at not RFC 3339
        "body_too_large",
        "empty_body",  # empty or whitespace-only body (after normalisation)
    }
)

#: room for id, title, url and unknown fields on top of the body when checking the raw message size
ENVELOPE_ALLOWANCE_BYTES: Final = 64 * 1024

_KNOWN_FIELDS: Final = frozenset(
    {"id", "body", "title", "url", "source", "language", "published_at", "ingested_at"}
)
_MAX_MESSAGE_CHARS: Final = 200

_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:(?P<sec>\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})",
    re.ASCII,
)
_LANGUAGE = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*", re.ASCII)

# characters that need normalising; clean ASCII bodies never match and skip all the work below
_NEEDS_NORMALISING = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00a0\u00ad\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]"
)
_TRANSLATION: Final[dict[int, str | None]] = {
    **{c: " " for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))},
    0x0A: "\n",
    0x0D: "\n",
    0x85: "\n",
    0x2028: "\n",
    0x2029: "\n",
    0xA0: " ",
    **{c: " " for c in range(0x2000, 0x200B)},
    0x202F: " ",
    0x205F: " ",
    0x3000: " ",
    0x00AD: None,
    0x200B: None,
    0x200C: None,
    0x200D: None,
    0x2060: None,
    0xFEFF: None,
}


class ArticleError(ValueError):
    """A raw article that cannot be coded. ``stage`` is ``decode`` or ``validate``; ``reason`` is one of
    ``REASONS``; ``article_id`` is set when the id could be read."""

    def __init__(self, stage: str, reason: str, message: str, *, article_id: str | None = None) -> None:
        message = message if len(message) <= _MAX_MESSAGE_CHARS else message[: _MAX_MESSAGE_CHARS - 1] + "…"
        super().__init__(message)
        self.stage = stage
        self.reason = reason
        self.message = message
        self.article_id = article_id

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_error, (self.stage, self.reason, self.message, self.article_id))


def _rebuild_error(stage: str, reason: str, message: str, article_id: str | None) -> ArticleError:
    return ArticleError(stage, reason, message, article_id=article_id)


def parse_article(raw: bytes | str | dict[str, Any], *, max_body_bytes: int = 1_000_000) -> Article:
    """Decode and validate one raw article; raise ``ArticleError`` for bad input.

    ``raw`` is a JSON message (bytes or str) or an already decoded object. ``max_body_bytes`` bounds the
    UTF-8 size of the body; raw messages larger than that plus ``ENVELOPE_ALLOWANCE_BYTES`` are rejected
    before decoding.
    """
    if isinstance(raw, bytes | bytearray | memoryview | str):
        data = _decode(raw, max_body_bytes)
    else:
        data = dict(raw) if isinstance(raw, dict) else raw  # the validator fills defaults in place
    if not isinstance(data, dict):
        raise ArticleError(VALIDATE, "not_object", f"article must be a JSON object, not {_json_type(data)}")
    _validate_schema(data)
    art_id: str = data["id"]
    body = _check_body(data["body"], art_id, max_body_bytes)
    return Article(
        id=art_id,
        body=body,
        title=data.get("title"),
        url=data.get("url"),
        source=data.get("source"),
        language=_language(data.get("language")),
        published_at=_timestamp(data, "published_at", art_id),
        ingested_at=_timestamp(data, "ingested_at", art_id),
        extra={k: v for k, v in data.items() if k not in _KNOWN_FIELDS},
    )


def parse_timestamp(value: str) -> datetime:
    """Parse an RFC 3339 date-time (``T`` or space separator, ``Z`` or numeric offset, leap second
    clamped to :59) into an aware ``datetime``; raise ``ValueError`` otherwise."""
    m = _RFC3339.fullmatch(value)
    if m is None:
        raise ValueError(f"not an RFC 3339 date-time: {value[:40]!r}")
    text = value.replace("z", "Z").replace("t", "T")
    if m.group("sec") == "60":
        text = text[: m.start("sec")] + "59" + text[m.end("sec") :]
    return datetime.fromisoformat(text)  # raises ValueError for impossible dates/times


def _decode(raw: bytes | bytearray | memoryview | str, max_body_bytes: int) -> Any:
    limit = max_body_bytes + ENVELOPE_ALLOWANCE_BYTES
    # a str's UTF-8 size is at least its length; bytes are checked exactly
    if len(raw) > limit:
        raise ArticleError(DECODE, "message_too_large", f"message of {len(raw)} bytes exceeds {limit}")
    if isinstance(raw, bytes) and raw[:3] == b"\xef\xbb\xbf":
        raw = raw[3:]  # tolerate a UTF-8 byte order mark
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise _decode_error(exc.msg) from None


def _decode_error(msg: str) -> ArticleError:
    if "UTF-8" in msg or "surrogate" in msg:
        return ArticleError(DECODE, "invalid_utf8", "message is not valid UTF-8 (or has lone surrogates)")
    if "depth limit" in msg or "recursion" in msg:
        return ArticleError(DECODE, "too_deeply_nested", "message nests JSON arrays/objects too deeply")
    return ArticleError(DECODE, "not_json", f"message is not JSON: {msg}")


def _validate_schema(data: dict[str, Any]) -> None:
    try:
        validator(ARTICLE_SCHEMA)(data)
    except fastjsonschema.JsonSchemaValueException as exc:
        art_id = data.get("id") if isinstance(data.get("id"), str) else None
        field = (exc.name or "").removeprefix("data").lstrip(".") or "article"
        if exc.rule == "required":
            missing = [k for k in ("id", "body") if k not in data]
            raise ArticleError(
                VALIDATE,
                "missing_field",
                f"missing required field(s): {', '.join(missing)}",
                article_id=art_id,
            ) from None
        if exc.rule == "type":
            got = _json_type(exc.value)
            raise ArticleError(
                VALIDATE,
                "wrong_type",
                f"field {field!r} must be {exc.rule_definition}, not {got}",
                article_id=art_id,
            ) from None
        raise ArticleError(
            VALIDATE,
            "invalid_field",
            f"field {field!r} fails {exc.rule} {exc.rule_definition!r}",
            article_id=art_id,
        ) from None


def _check_body(body: str, art_id: str, max_body_bytes: int) -> str:
    # len(body) <= UTF-8 size <= 4 * len(body): encode only when the cheap bounds cannot decide
    if len(body) > max_body_bytes:
        raise ArticleError(VALIDATE, "body_too_large", f"body over {max_body_bytes} bytes", article_id=art_id)
    try:
        size = len(body) if body.isascii() else len(body.encode("utf-8"))
    except UnicodeEncodeError:  # lone surrogates in an already decoded dict
        raise ArticleError(
            DECODE, "invalid_utf8", "body contains lone surrogates", article_id=art_id
        ) from None
    if size > max_body_bytes:
        raise ArticleError(
            VALIDATE, "body_too_large", f"body of {size} bytes over {max_body_bytes}", article_id=art_id
        )
    body = normalise_body(body)
    if not body or body.isspace():
        raise ArticleError(VALIDATE, "empty_body", "body is empty or whitespace only", article_id=art_id)
    return body


def normalise_body(body: str) -> str:
    """The normalisation documented in the module docstring; the identity on clean ASCII text."""
    if _NEEDS_NORMALISING.search(body) is not None:
        body = body.replace("\r\n", "\n").translate(_TRANSLATION)
    if not body.isascii() and not unicodedata.is_normalized("NFC", body):
        body = unicodedata.normalize("NFC", body)
    return body


def _language(value: str | None) -> str:
    if not value:
        return "en"
    m = _LANGUAGE.match(value)
    return m.group(1).lower() if m else "en"


def _timestamp(data: dict[str, Any], name: str, art_id: str) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    try:
        parse_timestamp(value)
    except ValueError:
        raise ArticleError(
            VALIDATE,
            "invalid_timestamp",
            f"{name} is not an RFC 3339 date-time: {value[:40]!r}",
            article_id=art_id,
        ) from None
    return str(value)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__
