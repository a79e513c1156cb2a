"""Lexicon coverage of CAMEO roots 03-08 (intent, consult, support, cooperate, aid, yield) on invented wire
sentences: phrasings a verb-dictionary audit found missing, each group with look-alikes that stay no event."""

from __future__ import annotations

from typing import Any

import pytest
from trigger_helpers import top_coded


def top(body: str) -> dict[str, Any] | None:
    return top_coded(body)


def assert_coded(sentence: str, event_type: str, mode: str | None = None) -> None:
    ev = top(sentence)
    assert ev is not None, sentence
    assert ev["event_type"] == event_type, (sentence, ev["event_type"])
    if mode is not None:
        assert ev.get("mode") == mode, (sentence, ev.get("mode"))


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Chile and Bolivia began talks on access to the sea in La Paz on Tuesday.", None),
        ("Armenia and Azerbaijan resumed negotiations in Washington on Thursday.", None),
        ("Vietnam and the Philippines opened consultations on fishing rights on Monday.", None),
        ("Sudan's army and the RSF entered a second round of talks in Jeddah on Sunday.", None),
        ("The Malian foreign minister headed to Algiers for talks on Monday.", "visit"),
        ("Turkey's defence minister flew to Baghdad for talks with Iraqi officials on Friday.", "visit"),
        ("Nigeria sent a delegation to Niamey on Thursday, the presidency said.", "visit"),
        ("Kenya dispatched an envoy to Juba on Wednesday to meet the South Sudanese leader.", None),
        ("Qatar brokered a truce between Ethiopia and the Tigrayan rebels on Tuesday.", "third-party"),
    ],
)
def test_consult_phrasings(sentence: str, mode: str | None) -> None:
    assert_coded(sentence, "CONSULT", mode)


@pytest.mark.parametrize(
    "sentence",
    [
        "The dockers' union resumed talks with the shipping firm on Monday.",
        "The coach flew to Madrid for talks with the club's owners on Monday.",
        "Bus drivers began negotiations with the operator over pay on Tuesday.",
        "The stockbroker sold the bank's shares to a pension fund on Monday.",
    ],
)
def test_consult_look_alikes_stay_no_event(sentence: str) -> None:
    assert top(sentence) is None, sentence


def test_resuming_talks_keeps_its_stance() -> None:
    agreed = top("Chile agreed to resume talks with Bolivia on Monday.")
    refused = top("Chile refused to resume talks with Bolivia on Monday.")
    assert agreed is not None and agreed["event_type"] == "AGREE"
    assert refused is not None and refused["event_type"] == "REJECT"
    assert top("Chile called for resuming talks with Bolivia on Monday.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Sweden joined the NATO alliance on Thursday, the government said.",
        "Egypt and Greece forged a strategic partnership on Wednesday.",
        "Ghana allied with Togo against the smuggling networks on Monday.",
        "Ethiopia's prime minister extended an olive branch to the Tigrayan rebels on Monday.",
        "Brazil expressed satisfaction with the trade accord with Argentina on Friday.",
        "Peru coordinated with Ecuador on the border dispute, officials said.",
    ],
)
def test_support_phrasings(sentence: str) -> None:
    assert_coded(sentence, "SUPPORT")


@pytest.mark.parametrize(
    "sentence",
    [
        "Senegal and Gambia joined forces to fight cattle theft on Monday.",
        "Laos and Cambodia coordinated border patrols on Thursday.",
        "Jordan provided intelligence to Iraqi forces on Tuesday.",
        "Egypt and France signed a contract for 30 Rafale jets on Tuesday.",
        "Iran armed and trained the rebels in Yemen, the report said.",
    ],
)
def test_cooperate_phrasings(sentence: str) -> None:
    assert_coded(sentence, "COOPERATE")


@pytest.mark.parametrize(
    "sentence",
    [
        "The striker joined the club on a four-year contract on Monday.",
        "Real Madrid signed a contract with the Brazilian striker on Monday.",
        "Police coordinated the search for the missing hikers in Norway.",
        "Analysts expressed satisfaction with the earnings of Chinese banks.",
        "Fans expressed their admiration for the Argentine team.",
    ],
)
def test_support_cooperate_look_alikes_stay_no_event(sentence: str) -> None:
    assert top(sentence) is None, sentence


def test_armed_as_an_adjective_is_no_cooperation() -> None:
    ev = top("Heavily armed rebels attacked the Malian town on Monday.")
    assert ev is not None and ev["event_type"] == "ASSAULT"


@pytest.mark.parametrize(
    "sentence",
    [
        "Italy rushed relief supplies to quake-hit Albania on Wednesday.",
        "The UN refugee agency set up camps for refugees from Sudan in eastern Chad.",
        "Morocco set up a field hospital in Rafah on Tuesday, officials said.",
    ],
)
def test_aid_phrasings(sentence: str) -> None:
    assert_coded(sentence, "AID")


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("Yemen's warring parties extended the truce by two months on Saturday.", "CONCEDE", None),
        ("Ethiopia restored internet in the Amhara region on Thursday.", "CONCEDE", None),
        ("Ethiopian forces lifted the siege of the Tigrayan capital on Friday.", "RETREAT", "withdraw"),
        ("Armenia unblocked the road to the disputed region on Monday.", "RETREAT", "access"),
        ("Egypt allowed fuel trucks into Gaza through the Rafah crossing on Sunday.", "RETREAT", "access"),
        ("Israel allowed aid convoys to enter the northern Gaza Strip on Monday.", "RETREAT", "access"),
    ],
)
def test_yield_phrasings(sentence: str, event_type: str, mode: str | None) -> None:
    assert_coded(sentence, event_type, mode)


def test_a_carried_out_truce_extension_is_material() -> None:
    ev = top("Colombia and the rebels extended the ceasefire by a month on Monday.")
    assert ev is not None and ev["quad_class"] == "material_cooperation"


@pytest.mark.parametrize(
    "sentence",
    [
        "The UN urged Israel to allow aid into Gaza on Monday.",
        "Telecom operators restored internet after the cyclone in Bangladesh on Monday.",
        "The army built camps for its soldiers near the Russian border.",
    ],
)
def test_aid_yield_look_alikes_stay_no_event(sentence: str) -> None:
    assert top(sentence) is None, sentence


def test_refusing_access_is_no_concession() -> None:
    ev = top("Israel refused to allow fuel into Gaza on Monday.")
    assert ev is not None and ev["event_type"] == "REJECT"


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("The Indonesian president concluded his state visit to Vietnam on Thursday.", "CONSULT", "visit"),
        ("Senegal and Spain co-chaired a conference on Sahel migration in Dakar.", "CONSULT", None),
        ("The Iranian and Saudi leaders exchanged letters on Friday.", "CONSULT", None),
        ("Portugal lent its support to the Brazilian proposal on Tuesday.", "SUPPORT", None),
        ("Morocco renewed ties with Iran on Monday.", "SUPPORT", None),
        ("Indian warships escorted the tankers through the Strait of Hormuz.", "AID", None),
        ("Egyptian doctors treated wounded Sudanese refugees in Aswan on Monday.", "AID", None),
        ("Bolivia's economy minister quit on Tuesday amid the fuel protests.", "RETREAT", "resign"),
        ("The rebels handed in their weapons to Congolese authorities on Monday.", "RETREAT", "disarm"),
        ("A South Sudanese militia gave up its weapons under the peace deal.", "RETREAT", "disarm"),
    ],
)
def test_more_cooperation_phrasings(sentence: str, event_type: str, mode: str | None) -> None:
    assert_coded(sentence, event_type, mode)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police escorted the suspect to a Nairobi court on Monday.",
        "Fans exchanged messages with the Brazilian striker on Monday.",
        "The striker quit the club on Monday.",
        "The veteran coach ended his visit to the Spanish club on Monday.",
        "The government turned in its report to parliament in Ghana.",
    ],
)
def test_more_look_alikes_stay_no_event(sentence: str) -> None:
    assert top(sentence) is None, sentence


def test_fire_exchanged_and_people_wounded_stay_conflict() -> None:
    for sentence in (
        "Somali troops exchanged fire with al-Shabaab militants on Monday.",
        "Israeli troops killed 3 Palestinians and wounded 20 in Jenin on Monday.",
    ):
        ev = top(sentence)
        assert ev is not None and ev["event_type"] == "ASSAULT", sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Uzbekistan aims to expand energy cooperation with Kazakhstan, the minister said.",
        "Kenya hopes to boost trade with Ethiopia, the trade minister said.",
        "Chile sought closer ties with New Zealand on Thursday.",
        "Venezuela said it was ready for talks with Guyana.",
    ],
)
def test_intent_phrasings(sentence: str) -> None:
    assert_coded(sentence, "AGREE")


@pytest.mark.parametrize(
    "sentence",
    [
        "Venezuela said it was not ready for talks with Guyana.",
        "Analysts say Kenya wants to improve ties with Ethiopia.",
        "The company aims to boost trade with Asian buyers.",
        "The team is ready for the final against Brazil.",
    ],
)
def test_intent_look_alikes_stay_no_event(sentence: str) -> None:
    assert top(sentence) is None, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Myanmar loosened restrictions on foreign reporters on Tuesday.",
        "Indonesia waived visa requirements for Indian tourists on Friday.",
        "Burkina Faso's junta restored the constitution on Monday.",
        "Colombia removed the rebel group from its terrorist list on Friday.",
        "Canada delisted the Sikh group as a terrorist organisation on Monday.",
        "Japan struck the Russian bank off its sanctions list on Monday.",
    ],
)
def test_eased_restrictions_are_concessions(sentence: str) -> None:
    assert_coded(sentence, "CONCEDE")


@pytest.mark.parametrize(
    "sentence",
    [
        "The coach loosened the rules for his players before the final.",
        "The referee waived the penalty in the match against Brazil.",
        "Three Chinese firms were delisted from the New York exchange on Monday.",
    ],
)
def test_eased_restriction_look_alikes_stay_no_event(sentence: str) -> None:
    assert top(sentence) is None, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Cyprus sent firefighters to help Greece battle the wildfires on Tuesday.",
        "Italy sent two water-bombing planes to Albania on Monday.",
        "Jordan sent a field hospital to Sudan on Thursday.",
        "Saudi Arabia built 800 homes for flood victims in Libya.",
    ],
)
def test_disaster_help_is_aid(sentence: str) -> None:
    assert_coded(sentence, "AID")


@pytest.mark.parametrize(
    "sentence",
    [
        "The fire chief sent firefighters to the burning warehouse.",
        "The developer built 300 homes for families in the new suburb.",
    ],
)
def test_disaster_help_look_alikes_stay_no_event(sentence: str) -> None:
    assert top(sentence) is None, sentence


def test_help_in_the_generic_present_is_no_aid() -> None:
    """'any cooperation that helps the North build up its military would violate ...': a kind of act."""
    body = (
        "Kim stressed that any cooperation that helps the North build up its military capabilities would"
        " violate U.N. Security Council resolutions."
    )
    event = top(body)
    assert event is None or event["event_type"] != "AID"
    assert_coded("Japanese engineers helped Ukraine rebuild a power plant near Kyiv.", "AID")
