"""Acceptance: the demo article in samples/ (never /work/shared)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from worker.coder import Article, code_article
from worker.schema import validator

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "korea-russia-pact-2024.txt"


@pytest.fixture(scope="module")
def events() -> list[dict[str, Any]]:
    body = SAMPLE.read_text(encoding="utf-8")
    result = code_article(Article(id="sample-1", body=body, published_at="2024-06-21T08:00:00Z"))
    return result.events


def _countries(people: list[dict[str, Any]]) -> set[str]:
    return {str(p["country"]) for p in people}


def _find(events: list[dict[str, Any]], types: set[str], phrase: str) -> list[dict[str, Any]]:
    return [e for e in events if e["event_type"] in types and phrase in e["evidence"]["text"]]


def test_every_event_validates(events: list[dict[str, Any]]) -> None:
    validate = validator("event.v1")
    assert events
    for ev in events:
        validate(ev)


def test_summoned_ambassador_is_accuse(events: list[dict[str, Any]]) -> None:
    found = _find(events, {"ACCUSE"}, "summoned Russian Ambassador")
    assert any("KOR" in _countries(e["actor"]) and "RUS" in _countries(e["recipient"]) for e in found)
    assert not _find(events, {"CONSULT", "PROTEST"}, "summoned Russian Ambassador")


def test_called_for_moscow_to_halt_is_request(events: list[dict[str, Any]]) -> None:
    found = _find(events, {"REQUEST"}, "called for Moscow")
    assert any(_countries(e["actor"]) == {"KOR"} and _countries(e["recipient"]) == {"RUS"} for e in found)


def test_pact_between_russia_and_north_korea(events: list[dict[str, Any]]) -> None:
    found = _find(events, {"SUPPORT", "AGREE"}, "reached a pact")
    assert any({"RUS", "PRK"} <= _countries(e["actor"]) for e in found)


def test_seoul_considers_arms_for_ukraine(events: list[dict[str, Any]]) -> None:
    found = _find(events, {"AID", "AGREE"}, "providing arms")
    assert any(
        _countries(e["actor"]) == {"KOR"}
        and "UKR" in _countries(e["recipient"])
        and (e["event_type"] == "AGREE" or e["hypothetical"])
        for e in found
    )


def test_phone_calls_with_us_and_japan(events: list[dict[str, Any]]) -> None:
    found = _find(events, {"CONSULT"}, "phone calls")
    pairs = [_countries(e["actor"]) | _countries(e["recipient"]) for e in found]
    assert {"KOR", "USA"} in pairs
    assert {"KOR", "JPN"} in pairs
    assert all(e["mode"] == "phone" for e in found)


def test_kim_yo_jong_threat(events: list[dict[str, Any]]) -> None:
    found = _find(events, {"THREATEN"}, "issued a vague threat")
    assert any("PRK" in _countries(e["actor"]) and "KOR" in _countries(e["recipient"]) for e in found)


def test_soldiers_retreated(events: list[dict[str, Any]]) -> None:
    found = _find(events, {"RETREAT"}, "The North Korean soldiers retreated")
    assert any(_countries(e["actor"]) == {"PRK"} and not e["negated"] for e in found)


def test_balloons_damage_is_assault(events: list[dict[str, Any]]) -> None:
    found = _find(events, {"ASSAULT", "COERCE"}, "smashing roof tiles")
    assert any(_countries(e["actor"]) == {"PRK"} and "KOR" in _countries(e["recipient"]) for e in found)


def test_no_events_from_read_also_and_analysts(events: list[dict[str, Any]]) -> None:
    assert not [e for e in events if e["evidence"]["text"].startswith("READ ALSO")]
    assert not [e for e in events if e["evidence"]["text"].startswith("Analysts claim")]


def test_dates_and_ids(events: list[dict[str, Any]]) -> None:
    assert all(e["date"] == "2024-06-21" for e in events)  # "on Friday" == published Friday
    assert len({e["event_id"] for e in events}) == len(events)
    body = SAMPLE.read_text(encoding="utf-8")
    again = code_article(Article(id="sample-1", body=body, published_at="2024-06-21T08:00:00Z")).events
    assert [e["event_id"] for e in again] == [e["event_id"] for e in events]
    for ev in events:
        ev_text = ev["evidence"]
        assert body[ev_text["start"] : ev_text["end"]] == ev_text["text"]
        assert ev_text["trigger"] in ev_text["text"]
