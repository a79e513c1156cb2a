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


def test_backer_in_a_participle_is_no_subject_and_gives_no_country() -> None:
    from worker.coder.roles import mark_supporters

    tokens = ["government", "forces", "backed", "by", "russian", "warplanes", "attacked"]
    forces = Mention(0, 2, ActorMention(0, 17, "government forces", None, "MIL", "domestic"), None, "MIL")
    russia = Mention(4, 6, ActorMention(28, 45, "Russian warplanes", "RUS", "MIL"), "RUS", "MIL")
    mark_supporters(tokens, [forces, russia])
    assert russia.supporter and not forces.supporter
    fill_countries([forces, russia], "SYR")
    assert forces.country == "SYR"
    # a passive main verb keeps its agent: "was attacked by Russia"
    passive = ["the", "town", "was", "attacked", "by", "russia"]
    agent = Mention(5, 6, ActorMention(25, 31, "Russia", "RUS", None), "RUS", None)
    mark_supporters(passive, [agent])
    assert not agent.supporter
