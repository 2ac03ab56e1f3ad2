"""Date normalisation quality on TimeML news (TempEval-3's TimeBank and AQUAINT).

Each document's ``<TEXT>`` is turned into plain text with the offsets of its TIMEX3 tags;
the document creation time (``functionInDocument="CREATION_TIME"``) is the publication
date we anchor on, as a news pipeline would. We score the gold ``type="DATE"``
expressions: span recall/precision against our DATE expressions (overlap), and value
accuracy, the share of gold DATEs whose matched expression has exactly the gold value
(spelled the standard way: a gold "2000-W7" is week "2000-W07") — over all gold DATEs (a
missed expression is wrong) and over the matched ones only.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.errors import EvaluationError
from newsevents.evaluation.spans import SpanCounts, count_spans, match_spans
from newsevents.pipeline import Pipeline


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    name: str
    text: str
    creation_time: str | None
    timexes: list[GoldTimex]


@dataclass(frozen=True, slots=True)
class PredictedTime:
    start: int
    end: int
    text: str
    value: str | None


@dataclass
class TimeScores:
    documents: int = 0
    spans: SpanCounts = field(default_factory=SpanCounts)
    value_correct: int = 0
    wrong: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.spans.gold if self.spans.gold else 0.0

    @property
    def matched_value_accuracy(self) -> float:
        return self.value_correct / self.spans.matched if self.spans.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents,
                **{f"date_{k}": v for k, v in self.spans.to_dict().items()},
                "value_accuracy": round(self.value_accuracy, 4),
                "matched_value_accuracy": round(self.matched_value_accuracy, 4),
                "top_wrong": [f"{t!r}: {p} != {g}" for (t, p, g), _ in
                              self.wrong.most_common(15)],
                "top_missed": [f"{t!r}: {n}" for t, n in self.missed.most_common(15)]}


def _canonical(value: str) -> str:
    """A TIMEX3 value in its standard spelling. Week numbers have two digits; some gold
    values drop the leading zero ("2000-W7"), which names the same week as "2000-W07"."""
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


def load_timeml(path: Path) -> TimeMLDocument:
    """Plain text of ``<TEXT>`` with its TIMEX3 spans, and the creation time."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvaluationError(f"{path} is not TimeML XML: {exc}") from exc
    creation = next((t.get("value") for t in root.iter("TIMEX3")
                     if t.get("functionInDocument") == "CREATION_TIME"), None)
    body = root.find("TEXT")
    if body is None:
        raise EvaluationError(f"{path}: no <TEXT> element")
    pieces: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(element: ET.Element) -> None:
        start = sum(map(len, pieces))
        pieces.append(element.text or "")
        for child in element:
            walk(child)
            pieces.append(child.tail or "")
        if element.tag == "TIMEX3":
            text = "".join(pieces)[start:]
            timexes.append(GoldTimex(start, start + len(text), text, element.get("type", ""),
                                     element.get("value", "")))

    walk(body)
    return TimeMLDocument(path.name, "".join(pieces), creation[:10] if creation else None,
                          timexes)


def load_timebank(folder: Path) -> list[TimeMLDocument]:
    """Every ``*.tml`` below ``folder``, in path order (so a limit is deterministic)."""
    if not folder.exists():
        raise EvaluationError(f"evaluation data {folder} not found",
                              hint="pass --data with the timebank folder")
    paths = sorted(folder.rglob("*.tml"))
    if not paths:
        raise EvaluationError(f"{folder}: no .tml files")
    return [load_timeml(p) for p in paths]


def evaluate_times(folder: Path, pipeline: Pipeline | None = None,
                   limit: int | None = None) -> TimeScores:
    """Score ``Pipeline.times`` on the gold DATE expressions of the first ``limit``
    documents (all: None), anchored on each document's creation time."""
    pipeline = pipeline or Pipeline()
    scores = TimeScores()
    for document in load_timebank(folder)[:limit]:
        gold = [t for t in document.timexes if t.type == "DATE"]
        predicted = [PredictedTime(t["start"], t["end"], t["text"], t["value"])
                     for t in pipeline.times(document.text, document.creation_time)
                     if t["type"] == "DATE"]
        pairs = match_spans(gold, predicted)
        scores.documents += 1
        count_spans(scores.spans, gold, predicted, pairs)
        matched = {id(g) for g, _ in pairs}
        for g, p in pairs:
            if p.value is not None and _canonical(p.value) == _canonical(g.value):
                scores.value_correct += 1
            else:
                scores.wrong[(g.text.lower(), str(p.value), g.value)] += 1
        for g in gold:
            if id(g) not in matched:
                scores.missed[g.text.lower()] += 1
    return scores
