"""Splitting article bodies into paragraphs and sentences. STUB: to be completed."""

from __future__ import annotations

import re

from worker.coder.model import Paragraph, Sentence

_LINE = re.compile(r"[^\n]+")


def split_paragraphs(body: str) -> list[Paragraph]:
    """Paragraphs with sentence spans; offsets index into ``body``."""
    out: list[Paragraph] = []
    for m in _LINE.finditer(body):
        text = m.group(0)
        if not text.strip():
            continue
        sent = Sentence(index=0, start=m.start(), end=m.end(), text=text)
        out.append(Paragraph(index=len(out), start=m.start(), end=m.end(), text=text, sentences=(sent,)))
    return out
