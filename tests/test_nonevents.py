"""The statement rules of ``worker.coder.nonevents`` on invented sentences."""

from __future__ import annotations

import pytest
from trigger_helpers import match_with, parse_triggers

from worker.coder.model import Article
from worker.coder.nonevents import (
    accident,
    capacity_to,
    document_released,
    generic_condemnation,
    hosts_refugees,
    investigators_report,
    market_demand,
    means_of,
    question_or_forecast,
    remains_so,
    standing_position,
    viewed_as,
)
from worker.coder.pipeline import code_article, top_event


def _top_type(text: str) -> str | None:
    top = top_event(code_article(Article(id="t", body=text, published_at="2024-03-01")).events)
    return None if top is None else str(top["event_type"])


def test_position_held_for_years_is_background() -> None:
    words, matches = parse_triggers(
        "Farmers' groups in Ruritania have warned for years that the wells are drying up."
    )
    assert standing_position(words, match_with(matches, words, "warned"))
    words, matches = parse_triggers("Chile has warned for more than a decade that the glacier is shrinking.")
    assert standing_position(words, match_with(matches, words, "warned"))
    words, matches = parse_triggers("Chile has warned Peru that it will close the border.")
    assert not standing_position(words, match_with(matches, words, "warned"))
    words, matches = parse_triggers("Bolivia has long refused talks with Chile.")  # still a refusal reported
    assert not standing_position(words, match_with(matches, words, "refused"))


def test_view_and_state_are_no_acts() -> None:
    words, matches = parse_triggers("The canal, which Panama sees as a threat to its lakes, opened in May.")
    assert viewed_as(words, match_with(matches, words, "threat"))
    words, matches = parse_triggers("Norway said it remained committed to its climate target.")
    assert remains_so(words, match_with(matches, words, "committed"))
    words, matches = parse_triggers("Norway committed to sending two frigates.")
    assert not remains_so(words, match_with(matches, words, "committed"))


def test_capacity_and_means_are_no_acts() -> None:
    words, matches = parse_triggers("The navy said it trusted its ability to defend the coast.")
    assert capacity_to(words, match_with(matches, words, "defend"))
    words, matches = parse_triggers(
        "Laos has always favoured settling disputes through dialogue and consultation."
    )
    assert means_of(words, match_with(matches, words, "consultation"))
    words, matches = parse_triggers("Laos held consultations with Thailand.")
    assert not means_of(words, match_with(matches, words, "consultations"))


def test_market_demand_is_no_demand() -> None:
    words, matches = parse_triggers("The bank cut its forecast, citing weak demand from Europe.")
    assert market_demand(words, match_with(matches, words, "demand"))
    words, matches = parse_triggers("Ghana rejected the demand from Togo.")
    assert all(not market_demand(words, m) for m in matches)


def test_statements_code_no_event_and_acts_still_do() -> None:
    assert (
        _top_type("The Ruritanian central bank cut its growth forecast, citing weak demand from Europe.")
        is None
    )
    assert _top_type("Officials in Lima have warned for years that the river is polluted.") is None
    assert _top_type("Officials in Lima warned Ecuador that they would close the border.") == "THREATEN"


def test_legal_proceedings_refusals_and_planned_trips() -> None:
    assert (
        _top_type("The Ruritanian government opened legal proceedings against Borduria on Monday.")
        == "ACCUSE"
    )
    assert (
        _top_type("Peruvian prosecutors charged the former mining minister Rafael Soto with bribery.")
        == "ACCUSE"
    )
    assert _top_type("Ghana said it would not implement the new Togolese border rules.") == "REJECT"
    assert _top_type("Kenya said its foreign minister would travel to Addis Ababa next week for talks.") in (
        "AGREE",
        "CONSULT",
    )


def test_request_addressed_to_nobody_is_a_position() -> None:
    assert _top_type("Ruritania's president demanded reform of the electoral law on Monday.") is None
    assert _top_type("The Chilean interior minister urged calm after the riots.") is None
    # addressed: a recipient, an object pronoun, a foreign place or a party named after the trigger
    assert _top_type("Chile's foreign minister demanded that Bolivia reopen the border.") == "REQUEST"
    assert (
        _top_type("Chile's president called the Peruvian leader and ordered him to reopen the border.")
        == "REQUEST"
    )
    assert _top_type("Brazil's president demanded a ceasefire in Sudan.") == "REQUEST"
    assert _top_type("Norway pressed for a truce between the Sudanese army and the RSF.") == "REQUEST"


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile's foreign minister called on Bolivia to reopen the border.",
        "Norway urged Sudan's army on Tuesday to let aid convoys through, its envoy said.",
        "The Kenyan president appealed to donors for help after the floods.",
        "Ruritania's leader issued a fresh plea to the rebels to join the talks.",
        "Fiji asked the World Bank to speed up the disbursement of the loan.",
        "The European Parliament is calling on member states to recognise the new government.",
    ],
)
def test_appeal_is_no_event(sentence: str) -> None:
    """CAMEO 02 APPEAL, which the PLOVER manual's CAMEO-to-PLOVER table drops."""
    assert _top_type(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile's foreign minister demanded that Bolivia reopen the border.",
        "South Korea called for Moscow to immediately halt its military cooperation with the North.",
        "Norway urged Sudan's army to let aid convoys through at once, its envoy said.",
        "Fiji insisted that Tonga must return the seized fishing boats.",
        "The Malian army ordered the rebels to lay down their arms.",
    ],
)
def test_demand_stays_a_request(sentence: str) -> None:
    assert _top_type(sentence) == "REQUEST"


def test_published_report_sheltered_refugees_and_accidents() -> None:
    words, matches = parse_triggers(
        "The survey by the central bank, released on Friday, showed prices rising."
    )
    assert document_released(words, match_with(matches, words, "released"))
    words, matches = parse_triggers("The rebels, who held them for a year, released on Friday two nurses.")
    assert not document_released(words, match_with(matches, words, "released"))
    words, matches = parse_triggers("Jordan has hosted hundreds of thousands of Syrian refugees since 2012.")
    assert hosts_refugees(words, match_with(matches, words, "hosted"))
    words, matches = parse_triggers("Jordan hosted the Syrian foreign minister.")
    assert not hosts_refugees(words, match_with(matches, words, "hosted"))
    assert accident(parse_triggers("The fire, which broke out in a warehouse, killed nine.")[0])
    assert not accident(parse_triggers("Soldiers opened fire on protesters, killing nine.")[0])
    assert _top_type("Officials said a fire that broke out in a market in Lagos killed 12 traders.") is None


def test_investigators_reporting_open_no_investigation() -> None:
    words, matches = parse_triggers(
        "A UN fact-finding mission said on Monday that the camp had been shelled."
    )
    assert investigators_report(words, match_with(matches, words, "fact-finding"))
    words, matches = parse_triggers("The UN sent a fact-finding mission to the camp.")
    assert not investigators_report(words, match_with(matches, words, "fact-finding"))


def test_questions_forecasts_and_generic_stances_are_no_acts() -> None:
    words, matches = parse_triggers("Asked whether Peru would expel the envoy, the minister said no.")
    assert question_or_forecast(words, match_with(matches, words, "expel"))
    words, matches = parse_triggers("Economists expect Turkey to criticise the decision.")
    assert question_or_forecast(words, match_with(matches, words, "criticise"))
    words, matches = parse_triggers("Peru expelled the envoy, the minister said.")
    assert not question_or_forecast(words, match_with(matches, words, "expelled"))
    words, matches = parse_triggers("The president said he would condemn any attack on civilians.")
    assert generic_condemnation(words, match_with(matches, words, "condemn"))
    assert _top_type("The president of Ruritania condemned the attack on the embassy.") == "ACCUSE"


def test_accidents_kill_nobody_by_attack() -> None:
    assert accident(parse_triggers("Nine people were killed when a bus plunged into a river.")[0])
    assert _top_type("Police in Peru said nine people were killed when a bus plunged into a river.") is None
    assert _top_type("Peruvian police said gunmen killed nine people on a bus.") == "ASSAULT"


def test_question_and_comment_headlines_tell_of_no_act() -> None:
    assert _top_type("Will Peru Expel The Chilean Ambassador?") is None
    assert _top_type("Opinion: Peru Must Free Its Political Prisoners") is None
    assert _top_type("ANALYSIS - Ecuador Expels Mexican Envoy As Row Deepens") is None
    assert _top_type("Ecuador Expels Mexican Envoy As Row Deepens") == "SANCTION"
    # a quoted question inside a sentence that reports an act
    assert _top_type('"Will they attack us?" the mayor asked, before troops shelled the town.') == "ASSAULT"


def test_a_denied_act_is_a_statement() -> None:
    assert _top_type("Rwanda Denies Backing Rebels In Eastern Congo") is None
    assert _top_type("Burundi denied sending troops into Rwanda on Monday.") is None
    assert _top_type("Will Chile Expel The Envoy? What We Know") is None
