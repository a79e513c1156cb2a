"""The PLOVER re-typing rules of ``worker.coder.retype`` on invented token lists."""

from __future__ import annotations

from trigger_helpers import match_with, parse_triggers

from worker.coder.clauses import analyse
from worker.coder.lexicon import load_lexicon
from worker.coder.retype import (
    conditional_threat,
    conflict_after,
    cyber_attack,
    demanded,
    joint_exercise,
    ordered_act,
    protesters_act,
    refusal,
    reported_would,
    sent_to_investigate,
    threat_mode,
    unarmed_purpose,
)


def test_reported_obligation_is_a_demand() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("Russia says Israel must end its attacks on Syria.")
    m = matches[0]
    assert demanded(words, m, analyse(lex, words, m.start, m.end))
    words, matches = parse_triggers("Israel ended its attacks on Syria.")
    m = matches[0]
    assert not demanded(words, m, analyse(lex, words, m.start, m.end))


def test_refusal_and_reported_would() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("Kenya will not release the Ugandan fishermen.")
    m = match_with(matches, words, "release")
    assert refusal(lex, words, m, analyse(lex, words, m.start, m.end))
    words, matches = parse_triggers("Kenya is not going to release the Ugandan fishermen.")
    m = match_with(matches, words, "release")
    assert refusal(lex, words, m, analyse(lex, words, m.start, m.end))
    words, matches = parse_triggers("Moscow said it would withdraw its troops from Georgia.")
    m = match_with(matches, words, "withdraw")
    assert reported_would(lex, words, m, analyse(lex, words, m.start, m.end))
    words, matches = parse_triggers("Moscow said it would withdraw its troops if Georgia agreed.")
    m = match_with(matches, words, "withdraw")
    assert not reported_would(lex, words, m, analyse(lex, words, m.start, m.end))


def test_vow_of_conflict() -> None:
    words, matches = parse_triggers("Hungary vowed to annex the province.")
    assert conflict_after(words, match_with(matches, words, "vowed"), matches) is not None
    words, matches = parse_triggers("Hungary vowed to strengthen ties with Serbia.")
    assert conflict_after(words, match_with(matches, words, "vowed"), matches) is None
    assert threat_mode("COERCE", "arrest") == "arrest" and threat_mode("ASSAULT", None) == "violence"


def test_an_order_to_own_forces_is_the_act_ordered() -> None:
    words, matches = parse_triggers("The Zambian president ordered the army to seize the mine.")
    assert ordered_act(words, match_with(matches, words, "ordered"), matches) == ("COERCE", "seize")
    words, matches = parse_triggers("Fiji ordered police to the airport.")
    assert ordered_act(words, match_with(matches, words, "ordered"), matches) == ("MOBILIZE", "police")
    words, matches = parse_triggers("Fiji ordered the army to negotiate with the strikers.")
    assert ordered_act(words, match_with(matches, words, "ordered"), matches) is None
    words, matches = parse_triggers("Fiji ordered troops to stand guard at the airport.")
    assert ordered_act(words, match_with(matches, words, "ordered"), matches) == ("MOBILIZE", "troops")
    words, matches = parse_triggers("Fiji ordered police to investigate the killings.")
    assert ordered_act(words, match_with(matches, words, "ordered"), matches) == ("ACCUSE", "investigate")
    words, matches = parse_triggers("Fiji ordered the mine owners to seize the equipment.")
    assert ordered_act(words, match_with(matches, words, "ordered"), matches) is None


def test_force_announced_on_a_condition_is_a_threat() -> None:
    lex = load_lexicon()
    for sentence, expected in [
        ("Peru said it would strike the rebel camps if the kidnappers harmed the hostages.", True),
        ("Peru will arrest the strike leaders unless they return to work.", True),
        ("Peru would not arrest the strike leaders if they returned to work.", False),
        ("If the rebels attacked the town, Peru would respond.", False),
        ("Peru could recall its ambassador from Chile if the border talks fail.", True),
    ]:
        words, matches = parse_triggers(sentence)
        m = next(m for m in matches if m.entry.event_type in ("ASSAULT", "COERCE", "SANCTION"))
        assert conditional_threat(words, m, analyse(lex, words, m.start, m.end)) is expected, sentence


def test_cyber_attacks_by_modifier_agent_or_target() -> None:
    for sentence, expected in [
        ("A cyber attack hit the Estonian tax office.", True),
        ("An attack by hackers shut the ministry's website.", True),
        ("An attack on a police post killed four officers.", False),
    ]:
        words, matches = parse_triggers(sentence)
        assert cyber_attack(words, match_with(matches, words, "attack")) is expected, sentence


def test_vow_to_step_up_a_conflict() -> None:
    words, matches = parse_triggers("The rebels vowed to step up attacks on army posts.")
    vow = matches[0]
    assert conflict_after(words, vow, matches) is not None
    words, matches = parse_triggers("The militants pledged to revive their campaign of bombings.")
    assert conflict_after(words, matches[0], matches) is not None
    words, matches = parse_triggers("Ghana suspended plans to impose a curfew in Tamale.")
    assert conflict_after(words, matches[0], matches) is None
    abstract = load_lexicon().cue_set("abstract_objects")
    words, matches = parse_triggers("Ghana pledged to continue to fight drug trafficking.")
    assert conflict_after(words, match_with(matches, words, "pledged"), matches, abstract) is None
    words, matches = parse_triggers("Japan pledged to help rebuild towns hit by the attacks.")
    assert conflict_after(words, match_with(matches, words, "pledged"), matches) is None


def test_readiness_for_coercion_is_a_threat() -> None:
    words, matches = parse_triggers("Uganda is ready to ban opposition rallies in Kampala.")
    assert conflict_after(words, match_with(matches, words, "ready"), matches) is not None
    words, matches = parse_triggers("EU ministers agreed to impose new sanctions on Belarus.")
    assert conflict_after(words, match_with(matches, words, "agreed"), matches) is None


def test_sending_investigators_is_an_investigation() -> None:
    words, matches = parse_triggers(
        "Chile sent a team of engineers to Arica to investigate the bridge collapse."
    )
    assert sent_to_investigate(words, matches[0], matches) == ("ACCUSE", "investigate")
    words, matches = parse_triggers("Japan sent a team of doctors to Nepal to help the victims.")
    assert sent_to_investigate(words, matches[0], matches) is None


def test_unarmed_purpose_of_a_deployment() -> None:
    words, matches = parse_triggers("A Chilean army unit deployed to Bolivia to train border guards.")
    assert unarmed_purpose(words, match_with(matches, words, "deployed"))
    words, matches = parse_triggers("Russia deployed troops to the border to deter Ukraine.")
    assert not unarmed_purpose(words, match_with(matches, words, "deployed"))


def test_exercises_with_allies_are_joint() -> None:
    words, matches = parse_triggers("Chile and its allies staged war games in the Pacific.")
    assert joint_exercise(words, match_with(matches, words, "games"), [])
    words, matches = parse_triggers("Chile staged war games in the Pacific.")
    assert not joint_exercise(words, match_with(matches, words, "games"), [])


def test_blockades_and_demands_of_protesters() -> None:
    words, matches = parse_triggers("Dozens of demonstrators in Lyon blockaded the regional prefecture.")
    assert protesters_act(words, match_with(matches, words, "blockaded"), "COERCE", "restrict")
    words, matches = parse_triggers("Crowds of protesters in Lima urged the president to resign.")
    assert protesters_act(words, match_with(matches, words, "urged"), "REQUEST", None)
    words, matches = parse_triggers("Students in Lima urged the European Union to act.")
    assert not protesters_act(words, match_with(matches, words, "urged"), "REQUEST", None)
    words, matches = parse_triggers("Police in Lyon blockaded the regional prefecture.")
    assert not protesters_act(words, match_with(matches, words, "blockaded"), "COERCE", "restrict")


def test_a_state_protesting_a_foreign_party_accuses_it() -> None:
    from worker.coder.model import Article
    from worker.coder.pipeline import code_article, top_event

    def top(body: str) -> dict[str, object]:
        found = top_event(code_article(Article(id="r", body=body, published_at="2024-03-01")).events)
        assert found is not None, body
        return found

    assert top("Indonesia Protests Malaysian Patrol Boats Near Ambalat")["event_type"] == "ACCUSE"
    assert top("Indonesia protested Malaysian patrols near the reef on Monday.")["event_type"] == "ACCUSE"
    # people protesting stay a protest
    assert top("Thousands of Malaysians protested Indonesian haze in Ipoh.")["event_type"] == "PROTEST"
