"""The pipeline's shortcuts skip only work whose outcome is known: coding with them disabled gives the
same events (sample article and invented sentences; the full check is ``bench/coder_equivalence.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from worker.coder import Article, code_article, parse_article, pipeline
from worker.coder.lexicon import load_lexicon

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles.jsonl"

# sentences without actor mentions, with pronouns, protests and riots, and ordinary ones around them
_INVENTED = [
    "Thousands marched through the port city on Sunday, demanding higher wages.",
    "Protesters threw stones at the town hall and clashed with riot police.",
    "He said they would meet again next week to discuss the ceasefire.",
    "France condemned the missile launch. It said it would summon the ambassador.",
    "They agreed to end the strike after two days of talks.",
    "Shares rose sharply after investors welcomed the quarterly results.",
    "Dozens were arrested overnight after a rally against fuel prices.",
    "Kenyan police dispersed the crowd with tear gas. They later released most of those detained.",
    "The ministry denied that it had ordered the raid.",
    "Workers walked out of the plant, and she urged them to return.",
]


def _articles() -> list[Article]:
    out = [parse_article(line) for line in SAMPLES.read_bytes().splitlines() if line.strip()]
    out.append(Article(id="inv-all", body="\n".join(_INVENTED), published_at="2024-03-15T09:00:00Z"))
    out += [
        Article(id=f"inv-{k}", body=text, published_at="2024-03-15T09:00:00Z")
        for k, text in enumerate(_INVENTED)
    ]
    return out


def _coded() -> list[bytes]:
    return [
        orjson.dumps([dict(e) for e in code_article(a).events], option=orjson.OPT_SORT_KEYS)
        for a in _articles()
    ]


def test_no_mention_shortcut_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _coded()
    every_type = frozenset(e.event_type for e in load_lexicon().entries)
    monkeypatch.setattr(pipeline, "_ACTORLESS", every_type)  # the shortcut never applies
    assert _coded() == fast


def test_the_invented_sentences_reach_the_rules() -> None:
    events: list[dict[str, Any]] = [e for a in _articles()[-len(_INVENTED) :] for e in code_article(a).events]
    assert events  # the comparison above is not between two empty lists
