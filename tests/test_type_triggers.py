"""Type choice on invented wire sentences: trigger phrasings of the 16 PLOVER types that wire reports use
(massing fighters, readiness, missile tests, debt cancellation, hand-overs for trial, joint funds, dismissed
demands, riots, leaving or suspension from a bloc, internet shutdowns, break-ins, executions, offers to end
a conflict)."""

from __future__ import annotations

from typing import Any

import pytest
from trigger_helpers import match_with, parse_triggers, top_coded

from worker.coder.rules import participle_modifier, reduced_relative


def top(body: str) -> dict[str, Any] | None:
    return top_coded(body)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Rebel fighters massed outside the northern town of Kidal on Friday, residents said.", "MOBILIZE"),
        ("Armenia put its border units on a heightened state of combat readiness on Monday.", "MOBILIZE"),
        (
            "Pakistan carried out a test of a nuclear-capable cruise missile on Tuesday, the army said.",
            "MOBILIZE",
        ),
        ("Navy divers rescued three fishermen held hostage by pirates off Somalia, officials said.", "AID"),
        (
            "Italian rescue teams reached the quake zone in Albania on Sunday, the civil protection said.",
            "AID",
        ),
        (
            "Kuwait cancelled $300 million of Jordan's debt on Monday, the Jordanian finance minister said.",
            "AID",
        ),
        (
            "Thailand handed over a Cambodian opposition activist to Phnom Penh to face trial, police said.",
            "COOPERATE",
        ),
        (
            "Chile and Peru set up a joint fund for border development projects on Tuesday, officials said.",
            "COOPERATE",
        ),
        (
            "Ghana rebuffed a Nigerian demand to reopen the border market on Friday, a minister said.",
            "REJECT",
        ),
        ("Opposition supporters clashed with riot police in Lusaka on Monday, witnesses said.", "PROTEST"),
        ("Gabon announced its withdrawal from the Central African customs union on Sunday.", "SANCTION"),
        (
            "The Arab League suspended Syria from its meetings in 2011, diplomats recalled on Monday.",
            "SANCTION",
        ),
        ("Ethiopia shut down mobile internet in the Amhara region on Friday, a rights group said.", "COERCE"),
        (
            "Hackers broke into the email accounts of Dutch lawmakers, the parliament said on Monday.",
            "COERCE",
        ),
        ("Iran executed two men over a bombing in Zahedan on Saturday, the judiciary said.", "ASSAULT"),
        (
            "The Karen rebels said on Monday they were ready to end the war with the junta, a spokesman said",
            "AGREE",
        ),
        (
            "Bolivia and Paraguay committed to resuming talks on river navigation, their ministers said.",
            "AGREE",
        ),
    ],
)
def test_wire_trigger_phrasing_gives_the_type(sentence: str, event_type: str) -> None:
    event = top(sentence)
    assert event is not None and event["event_type"] == event_type, (sentence, event)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        # a riot is the crowd's clash, not the protesters' own peaceful march
        ("Thousands of protesters marched through Quito on Monday to oppose the tax law.", "PROTEST"),
        # a clash between armed parties stays an assault, not a riot
        ("The rebels and the army clashed near Goma on Friday, the army said.", "ASSAULT"),
        # a withdrawal of troops from a town is still a retreat, not leaving an organisation
        ("Israeli troops withdrew from the town of Tubas on Thursday, the army said.", "RETREAT"),
    ],
)
def test_neighbouring_phrasings_keep_their_type(sentence: str, event_type: str) -> None:
    event = top(sentence)
    assert event is not None and event["event_type"] == event_type, (sentence, event)


@pytest.mark.parametrize(
    "sentence",
    [
        "Belarus hanged a man convicted of spying for Poland on Thursday, a rights group said.",
        "Singapore executed two men convicted of drug trafficking on Friday, the prison service said.",
        "Egypt executed four militants convicted of terrorism on Sunday, judicial sources said.",
    ],
)
def test_participle_describing_the_people_executed_does_not_outrank_the_execution(sentence: str) -> None:
    event = top(sentence)
    assert event is not None and event["event_type"] == "ASSAULT", (sentence, event)


def test_convicted_participle_after_a_noun_describes_a_participant() -> None:
    words, matches = parse_triggers("Police detained three men convicted of fraud in Lagos on Monday.")
    assert participle_modifier(words, match_with(matches, words, "convicted"))
    words, matches = parse_triggers("The three men were convicted of fraud in Lagos on Monday.")
    assert not participle_modifier(words, match_with(matches, words, "convicted"))


def test_a_court_conviction_stays_a_sanction() -> None:
    event = top("A court in Lima convicted two former ministers of bribery on Tuesday, prosecutors said.")
    assert event is not None and event["event_type"] == "SANCTION"


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Rival militias observed a truce in the southern city on Monday, residents said.", "RETREAT"),
        ("Pro-government militiamen released 12 hostages in Kivu on Friday, the UN said.", "RETREAT"),
        ("An armed group in central Mali released a French aid worker on Tuesday, police said.", "RETREAT"),
        ("Armed groups in the Sahel attacked two army posts in Niger on Sunday, the army said.", "ASSAULT"),
    ],
)
def test_militias_and_armed_groups_are_political_actors(sentence: str, event_type: str) -> None:
    event = top(sentence)
    assert event is not None and event["event_type"] == event_type, (sentence, event)


@pytest.mark.parametrize(
    "sentence",
    [
        "Venezuela's foreign minister demanded that Washington lift the oil embargo, state television said.",
        "The Arab League insisted that Israel withdraw its forces from the Lebanese border on Monday.",
        "Lithuania demanded on Monday that Belarus free the jailed journalist, its foreign ministry said.",
    ],
)
def test_act_in_a_demand_that_clause_is_what_is_requested(sentence: str) -> None:
    event = top(sentence)
    assert event is not None and event["event_type"] == "REQUEST", (sentence, event)


def test_that_clause_after_a_non_request_verb_keeps_its_event() -> None:
    event = top("The army said on Monday that its troops had withdrawn from the northern town of Kidal.")
    assert event is not None and event["event_type"] == "RETREAT"


def test_a_human_rights_defender_is_no_sports_cue() -> None:
    event = top("Police in Kyrgyzstan detained a prominent human rights defender in Bishkek on Monday.")
    assert event is not None and event["event_type"] == "COERCE"
    assert top("The defender was sent off as Spain beat Italy 2-1 in the cup final on Sunday.") is None


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Russia flew two strategic bombers near the Norwegian coast on Tuesday, Oslo said.", "MOBILIZE"),
        ("The militia moved fighters to the front near Marib on Friday, local officials said.", "MOBILIZE"),
        ("The Asian Development Bank suspended lending to Myanmar after the coup, it said.", "SANCTION"),
        ("A court in Dhaka barred the opposition leader from contesting the vote on Monday.", "COERCE"),
        ("Moscow designated the German foundation an undesirable organisation on Tuesday.", "COERCE"),
        ("Parliament stripped two opposition deputies of their immunity on Wednesday.", "COERCE"),
        ("Greek and Turkish coast guards scuffled near the islet on Thursday, Athens said.", "ASSAULT"),
        ("African Union leaders gathered in Addis Ababa on Sunday for a two-day summit.", "CONSULT"),
        ("Germany sent two ships to Lebanon carrying food and medicine, the ministry said.", "AID"),
    ],
)
def test_deployment_lending_freeze_bans_scuffles_and_summits(sentence: str, event_type: str) -> None:
    event = top(sentence)
    assert event is not None and event["event_type"] == event_type, (sentence, event)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Tehran vowed to take resolute measures if Baku let Israel use its airspace.", "THREATEN"),
        ("Bhutan's prime minister said his government was open to talks on the border with China.", "AGREE"),
        ("Guinea's junta handed power to an elected president on Monday, state television said.", "RETREAT"),
        ("Sweden and Norway pooled resources to buy air defence systems, the ministries said.", "COOPERATE"),
        ("Angry farmers blockaded the port of Antwerp with tractors on Friday, police said.", "PROTEST"),
        ("The Saudi-led coalition blockaded the port of Aden on Friday, officials said.", "COERCE"),
    ],
)
def test_measures_openness_handovers_and_civilian_blockades(sentence: str, event_type: str) -> None:
    event = top(sentence)
    assert event is not None and event["event_type"] == event_type, (sentence, event)


def test_invented_wire_type_set_keeps_a_floor() -> None:
    """Regression floor on tests/data/type-gold-wire.csv (scored unread once at 0.874, then read), not a
    quality claim."""
    from pathlib import Path

    from worker.cli.evaluate import _read_stories, eval_stories

    report = eval_stories(list(_read_stories(Path(__file__).parent / "data" / "type-gold-wire.csv")))
    assert report["n"] == 176 and report["macro_f1"] >= 0.95


def test_verb_with_its_object_before_by_is_no_reduced_relative() -> None:
    words, matches = parse_triggers("Chile welcomed the offer by Peru to reopen the border crossing.")
    assert not reduced_relative(words, match_with(matches, words, "welcomed"))
    words, matches = parse_triggers("Militias backed by Iran attacked the base on Monday.")
    assert reduced_relative(words, match_with(matches, words, "backed"))
    event = top("Chile welcomed the offer by Peru to reopen the border crossing, its foreign minister said.")
    assert event is not None and event["event_type"] == "SUPPORT"


def test_dialogue_held_after_a_long_modifier_is_a_consultation() -> None:
    event = top("Athens and Ankara held their first high-level political dialogue in years on Monday.")
    assert event is not None and event["event_type"] == "CONSULT"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia's supreme court banned the international LGBT movement on Thursday, calling it extremist.",
        "Tajikistan outlawed the Islamic Renaissance Party's youth union on Monday, state media said.",
    ],
)
def test_banning_a_church_movement_or_union_is_coercion(sentence: str) -> None:
    event = top(sentence)
    assert event is not None and event["event_type"] == "COERCE", (sentence, event)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Niger's junta ordered the French ambassador out of the country on Friday.", "SANCTION"),
        ("Guinea Suspends Two Private Radio Stations Over Coup Coverage", "COERCE"),
        ("Authorities in Kigali banned an opposition newspaper on Monday.", "COERCE"),
        ("Italy dispatched a team of doctors to Albania after the earthquake.", "AID"),
    ],
)
def test_expulsion_media_bans_and_dispatched_aid(sentence: str, event_type: str) -> None:
    found = top(sentence)
    assert found is not None and found["event_type"] == event_type, found


def test_agreeing_to_pause_an_offensive_is_a_concession() -> None:
    found = top("Ethiopia Agrees To Pause Offensive In Amhara For Talks")
    assert found is not None and found["event_type"] == "CONCEDE", found
