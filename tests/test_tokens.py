"""Tokens that hold together: dotted acronyms, abbreviations, numbers, amounts (invented sentences).

A lexicon gap ("recall~v *3 ambassador~n") counts tokens: "U.N." split into four tokens, or "1,000"
into three, eats the gap and the pattern misses.
"""

from __future__ import annotations

from typing import Any

import pytest

from worker.coder import Article, code_article
from worker.coder.lexicon import normalise, token_spans, tokenise
from worker.coder.segment import sentence_spans
from worker.schema import validator


def _tokens(text: str) -> list[str]:
    return tokenise(normalise(text))


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("The U.S. Navy sailed on.", "u.s."),
        ("A U.N. agency left.", "u.n."),
        ("Sent to the U.K. today", "u.k."),
        ("A U.S.-led coalition", "u.s.-led"),
        ("It began at 10 a.m. local time", "a.m."),
        ("They sent 1,000 tons", "1,000"),
        ("A loan of 2.5 billion", "2.5"),
        ("A pledge of $2.5 billion", "$2.5"),
        ("Prices rose 20% last year", "20%"),
        ("Prices rose 3.5% last year", "3.5%"),
        ("A 10,000-strong force", "10,000-strong"),
        ("After the 9/11 attacks", "9/11"),
        ("Talks began at 10:30 on Monday", "10:30"),
        ("Gen. Omar Vell spoke", "gen."),
        ("Lt. Col. Omar Vell spoke", "lt."),
        ("On Sept. 11 they met", "sept."),
        ("On Jan. 5 they met", "jan."),
        ("He is the party's No. 2 official", "no."),
        ("They met in St. Petersburg", "st."),
        ("Mr. Vell said so", "mr."),
        ("Fighters of al-Qaeda", "al-qaeda"),
    ],
)
def test_token_holds_together(text: str, token: str) -> None:
    assert token in _tokens(text)


def test_sentence_end_stays_a_token() -> None:
    assert _tokens("He said no.") == ["he", "said", "no", "."]
    assert _tokens("No. They left.")[:2] == ["no", "."]  # "No." before a digit only is "number"
    assert _tokens("Prices rose 5.") == ["prices", "rose", "5", "."]
    assert _tokens("A 1, 2 and 3 list")[:4] == ["a", "1", ",", "2"]
    assert _tokens("the general. Then")[:3] == ["the", "general", "."]


def test_token_offsets_are_exact() -> None:
    text = normalise("The U.S. sent $1,200.50 (about 20%) to Gen. Vell on Sept. 11.")
    words = tokenise(text)
    starts, ends = token_spans(text, words)
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == words


def test_sentences_do_not_split_after_abbreviations() -> None:
    text = "Lt. Gen. Omar Vell met the U.S. envoy on Sept. 11 in St. Petersburg. Talks ended."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Lt. Gen. Omar Vell met the U.S. envoy on Sept. 11 in St. Petersburg.",
        "Talks ended.",
    ]
    text = "Prices rose 2.5 percent in the U.S. Officials said so."
    assert len(sentence_spans(text)) == 2


def _code(body: str) -> list[dict[str, Any]]:
    events = code_article(Article(id="t-1", body=body, published_at="2024-03-15T09:00:00Z")).events
    for ev in events:
        validator("event.v1")(ev)
    return events


def _one(body: str, event_type: str) -> dict[str, Any]:
    found = [e for e in _code(body) if e["event_type"] == event_type]
    assert found, _code(body)
    return found[0]


def _countries(people: list[dict[str, Any]]) -> set[str]:
    return {str(p["country"]) for p in people}


def test_acronym_inside_a_gap() -> None:
    ev = _one("Moscow recalled its U.N. ambassador.", "SANCTION")
    assert ev["mode"] == "withdraw" and _countries(ev["actor"]) == {"RUS"}
    ev = _one("Iran closed the U.K. embassy in Tehran.", "SANCTION")
    assert _countries(ev["actor"]) == {"IRN"}


def test_amount_inside_a_gap() -> None:
    ev = _one("Canada froze $1.2 billion in assets of the Zorvian central bank.", "SANCTION")
    assert ev["mode"] == "discontinue" and _countries(ev["actor"]) == {"CAN"}
    ev = _one("The Pentagon announced the withdrawal of 1,500 U.S. troops from Iraq.", "RETREAT")
    assert ev["mode"] == "withdraw"


def test_number_inside_a_gap() -> None:
    ev = _one("Ankara announced the withdrawal of some 1,500 soldiers from Qatar.", "RETREAT")
    assert ev["mode"] == "withdraw" and _countries(ev["actor"]) == {"TUR"}


def test_trigger_evidence_with_joined_tokens() -> None:
    body = "Quiet day.\n\nMoscow recalled its U.N. ambassador on Sept. 11."
    ev = _one(body, "SANCTION")
    assert body[ev["evidence"]["start"] : ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert ev["evidence"]["text"].startswith("Moscow recalled")
    assert ev["evidence"]["trigger"] == "recalled its U.N. ambassador"
