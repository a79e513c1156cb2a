"""Paragraph and sentence segmentation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worker.coder.segment import (
    _BOILERPLATE_SHORT,
    MAX_SENTENCE_CHARS,
    _short_boilerplate,
    is_boilerplate,
    is_heading,
    segment,
    split_paragraphs,
)

SAMPLE = (Path(__file__).resolve().parent.parent / "samples" / "korea-russia-pact-2024.txt").read_text(
    encoding="utf-8"
)


def _sentences(text: str) -> list[str]:
    (para,) = split_paragraphs(text)
    return [s.text for s in para.sentences]


def test_sample_paragraphs_headings_and_dropped_read_also() -> None:
    seg = segment(SAMPLE)
    assert seg.dropped == 1
    assert not any("READ ALSO" in p.text for p in seg.paragraphs)
    assert len(seg.paragraphs) == 21
    headings = [p.text for p in seg.paragraphs if p.heading]
    assert headings == ["Kim Yo Jong Issues Threat Of Retaliation"]
    assert [p.index for p in seg.paragraphs] == list(range(21))


def test_offsets_slice_the_body() -> None:
    for p in split_paragraphs(SAMPLE):
        assert SAMPLE[p.start : p.end] == p.text
        for i, s in enumerate(p.sentences):
            assert s.index == i
            assert SAMPLE[s.start : s.end] == s.text
            assert p.start <= s.start < s.end <= p.end


def test_blank_lines_single_newlines_and_indentation() -> None:
    body = "  First one.  \n\n\nSecond one.\r\n\tThird one.\n"
    paras = split_paragraphs(body)
    assert [p.text for p in paras] == ["First one.", "Second one.", "Third one."]
    assert all(body[p.start : p.end] == p.text for p in paras)


def test_sentences_and_abbreviations() -> None:
    text = (
        "Mr. Smith met Gen. Lee in Washington on Jan. 5. The U.S. Secretary of State said so. "
        "He left at 3 p.m. The talks were held in the U.S. They ended. Dr. J. Smith said 3.5 percent... "
        "Really? No. 10 Downing St. is here. It is e.g. fine, i.e. good. Lt. Col. Park and the U.N. agreed."
    )
    assert _sentences(text) == [
        "Mr. Smith met Gen. Lee in Washington on Jan. 5.",
        "The U.S. Secretary of State said so.",
        "He left at 3 p.m.",
        "The talks were held in the U.S.",
        "They ended.",
        "Dr. J. Smith said 3.5 percent...",
        "Really?",
        "No. 10 Downing St. is here.",
        "It is e.g. fine, i.e. good.",
        "Lt. Col. Park and the U.N. agreed.",
    ]


def test_quotes_and_ellipses() -> None:
    text = "He said “Stop.” Then he left. “Why?” she asked. “Go home,” he added. Wait… What?! Fine."
    assert _sentences(text) == [
        "He said “Stop.”",
        "Then he left.",
        "“Why?” she asked.",
        "“Go home,” he added.",
        "Wait…",
        "What?!",
        "Fine.",
    ]


def test_line_without_final_punctuation_is_one_sentence() -> None:
    text = (
        "In response, South Korea resumed anti-North Korea propaganda broadcasts for the first time in years"
    )
    (para,) = split_paragraphs(text)
    assert not para.heading
    assert [s.text for s in para.sentences] == [text]


@pytest.mark.parametrize(
    "line",
    [
        "READ ALSO: Mahama Underscores the Importance of Democracy",
        "Read more: the full story",
        "Also read: Seoul protests",
        "Related: North Korea fires missiles",
        "Share this article",
        "Follow us on X and Facebook",
        "Click here to subscribe",
        "Sign up for our daily newsletter",
        "Subscribe to our newsletter for updates.",
        "By John Smith",
        "By JOHN SMITH | Associated Press",
        "By Kim Tong-Hyung and Hyung-Jin Kim, Associated Press",
        "Reporting by Hyonhee Shin; Editing by Ed Davies",
        "Photo: Yonhap",
        "(Reuters photo)",
        "(AP Photo/Ahn Young-joon)",
        "A soldier stands guard. Getty Images",
        "© 2024 Korea Times. All rights reserved.",
        "Copyright 2024 The Associated Press.",
        "Advertisement",
        "ADVERTISEMENT",
    ],
)
def test_boilerplate_dropped(line: str) -> None:
    assert is_boilerplate(line)
    seg = segment(f"Seoul protested.\n{line}\nMoscow replied.")
    assert seg.dropped == 1
    assert [p.text for p in seg.paragraphs] == ["Seoul protested.", "Moscow replied."]


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, the troops had left the border area.",
        "Share prices fell sharply in Seoul after the announcement.",
        "Photographers gathered outside the embassy.",
        "Advertisements criticising the pact appeared in Seoul.",
        "Related talks are planned for next week.",
    ],
)
def test_article_text_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Kim Yo Jong Issues Threat Of Retaliation", True),
        ("Analysis", True),
        ("Border tensions", True),
        ("Seoul Summons Russian Envoy Over “Pact”", True),
        ("Seoul summoned the envoy.", False),
        ("Key points:", False),
        ("the talks went on for hours and then ended without any agreement being reached", False),
        ("Kim Yo Jong " * 12, False),
    ],
)
def test_headings(line: str, heading: bool) -> None:
    assert is_heading(line.strip()) is heading


def test_long_paragraph_without_punctuation_is_capped() -> None:
    body = "word " * 3000 + "end"
    (para,) = split_paragraphs(body)
    assert len(para.sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in para.sentences)
    assert all(body[s.start : s.end] == s.text and s.text == s.text.strip() for s in para.sentences)


def test_long_run_without_spaces_is_hard_cut() -> None:
    body = "x" * 5000
    (para,) = split_paragraphs(body)
    assert [s.end - s.start for s in para.sentences] == [2000, 2000, 1000]


def test_empty_and_whitespace_bodies() -> None:
    assert split_paragraphs("") == []
    assert segment(" \n\n \t ").paragraphs == []


_CAPTION_PIECES = st.sampled_from(
    ["(", ")", "/", " ", "photo", "Photos", "PHOTO", "Getty", " Images", "all rights", " reserved", "AP",
     "AFP", " via", "Reuters", "REUTERS", "ı", "İ", "ſ", "x", "Kim", ".", "rİghts"]
)  # fmt: skip


@given(st.lists(_CAPTION_PIECES, max_size=12).map("".join))
def test_short_boilerplate_prefilter_agrees_with_the_regex(line: str) -> None:
    assert _short_boilerplate(line) is (_BOILERPLATE_SHORT.search(line) is not None)
