"""Coverage of conflict verbs (CAMEO roots 09-20) on invented wire sentences: each phrasing codes its
PLOVER type and mode, and look-alikes (crime without political actors, sport, weather, markets, animals,
forecasts) stay no event."""

from __future__ import annotations

from typing import Any

import pytest
from trigger_helpers import top_coded


def top(body: str) -> dict[str, Any] | None:
    return top_coded(body)


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("Syrian troops shot three Turkish border guards near Kilis on Monday.", "ASSAULT", "firearms"),
        ("Gunmen shot two Nigerian policemen at a checkpoint in Zamfara state.", "ASSAULT", "firearms"),
        ("Colombian soldiers gunned down a rebel commander in Cauca.", "ASSAULT", "firearms"),
        ("Militants slaughtered dozens of villagers in northern Burkina Faso.", "ASSAULT", "massacre"),
        ("Malian troops routed the jihadists near Menaka on Thursday.", "ASSAULT", None),
        ("Israeli jets hit a residential building in the Lebanese town of Tyre.", "ASSAULT", None),
        ("Russian rockets rained down on the Ukrainian city of Sumy overnight.", "ASSAULT", None),
        ("Azerbaijani forces laid siege to the Armenian enclave.", "ASSAULT", None),
        ("Ukrainian air defences downed a Russian helicopter over Kherson.", "ASSAULT", None),
        ("Ukrainian sea drones sank a Russian warship off Crimea.", "ASSAULT", None),
        ("Ethiopian troops encircled the Eritrean garrison near Zalambessa.", "COERCE", "restrict"),
        ("Ukrainian troops recaptured the village of Robotyne from Russian forces.", "COERCE", "seize"),
        ("Sudanese soldiers looted shops in the town of Wad Madani, residents said.", "COERCE", "seize"),
    ],
)
def test_material_conflict_verbs(sentence: str, event_type: str, mode: str | None) -> None:
    ev = top(sentence)
    assert ev is not None, sentence
    assert ev["event_type"] == event_type
    assert ev["mode"] == mode


@pytest.mark.parametrize(
    "sentence",
    [
        "A man shot two farmers after a row over cattle in the village.",
        "Hunters shot two wolves near the Italian village of Cuneo.",
        "The Army team defeated Navy 24-17 in Saturday's football game.",
        "Storm Ciaran hit buildings along the coast of Brittany.",
        "Thieves looted a jewellery store in central Lyon.",
        "Farmers slaughtered cattle as the drought worsened in Kenya.",
        "The storm sank a fishing vessel off the coast of Vietnam.",
        "Fans surrounded the city's football stadium before the final.",
        "Analysts said the Ukrainian army could retake the town by spring.",
    ],
)
def test_material_conflict_look_alikes(sentence: str) -> None:
    assert top(sentence) is None, sentence


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("China reprimanded the Philippine envoy over the reef incident.", "ACCUSE", "disapprove"),
        ("The Kremlin admonished Kazakhstan over its drills with NATO.", "ACCUSE", "disapprove"),
        ("Russia disputed the findings of the IAEA report on Tuesday.", "ACCUSE", "disapprove"),
        ("Serbia challenged the legitimacy of the Kosovo government.", "ACCUSE", "disapprove"),
        ("Iranian investigators interrogated the French tourist in Tehran.", "ACCUSE", "investigate"),
        ("Peruvian prosecutors questioned the suspects on Wednesday.", "ACCUSE", "investigate"),
        ("Hungary blocked the EU declaration on Georgia.", "REJECT", None),
        ("Finland tightened controls on its border with Russia.", "COERCE", "restrict"),
    ],
)
def test_verbal_conflict_verbs(sentence: str, event_type: str, mode: str | None) -> None:
    ev = top(sentence)
    assert ev is not None, sentence
    assert ev["event_type"] == event_type
    assert ev["mode"] == mode


@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition contested the election in most districts.",
        "Lawmakers questioned the finance minister about the budget.",
        "The coach disputed the referee's decision after the match.",
        "Analysts disputed the figures released by the statistics office.",
        "The central bank tightened controls on foreign currency.",
    ],
)
def test_verbal_conflict_look_alikes(sentence: str) -> None:
    assert top(sentence) is None, sentence


def test_disputing_a_claim_of_ones_own_act_stays_no_event() -> None:
    assert top("Russia disputed the claim that it had shelled the plant.") is None


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("Armenian forces broke the ceasefire near Tavush on Monday, Baku said.", "ASSAULT", None),
        ("Iranian artillery pounded Kurdish rebels in northern Iraq.", "ASSAULT", None),
        ("Riot police crushed the protests in the Kenyan capital.", "ASSAULT", None),
        ("Chinese coast guard ships rammed a Vietnamese fishing boat near the Paracels.", "ASSAULT", None),
        ("Belarus poisoned the exiled opposition leader, Lithuania said.", "ASSAULT", "assassinate"),
        ("Turkey imposed a no-fly zone over northern Syria.", "COERCE", "restrict"),
    ],
)
def test_more_conflict_verbs(sentence: str, event_type: str, mode: str | None) -> None:
    ev = top(sentence)
    assert ev is not None, sentence
    assert ev["event_type"] == event_type
    assert ev["mode"] == mode


@pytest.mark.parametrize(
    "sentence",
    [
        "A lorry driver rammed a boat trailer on the motorway.",
        "The restaurant poisoned dozens of diners with tainted fish.",
        "The home team crushed the visitors 5-0 on Sunday.",
    ],
)
def test_more_conflict_look_alikes(sentence: str) -> None:
    assert top(sentence) is None, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Nurses in Malawi said they will not end the strike until their pay is raised.",
        "Hungarian truckers said they would not lift the blockade of the Serbian border.",
    ],
)
def test_refusing_to_end_a_protest_is_reject(sentence: str) -> None:
    ev = top(sentence)
    assert ev is not None, sentence
    assert ev["event_type"] == "REJECT"


def test_promising_to_end_a_strike_is_no_reject() -> None:
    ev = top("The Malawian nurses' union said it will end the strike on Friday.")
    assert ev is None or ev["event_type"] != "REJECT"


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("Al-Shabaab fighters took six Kenyan workers hostage near Mandera.", "ASSAULT", "abduct"),
        ("Moscow banned entry to Estonian lawmakers on Friday.", "COERCE", "restrict"),
        ("The junta in Niger dissolved all political parties.", "COERCE", "restrict"),
        ("North Korean hackers targeted South Korean defence firms.", "COERCE", "cyber"),
    ],
)
def test_hostages_entry_bans_dissolutions_and_hacks(sentence: str, event_type: str, mode: str) -> None:
    ev = top(sentence)
    assert ev is not None, sentence
    assert ev["event_type"] == event_type
    assert ev["mode"] == mode


@pytest.mark.parametrize(
    "sentence",
    [
        "Police took the prisoners to the court in Lagos.",
        "The film takes its audience hostage for two hours.",
        "Hackers targeted a bakery chain in Ohio.",
        "The club dissolved its fan associations after the riot.",
        "The airline barred entry to unruly passengers.",
    ],
)
def test_hostages_entry_bans_dissolutions_and_hacks_look_alikes(sentence: str) -> None:
    assert top(sentence) is None, sentence


def test_a_ban_on_entry_is_a_noun_not_a_new_ban() -> None:
    ev = top("The Venezuelan minister violated the EU's ban on entry into Belgium, Brussels said.")
    assert ev is None or ev["event_type"] != "COERCE"


def test_the_pound_currency_is_no_bombardment() -> None:
    ev = top("The pound rose as Turkish troops left the Syrian border town of Tal Abyad.")
    assert ev is None or ev["event_type"] != "ASSAULT"


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("Serbia ignored the ruling of the European Court of Human Rights.", "REJECT", "yield"),
        ("The Sudanese army ignored the calls for a truce by the African Union.", "REJECT", None),
        ("Thousands of Georgians poured into the streets of Tbilisi on Sunday.", "PROTEST", "demo"),
    ],
)
def test_ignoring_rulings_and_crowds_in_the_streets(sentence: str, event_type: str, mode: str | None) -> None:
    ev = top(sentence)
    assert ev is not None, sentence
    assert ev["event_type"] == event_type
    assert ev["mode"] == mode


@pytest.mark.parametrize(
    "sentence",
    [
        "Floodwaters poured into the streets of Venice on Tuesday.",
        "Thousands of fans poured into the streets of Buenos Aires after the World Cup final.",
        "Investors ignored the warnings of the Italian central bank.",
    ],
)
def test_ignoring_rulings_and_crowds_look_alikes(sentence: str) -> None:
    assert top(sentence) is None, sentence


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("Russian rockets slammed into a shopping centre in Kremenchuk.", "ASSAULT", None),
        ("The military junta in Gabon suspended the constitution on Wednesday.", "COERCE", "restrict"),
        ("Ethiopia suspended internet services in the Amhara region.", "COERCE", "censor"),
        ("The Taliban flogged three women in public in Ghazni province.", "ASSAULT", "beat"),
        ("Belarusian police beat an elderly protester to death in Minsk.", "ASSAULT", "beat"),
    ],
)
def test_impacts_constitutions_internet_and_beatings(
    sentence: str, event_type: str, mode: str | None
) -> None:
    ev = top(sentence)
    assert ev is not None, sentence
    assert ev["event_type"] == event_type
    assert ev["mode"] == mode


def test_a_missile_slamming_into_a_city_is_no_criticism() -> None:
    ev = top("Russian missiles slammed into an apartment block in Odesa.")
    assert ev is not None
    assert ev["event_type"] == "ASSAULT"


@pytest.mark.parametrize(
    "sentence",
    [
        "A police car crashed into a tree in Lyon.",
        "The prime minister said the constitution would be suspended if needed.",
        "Italy beat France to win the Six Nations title.",
    ],
)
def test_impacts_constitutions_internet_and_beatings_look_alikes(sentence: str) -> None:
    assert top(sentence) is None, sentence


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("Beijing cancelled the visit of the Czech foreign minister.", "REJECT", "meet"),
        ("Beijing voiced strong dissatisfaction with Canberra over the navy patrol.", "ACCUSE", "disapprove"),
        ("China lodged solemn representations with the Philippines over the reef.", "ACCUSE", "disapprove"),
    ],
)
def test_cancelled_visits_and_displeasure(sentence: str, event_type: str, mode: str) -> None:
    ev = top(sentence)
    assert ev is not None, sentence
    assert ev["event_type"] == event_type
    assert ev["mode"] == mode


@pytest.mark.parametrize(
    "sentence",
    [
        "The singer cancelled her visit to Rio because of illness.",
        "Fans voiced anger at the club's owners over ticket prices.",
        "The president postponed his trip to Japan because of the storm.",
    ],
)
def test_cancelled_visits_and_displeasure_look_alikes(sentence: str) -> None:
    assert top(sentence) is None, sentence
