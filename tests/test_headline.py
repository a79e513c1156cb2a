"""Headline case (``worker.coder.headline``) on invented headlines."""

from __future__ import annotations

from worker.coder.headline import recase_headline
from worker.coder.model import Article
from worker.coder.pipeline import code_article, top_event


def test_title_case_words_are_lowered_but_names_kept() -> None:
    text = "Portugal Accuses Morocco Of Blocking Fishing Boats In Strait Of Gibraltar"
    out = recase_headline(text)
    assert len(out) == len(text)
    assert out.startswith("Portugal accuses Morocco of blocking")
    assert "Strait of Gibraltar" in out


def test_all_caps_become_title_case_and_known_acronyms_stay() -> None:
    out = recase_headline("NORWAY RECALLS ENVOY FROM US OVER NATO ROW")
    assert out.startswith("Norway recalls")
    assert " US " in out and "NATO" in out


def test_ordinary_sentences_are_unchanged() -> None:
    text = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday."
    assert recase_headline(text) == text
    sentence_case = "Police in Lima arrest 12 over the riots"
    assert recase_headline(sentence_case) == sentence_case


def _top(text: str) -> dict[str, object] | None:
    return top_event(code_article(Article(id="h", body=text, published_at="2024-05-01")).events)


def test_a_title_case_headline_is_coded_like_its_sentence() -> None:
    top = _top("Portugal Accuses Morocco Of Blocking Fishing Boats")
    assert top is not None and top["event_type"] == "ACCUSE"
    assert [a["country"] for a in top["actor"]] == ["PRT"]  # type: ignore[index]
    assert [r["country"] for r in top["recipient"]] == ["MAR"]  # type: ignore[index]


def test_an_all_caps_headline_keeps_its_actor() -> None:
    top = _top("NORWAY EXPELS TWO RUSSIAN DIPLOMATS")
    assert top is not None and top["event_type"] == "SANCTION"
    assert [a["country"] for a in top["actor"]] == ["NOR"]  # type: ignore[index]


def test_a_to_infinitive_after_the_subject_is_a_headline_future() -> None:
    top = _top("Norway To Impose Tariffs On Chilean Salmon")
    assert top is not None and top["event_type"] == "THREATEN" and top["future"] is True
    top = _top("Vietnam PM to Meet Thai Premier in Hanoi")
    assert top is not None and top["event_type"] == "AGREE"  # an announced meeting
    top = _top("Spain And Portugal To Hold Joint Naval Drills")
    assert top is not None and top["event_type"] == "AGREE"


def test_a_purpose_infinitive_is_not_a_future() -> None:
    top = _top("Chilean police were sent to Arica to arrest the smugglers.")
    assert top is not None and top["event_type"] == "COERCE" and top["future"] is False


def test_a_domestic_actor_keeps_its_verb_capitalised() -> None:
    assert recase_headline("Police Detain 12 Students In Arequipa") == "Police Detain 12 Students in Arequipa"
    top = _top("Peruvian Police Detain 12 Students In Arequipa")
    assert top is not None and top["event_type"] == "COERCE"
    assert [a["country"] for a in top["actor"]] == ["PER"]  # type: ignore[index]


def test_a_wire_slug_does_not_hide_the_actor() -> None:
    assert recase_headline("UPDATE 2-Norway Expels Russian Diplomats").startswith("UPDATE 2 Norway expels")
    top = _top("UPDATE 1-Norway Expels Russian Diplomats Over Spy Case")
    assert top is not None and [a["country"] for a in top["actor"]] == ["NOR"]  # type: ignore[index]
