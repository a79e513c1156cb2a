"""The no-event rules of ``worker.coder.rules`` on invented token lists."""

from __future__ import annotations

from trigger_helpers import match_with, parse_triggers

from worker.coder.clauses import analyse
from worker.coder.lexicon import TOKEN_RE, load_lexicon
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


def test_definite_noun_and_reporting_verb() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("The attack on the embassy was condemned.")
    assert definite_background(lex, words, match_with(matches, words, "attack"))
    words, matches = parse_triggers("Oman announced the release of two sailors.")
    assert not definite_background(lex, words, match_with(matches, words, "release"))


def test_object_of_a_verbal_trigger() -> None:
    words, matches = parse_triggers("Spain condemned the raids on the villages.")
    condemn, raids = matches[0], match_with(matches, words, "raids")
    assert object_of_verbal(raids, words, [condemn])
    words, matches = parse_triggers("Spain condemned the plan, and Morocco raided the villages.")
    assert not object_of_verbal(match_with(matches, words, "raided"), words, [matches[0]])


def test_background_metaphor_and_descriptions() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("Chile sent aid amid renewed fighting in the north.")
    fight = match_with(matches, words, "fighting")
    assert background_clause(lex, words, fight, analyse(lex, words, fight.start, fight.end))
    words, matches = parse_triggers("Peru vowed to keep fighting corruption.")
    assert abstract_object(lex, words, match_with(matches, words, "fighting"))
    words, matches = parse_triggers("Rebels backed by Rwanda seized the town.")
    assert reduced_relative(words, match_with(matches, words, "backed"))
    words, matches = parse_triggers("The sailors, held captive for months, were freed.")
    assert appositive(words, match_with(matches, words, "held"))


def test_opinion_and_statement_scope() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("Poland believes Belarus will attack Lithuania.")
    attack = match_with(matches, words, "attack")
    assert opinion(lex, words, analyse(lex, words, attack.start, attack.end))
    words = TOKEN_RE.findall("he denied the charges ; later he resigned")
    assert scope_end(words, 2) == words.index(";")


def test_attributive_participle_after_adverb_is_a_description() -> None:
    words, matches = parse_triggers("Mali's internationally recognised government signed the deal.")
    assert stative(match_with(matches, words, "recognised"), words)
    words, matches = parse_triggers("Chile formally recognised the government of Kosovo.")
    assert not stative(match_with(matches, words, "recognised"), words)
    words, matches = parse_triggers("Yemen's exiled, internationally backed cabinet signed it.")
    assert stative(match_with(matches, words, "backed"), words)
    words, matches = parse_triggers("The family issued a warning to the rebels.")
    assert not stative(match_with(matches, words, "issued"), words)


def test_rolled_back_is_not_backing() -> None:
    words, matches = parse_triggers("Peru rolled back its support for the plan.")
    backs = [m for m in matches if "back" in words[m.start : m.end] and m.entry.event_type == "SUPPORT"]
    assert backs and all(stative(m, words) for m in backs)


def test_infinitive_after_persuade_is_only_sought() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("Cuba hopes Spain can persuade Washington to ease the embargo.")
    lift = match_with(matches, words, "ease")
    assert persuaded(words, analyse(lex, words, lift.start, lift.end))
    words, matches = parse_triggers("Chile agreed to lift sanctions on Peru.")
    lift = match_with(matches, words, "lift")
    assert not persuaded(words, analyse(lex, words, lift.start, lift.end))


def test_content_of_an_accusation() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers(
        "Kenya accused Somali militants of shelling a market, which killed six, and closed the border."
    )
    accused = match_with(matches, words, "accused")
    start, end = content_scope(words, accused, analyse(lex, words, accused.start, accused.end))
    inside = {words[m.start] for m in matches if start <= m.start < end}
    assert "shelling" in inside and "killed" in inside and "closed" not in inside
    words, matches = parse_triggers(
        "After Peru accused Chile of shelling the post, Peruvian troops attacked a camp."
    )
    accused = match_with(matches, words, "accused")
    start, end = content_scope(words, accused, analyse(lex, words, accused.start, accused.end))
    assert words.index("attacked") >= end > words.index("shelling")


def test_in_the_wake_of_is_background() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("Chile lifted the curfew in the wake of a large rally in Santiago.")
    rally = match_with(matches, words, "rally")
    assert background_clause(lex, words, rally, analyse(lex, words, rally.start, rally.end))


def test_a_conflict_that_stops_is_no_event() -> None:
    for sentence, token, expected in [
        ("The rebels announced a suspension of their raids on army posts.", "raids", True),
        ("The union called off the planned strike at the port.", "strike", True),
        ("Police stopped and detained six men near the port.", "detained", False),
        ("The army repelled attacks on two posts.", "attacks", False),
    ]:
        words, matches = parse_triggers(sentence)
        assert ceased(words, match_with(matches, words, token)) is expected, sentence


def test_possessive_participle_is_an_adjective() -> None:
    words, matches = parse_triggers(
        "Gunmen from Nigeria's outlawed separatist movement attacked a police post."
    )
    assert stative(match_with(matches, words, "outlawed"), words)
    assert not stative(match_with(matches, words, "attacked"), words)


def test_event_nouns_as_modifiers_and_labels() -> None:
    for sentence, token, expected in [
        ("Riot police fired water cannon in Lyon.", "riot", True),
        ("Police arrested three protest leaders in Minsk.", "protest", True),
        ("Myanmar pressed ahead with what rights groups call ethnic cleansing.", "ethnic", True),
        ("Protesters attack police in Nairobi.", "attack", False),
    ]:
        words, matches = parse_triggers(sentence)
        assert modifier_or_label(words, match_with(matches, words, token)) is expected, sentence


def test_content_ends_at_a_second_act_and_includes_verdicts() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("Kenya condemned the raid and sent troops to the border.")
    condemned = match_with(matches, words, "condemned")
    start, end = content_scope(words, condemned, analyse(lex, words, condemned.start, condemned.end))
    assert start <= words.index("raid") < end <= words.index("sent")
    words, matches = parse_triggers("Kenya accused the rebels of killing and torturing civilians.")
    accused = match_with(matches, words, "accused")
    _, end = content_scope(words, accused, analyse(lex, words, accused.start, accused.end))
    assert end > words.index("torturing")


def test_reasons_of_arrests_and_sentences_are_no_metaphor() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("Kenyan police arrested him for corruption.")
    assert not abstract_object(lex, words, match_with(matches, words, "arrested"))


def test_background_phrase_ends_at_its_comma() -> None:
    lex = load_lexicon()
    words, matches = parse_triggers("Amid concerns over the fighting, Kenya deployed troops to the border.")
    deployed = match_with(matches, words, "deployed")
    assert not background_clause(lex, words, deployed, analyse(lex, words, deployed.start, deployed.end))


def test_accused_as_a_description_of_a_participant() -> None:
    words, matches = parse_triggers("Ten students accused of spying were arrested in Harare on Tuesday.")
    assert participle_modifier(words, match_with(matches, words, "accused"))
    words, matches = parse_triggers("Zimbabwe accused the students of spying.")
    assert not participle_modifier(words, match_with(matches, words, "accused"))
    words, matches = parse_triggers("The students were accused of spying.")
    assert not participle_modifier(words, match_with(matches, words, "accused"))


def test_meeting_named_as_setting() -> None:
    words, matches = parse_triggers("Ministers at an emergency summit in Lomé vowed to reopen the border.")
    assert meeting_setting(words, match_with(matches, words, "summit"))
    words, matches = parse_triggers("Ahead of a meeting with Chad, Niger recalled its envoy.")
    assert meeting_setting(words, match_with(matches, words, "meeting"))
    words, matches = parse_triggers("Talks between Chad and Niger ended without a deal.")
    assert not meeting_setting(words, match_with(matches, words, "talks"))
    words, matches = parse_triggers("Niger held talks with Chad on Monday.")
    assert not meeting_setting(words, match_with(matches, words, "talks"))


def test_pledge_named_inside_another_act() -> None:
    words, matches = parse_triggers(
        "Chad lifted the ban in return for a Nigerien promise to reopen the border."
    )
    assert pledge_as_participant(words, match_with(matches, words, "promise"))
    words, matches = parse_triggers("The rebels abandoned their longstanding demands for autonomy.")
    assert pledge_as_participant(words, match_with(matches, words, "demands"))
    words, matches = parse_triggers("Niger promised to reopen the border.")
    assert not pledge_as_participant(words, match_with(matches, words, "promised"))
    words, matches = parse_triggers("Chad made an offer to host the talks.")
    assert not pledge_as_participant(words, match_with(matches, words, "offer"))


def test_idioms_that_are_no_event() -> None:
    words, matches = parse_triggers("The budget plan was met with anger in Accra.")
    assert idiom_not_event(words, match_with(matches, words, "met"))
    words, matches = parse_triggers("The envoy was met by the Ghanaian president.")
    assert all(not idiom_not_event(words, m) for m in matches)
    words, matches = parse_triggers("As pressure grows for Chad to hold elections, the junta is silent.")
    assert idiom_not_event(words, match_with(matches, words, "pressure"))
    words, matches = parse_triggers("Ghana will pressure Togo to reopen the border.")
    assert not idiom_not_event(words, match_with(matches, words, "pressure"))


def test_request_approved_is_a_reference() -> None:
    words, matches = parse_triggers("The council approved a request from Mali to extend the mission.")
    assert pledge_as_participant(words, match_with(matches, words, "request"))


def test_terms_of_a_deal_are_no_request() -> None:
    words, matches = parse_triggers("The border accord also calls for talks on water rights.")
    assert terms_of_document(words, match_with(matches, words, "calls"))
    words, matches = parse_triggers("After the accord, Chad called for talks on water rights.")
    assert not terms_of_document(words, match_with(matches, words, "called"))


def test_meeting_a_goal_is_no_meeting() -> None:
    words, matches = parse_triggers("Kenya failed to meet the deadline for the loan.")
    assert all(idiom_not_event(words, m) for m in matches if words[m.start] == "meet")
    words, matches = parse_triggers("Kenya's president met on Friday to discuss the deadline.")
    assert not idiom_not_event(words, match_with(matches, words, "met"))


def test_scan_back_finds_the_nearest_cue_before_a_stop() -> None:
    from worker.coder.rules import scan_back

    words = ["the", "deal", ",", "which", "calls", "for", "talks"]
    cues, stops = frozenset({"deal", "which"}), frozenset({","})
    assert scan_back(words, 4, 4, cues, stops) == 3  # "which", nearest first
    assert scan_back(words, 3, 4, cues, stops) == -1  # "," stops before "deal"
    assert scan_back(words, 2, 1, cues, stops) == 1
    assert scan_back(words, 4, 0, cues, stops) == -1  # no words in reach
    assert scan_back(words, 2, 1, frozenset({"deal"}), frozenset({"deal"})) == -1  # in both: stops


def test_scan_back_users_have_disjoint_cues_and_stops() -> None:
    # the scans it replaced tested cues and stops in different orders: with disjoint sets order is moot
    from worker.coder import nonevents, retype, rules

    pairs = [
        (nonevents.QUESTION_OR_FORECAST, nonevents.QUESTION_STOPS),
        (nonevents._CONDITION, nonevents._CONDITION_BREAK),
        (retype.DISSENTERS, retype.SUBJECT_STOPS),
        (retype.PROTESTERS, retype.SUBJECT_STOPS),
        (rules.TERMS_NOUNS, rules.TERMS_STOPS),
    ]
    assert all(cues.isdisjoint(stops) for cues, stops in pairs)


def test_protesters_arrested_or_attacked_are_no_protest_of_their_own() -> None:
    from worker.coder.model import Article
    from worker.coder.pipeline import code_article

    def types(body: str) -> list[str]:
        events = code_article(Article(id="p", body=body, published_at="2024-03-01")).events
        return sorted(str(e["event_type"]) for e in events)

    assert types("Police Detain 40 Protesters In Arequipa") == ["COERCE"]
    assert types("Riot police fired tear gas at demonstrators in Quito on Monday.") == ["ASSAULT"]
    assert "PROTEST" in types("Protesters blocked roads in Quito as police arrested 20 people.")


def test_a_bare_verb_coordinated_with_a_governed_infinitive_is_governed_too() -> None:
    from worker.coder.rules import coordinated_infinitive

    words, _ = parse_triggers("Norway urged Sudan to stop the attacks and withdraw its troops from Darfur.")
    assert coordinated_infinitive(words, words.index("withdraw")) == words.index("to")
    # a finite verb after "and", or "to" before a noun, is no coordinated infinitive
    words, _ = parse_triggers("Rebels agreed to a ceasefire and released 20 prisoners.")
    assert coordinated_infinitive(words, words.index("released")) == -1
    words, _ = parse_triggers("Kenya agreed to talks and sent troops to the border.")
    assert coordinated_infinitive(words, words.index("sent")) == -1


def test_what_an_appeal_asks_in_two_infinitives_is_no_event() -> None:
    from worker.coder.model import Article
    from worker.coder.pipeline import code_article

    for body in (
        "Norway urged Sudan to stop the attacks and withdraw its troops from Darfur.",
        "The opposition in Bangladesh called on the prime minister to resign and hand power to a caretaker"
        " government.",
    ):
        assert code_article(Article(id="c", body=body, published_at="2024-03-01")).events == [], body
    events = code_article(
        Article(id="c", body="Russia agreed to pull back its forces and hand over the prisoners.")
    ).events
    assert [e["event_type"] for e in events] == ["CONCEDE"]  # the hand-over is promised, not done
