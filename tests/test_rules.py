"""The no-event rules of ``worker.coder.rules`` on invented token lists."""

from __future__ import annotations

from worker.coder.clauses import analyse
from worker.coder.lexicon import TOKEN_RE, Match, find_triggers, load_lexicon, normalise
from worker.coder.rules import (
    abstract_object,
    appositive,
    background_clause,
    definite_background,
    object_of_verbal,
    opinion,
    persuaded,
    reduced_relative,
    scope_end,
    stative,
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
