"""Splitting article bodies into paragraphs and sentences (pure, regex-based, a few µs a paragraph).

* Paragraphs: every non-blank line (blank lines and single newlines both separate paragraphs), trimmed;
  offsets index into the body.
* Site boilerplate lines ("READ ALSO: ...", share/subscribe prompts, bylines, photo credits, copyright
  lines, "Advertisement") are dropped and counted.
* Short headline-like lines (no final punctuation; Title Case or at most four words) are kept as
  ``Paragraph(heading=True)`` with one sentence.
* Sentences: split after ``. ! ? …`` (and any closing quotes or brackets) followed by whitespace, except
  after abbreviations (Mr., Gen., Jan., No., e.g., ...), single initials ("J. Smith"), dotted acronyms
  (U.S., U.N., a.m.) unless a typical sentence opener follows, and before a lowercase word.
  Decimals ("3.5") never split because no whitespace follows the dot.
* No sentence is longer than ``MAX_SENTENCE_CHARS``: longer runs are cut at the last space before it
  (or hard at the bound), so the classifier never sees unbounded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from worker.coder.model import Paragraph, Sentence

MAX_SENTENCE_CHARS: Final = 2000
MAX_HEADING_CHARS: Final = 120
MAX_HEADING_WORDS: Final = 14

# a trimmed non-blank line; linear (no leading-space backtracking)
_LINE = re.compile(r"\S(?:[^\n]*\S)?")

_BOILERPLATE_START = re.compile(
    r"""(?:
      read\s+(?:also|more)\b | also\s+read\b | see\s+also\b | continue\s+reading\b
    | related(?:\s+(?:articles?|stories|coverage|content|news|topics|links?))?\s*[:\-–—]
    | recommended(?:\s+(?:for\s+you|stories|reading))?\s*[:\-–—]
    | more\s+(?:on\s+this\s+(?:story|topic)|stories|from\s+[^:]{1,40})\s*:
    | share\s+(?:this|on|via)\b | follow\s+us\b | click\s+here\b | sign\s+up\b | subscribe\b
    | (?:join|get|sign\s+up\s+for)\s+our\b[^.]*\bnewsletter
    | story\s+continues\b | scroll\s+(?:down\s+)?to\s+continue\b
    | (?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b
    | (?:photo|image|picture|video)s?(?:\s+credits?)?\s*[:\-–—|] | credits?\s*: | file\s+photo\b
    | © | \(c\)\s | copyright\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE_WHOLE = re.compile(
    r"(?:advertisement|advertising|ad|sponsored(?:\s+content)?|share(?:\s+this)?|tweet|print|e-?mail"
    r"|comments?|read\s+more|related)\W*",
    re.IGNORECASE,
)
# only looked for in short lines (captions, credits)
_BOILERPLATE_SHORT = re.compile(
    r"getty\s+images|all\s+rights\s+reserved|\bap\s+photo\b|\bafp\s+(?:photo|via)\b"
    r"|\((?:[^()]*[\s/])?photos?(?:[\s/][^()]*)?\)|\breuters/|/reuters\b",
    re.IGNORECASE,
)
_SHORT_LINE_CHARS: Final = 160
_BYLINE = re.compile(
    r"By\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|van|von|de|der|al|bin|el))*"
    r"(?:\s*[,|–—-]\s*[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})?"
)
_BYLINE_CHARS: Final = 100

# sentence-final punctuation, closing quotes or brackets, then whitespace. Spelt "[.!?…]" + group
# rather than "[.!?…]+": a pattern that opens with a plain character set is searched twice as fast.
_BOUNDARY = re.compile(r"[.!?…]([.!?…]*[\"'”’»)\]]*)\s+")
_SPACES = re.compile(r"\s+")
_OPENERS = "\"'“‘«([—-"
_CLOSERS = "\"'”’»)]"
_FINAL_PUNCT = ".!?:;,…"
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}")
_INITIAL = re.compile(r"[A-Z]\.")
_ABBREVIATION_WORDS = """
    mr. mrs. ms. dr. prof. gen. lt. col. maj. capt. cpt. sgt. cpl. pvt. adm. cmdr. brig. cdr. gov.
    sen. rep. rev. hon. pres. amb. fr. st. mt. ft. no. nos. vol. vols. pp. p. fig. art. sec. ch. para.
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. tues. thur. thurs.
    inc. corp. co. ltd. llc. plc. bros. jr. sr. vs. v. e.g. i.e. cf. al. approx. est. ave. blvd. rd.
    dept. univ. assn. govt. min. max. tel. ext. op. ed.
"""
_ABBREVIATIONS: Final = frozenset(_ABBREVIATION_WORDS.split())
# words that start a new sentence after a dotted acronym ("... in the U.S. The ...")
_OPENER_WORDS = """
    The He She It They We I You In But And A An This That These Those There His Her Its Their Our
    On At As After Before When While If Meanwhile However Officials According Some Many Most Police
    So Yet Also Earlier Later Last Next Still Since Under Despite Although Though Now Then Both No
    Neither Other Another Such What Who Why How Where
"""
_SENTENCE_OPENERS: Final = frozenset(_OPENER_WORDS.split())


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Kept paragraphs (with headings) and how many boilerplate lines were dropped."""

    paragraphs: list[Paragraph]
    dropped: int


def segment(body: str) -> Segmentation:
    """Paragraphs with sentence spans (offsets index into ``body``) and the boilerplate count."""
    paragraphs: list[Paragraph] = []
    dropped = 0
    for m in _LINE.finditer(body):
        start, end = m.span()
        text = m.group(0)
        if is_boilerplate(text):
            dropped += 1
            continue
        heading = is_heading(text)
        spans = [(0, end - start)] if heading and end - start <= MAX_SENTENCE_CHARS else sentence_spans(text)
        if len(spans) == 1 and spans[0][1] == end - start:  # most paragraphs: one sentence, all of it
            sentences: tuple[Sentence, ...] = (Sentence(0, start, end, text),)
        else:
            sentences = tuple(Sentence(i, start + s, start + e, text[s:e]) for i, (s, e) in enumerate(spans))
        paragraphs.append(Paragraph(len(paragraphs), start, end, text, heading, sentences))
    return Segmentation(paragraphs, dropped)


def split_paragraphs(body: str) -> list[Paragraph]:
    """Paragraphs with sentence spans; offsets index into ``body``. See ``segment`` for the count."""
    return segment(body).paragraphs


def is_boilerplate(line: str) -> bool:
    """A trimmed line that is site furniture rather than article text."""
    if _BOILERPLATE_START.match(line) or _BOILERPLATE_WHOLE.fullmatch(line):
        return True
    if len(line) <= _BYLINE_CHARS and _BYLINE.fullmatch(line):
        return True
    return len(line) <= _SHORT_LINE_CHARS and _short_boilerplate(line)


# Every match of _BOILERPLATE_SHORT contains photo, getty, right, afp or reuter (case-insensitively):
# a lower-cased substring test rules most lines out far faster than the regex search. The regex also
# folds these non-ASCII letters onto i and s, which str.lower() does not: lines with them are searched.
_FOLDED_LETTERS: Final = frozenset("\u0130\u0131\u017f")


def _short_boilerplate(line: str) -> bool:
    if line.isascii() or _FOLDED_LETTERS.isdisjoint(line):
        low = line.lower()
        if not ("photo" in low or "getty" in low or "right" in low or "afp" in low or "reuter" in low):
            return False
    return _BOILERPLATE_SHORT.search(line) is not None


def is_heading(line: str) -> bool:
    """A trimmed, short line without final punctuation, in Title Case or of at most four words."""
    if len(line) > MAX_HEADING_CHARS:
        return False
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in _FINAL_PUNCT:
        return False
    words = line.split()
    if len(words) > MAX_HEADING_WORDS:
        return False
    if len(words) <= 4:
        return any(c.isalpha() for c in line)
    alpha = [w for w in words if w[0].isalpha()]
    return bool(alpha) and sum(w[0].isupper() for w in alpha) >= 0.6 * len(alpha)


_FINAL_RUN = ".!?…" + _CLOSERS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of a trimmed paragraph, relative to ``text``."""
    spans: list[tuple[int, int]] = []
    core = text.rstrip(_FINAL_RUN)
    if "." not in core and "!" not in core and "?" not in core and "…" not in core:
        # no boundary: its punctuation can only sit in the final run, which no whitespace follows
        _add_span(spans, text, 0, len(text))
        return spans
    cur = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        end = m.end(1)
        if end <= cur:
            continue
        nxt_at = m.end()  # after the whitespace
        if nxt_at >= n:
            break
        if _is_boundary(text, m.start(), text[m.start() : end], nxt_at):
            if end - cur <= MAX_SENTENCE_CHARS:
                spans.append((cur, end))  # ``_add_span`` of a sentence within bounds
            else:
                _add_span(spans, text, cur, end)
            cur = nxt_at
    if cur < n:
        _add_span(spans, text, cur, n)
    return spans


def _is_boundary(text: str, punct_at: int, punct: str, nxt_at: int) -> bool:
    nxt = text[nxt_at]
    if nxt.islower():
        return False
    if punct[0] != "." or punct.startswith("..") or "…" in punct:
        # ! ? end a sentence; an ellipsis only before a capital or an opening quote
        return punct[0] in "!?" or nxt.isupper() or nxt in _OPENERS
    token = text[text.rfind(" ", 0, punct_at) + 1 : punct_at + 1].lstrip(_OPENERS)
    if token.lower() in _ABBREVIATIONS or (len(token) == 2 and _INITIAL.fullmatch(token)):
        return False
    if token.count(".") >= 2 and _ACRONYM.fullmatch(token):  # "U.S.": two dots at least
        space = text.find(" ", nxt_at)
        next_word = text[nxt_at : space if space >= 0 else len(text)].strip(_OPENERS + _CLOSERS + ",;:")
        return next_word in _SENTENCE_OPENERS
    return True


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        piece_end = cut if cut > start else limit
        while piece_end > start + 1 and text[piece_end - 1].isspace():
            piece_end -= 1
        spans.append((start, piece_end))
        ws = _SPACES.match(text, piece_end)
        start = ws.end() if ws else piece_end
    if end > start:
        spans.append((start, end))
