"""Speed rewrites must not change what the coder sees: fast paths agree with their plain definitions."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from worker.coder.lexicon import TOKEN_RE

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
