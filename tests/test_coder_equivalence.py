"""Speed rewrites must not change what the coder sees: fast paths agree with their plain definitions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from worker.coder.actors import _may_open_tail, gazetteer
from worker.coder.clauses import _reported_after
from worker.coder.lexicon import (
    _ABBREVIATION,
    TOKEN_RE,
    Lexicon,
    Pattern,
    _match_from,
    find_triggers,
    load_lexicon,
    token_spans,
    token_starts,
    tokenise,
)
from worker.coder.segment import _add_span, _is_boundary, sentence_spans

# the tokeniser with backtracking quantifiers; TOKEN_RE uses possessive ones
_PLAIN_WORD = (
    r"\w+(?:[-.,/:%](?:(?<=-)\w+|(?<=\d[.,/:])(?=\d)\w+|(?<=\d%)"
    r"|(?<=\.)(?:(?<=\b[a-z]\.)(?:[a-z]\.)+|" + _ABBREVIATION + ")))*"
)
_PLAIN_TOKEN_RE = re.compile(_PLAIN_WORD + r"|'s\b|'t\b|[$€£¥](?=\d)" + _PLAIN_WORD + r"|[^\w\s]")

_TEXT_PIECES = st.sampled_from(
    ["a", "Kim", "-", "--", "'", "'s", "'t", "’", " ", "  ", "\n", ",", ".", "_", "9", "é", "anti-", "x-y",
     "u.", "s.", "$", "%", "/", ":", "12", "gen", "no", "sept"]
)  # fmt: skip


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


@given(st.one_of(st.lists(_TEXT_PIECES, max_size=20).map("".join), st.text(max_size=80)))
def test_token_spans_are_the_token_offsets(text: str) -> None:
    found = list(_PLAIN_TOKEN_RE.finditer(text))
    assert token_spans(text, tokenise(text)) == ([m.start() for m in found], [m.end() for m in found])


def _plain_find_triggers(lexicon: Lexicon, tokens: list[str]) -> list[tuple[int, int, str]]:
    """find_triggers as first written: every pattern of every anchor tried at its position."""
    found: list[tuple[int, int, Pattern]] = []
    for i, tok in enumerate(tokens):
        for pattern in lexicon.anchors.get(tok, ()):
            end = _match_from(tokens, pattern.elements, 1, i + 1)
            if end > 0:
                found.append((i, end, pattern))
    found.sort(key=lambda m: (-m[2].entry.weight, -(m[1] - m[0]), m[0]))
    kept: list[tuple[int, int, Pattern]] = []
    for m in found:
        if all(m[1] <= k[0] or m[0] >= k[1] for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m[0])
    return [(s, e, p.text) for s, e, p in kept]


_LEXICON = load_lexicon()
_PATTERNS = sorted({p.text: p for ps in _LEXICON.anchors.values() for p in ps}.values(), key=lambda p: p.text)
_FILLER = ["the", "a", "to", "on", "said", ",", ";", "(", "police", "talks", "with", "not", "will", "was",
           "in", "no", "strike", "is", "would", "end"]  # fmt: skip


@st.composite
def _realisation(draw: st.DrawFn) -> list[str]:
    """The tokens of one pattern (one word per element, up to N filler words per gap), sometimes cut."""
    pattern = draw(st.sampled_from(_PATTERNS))
    out: list[str] = []
    for element in pattern.elements:
        if isinstance(element, int):
            out += draw(st.lists(st.sampled_from(_FILLER), max_size=element + 1))
        else:
            out.append(draw(st.sampled_from(sorted(element))))
    return out[: draw(st.integers(1, len(out)))] if draw(st.booleans()) else out


_SENTENCES = st.lists(
    st.one_of(_realisation(), st.lists(st.sampled_from(_FILLER), max_size=3)), max_size=6
).map(lambda chunks: [t for chunk in chunks for t in chunk])


@given(_SENTENCES)
def test_find_triggers_matches_the_plain_definition(tokens: list[str]) -> None:
    fast = [(m.start, m.end, m.pattern.text) for m in find_triggers(_LEXICON, tokens)]
    assert fast == _plain_find_triggers(_LEXICON, tokens)


def test_hand_built_patterns_without_precomputed_fields_still_match() -> None:
    entry = _LEXICON.entries[0]
    pattern = Pattern(entry, (frozenset({"held"}), 2, frozenset({"talks"})), "held *2 talks")
    lexicon = Lexicon(version="t", anchors={"held": (pattern,)}, cues={}, entries=(entry,))
    assert [(m.start, m.end) for m in find_triggers(lexicon, ["they", "held", "new", "talks"])] == [(1, 4)]


def _plain_reported_after(tokens: list[str], end: int, speech: frozenset[str]) -> bool:
    """clauses._reported_after as first written: every token after the trigger looked at."""
    return any(
        tokens[k] == "," and not speech.isdisjoint(tokens[k + 1 : k + 6]) for k in range(end, len(tokens) - 1)
    )


@given(st.lists(st.sampled_from([",", "said", "says", "the", "x", "."]), max_size=14), st.integers(0, 15))
def test_reported_after_matches_the_plain_definition(tokens: list[str], end: int) -> None:
    speech = frozenset({"said", "says"})
    assert _reported_after(tokens, end, speech) == _plain_reported_after(tokens, end, speech)


# pieces around head nouns and modifiers: cases, possessives, initials, hyphens, folded letters
_TAIL_PIECES = st.sampled_from(
    ["'s", "’s", "'", " ", "  ", "\n", "Army", "army", "ARMY", "armys", "army-", "foreign", "Foreign",
     "ministry", "Ministry", "u.n.", "U.N.", "gen.", "Lt.", "women's", "chargé", "CHARGÉ", "d'affaires",
     "said", "senior", "Senior", "officials", "ſenior", "\u212aing", "king", "x", ",", ".", "-"]
)  # fmt: skip


@settings(deadline=None)  # the first example builds the gazetteer
@given(st.lists(_TAIL_PIECES, max_size=12).map("".join))
def test_tail_gate_never_rules_out_a_tail_the_regex_finds(text: str) -> None:
    gaz = gazetteer()
    for end in range(len(text) + 1):
        if not _may_open_tail(text, end, gaz):
            assert gaz.tail.match(text, end) is None, (text, end)
