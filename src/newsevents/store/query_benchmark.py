"""How fast the API answers on a big store: a synthetic store of N events, then the
``/api/timeseries`` and ``/api/events`` queries timed through the API's own code.

The store is generated inside DuckDB with SQL (10 million events in a few minutes on two
cores), with the skew of real event data: a few countries in most events (Zipf), CONSULT
and ACCUSE far more common than SANCTION, CAMEO codes with their QuadClass and Goldstein
from the project's table, years of dates that grow denser toward the present, some dates
known only to the month or year, four events per article, one recipient missing in five.
Values are drawn from hashes of the row number, so a size always gives the same store.
The word index and the event counts are then built by the functions ``Store.write_tables``
calls, as if one write had stored every event (with its postings sorted, as after the
write that sorts them), so the queries find what a real store holds.

``layout`` says in which order rows sit on disk, which decides how much DuckDB's zone
maps can skip: ``arrival`` (rows in the order a crawler would bring them: roughly by date,
as a store filled run by run is) or ``shuffled`` (no order at all, the worst case).

The timed queries are the endpoint functions themselves (:func:`timeseries`,
:func:`list_events`) on a :class:`ReadOnlyDatabase`, so the SQL measured is exactly the
SQL served; only HTTP and JSON encoding are left out.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newsevents.api.aggregate_routes import Interval, timeseries
from newsevents.api.country_names import country_name
from newsevents.api.database import ReadOnlyDatabase
from newsevents.api.event_routes import list_events
from newsevents.api.params import EventFilters, EventSort, Paging
from newsevents.errors import ConfigurationError
from newsevents.events.ontology import PLOVER_TYPES, cameo_codes
from newsevents.store import event_counts, search_index
from newsevents.store.duckdb_store import Store

LAYOUTS = ("arrival", "shuffled")
SLOTS = 1000  # weighted choices are drawn as one of this many equally likely slots
FIRST_DAY, YEARS = "2015-01-01", 11
EVENTS_PER_ARTICLE = 4

# Rough shares in news-coded event data: talk and accusations dominate, force is common,
# sanctions and retreats are rare.
TYPE_WEIGHTS = {"CONSULT": 22, "ACCUSE": 12, "REQUEST": 9, "AGREE": 8, "SUPPORT": 8,
                "COOPERATE": 6, "ASSAULT": 6, "PROTEST": 5, "AID": 4, "REJECT": 4,
                "THREATEN": 4, "COERCE": 4, "SANCTION": 3, "CONCEDE": 2, "MOBILIZE": 2,
                "RETREAT": 1}
# Countries by how often they appear, most frequent first (a Zipf tail follows).
COUNTRIES = ("USA", "RUS", "CHN", "UKR", "GBR", "ISR", "IRN", "IND", "FRA", "DEU", "TUR",
             "PAK", "SYR", "JPN", "KOR", "PRK", "AFG", "IRQ", "SAU", "EGY", "NGA", "ZAF",
             "BRA", "MEX", "CAN", "AUS", "KAZ", "BLR", "POL", "ITA", "ESP", "VEN", "COL",
             "PHL", "IDN", "VNM", "MMR", "THA", "ETH", "KEN", "SDN", "LBY", "YEM", "LBN",
             "QAT", "ARE", "GEO", "ARM", "AZE", "SRB", "HUN", "GRC", "CUB", "ARG", "CHL",
             "IGO", "NGO")
SECTOR_WEIGHTS = {"GOV": 55, "MIL": 12, "CVL": 8, "BUS": 6, "OPP": 4, "REB": 4, "COP": 4,
                  "LEG": 3, "JUD": 2, "MED": 2}
STATUS_WEIGHTS = {"asserted": 85, "future": 8, "hypothetical": 4, "negated": 3}
SOURCES = ("Reuters", "AP", "AFP", "BBC", "Xinhua", "TASS", "Al Jazeera", "Kazinform",
           "Prensa Latina", "The Hindu", "Anadolu", "Yonhap")
VERBS = {"CONSULT": "met", "ACCUSE": "accused", "REQUEST": "urged", "AGREE": "agreed with",
         "SUPPORT": "praised", "COOPERATE": "signed a deal with", "ASSAULT": "attacked",
         "PROTEST": "protested against", "AID": "sent aid to", "REJECT": "rejected",
         "THREATEN": "threatened", "COERCE": "arrested", "SANCTION": "sanctioned",
         "CONCEDE": "apologised to", "MOBILIZE": "deployed troops near",
         "RETREAT": "withdrew from"}


def _slots(weights: dict[str, float]) -> list[str]:
    """``SLOTS`` values, each as many times as its weight's share."""
    total = sum(weights.values())
    slots: list[str] = []
    for value, weight in weights.items():
        slots += [value] * max(1, round(SLOTS * weight / total))
    return (slots + [slots[-1]] * SLOTS)[:SLOTS]


def _type_slots() -> dict[str, list[Any]]:
    """Parallel slot lists: event type, CAMEO code, QuadClass, Goldstein, verb."""
    by_type: dict[str, list[Any]] = {t: [] for t in PLOVER_TYPES}
    for code in cameo_codes().values():
        if code.plover and len(code.code) == 3:
            by_type[code.plover].append(code)
    types = _slots({t: TYPE_WEIGHTS[t] for t in PLOVER_TYPES})
    seen: dict[str, int] = {}
    chosen = []
    for event_type in types:  # cycle through the type's codes
        options = by_type[event_type]
        chosen.append(options[seen.get(event_type, 0) % len(options)])
        seen[event_type] = seen.get(event_type, 0) + 1
    return {"types": types, "cameos": [c.code for c in chosen],
            "quads": [c.quad_class for c in chosen],
            "goldsteins": [c.goldstein for c in chosen],
            "verbs": [VERBS[t] for t in types]}


def _country_slots() -> list[str]:
    return _slots({code: 1 / (rank + 1) ** 1.1 for rank, code in enumerate(COUNTRIES)})


_U = "((hash(i, {k}) % 1000003) / 1000003.0)"  # a uniform draw in [0, 1), per row and key


def _slot(k: int) -> str:
    return f"(1 + CAST(floor({_U.format(k=k)} * {SLOTS}) AS INTEGER))"


def _events_sql(layout: str) -> str:
    if layout == "arrival":  # by row number, with a few weeks of jitter
        position = f"least(0.999999, greatest(0.0, i / $n + ({_U.format(k=6)} - 0.5) * 0.004))"
    else:
        position = _U.format(k=6)
    return f"""
    WITH draw AS (
        SELECT i,
            {_slot(1)} AS t, {_slot(2)} AS a, {_slot(3)} AS r,
            {_slot(4)} AS asec, {_slot(5)} AS rsec, {_slot(7)} AS st,
            {_U.format(k=8)} AS u_prec, {_U.format(k=9)} AS u_recip,
            {_U.format(k=10)} AS u_place,
            CAST(floor(sqrt({position}) * {YEARS * 365}) AS INTEGER) AS day
        FROM range($n) AS rows(i)
    ), coded AS (
        SELECT i, $types[t] AS event_type, $cameos[t] AS cameo, $quads[t] AS quad_class,
            $goldsteins[t] AS goldstein, $verbs[t] AS verb, $statuses[st] AS status,
            $countries[a] AS actor_country, $sectors[asec] AS actor_sector,
            CASE WHEN u_recip < 0.2 THEN NULL
                 WHEN $countries[r] = $countries[a]  -- another country, never a self-dyad
                     THEN $countries[1 + ((r + {SLOTS // 2}) % {SLOTS})]
                 ELSE $countries[r] END AS recipient_country,
            CASE WHEN u_recip < 0.2 THEN NULL ELSE $sectors[rsec] END AS recipient_sector,
            CASE WHEN u_prec < 0.85 THEN 'day' WHEN u_prec < 0.95 THEN 'month'
                 ELSE 'year' END AS date_precision,
            DATE '{FIRST_DAY}' + day AS day_date, u_place
        FROM draw
    ), dated AS (
        SELECT *, CASE date_precision WHEN 'day' THEN day_date
                  WHEN 'month' THEN date_trunc('month', day_date)::DATE
                  ELSE date_trunc('year', day_date)::DATE END AS date_start,
               $names[list_position($codes, actor_country)] AS actor_label,
               $names[list_position($codes, recipient_country)] AS recipient_label
        FROM coded
    )
    SELECT 'evt_' || substr(md5(i::VARCHAR), 1, 16) AS id,
        'doc_' || substr(md5((i // {EVENTS_PER_ARTICLE})::VARCHAR), 1, 16) AS doc_id,
        'sty_' || substr(md5(event_type || actor_country || coalesce(recipient_country, '')
                             || date_start::VARCHAR), 1, 16) AS story_id,
        event_type, NULL AS mode, ['diplomatic'] AS context, cameo, quad_class, goldstein,
        status, actor_country, actor_sector, actor_label || ' ' || actor_sector AS actor_name,
        actor_country || '-' || actor_sector AS actor_id, recipient_country,
        recipient_sector, recipient_label || ' ' || recipient_sector AS recipient_name,
        recipient_country || '-' || recipient_sector AS recipient_id, false AS reciprocal,
        CASE WHEN u_place < 0.6 THEN actor_label END AS location_name,
        CASE WHEN u_place < 0.6 THEN actor_country END AS location_country,
        CASE WHEN u_place < 0.6 THEN u_place * 100 - 30 END AS lat,
        CASE WHEN u_place < 0.6 THEN u_place * 300 - 150 END AS lon,
        NULL AS geonameid,
        CASE date_precision WHEN 'day' THEN strftime(date_start, '%Y-%m-%d')
             WHEN 'month' THEN strftime(date_start, '%Y-%m')
             ELSE strftime(date_start, '%Y') END AS date,
        date_start, date_precision, 0 AS sentence_index,
        actor_label || ' officials ' || verb || ' '
            || coalesce(recipient_label, 'protesters') || ' on ' || strftime(day_date, '%A')
            || ', the ministry said.' AS text,
        0 AS start_char, 80 AS end_char, verb AS trigger_text, 20 AS trigger_start,
        20 + length(verb) AS trigger_end, 0.5 + (u_place / 2) AS confidence,
        'synthetic' AS why
    FROM dated
    """


# Participant keys (see ``store.rows.participant_keys``): NULL, as every synthetic event
# has one actor and at most one recipient, which the flat columns describe.
_KEYS = "NULL AS actor_keys, NULL AS recipient_keys"

# The full record as the API returns it, built from the flat columns.
_RECORD = """json_object(
        'id', id, 'doc_id', doc_id, 'story_id', story_id, 'event_type', event_type,
        'mode', mode, 'context', context, 'cameo', cameo, 'quad_class', quad_class,
        'goldstein', goldstein, 'status', status,
        'actor', [json_object('text', actor_name, 'name', actor_name,
                              'country', actor_country, 'sector', actor_sector,
                              'id', actor_id)],
        'recipient', CASE WHEN recipient_country IS NULL THEN [] ELSE
            [json_object('text', recipient_name, 'name', recipient_name,
                         'country', recipient_country, 'sector', recipient_sector,
                         'id', recipient_id)] END,
        'location', CASE WHEN location_name IS NULL THEN NULL ELSE
            json_object('name', location_name, 'country', location_country,
                        'lat', lat, 'lon', lon) END,
        'date', date, 'date_precision', date_precision, 'text', text,
        'sentence_index', sentence_index, 'start', start_char, 'end', end_char,
        'trigger', json_object('text', trigger_text, 'start', trigger_start,
                               'end', trigger_end),
        'confidence', confidence, 'why', why)"""

_ACTORS_SQL = """
    INSERT INTO event_actors
    SELECT id, 'actor', 0, actor_name, 0, 10, actor_name, actor_country, actor_sector,
           actor_id FROM events
    UNION ALL
    SELECT id, 'recipient', 0, recipient_name, 40, 50, recipient_name, recipient_country,
           recipient_sector, recipient_id FROM events WHERE recipient_country IS NOT NULL
"""

_ARTICLES_SQL = f"""
    INSERT INTO articles
    SELECT doc_id, 'synthetic/' || doc_id,
        $sources[1 + CAST(hash(doc_id) % {len(SOURCES)} AS INTEGER)],
        'https://news.example/' || doc_id, any_value(text), min(date_start)::VARCHAR, 'en',
        string_agg(text, ' '), NULL, NULL, count(*), 'synthetic', '{{}}',
        TIMESTAMP '2026-01-01'
    FROM events GROUP BY doc_id
"""


@dataclass
class SyntheticStore:
    """What was generated, how long it took and how big the file is."""

    path: str
    layout: str
    events: int
    event_actors: int
    articles: int
    seconds: float
    megabytes: float


def build_synthetic_store(path: str | Path, events: int, *, layout: str = "arrival",
                          memory_limit: str = "4GB") -> SyntheticStore:
    """Create (or replace) a store at ``path`` holding ``events`` synthetic events."""
    if layout not in LAYOUTS:
        raise ConfigurationError(f"unknown layout {layout!r}", hint=f"one of {LAYOUTS}")
    if events < 1:
        raise ConfigurationError("a synthetic store needs at least one event")
    target = Path(path)
    for stale in (target, target.with_name(target.name + ".wal")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    slots = _type_slots()
    codes = list(COUNTRIES)
    with Store(target) as store:
        con = store.connection
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute("SET preserve_insertion_order = true")
        con.execute("SET enable_progress_bar = false")
        con.execute(f"INSERT INTO events BY NAME SELECT *, {_RECORD} AS record, {_KEYS}, "
                    f"{search_index.SEQ_OF_ID} AS seq FROM ({_events_sql(layout)})", {
            "n": events, **slots, "countries": _country_slots(),
            "sectors": _slots(SECTOR_WEIGHTS), "statuses": _slots(STATUS_WEIGHTS),
            "codes": codes, "names": [country_name(c) for c in codes]})
        con.execute(_ACTORS_SQL)
        con.execute(_ARTICLES_SQL, {"sources": list(SOURCES)})
        # the derived tables, by the write path's own functions: as if one write
        # transaction had stored every event
        search_index.index_events(con, "events")
        search_index.compact_if_due(con)
        event_counts.add_events(con, "events")
        con.execute("CHECKPOINT")
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                  for t in ("events", "event_actors", "articles")}
    return SyntheticStore(str(target), layout, counts["events"], counts["event_actors"],
                          counts["articles"], round(time.perf_counter() - started, 1),
                          round(target.stat().st_size / 1024**2, 1))


@dataclass(frozen=True, slots=True)
class QueryCase:
    """One API call to time: a name, the endpoint and its arguments."""

    name: str
    run: Callable[[ReadOnlyDatabase], dict[str, Any]]


def _series(interval: Interval, **filters: Any) -> Callable[[ReadOnlyDatabase], Any]:
    return lambda db: timeseries(EventFilters(**filters), db, interval)


def _listing(sort: EventSort, page: int = 1, **filters: Any) -> Callable[[ReadOnlyDatabase],
                                                                        Any]:
    return lambda db: list_events(EventFilters(**filters), Paging(page, 50), db, sort)


QUERIES: tuple[QueryCase, ...] = (
    QueryCase("timeseries month RUS<->UKR",
              _series(Interval.month, actor_country="RUS", recipient_country="UKR",
                      both_directions=True)),
    QueryCase("timeseries week USA<->CHN",
              _series(Interval.week, actor_country="USA", recipient_country="CHN",
                      both_directions=True)),
    QueryCase("timeseries day KAZ->RUS in 2024",
              _series(Interval.day, actor_country="KAZ", recipient_country="RUS",
                      date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))),
    QueryCase("timeseries month involving USA",
              _series(Interval.month, actor_country="USA", both_directions=True)),
    QueryCase("timeseries month, every event", _series(Interval.month)),
    QueryCase("events, no filter, newest first", _listing(EventSort.date_desc)),
    QueryCase("events RUS<->UKR newest first",
              _listing(EventSort.date_desc, actor_country="RUS", recipient_country="UKR",
                       both_directions=True)),
    QueryCase("events ASSAULT in 2023 by -goldstein, page 3",
              _listing(EventSort.goldstein_desc, page=3, event_types=["ASSAULT"],
                       date_from=date(2023, 1, 1), date_to=date(2023, 12, 31))),
    QueryCase("events GOV actor, QuadClass 4, page 20",
              _listing(EventSort.date, page=20, actor_sector="GOV", quad_class=4)),
    QueryCase("events text search q=sanctioned",
              _listing(EventSort.date_desc, q="sanctioned")),
)


@dataclass
class QueryTiming:
    """Milliseconds of one query over its repeats (the first, cold run kept apart)."""

    name: str
    first_ms: float
    median_ms: float
    p95_ms: float
    result_size: int


@dataclass
class QueryBenchmark:
    store: SyntheticStore | None
    repeats: int
    timings: list[QueryTiming] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"store": asdict(self.store) if self.store else None, "repeats": self.repeats,
                "queries": [asdict(t) for t in self.timings]}


def time_queries(path: str | Path, *, repeats: int = 20,
                 queries: tuple[QueryCase, ...] = QUERIES) -> list[QueryTiming]:
    """Run each query once cold, then ``repeats`` times; milliseconds per query."""
    db = ReadOnlyDatabase(path)
    try:
        timings = []
        for case in queries:
            started = time.perf_counter()
            result = case.run(db)
            first = (time.perf_counter() - started) * 1000
            runs = []
            for _ in range(repeats):
                started = time.perf_counter()
                case.run(db)
                runs.append((time.perf_counter() - started) * 1000)
            timings.append(QueryTiming(case.name, round(first, 1),
                                       round(statistics.median(runs), 1),
                                       round(_percentile(runs, 95), 1), _size(result)))
        return timings
    finally:
        db.close()


def _percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def _size(result: dict[str, Any]) -> int:
    """Buckets of a series or items of a page: how much the query returned."""
    return len(result.get("buckets", result.get("items", [])))


def run_query_benchmark(path: str | Path, events: int, *, layout: str = "arrival",
                        repeats: int = 20, reuse: bool = False) -> QueryBenchmark:
    """Build the synthetic store (unless ``reuse`` and it exists), then time the queries."""
    store = None
    if not (reuse and Path(path).exists()):
        store = build_synthetic_store(path, events, layout=layout)
    return QueryBenchmark(store, repeats, time_queries(path, repeats=repeats))
