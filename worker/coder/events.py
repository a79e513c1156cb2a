"""event.v1 dictionaries: deterministic ids, quad class, CAMEO root, dates."""

from __future__ import annotations

import datetime as dt
from hashlib import blake2b
from typing import Any

from worker.coder.taxonomy import cameo_root, quad_class
from worker.coder.version import CLASSIFIER_NAME, CLASSIFIER_VERSION

SCHEMA_VERSION = "event.v1"
CLASSIFIER = {"name": CLASSIFIER_NAME, "version": CLASSIFIER_VERSION}

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE_CUES = frozenset({"yesterday", "previous", *_WEEKDAYS})


def event_id(
    article_id: str,
    paragraph_index: int,
    sentence_index: int,
    event_type: str,
    actor_codes: list[str],
    recipient_codes: list[str],
    trigger_start: int,
) -> str:
    """32 hex digits; same article, classifier version and coding → same id."""
    key = "\x1f".join(
        (
            article_id,
            CLASSIFIER_NAME,
            CLASSIFIER_VERSION,
            str(paragraph_index),
            str(sentence_index),
            event_type,
            ",".join(actor_codes),
            ",".join(recipient_codes),
            str(trigger_start),
        )
    )
    return blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def published_date(published_at: str | None) -> dt.date | None:
    if not published_at or len(published_at) < 10:
        return None
    try:
        return dt.date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def event_date(published: dt.date | None, tokens: list[str]) -> str | None:
    """The article date, moved by a relative cue in the sentence: yesterday, the previous day, on Friday."""
    if published is None:
        return None
    if _DATE_CUES.isdisjoint(tokens):
        return published.isoformat()
    day = published
    for k in [k for k, tok in enumerate(tokens) if tok in _DATE_CUES]:
        tok = tokens[k]
        if tok == "yesterday" or (tok == "previous" and k + 1 < len(tokens) and tokens[k + 1] == "day"):
            day = published - dt.timedelta(days=1)
            break
        if tok in _WEEKDAYS and not (k >= 1 and tokens[k - 1] in ("next", "coming")):
            back = (published.weekday() - _WEEKDAYS.index(tok)) % 7
            day = published - dt.timedelta(days=back)
            break
    return day.isoformat()


def make_event(
    *,
    article_id: str,
    paragraph_index: int,
    sentence_index: int,
    heading: bool,
    event_type: str,
    mode: str | None,
    contexts: list[str],
    actor: list[dict[str, Any]],
    recipient: list[dict[str, Any]],
    evidence_text: str,
    evidence_start: int,
    evidence_end: int,
    trigger: str,
    confidence: float,
    carried_out: bool = False,
    negated: bool,
    hypothetical: bool,
    future: bool,
    reported: bool,
    date: str | None,
    location: dict[str, Any] | None,
) -> dict[str, Any]:
    actor_codes = [str(a["country"]) for a in actor]
    recipient_codes = [str(r["country"]) for r in recipient]
    return {
        "schema_version": SCHEMA_VERSION,
        "event_id": event_id(
            article_id,
            paragraph_index,
            sentence_index,
            event_type,
            actor_codes,
            recipient_codes,
            evidence_start,
        ),
        "article_id": article_id,
        "paragraph_index": paragraph_index,
        "sentence_index": sentence_index,
        "heading": heading,
        "event_type": event_type,
        "mode": mode,
        "contexts": contexts,
        "quad_class": quad_class(event_type, carried_out),
        "cameo_root": cameo_root(event_type, mode, contexts, carried_out),
        "actor": actor,
        "recipient": recipient,
        "evidence": {"text": evidence_text, "start": evidence_start, "end": evidence_end, "trigger": trigger},
        "confidence": round(min(1.0, max(0.0, confidence)), 3),
        "negated": negated,
        "hypothetical": hypothetical,
        "future": future,
        "reported": reported,
        "date": date,
        "location": location,
        "classifier": dict(CLASSIFIER),
    }
