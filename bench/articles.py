"""Realistic benchmark articles: 10–30 paragraphs, a mix of eventful and uneventful paragraphs.

Eventful paragraphs come from the sample article (``samples/``) and, when a path is given, from the
synthetic PLOVER stories (``plover-synthetic-stories.csv.zip``, MIT); uneventful ones are generated from
neutral templates (markets, weather, sport, culture), so the repository alone is enough.

Articles are serialised once, without ``ingested_at``: ``stamp`` splices ``ingested_at`` into the bytes at
produce time (no re-encoding on the producer's hot path).
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

import orjson

REPO = Path(__file__).resolve().parent.parent
SAMPLE_TEXT = REPO / "samples" / "korea-russia-pact-2024.txt"

MIN_PARAGRAPHS = 10
MAX_PARAGRAPHS = 30
UNEVENTFUL_SHARE = 0.3  # articles with no political paragraph at all
EVENTFUL_PARAGRAPH_SHARE = (0.15, 0.5)  # share of eventful paragraphs in the other articles
BOILERPLATE_SHARE = 0.2  # articles ending with a site boilerplate line

_CITIES = ["Lisbon", "Nairobi", "Osaka", "Denver", "Porto Alegre", "Gdansk", "Adelaide", "Lyon", "Cebu"]
_COMPANIES = ["Northwind Foods", "Helios Solar", "Bluewater Logistics", "Arden Textiles", "Kestrel Motors"]
_TEAMS = ["the Harbor Hawks", "Riverside United", "the Mountain Lions", "City Rovers", "the Coastal Stars"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NEUTRAL_TEMPLATES = [
    "Shares of {company} rose {pct} percent in early trading on {day}, as investors welcomed quarterly "
    "sales that beat expectations by a wide margin.",
    "The company said revenue for the quarter reached {num} million dollars, up from {num2} million a "
    "year earlier, helped by strong demand for its newest products.",
    "Forecasters expect temperatures in {city} to climb to {temp} degrees on {day}, with light winds and "
    "clear skies through the weekend.",
    "Rainfall in the region was {pct} percent below the seasonal average last month, and farmers said "
    "they were watching the harvest closely.",
    "{team} won their third straight match on {day}, with a late goal sealing a {score} victory in front "
    "of a crowd of {num} thousand.",
    "The coach said the squad would rest several players before the next fixture, which is scheduled "
    "for {day} evening.",
    "A new exhibition of contemporary photography opened in {city} this week, featuring more than {num} "
    "works by local and visiting artists.",
    "Organisers of the annual food festival in {city} said ticket sales were the highest in a decade.",
    "Traffic on the main ring road was slower than usual on {day} morning because of scheduled "
    "maintenance work on two bridges.",
    "Analysts at several banks raised their forecasts for {company}, citing lower costs and a growing "
    "order book.",
    "The museum will extend its opening hours during the summer months, a spokeswoman said on {day}.",
    "Passenger numbers at the airport in {city} grew {pct} percent compared with the same month last "
    "year, the operator said.",
    "The recipe calls for two cups of flour, a pinch of salt and {num} grams of butter, baked for about "
    "forty minutes.",
    "Local schools will reopen after the holiday on {day}, and the new timetable is posted online.",
]


@dataclass(frozen=True, slots=True)
class BenchArticle:
    key: bytes
    body_json: bytes  # serialised article without ``ingested_at``, ending with ``}``
    paragraphs: int


def _clean_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if len(line.strip()) >= 40]


def sample_paragraphs(path: Path = SAMPLE_TEXT) -> list[str]:
    return [p for p in _clean_lines(path.read_text(encoding="utf-8")) if not p.upper().startswith("READ ")]


def story_paragraphs(path: Path, limit: int = 6000) -> list[str]:
    """Paragraphs (≥ 80 chars, no template placeholders) of the synthetic stories in a zipped CSV."""
    out: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith(".csv"):
                continue
            with archive.open(name) as raw:
                for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
                    for para in row.get("text", "").split("\n"):
                        para = para.strip()
                        if len(para) >= 80 and "{" not in para and "###" not in para:
                            out.append(para)
                    if len(out) >= limit:
                        return out
    return out


def neutral_paragraph(rng: random.Random) -> str:
    sentences = rng.sample(_NEUTRAL_TEMPLATES, rng.randint(1, 3))
    return " ".join(
        s.format(
            company=rng.choice(_COMPANIES),
            city=rng.choice(_CITIES),
            team=rng.choice(_TEAMS),
            day=rng.choice(_WEEKDAYS),
            pct=rng.randint(2, 40),
            num=rng.randint(10, 900),
            num2=rng.randint(10, 900),
            temp=rng.randint(12, 36),
            score=f"{rng.randint(1, 4)}-{rng.randint(0, 1)}",
        )
        for s in sentences
    )


def generate(
    n: int, *, stories: Path | None = None, seed: int = 20240621, prefix: str = "bench"
) -> list[BenchArticle]:
    """``n`` articles with unique ids ``<prefix>-<i>``, deterministic for a seed."""
    rng = random.Random(seed)
    eventful = sample_paragraphs()
    if stories is not None:
        eventful += story_paragraphs(stories)
    out: list[BenchArticle] = []
    for i in range(n):
        count = rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS)
        share = 0.0 if rng.random() < UNEVENTFUL_SHARE else rng.uniform(*EVENTFUL_PARAGRAPH_SHARE)
        paragraphs = [
            rng.choice(eventful) if rng.random() < share else neutral_paragraph(rng) for _ in range(count)
        ]
        if rng.random() < BOILERPLATE_SHARE:
            paragraphs.append("READ ALSO: More coverage from our correspondents")
        article_id = f"{prefix}-{i:06d}"
        doc = {
            "id": article_id,
            "title": paragraphs[0][:120],
            "source": "bench",
            "language": "en",
            "published_at": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T09:00:00Z",
            "body": "\n".join(paragraphs),
        }
        out.append(BenchArticle(article_id.encode(), orjson.dumps(doc), count))
    return out


def stamp(article: BenchArticle, ingested_at: str) -> bytes:
    """The article's bytes with ``ingested_at`` added (the serialised object ends with ``}``)."""
    return article.body_json[:-1] + b',"ingested_at":"' + ingested_at.encode() + b'"}'
