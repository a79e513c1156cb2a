"""Done material acts (aid paid, people handed over, corridors opened) on invented wire sentences: the
top event is material cooperation; promises of the same acts stay verbal."""

from __future__ import annotations

from typing import Any

import pytest

from worker.coder import Article, code_article
from worker.coder.pipeline import top_event
from worker.schema import validator


def top(body: str) -> dict[str, Any] | None:
    events = code_article(Article(id="t-mc", body=body, published_at="2024-03-15T09:00:00Z")).events
    for ev in events:
        validator("event.v1")(ev)
    return top_event(events)


@pytest.mark.parametrize(
    "sentence",
    [
        "The African Development Bank disbursed the second half of a loan to Malawi on Monday, the bank said.",
        "Oman paid out 40 million dollars in compensation to Yemeni fishermen last week, officials said.",
        "Qatar deposited $2 billion with the Egyptian central bank on Sunday, the bank's governor said.",
        "Denmark wrote off $90 million of debts owed by Mozambique, the Danish foreign ministry said on Friday.",
        "Bolivia received the first tranche of a $300 million loan from China on Tuesday, officials said.",
        "Sweden transferred 30 armoured vehicles to the Estonian army last month, the defence ministry said.",
        "Norway evacuated 40 diplomats and their families from Khartoum on Saturday, its foreign minister said.",
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
