from worker.coder.events import event_date, event_id, make_event, published_date
from worker.schema import validator


def test_event_id_is_deterministic_32_hex() -> None:
    a = event_id("art", 1, 0, "ASSAULT", ["RUS"], ["UKR"], 10)
    assert a == event_id("art", 1, 0, "ASSAULT", ["RUS"], ["UKR"], 10)
    assert len(a) == 32 and int(a, 16) >= 0
    assert a != event_id("art", 1, 0, "ASSAULT", ["UKR"], ["RUS"], 10)


def test_relative_dates() -> None:
    day = published_date("2024-06-21T10:00:00Z")  # a Friday
    assert event_date(day, ["on", "friday"]) == "2024-06-21"
    assert event_date(day, ["on", "tuesday"]) == "2024-06-18"
    assert event_date(day, ["yesterday"]) == "2024-06-20"
    assert event_date(day, ["next", "monday"]) == "2024-06-21"
    assert event_date(None, ["yesterday"]) is None
    assert published_date("garbage") is None


def test_make_event_validates() -> None:
    ev = make_event(
        article_id="a", paragraph_index=0, sentence_index=0, heading=False, event_type="SANCTION",
        mode="discontinue", contexts=["economic"], actor=[{"text": "EU", "country": "EUR", "sector": "IGO"}],
        recipient=[], evidence_text="x", evidence_start=0, evidence_end=1, trigger="x", confidence=1.7,
        negated=False, hypothetical=False, future=False, reported=False, date="2024-01-01", location=None,
    )  # fmt: skip
    validator("event.v1")(ev)
    assert ev["quad_class"] == "verbal_conflict" and ev["cameo_root"] == "16" and ev["confidence"] == 1.0
