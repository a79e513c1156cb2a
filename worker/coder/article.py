"""Decoding and validating raw articles (``schemas/article.v1.json``). STUB: to be completed."""

from __future__ import annotations

from typing import Any

import orjson

from worker.coder.model import Article


class ArticleError(ValueError):
    """A raw article that cannot be coded. ``stage`` is ``decode`` or ``validate``."""

    def __init__(self, stage: str, reason: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage
        self.reason = reason  # short machine-readable code, e.g. not_json, missing_field, body_too_large


def parse_article(raw: bytes | str | dict[str, Any], *, max_body_bytes: int = 1_000_000) -> Article:
    """Decode and validate one raw article; raise ``ArticleError`` for bad input."""
    try:
        data = orjson.loads(raw) if isinstance(raw, bytes | str) else raw
    except orjson.JSONDecodeError as exc:
        raise ArticleError("decode", "not_json", str(exc)) from exc
    if not isinstance(data, dict):
        raise ArticleError("validate", "not_object", "article must be a JSON object")
    art_id, body = data.get("id"), data.get("body")
    if not isinstance(art_id, str) or not isinstance(body, str):
        raise ArticleError("validate", "missing_field", "article needs string id and body")
    return Article(id=art_id, body=body, published_at=data.get("published_at"))
