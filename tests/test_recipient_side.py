"""Done material acts told from the recipient's side, in the passive or as totals, on invented wire
sentences: the top event is material cooperation, the giver its actor; promises, needs and domestic
programmes stay what they are."""

from __future__ import annotations

from typing import Any

import pytest
from trigger_helpers import top_coded


def top(body: str) -> dict[str, Any] | None:
    return top_coded(body, "2024-05-20T09:00:00Z")


def countries(ev: dict[str, Any], role: str) -> set[str | None]:
    return {a["country"] for a in ev[role]}


@pytest.mark.parametrize(
    ("sentence", "giver", "receiver"),
    [
        ("Tunisia received a $500 million loan from Saudi Arabia on Monday, officials said.", "SAU", "TUN"),
        ("Malawi got 30 million euros from Germany last week to buy fertiliser.", "DEU", "MWI"),
        ("Most of the funding for the new dam came from China, Laotian officials said.", "CHN", None),
        ("The Ghanaian navy took delivery of three patrol boats from the United States.", "USA", "GHA"),
        ("Twenty tonnes of medicine were delivered to Sudan by Egypt, the Sudanese army said.", "EGY", None),
        ("Medical supplies flown in by Turkey reached hospitals in Mogadishu on Sunday.", "TUR", None),
        ("Intelligence on the cell was shared with Spain by Moroccan security services.", "MAR", None),
    ],
)
def test_giver_is_the_actor(sentence: str, giver: str, receiver: str | None) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev
    assert giver in countries(ev, "actor"), ev
    if receiver is not None:
        assert receiver in countries(ev, "recipient"), ev


@pytest.mark.parametrize(
    "sentence",
    [
        "About 200 British nationals were evacuated from Beirut on Sunday, the Foreign Office said.",
        "The evacuation of 120 Kenyan students from Kharkiv was carried out on Sunday, Nairobi said.",
        "The return of two looted statues to Greece by Britain was marked at a ceremony on Monday.",
        "The wanted banker was extradited to Italy by Swiss authorities on Tuesday, Italian police said.",
        "A joint naval drill was staged by Egyptian and Saudi warships in the Red Sea, the navy said.",
        "Sanctions on Cuba's state oil company were lifted by Canada on Friday, Ottawa said.",
        "Aid convoys were allowed into the town by Ethiopian forces on Saturday, the UN said.",
        "Fifty prisoners were exchanged between Armenia and Azerbaijan on Thursday.",
        "Austria has spent 2 billion euros on integrating refugees since 2016, the interior ministry said.",
        "Some 8,000 Fijian soldiers have served with UN peacekeeping missions since 1978, the army said.",
        "Canada's humanitarian aid to Yemen reached 90 million dollars last year, Ottawa said.",
        "South Korea launched a $40 million programme on Monday to train Ghanaian nurses, Seoul said.",
    ],
)
def test_passive_noun_and_total_acts_are_material(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru launched a food programme for poor families in Lima on Monday, the government said.",
        "Ecuador launched a housing scheme for low-income families in Quito on Thursday.",
        "The government launched a programme to help small businesses hit by the floods.",
    ],
)
def test_domestic_programmes_are_no_material_act(sentence: str) -> None:
    ev = top(sentence)
    assert ev is None or ev["quad_class"] != "material_cooperation", ev


def test_promised_programme_stays_verbal() -> None:
    ev = top("Mexico will launch a $20 million aid programme for Haitian migrants, the minister said.")
    assert ev is not None and ev["quad_class"] == "verbal_cooperation", ev


def test_agents_coordinated_after_by_all_act() -> None:
    ev = top("The drill, code-named Desert Shield, was staged by Omani marines and British commandos.")
    assert ev is not None and ev["event_type"] == "COOPERATE", ev
    assert countries(ev, "actor") == {"OMN", "GBR"}, ev


@pytest.mark.parametrize(
    "sentence",
    [
        "Italy spent 1.2 billion euros ($1.3 billion) last year on helping to house refugees, Rome said.",
        "Ghana accepted a $300 million loan from China on Monday, the finance ministry said.",
        "A hospital funded by Japan opened in the Cambodian city of Battambang on Monday.",
        "Forty migrants were rescued by the Greek coast guard off Lesbos on Sunday.",
        "Some 450 Nepali peacekeepers were deployed in South Sudan last month, the UN said.",
        "The evacuation of 300 Turkish nationals from Gaza began on Monday, Ankara said.",
    ],
)
def test_more_shapes_of_done_material_acts(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


def test_converted_amount_in_parentheses_does_not_break_a_gap() -> None:
    from worker.coder.lexicon import _amount_aside, tokenise

    words = tokenise("spent 9 billion euros ($9.8 billion) on aid")
    assert _amount_aside(words, words.index("(")) == words.index(")") - words.index("(") + 1
    assert _amount_aside(tokenise("the agency (WFP) said"), 2) == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Nine abducted Indian engineers were freed by gunmen in northern Nigeria on Sunday.",
        "The number of civilians evacuated from the besieged port by the Red Cross has reached 4,000.",
    ],
)
def test_participle_describing_the_people_transferred_yields_to_the_transfer(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


def test_attributive_captive_needs_a_passive_release_of_the_same_noun() -> None:
    from worker.coder.lexicon import find_triggers, load_lexicon, tokenise
    from worker.coder.rules import attributive_captive

    lexicon = load_lexicon()
    for text, expected in [
        ("two detained journalists were freed on friday", True),
        ("police detained 20 people and five were released", False),
    ]:
        words = tokenise(text)
        matches = find_triggers(lexicon, words)
        detained = next(m for m in matches if words[m.start] == "detained")
        assert attributive_captive(words, detained, matches) is expected, text


@pytest.mark.parametrize(
    "sentence",
    [
        "Pakistan borrowed $2 billion from China last month, the finance ministry said.",
        "Portugal's biggest state bank was bailed out by the European Union on Friday.",
        "About 600 Dutch troops flew home from Mali on Thursday, the defence ministry said.",
        "Japan launched a programme on Monday to train Iraqi police officers in forensic work.",
        "The number of Indian nationals evacuated from Ukraine has risen to 18,000, New Delhi said.",
        "Turkish aid arrived in the Syrian city of Aleppo on Tuesday, the Red Crescent said.",
    ],
)
def test_borrowing_bailouts_homecomings_and_counts_are_material(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


def test_troops_returning_fire_is_no_homecoming() -> None:
    ev = top("Indian troops returned fire across the border in Kashmir on Sunday, the army said.")
    assert ev is None or ev["quad_class"] != "material_cooperation", ev


def test_decimal_amount_counts_as_one_token_in_a_gap() -> None:
    ev = top("The IMF approved a $10.2 billion loan to Peru on Thursday, the fund said.")
    assert ev is not None and ev["event_type"] == "AID", ev


@pytest.mark.parametrize(
    "sentence",
    [
        "Egyptian engineers helped rebuild two bridges in the Libyan city of Derna last month.",
        "The last Danish soldiers left Iraq on Monday, ending a 20-year deployment.",
        "The Somali coast guard received training from Italian instructors in Mogadishu last week.",
        "About $6 billion in frozen Iranian funds were transferred to Qatar on Monday, officials said.",
        "Rice and water were dropped by Pakistani air force helicopters to stranded villagers in Sindh.",
    ],
)
def test_help_departures_training_and_unfrozen_funds_are_material(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


@pytest.mark.parametrize(
    "sentence",
    [
        "Tanzania won a $500 million loan from the World Bank on Tuesday to upgrade its roads.",
        "Ukraine's air force now flies 40 F-16 jets supplied by Denmark and Norway.",
        "Militiamen loyal to the government were trained and armed by Iran, a UN report said.",
        "Syrian refugees in Jordan benefit from a 2 billion euro EU programme, the Commission said.",
    ],
)
def test_loans_won_weapons_supplied_and_programmes_benefited_from(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None and ev["quad_class"] == "material_cooperation", ev


def test_a_recipient_described_in_the_background_is_no_event() -> None:
    ev = top("Long a big recipient of Soviet aid, Cuba now turns to China for credit, analysts said.")
    assert ev is None or ev["quad_class"] != "material_cooperation", ev


@pytest.mark.parametrize(
    "sentence",
    [
        "Hezbollah fighters, who were trained by Iran, attacked Israeli positions on Saturday.",
        "The Dutch club won 30 million euros from the sale of its goalkeeper to an English side.",
        "Soldiers who served in Afghanistan were honoured at a ceremony in Ottawa on Monday.",
    ],
)
def test_descriptions_of_participants_and_prizes_are_no_aid(sentence: str) -> None:
    ev = top(sentence)
    assert ev is None or ev["event_type"] != "AID", ev


def test_a_receipt_from_no_giver_is_no_aid() -> None:
    ev = top("The money came from drug trafficking, prosecutors told a court in Bogota.")
    assert ev is None or ev["event_type"] != "AID", ev


def test_the_visitor_from_a_country_is_the_actor_of_a_hosted_visit() -> None:
    ev = top("Kenya hosted a delegation from Japan on Monday.")
    assert ev is not None and ev["event_type"] == "CONSULT", ev
    assert countries(ev, "actor") == {"JPN"} and countries(ev, "recipient") == {"KEN"}, ev


@pytest.mark.parametrize(
    "sentence",
    [
        "Pupils were evacuated from the school after a gas leak in Lyon, police said.",
        "Journalists were allowed into the courtroom in Cairo for the verdict on Monday.",
    ],
)
def test_domestic_evacuations_and_court_access_are_no_material_act(sentence: str) -> None:
    ev = top(sentence)
    assert ev is None or ev["quad_class"] != "material_cooperation", ev
