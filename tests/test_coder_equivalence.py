"""Speed rewrites must not change what the coder sees: fast paths agree with their plain definitions."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from worker.coder.lexicon import TOKEN_RE, token_starts, tokenise
from worker.coder.segment import _add_span, _is_boundary, sentence_spans

# the tokeniser as first written (backtracking quantifiers); TOKEN_RE uses possessive ones
_PLAIN_TOKEN_RE = re.compile(r"\w+(?:-\w+)*|'s\b|'t\b|[^\w\s]")

_TEXT_PIECES = st.sampled_from(
    ["a", "Kim", "-", "--", "'", "'s", "'t", "’", " ", "  ", "\n", ",", ".", "_", "9", "é", "anti-", "x-y"]
)


@given(st.lists(_TEXT_PIECES, max_size=20).map("".join))
def test_tokeniser_matches_the_plain_definition(text: str) -> None:
    assert TOKEN_RE.findall(text) == _PLAIN_TOKEN_RE.findall(text)


@given(st.text(max_size=80))
def test_tokeniser_matches_the_plain_definition_on_any_text(text: str) -> None:
    assert TOKEN_RE.findall(text) == _PLAIN_TOKEN_RE.findall(text)


_PLAIN_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")


def _plain_sentence_spans(text: str) -> list[tuple[int, int]]:
    """sentence_spans as first written: a lookahead boundary, then the whitespace matched apart."""
    spans: list[tuple[int, int]] = []
    cur, n = 0, len(text)
    for m in _PLAIN_BOUNDARY.finditer(text):
        end = m.end()
        if end <= cur:
            continue
        ws = re.compile(r"\s+").match(text, end)
        nxt_at = ws.end() if ws else end
        if nxt_at >= n:
            break
        if _is_boundary(text, m.start(), m.group(0), nxt_at):
            _add_span(spans, text, cur, end)
            cur = nxt_at
    if cur < n:
        _add_span(spans, text, cur, n)
    return spans


_SENTENCE_PIECES = st.sampled_from(
    ["Kim", " said", ".", "!", "?", "…", "...", ")", "”", "'", " ", "  ", "\n", "U.S.", "Mr.", "J.", " The",
     " he", "(", "3.5", "x"]
)  # fmt: skip


@given(st.lists(_SENTENCE_PIECES, max_size=24).map("".join))
def test_sentence_spans_match_the_plain_definition(text: str) -> None:
    assert sentence_spans(text) == _plain_sentence_spans(text)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_ascii_tokeniser_matches_the_unicode_one(text: str) -> None:
    assert tokenise(text) == _PLAIN_TOKEN_RE.findall(text)
    assert token_starts(text) == [m.start() for m in _PLAIN_TOKEN_RE.finditer(text)]


@given(st.lists(_TEXT_PIECES, max_size=20).map("".join))
def test_token_starts_are_the_token_offsets(text: str) -> None:
    assert tokenise(text) == _PLAIN_TOKEN_RE.findall(text)
    assert token_starts(text) == [m.start() for m in _PLAIN_TOKEN_RE.finditer(text)]
