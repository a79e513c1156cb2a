"""Done material acts (aid paid, people handed over, corridors opened) on invented wire sentences: the
top event is material cooperation; promises of the same acts stay verbal."""

from __future__ import annotations

from typing import Any

import pytest
from trigger_helpers import match_with, parse_triggers, top_coded

from worker.coder.rules import captive_description, captive_subject, done_predicate


def top(body: str) -> dict[str, Any] | None:
    return top_coded(body)


@pytest.mark.parametrize(
    "sentence",
    [
        "The African Development Bank disbursed the second half of a loan to Malawi on Monday.",
        "Oman paid out 40 million dollars in compensation to Yemeni fishermen last week, officials said.",
        "Qatar deposited $2 billion with the Egyptian central bank on Sunday, the bank's governor said.",
        "Denmark wrote off $90 million of debts owed by Mozambique, the Danish foreign ministry said.",
        "Bolivia received the first tranche of a $300 million loan from China on Tuesday, officials said.",
        "Sweden transferred 30 armoured vehicles to the Estonian army last month, the defence ministry said.",
        "Norway evacuated 40 diplomats and their families from Khartoum on Saturday, its minister said.",
        "Chad has taken in more than 20,000 refugees from Darfur since June, the UN refugee agency said.",
        "Kenyan and Somali officials opened a humanitarian corridor out of the besieged town on Monday.",
        "Rebels in Mali handed over three abducted Chinese engineers to Algerian mediators on Friday.",
        "Sixteen Thai fishermen held by Myanmar were handed over to Thai officials at the border on Friday.",
        "Peru and Chile exchanged the remains of soldiers on Thursday, the Peruvian army said.",
        "Kenya handed over a suspected arms dealer to Ugandan police on Wednesday, a police spokesman said.",
    ],
)
def test_done_material_act_is_material_cooperation(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


@pytest.mark.parametrize(
    "sentence",
    [
        "Qatar promised on Sunday to deposit $2 billion with the Egyptian central bank, officials said.",
        "Peru and Chile agreed on Thursday to exchange the remains of soldiers, the Peruvian army said.",
    ],
)
def test_promised_material_act_stays_verbal(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "verbal_cooperation", ev


def test_conflict_participle_describing_the_people_released_is_no_event() -> None:
    words, matches = parse_triggers("Cuba freed two Canadian tourists jailed in 2021 on drug charges.")
    jailed = match_with(matches, words, "jailed")
    freed = match_with(matches, words, "freed")
    assert captive_description(words, jailed, [freed])
    # a second act after a clause break, or a finite verb with its auxiliary, stays an event
    words, matches = parse_triggers("Cuba freed two Canadian tourists and jailed a Spanish trader.")
    assert not captive_description(words, match_with(matches, words, "jailed"), [matches[0]])
    words, matches = parse_triggers("Cuba freed two tourists who were jailed in May.")
    assert not captive_description(words, match_with(matches, words, "jailed"), [matches[0]])


@pytest.mark.parametrize(
    "sentence",
    [
        "Cuba freed two Canadian tourists jailed in 2021 on drug charges, their families said on Monday.",
        "Eritrea released 11 Ethiopian traders detained for crossing the border, Ethiopian officials said.",
        "Laos handed over the remains of three U.S. airmen killed in 1969, the Pentagon said on Tuesday.",
    ],
)
def test_release_of_described_captives_is_material_cooperation(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


def test_agentless_passive_release_keeps_the_person_released_as_recipient() -> None:
    ev = top("A Ugandan journalist was freed on Sunday, his lawyer said.")
    assert ev is not None and ev["event_type"] == "RETREAT" and ev["actor"] == []
    assert {r["country"] for r in ev["recipient"]} == {"UGA"}
    # the release is the news, not the pardon told in the clause after it
    ev = top("Moses Okello was released on Friday after President Yoweri Museveni of Uganda pardoned him.")
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


def test_conflict_participle_describing_the_subject_of_a_passive_release_is_no_event() -> None:
    sentence = "Nine Thai fishermen held captive in Somalia for a year were freed on Friday."
    words, matches = parse_triggers(sentence)
    assert captive_subject(words, match_with(matches, words, "held"), matches)
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev
    # a finite verb with its object is an act of its own
    words, matches = parse_triggers("Police arrested 20 students on Monday, and five were released later.")
    assert not captive_subject(words, match_with(matches, words, "arrested"), matches)


@pytest.mark.parametrize(
    "sentence",
    [
        "The handover of 12 Peruvian hostages held by drug traffickers took place on Monday, Lima said.",
        "The delivery of 40 Swedish howitzers to Latvia was completed on Thursday, the Latvian army said.",
        "Canada returned a carved mask of a Haida chief from the 19th century to its owners in Haida Gwaii.",
        "Russian forces pulled out of three villages in the Kharkiv region on Sunday, Kyiv said.",
    ],
)
def test_done_nominal_acts_returns_and_pullouts_are_material_cooperation(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


def test_done_predicate_after_a_definite_event_noun() -> None:
    words, _ = parse_triggers("The release of the sailors took place on Monday.")
    assert done_predicate(words, 2)
    words, _ = parse_triggers("The release of the sailors, which took place on Monday, was welcomed.")
    assert not done_predicate(words, 2)


@pytest.mark.parametrize(
    "sentence",
    [
        "France has supplied Moldova with two radar stations, Paris said on Monday.",
        "Armenia received a batch of armoured vehicles from India on Tuesday.",
        "The UN migration agency relocated 200 migrants from Tunisia to Senegal on Friday.",
        "A convoy of 40 relief trucks entered Tigray on Sunday, Ethiopian officials said.",
        "Eritrean troops have left the town of Shire, residents said on Sunday.",
        "Thai and Cambodian troops disengaged from the temple area on Monday, officials said.",
        "Egypt allowed Sudanese airliners to use its airspace again on Monday.",
        "Kazakhstan repatriated 120 Kazakhs from camps in northeastern Syria on Tuesday.",
        "Mali's junta freed a Swiss aid worker held since March, the Swiss foreign ministry said.",
    ],
)
def test_supplies_receipts_pullouts_and_access_are_material_cooperation(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru granted temporary protection to 80,000 Haitian migrants last year, officials said.",
        "UNICEF distributed vaccines to 30,000 children in northern Yemen on Thursday.",
        "Canada shipped 5,000 tonnes of lentils to Ethiopia last week, Ottawa said.",
        "Kuwait funded the salaries of Lebanese army officers for six months, officials said.",
    ],
)
def test_protection_distribution_shipments_and_salaries_are_aid(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["event_type"] == "AID", ev


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO said the last Italian troops had left Kosovo on Friday.",
        "Officials said six detainees were transferred from the base to Kazakhstan on Sunday.",
        "Chilean officials said the border with Argentina was reopened on Monday after heavy snow.",
    ],
)
def test_done_acts_reported_in_said_clauses_are_material_cooperation(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


def test_passive_evacuations_and_repatriations_are_material_cooperation() -> None:
    ev = top("About 600 foreigners were evacuated from Juba by Ugandan military planes.")
    assert ev is not None and ev["event_type"] == "AID", ev
    ev = top("Dozens of Nepali workers were repatriated from Qatar on Sunday.")
    assert ev is not None and ev["event_type"] == "RETREAT", ev
    assert {r["country"] for r in ev["recipient"]} == {"NPL"}
