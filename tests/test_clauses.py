from worker.coder.clauses import CONDITIONAL, RELATIVE, REPORTED, analyse
from worker.coder.lexicon import TOKEN_RE, load_lexicon, normalise


def _clause(sentence: str, trigger: str):  # type: ignore[no-untyped-def]
    toks = TOKEN_RE.findall(normalise(sentence))
    i = toks.index(trigger)
    return analyse(load_lexicon(), toks, i, i + 1)


def test_reported_speech() -> None:
    c = _clause("Officials said that rebels attacked the base", "attacked")
    assert c.kind == REPORTED and c.reported and c.speaker_start == 0


def test_time_phrase_between_speech_verb_and_that() -> None:
    c = _clause("Oslo announced on Tuesday that it has sent aid to Chad", "sent")
    assert c.kind == REPORTED and c.speaker_start == 0 and c.speaker_end == 1
    assert _clause("Chile said last week that troops attacked the base", "attacked").speaker_end == 1
    assert not _clause("The news on Tuesday that rebels attacked the base", "attacked").reported


def test_trailing_attribution_is_reported() -> None:
    assert _clause("Rebels attacked the base, officials said", "attacked").reported


def test_relative_clause() -> None:
    c = _clause("Soldiers who attacked the village fled", "attacked")
    assert c.kind == RELATIVE and c.relative_at == 1


def test_conditional_is_hypothetical() -> None:
    c = _clause("They will respond if anyone attacks them", "attacks")
    assert c.kind == CONDITIONAL and c.hypothetical


def test_negation_and_modality() -> None:
    assert _clause("The army did not attack the town", "attack").negated
    assert not _clause("Troops held fire and attacked later", "attacked").negated
    assert _clause("The ministry could consider sanctions", "consider").hypothetical
    assert _clause("The ministers will meet next week", "meet").future


def test_infinitive_and_passive() -> None:
    c = _clause("Lagos urged Accra to reopen the border", "reopen")
    assert c.infinitive and c.to_at == 3
    assert _clause("The convoy was attacked by gunmen", "attacked").passive


def test_analyst_speaker() -> None:
    assert _clause("Analysts say the army attacked first", "attacked").analyst


def test_no_inside_the_trigger_negates_it() -> None:
    toks = TOKEN_RE.findall(normalise("Chile and Peru reached no formal agreement"))
    assert analyse(load_lexicon(), toks, 3, 7).negated
    toks = TOKEN_RE.findall(normalise("Chile said no to the proposal"))
    assert not analyse(load_lexicon(), toks, 1, 4).negated


def test_without_in_an_organisation_name_is_no_negation() -> None:
    assert not _clause("Doctors Without Borders is providing aid in Chad", "providing").negated
    assert _clause("Chile sent troops without consulting Peru", "consulting").negated


def test_next_week_after_a_past_act_dates_its_complement() -> None:
    assert not _clause("Chile released ten prisoners ahead of next week's talks", "released").future
    assert _clause("Chile and Peru meet next week in Lima", "meet").future


def test_reported_speech_with_time_and_place_before_that() -> None:
    c = _clause("The Chilean minister said on Monday that rebels attacked the base", "attacked")
    assert c.kind == REPORTED and c.speaker_end == 3
    c = _clause("Officials told reporters in a statement that rebels attacked the base", "attacked")
    assert c.kind == REPORTED and c.speaker_end == 1
    # "that" after a noun opens a relative clause, not the reported content: the speech verb is "said"
    c = _clause("Officials said the raid that followed the talks attacked the base", "attacked")
    assert c.kind == REPORTED and c.speaker_end == 1 and (c.skip_start, c.skip_end) == (4, 8)
