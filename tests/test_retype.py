"""The PLOVER re-typing rules of ``worker.coder.retype`` on invented token lists."""

from __future__ import annotations

from worker.coder.clauses import analyse
from worker.coder.lexicon import TOKEN_RE, Match, find_triggers, load_lexicon, normalise
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


def _parse(sentence: str) -> tuple[list[str], list[Match]]:
    words = TOKEN_RE.findall(normalise(sentence))
    return words, find_triggers(load_lexicon(), words)


def _match(matches: list[Match], words: list[str], token: str) -> Match:
    return next(m for m in matches if token in words[m.start : m.end])


def test_reported_obligation_is_a_demand() -> None:
    lex = load_lexicon()
    words, matches = _parse("Russia says Israel must end its attacks on Syria.")
    m = matches[0]
    assert demanded(words, m, analyse(lex, words, m.start, m.end))
    words, matches = _parse("Israel ended its attacks on Syria.")
    m = matches[0]
    assert not demanded(words, m, analyse(lex, words, m.start, m.end))


def test_refusal_and_reported_would() -> None:
    lex = load_lexicon()
    words, matches = _parse("Kenya will not release the Ugandan fishermen.")
    m = _match(matches, words, "release")
    assert refusal(lex, words, m, analyse(lex, words, m.start, m.end))
    words, matches = _parse("Kenya is not going to release the Ugandan fishermen.")
    m = _match(matches, words, "release")
    assert refusal(lex, words, m, analyse(lex, words, m.start, m.end))
    words, matches = _parse("Moscow said it would withdraw its troops from Georgia.")
    m = _match(matches, words, "withdraw")
    assert reported_would(lex, words, m, analyse(lex, words, m.start, m.end))
    words, matches = _parse("Moscow said it would withdraw its troops if Georgia agreed.")
    m = _match(matches, words, "withdraw")
    assert not reported_would(lex, words, m, analyse(lex, words, m.start, m.end))


def test_vow_of_conflict() -> None:
    words, matches = _parse("Hungary vowed to annex the province.")
    assert conflict_after(words, _match(matches, words, "vowed"), matches) is not None
    words, matches = _parse("Hungary vowed to strengthen ties with Serbia.")
    assert conflict_after(words, _match(matches, words, "vowed"), matches) is None
    assert threat_mode("COERCE", "arrest") == "arrest" and threat_mode("ASSAULT", None) == "violence"


def test_an_order_to_own_forces_is_the_act_ordered() -> None:
    words, matches = _parse("The Zambian president ordered the army to seize the mine.")
    assert ordered_act(words, _match(matches, words, "ordered"), matches) == ("COERCE", "seize")
    words, matches = _parse("Fiji ordered police to the airport.")
    assert ordered_act(words, _match(matches, words, "ordered"), matches) == ("MOBILIZE", "police")
    words, matches = _parse("Fiji ordered the army to negotiate with the strikers.")
    assert ordered_act(words, _match(matches, words, "ordered"), matches) is None
    words, matches = _parse("Fiji ordered troops to stand guard at the airport.")
    assert ordered_act(words, _match(matches, words, "ordered"), matches) == ("MOBILIZE", "troops")
    words, matches = _parse("Fiji ordered police to investigate the killings.")
    assert ordered_act(words, _match(matches, words, "ordered"), matches) == ("ACCUSE", "investigate")
    words, matches = _parse("Fiji ordered the mine owners to seize the equipment.")
    assert ordered_act(words, _match(matches, words, "ordered"), matches) is None


def test_force_announced_on_a_condition_is_a_threat() -> None:
    lex = load_lexicon()
    for sentence, expected in [
        ("Peru said it would strike the rebel camps if the kidnappers harmed the hostages.", True),
        ("Peru will arrest the strike leaders unless they return to work.", True),
        ("Peru would not arrest the strike leaders if they returned to work.", False),
        ("If the rebels attacked the town, Peru would respond.", False),
        ("Peru could recall its ambassador from Chile if the border talks fail.", True),
    ]:
        words, matches = _parse(sentence)
        m = next(m for m in matches if m.entry.event_type in ("ASSAULT", "COERCE", "SANCTION"))
        assert conditional_threat(words, m, analyse(lex, words, m.start, m.end)) is expected, sentence


def test_cyber_attacks_by_modifier_agent_or_target() -> None:
    for sentence, expected in [
        ("A cyber attack hit the Estonian tax office.", True),
        ("An attack by hackers shut the ministry's website.", True),
        ("An attack on a police post killed four officers.", False),
    ]:
        words, matches = _parse(sentence)
        assert cyber_attack(words, _match(matches, words, "attack")) is expected, sentence


def test_vow_to_step_up_a_conflict() -> None:
    words, matches = _parse("The rebels vowed to step up attacks on army posts.")
    vow = matches[0]
    assert conflict_after(words, vow, matches) is not None
    words, matches = _parse("The militants pledged to revive their campaign of bombings.")
    assert conflict_after(words, matches[0], matches) is not None
    words, matches = _parse("Ghana suspended plans to impose a curfew in Tamale.")
    assert conflict_after(words, matches[0], matches) is None
    abstract = load_lexicon().cue_set("abstract_objects")
    words, matches = _parse("Ghana pledged to continue to fight drug trafficking.")
    assert conflict_after(words, _match(matches, words, "pledged"), matches, abstract) is None
    words, matches = _parse("Japan pledged to help rebuild towns hit by the attacks.")
    assert conflict_after(words, _match(matches, words, "pledged"), matches) is None


def test_readiness_for_coercion_is_a_threat() -> None:
    words, matches = _parse("Uganda is ready to ban opposition rallies in Kampala.")
    assert conflict_after(words, _match(matches, words, "ready"), matches) is not None
    words, matches = _parse("EU ministers agreed to impose new sanctions on Belarus.")
    assert conflict_after(words, _match(matches, words, "agreed"), matches) is None


def test_sending_investigators_is_an_investigation() -> None:
    words, matches = _parse("Chile sent a team of engineers to Arica to investigate the bridge collapse.")
    assert sent_to_investigate(words, matches[0], matches) == ("ACCUSE", "investigate")
    words, matches = _parse("Japan sent a team of doctors to Nepal to help the victims.")
    assert sent_to_investigate(words, matches[0], matches) is None


def test_unarmed_purpose_of_a_deployment() -> None:
    words, matches = _parse("A Chilean army unit deployed to Bolivia to train border guards.")
    assert unarmed_purpose(words, _match(matches, words, "deployed"))
    words, matches = _parse("Russia deployed troops to the border to deter Ukraine.")
    assert not unarmed_purpose(words, _match(matches, words, "deployed"))


def test_exercises_with_allies_are_joint() -> None:
    words, matches = _parse("Chile and its allies staged war games in the Pacific.")
    assert joint_exercise(words, _match(matches, words, "games"), [])
    words, matches = _parse("Chile staged war games in the Pacific.")
    assert not joint_exercise(words, _match(matches, words, "games"), [])


def test_blockades_and_demands_of_protesters() -> None:
    words, matches = _parse("Dozens of demonstrators in Lyon blockaded the regional prefecture.")
    assert protesters_act(words, _match(matches, words, "blockaded"), "COERCE", "restrict")
    words, matches = _parse("Crowds of protesters in Lima urged the president to resign.")
    assert protesters_act(words, _match(matches, words, "urged"), "REQUEST", None)
    words, matches = _parse("Students in Lima urged the European Union to act.")
    assert not protesters_act(words, _match(matches, words, "urged"), "REQUEST", None)
    words, matches = _parse("Police in Lyon blockaded the regional prefecture.")
    assert not protesters_act(words, _match(matches, words, "blockaded"), "COERCE", "restrict")
