"""The no-event rules of ``worker.coder.rules`` on invented token lists."""

from __future__ import annotations

from worker.coder.clauses import analyse
from worker.coder.lexicon import TOKEN_RE, Match, find_triggers, load_lexicon, normalise
from worker.coder.rules import (
    abstract_object,
    appositive,
    background_clause,
    ceased,
    content_scope,
    definite_background,
    idiom_not_event,
    meeting_setting,
    modifier_or_label,
    object_of_verbal,
    opinion,
    participle_modifier,
    persuaded,
    pledge_as_participant,
    reduced_relative,
    scope_end,
    stative,
    terms_of_document,
)


def _parse(sentence: str) -> tuple[list[str], list[Match]]:
    words = TOKEN_RE.findall(normalise(sentence))
    return words, find_triggers(load_lexicon(), words)


def _match(matches: list[Match], words: list[str], token: str) -> Match:
    return next(m for m in matches if token in words[m.start : m.end])


def test_definite_noun_and_reporting_verb() -> None:
    lex = load_lexicon()
    words, matches = _parse("The attack on the embassy was condemned.")
    assert definite_background(lex, words, _match(matches, words, "attack"))
    words, matches = _parse("Oman announced the release of two sailors.")
    assert not definite_background(lex, words, _match(matches, words, "release"))


def test_object_of_a_verbal_trigger() -> None:
    words, matches = _parse("Spain condemned the raids on the villages.")
    condemn, raids = matches[0], _match(matches, words, "raids")
    assert object_of_verbal(raids, words, [condemn])
    words, matches = _parse("Spain condemned the plan, and Morocco raided the villages.")
    assert not object_of_verbal(_match(matches, words, "raided"), words, [matches[0]])


def test_background_metaphor_and_descriptions() -> None:
    lex = load_lexicon()
    words, matches = _parse("Chile sent aid amid renewed fighting in the north.")
    fight = _match(matches, words, "fighting")
    assert background_clause(lex, words, fight, analyse(lex, words, fight.start, fight.end))
    words, matches = _parse("Peru vowed to keep fighting corruption.")
    assert abstract_object(lex, words, _match(matches, words, "fighting"))
    words, matches = _parse("Rebels backed by Rwanda seized the town.")
    assert reduced_relative(words, _match(matches, words, "backed"))
    words, matches = _parse("The sailors, held captive for months, were freed.")
    assert appositive(words, _match(matches, words, "held"))


def test_opinion_and_statement_scope() -> None:
    lex = load_lexicon()
    words, matches = _parse("Poland believes Belarus will attack Lithuania.")
    attack = _match(matches, words, "attack")
    assert opinion(lex, words, analyse(lex, words, attack.start, attack.end))
    words = TOKEN_RE.findall("he denied the charges ; later he resigned")
    assert scope_end(words, 2) == words.index(";")


def test_attributive_participle_after_adverb_is_a_description() -> None:
    words, matches = _parse("Mali's internationally recognised government signed the deal.")
    assert stative(_match(matches, words, "recognised"), words)
    words, matches = _parse("Chile formally recognised the government of Kosovo.")
    assert not stative(_match(matches, words, "recognised"), words)
    words, matches = _parse("Yemen's exiled, internationally backed cabinet signed it.")
    assert stative(_match(matches, words, "backed"), words)
    words, matches = _parse("The family issued a warning to the rebels.")
    assert not stative(_match(matches, words, "issued"), words)


def test_rolled_back_is_not_backing() -> None:
    words, matches = _parse("Peru rolled back its support for the plan.")
    backs = [m for m in matches if "back" in words[m.start : m.end] and m.entry.event_type == "SUPPORT"]
    assert backs and all(stative(m, words) for m in backs)


def test_infinitive_after_persuade_is_only_sought() -> None:
    lex = load_lexicon()
    words, matches = _parse("Cuba hopes Spain can persuade Washington to ease the embargo.")
    lift = _match(matches, words, "ease")
    assert persuaded(words, analyse(lex, words, lift.start, lift.end))
    words, matches = _parse("Chile agreed to lift sanctions on Peru.")
    lift = _match(matches, words, "lift")
    assert not persuaded(words, analyse(lex, words, lift.start, lift.end))


def test_content_of_an_accusation() -> None:
    lex = load_lexicon()
    words, matches = _parse(
        "Kenya accused Somali militants of shelling a market, which killed six, and closed the border."
    )
    accused = _match(matches, words, "accused")
    start, end = content_scope(words, accused, analyse(lex, words, accused.start, accused.end))
    inside = {words[m.start] for m in matches if start <= m.start < end}
    assert "shelling" in inside and "killed" in inside and "closed" not in inside
    words, matches = _parse("After Peru accused Chile of shelling the post, Peruvian troops attacked a camp.")
    accused = _match(matches, words, "accused")
    start, end = content_scope(words, accused, analyse(lex, words, accused.start, accused.end))
    assert words.index("attacked") >= end > words.index("shelling")


def test_in_the_wake_of_is_background() -> None:
    lex = load_lexicon()
    words, matches = _parse("Chile lifted the curfew in the wake of a large rally in Santiago.")
    rally = _match(matches, words, "rally")
    assert background_clause(lex, words, rally, analyse(lex, words, rally.start, rally.end))


def test_a_conflict_that_stops_is_no_event() -> None:
    for sentence, token, expected in [
        ("The rebels announced a suspension of their raids on army posts.", "raids", True),
        ("The union called off the planned strike at the port.", "strike", True),
        ("Police stopped and detained six men near the port.", "detained", False),
        ("The army repelled attacks on two posts.", "attacks", False),
    ]:
        words, matches = _parse(sentence)
        assert ceased(words, _match(matches, words, token)) is expected, sentence


def test_possessive_participle_is_an_adjective() -> None:
    words, matches = _parse("Gunmen from Nigeria's outlawed separatist movement attacked a police post.")
    assert stative(_match(matches, words, "outlawed"), words)
    assert not stative(_match(matches, words, "attacked"), words)


def test_event_nouns_as_modifiers_and_labels() -> None:
    for sentence, token, expected in [
        ("Riot police fired water cannon in Lyon.", "riot", True),
        ("Police arrested three protest leaders in Minsk.", "protest", True),
        ("Myanmar pressed ahead with what rights groups call ethnic cleansing.", "ethnic", True),
        ("Protesters attack police in Nairobi.", "attack", False),
    ]:
        words, matches = _parse(sentence)
        assert modifier_or_label(words, _match(matches, words, token)) is expected, sentence


def test_content_ends_at_a_second_act_and_includes_verdicts() -> None:
    lex = load_lexicon()
    words, matches = _parse("Kenya condemned the raid and sent troops to the border.")
    condemned = _match(matches, words, "condemned")
    start, end = content_scope(words, condemned, analyse(lex, words, condemned.start, condemned.end))
    assert start <= words.index("raid") < end <= words.index("sent")
    words, matches = _parse("Kenya accused the rebels of killing and torturing civilians.")
    accused = _match(matches, words, "accused")
    _, end = content_scope(words, accused, analyse(lex, words, accused.start, accused.end))
    assert end > words.index("torturing")


def test_reasons_of_arrests_and_sentences_are_no_metaphor() -> None:
    lex = load_lexicon()
    words, matches = _parse("Kenyan police arrested him for corruption.")
    assert not abstract_object(lex, words, _match(matches, words, "arrested"))


def test_background_phrase_ends_at_its_comma() -> None:
    lex = load_lexicon()
    words, matches = _parse("Amid concerns over the fighting, Kenya deployed troops to the border.")
    deployed = _match(matches, words, "deployed")
    assert not background_clause(lex, words, deployed, analyse(lex, words, deployed.start, deployed.end))


def test_accused_as_a_description_of_a_participant() -> None:
    words, matches = _parse("Ten students accused of spying were arrested in Harare on Tuesday.")
    assert participle_modifier(words, _match(matches, words, "accused"))
    words, matches = _parse("Zimbabwe accused the students of spying.")
    assert not participle_modifier(words, _match(matches, words, "accused"))
    words, matches = _parse("The students were accused of spying.")
    assert not participle_modifier(words, _match(matches, words, "accused"))


def test_meeting_named_as_setting() -> None:
    words, matches = _parse("Ministers at an emergency summit in Lomé vowed to reopen the border.")
    assert meeting_setting(words, _match(matches, words, "summit"))
    words, matches = _parse("Ahead of a meeting with Chad, Niger recalled its envoy.")
    assert meeting_setting(words, _match(matches, words, "meeting"))
    words, matches = _parse("Talks between Chad and Niger ended without a deal.")
    assert not meeting_setting(words, _match(matches, words, "talks"))
    words, matches = _parse("Niger held talks with Chad on Monday.")
    assert not meeting_setting(words, _match(matches, words, "talks"))


def test_pledge_named_inside_another_act() -> None:
    words, matches = _parse("Chad lifted the ban in return for a Nigerien promise to reopen the border.")
    assert pledge_as_participant(words, _match(matches, words, "promise"))
    words, matches = _parse("The rebels abandoned their longstanding demands for autonomy.")
    assert pledge_as_participant(words, _match(matches, words, "demands"))
    words, matches = _parse("Niger promised to reopen the border.")
    assert not pledge_as_participant(words, _match(matches, words, "promised"))
    words, matches = _parse("Chad made an offer to host the talks.")
    assert not pledge_as_participant(words, _match(matches, words, "offer"))


def test_idioms_that_are_no_event() -> None:
    words, matches = _parse("The budget plan was met with anger in Accra.")
    assert idiom_not_event(words, _match(matches, words, "met"))
    words, matches = _parse("The envoy was met by the Ghanaian president.")
    assert all(not idiom_not_event(words, m) for m in matches)
    words, matches = _parse("As pressure grows for Chad to hold elections, the junta is silent.")
    assert idiom_not_event(words, _match(matches, words, "pressure"))
    words, matches = _parse("Ghana will pressure Togo to reopen the border.")
    assert not idiom_not_event(words, _match(matches, words, "pressure"))


def test_request_approved_is_a_reference() -> None:
    words, matches = _parse("The council approved a request from Mali to extend the mission.")
    assert pledge_as_participant(words, _match(matches, words, "request"))


def test_terms_of_a_deal_are_no_request() -> None:
    words, matches = _parse("The border accord also calls for talks on water rights.")
    assert terms_of_document(words, _match(matches, words, "calls"))
    words, matches = _parse("After the accord, Chad called for talks on water rights.")
    assert not terms_of_document(words, _match(matches, words, "called"))


def test_meeting_a_goal_is_no_meeting() -> None:
    words, matches = _parse("Kenya failed to meet the deadline for the loan.")
    assert all(idiom_not_event(words, m) for m in matches if words[m.start] == "meet")
    words, matches = _parse("Kenya's president met on Friday to discuss the deadline.")
    assert not idiom_not_event(words, _match(matches, words, "met"))
