"""Trigger matches and the top event of an invented sentence, shared by the tests of the coder's rule
modules."""

from __future__ import annotations

from typing import Any

from worker.coder import Article, code_article
from worker.coder.lexicon import TOKEN_RE, Match, find_triggers, load_lexicon, normalise
from worker.coder.pipeline import top_event
from worker.schema import validator


def parse_triggers(sentence: str) -> tuple[list[str], list[Match]]:
    """The sentence's tokens and the lexicon's trigger matches in them."""
    words = TOKEN_RE.findall(normalise(sentence))
    return words, find_triggers(load_lexicon(), words)


def match_with(matches: list[Match], words: list[str], token: str) -> Match:
    """The first match whose span holds ``token``."""
    return next(m for m in matches if token in words[m.start : m.end])


def top_coded(body: str, published_at: str = "2024-03-15T09:00:00Z") -> dict[str, Any] | None:
    """The top event of ``body`` coded as one article; every event is checked against its schema."""
    events = code_article(Article(id="t-invented", body=body, published_at=published_at)).events
    for ev in events:
        validator("event.v1")(ev)
    return top_event(events)
