"""Trigger matches of an invented sentence, shared by the tests of the coder's rule modules."""

from __future__ import annotations

from worker.coder.lexicon import TOKEN_RE, Match, find_triggers, load_lexicon, normalise


def parse_triggers(sentence: str) -> tuple[list[str], list[Match]]:
    """The sentence's tokens and the lexicon's trigger matches in them."""
    words = TOKEN_RE.findall(normalise(sentence))
    return words, find_triggers(load_lexicon(), words)


def match_with(matches: list[Match], words: list[str], token: str) -> Match:
    """The first match whose span holds ``token``."""
    return next(m for m in matches if token in words[m.start : m.end])
