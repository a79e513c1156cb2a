from worker.coder.model import ActorMention
from worker.coder.roles import Mention, attach, fill_countries


def test_attach_maps_character_spans_to_tokens() -> None:
    text = "anti-Iran rally in Paris"
    starts, ends = [0, 10, 16, 19], [9, 15, 18, 24]  # "anti-iran", "rally", "in", "paris"
    ms = attach([ActorMention(5, 9, "Iran", "IRN", None), ActorMention(19, 24, "Paris", "FRA", None)],
                text, starts, ends)  # fmt: skip
    assert [(m.tok_start, m.tok_end) for m in ms] == [(0, 1), (3, 4)]
    assert ms[0].against and not ms[1].against


def test_domestic_actor_takes_nearest_country() -> None:
    police = Mention(0, 1, ActorMention(0, 6, "police", None, "COP"), None, "COP")
    kenya = Mention(4, 5, ActorMention(20, 25, "Kenya", "KEN", None), "KEN", None)
    fill_countries([police, kenya], "UGA")
    assert police.country == "KEN"
    lone = Mention(0, 1, ActorMention(0, 6, "police", None, "COP"), None, "COP")
    fill_countries([lone], "UGA")
    assert lone.country == "UGA"


def test_places_and_ethnic_groups_are_never_filled() -> None:
    sea = Mention(0, 3, ActorMention(0, 15, "South China Sea", None, None, "location"), None, None)
    kurds = Mention(5, 6, ActorMention(30, 37, "Kurdish", None, None, "ethnic"), None, None)
    police = Mention(8, 9, ActorMention(40, 46, "police", None, "COP", "domestic"), None, "COP")
    china = Mention(10, 11, ActorMention(50, 55, "China", "CHN", None), "CHN", None)
    fill_countries([sea, kurds, police, china], "VNM")
    assert (sea.country, kurds.country, police.country) == (None, None, "CHN")
