import json
from datetime import UTC, datetime, timedelta

import duckdb
import pyarrow.parquet as pq
import pytest

from builders import document
from newsevents.errors import StoreError
from newsevents.records import ErrorRecord
from newsevents.store import MIGRATIONS, EventFilter, Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "events.duckdb") as opened:
        yield opened


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "m.duckdb"
    Store(path).close()
    Store(path).close()
    rows = duckdb.connect(str(path)).execute(
        "SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in MIGRATIONS]


def test_writing_the_same_documents_twice_changes_nothing(store):
    store.write([document()])
    first = store.counts(), store.events()
    store.write([document()])
    store.write([document(), document()])  # duplicates inside one batch too
    assert (store.counts(), store.events()) == first
    assert first[0]["articles"] == 1 and first[0]["events"] == 1


def test_event_records_round_trip_and_filters(store):
    store.write([document()])
    [record] = store.events(EventFilter(actor_country="vnm", recipient_country="LAO"))
    assert record["event_type"] == "CONSULT"
    assert record["actor"][0]["name"] == "Pham Minh Chinh"
    assert record["trigger"] == {"text": "met", "start": 42, "end": 45}
    assert store.events(EventFilter(actor_country="LAO")) == []
    assert store.events(EventFilter(date_from="2024-01-09")) == []
    assert len(store.events(EventFilter(date_from="2024-01-01", date_to="2024-01-08"))) == 1
    assert len(store.events(EventFilter(text="vientiane"))) == 1


def test_failed_documents_store_only_their_errors(store):
    store.write([document(failed=True)])
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["errors"]) == (0, 0, 1)
    assert store.errors()[0]["reason"] == "empty document"


def test_errors_without_documents_are_idempotent(store):
    error = ErrorRecord("feed.jsonl:3", "ingest", "not a JSON object")
    store.record_errors([error])
    store.record_errors([error])
    assert store.counts()["errors"] == 1


def test_exports(store, tmp_path):
    store.write([document()])
    parquet = tmp_path / "e.parquet"
    assert store.export_table(parquet, "parquet") == 1
    table = pq.read_table(parquet)
    assert table.column("actor_country").to_pylist() == ["VNM"]
    csv_path = tmp_path / "e.csv"
    store.export_table(csv_path, "csv")
    assert csv_path.read_text().splitlines()[0].startswith("id,doc_id,story_id,event_type")
    records = list(store.iter_event_records())
    assert json.loads(json.dumps(records))[0]["recipient"][0]["country"] == "LAO"


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_known_documents_since_a_time(store):
    before = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=1)
    store.write([document()])
    doc_id = document().doc_id
    assert store.known_documents([doc_id, "doc_other"]) == {doc_id}
    assert store.known_documents([doc_id], since=before) == {doc_id}
    assert store.known_documents([doc_id], since=before + timedelta(days=1)) == set()


def _store_before(path, migrations: int) -> duckdb.DuckDBPyConnection:
    """A store file with only the first ``migrations`` migrations applied, as an older
    release left it."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMP)")
    for migration in MIGRATIONS[:migrations]:
        con.execute(migration.sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                    [migration.version, migration.name])
    return con


def test_an_older_store_gets_participant_keys_when_opened(tmp_path):
    from builders import actor
    from newsevents.store.rows import document_tables

    path = tmp_path / "old.duckdb"
    con = _store_before(path, 2)  # the schema before participant keys
    doc = document()
    doc.events[0].actor.append(actor("Hun Manet", "KHM", 90))  # two actors, one recipient
    tables = document_tables([doc])
    for name in ("articles", "events", "event_actors"):
        table = tables[name]
        if name == "events":
            table = table.drop_columns(["actor_keys", "recipient_keys"])
        con.register("rows", table)
        con.execute(f"INSERT INTO {name} SELECT * FROM rows")
        con.unregister("rows")
    con.close()
    with Store(path) as store:
        [row] = store.query("SELECT actor_keys, recipient_keys FROM events")
    assert row == {"actor_keys": ["*GOV", "KHM", "KHM GOV", "VNM", "VNM GOV"],
                   "recipient_keys": None}  # one recipient: the flat columns say it all
    with Store(path) as store:
        found = store.query("SELECT count(*) n FROM events e WHERE (e.actor_country = ? "
                            "OR list_contains(e.actor_keys, ?))", ["KHM", "KHM"])
    assert found == [{"n": 1}]


def _derived(store):
    """The word index as (term, event id) pairs, the event counts, and postings whose
    event no longer exists (there must be none: counting postings counts events)."""
    postings = ("(SELECT * FROM event_terms UNION ALL SELECT * FROM event_terms_recent)")
    pairs = store.query(f"SELECT t.term, e.id FROM {postings} p JOIN search_terms t "
                        "USING (term_id) JOIN events e ON e.seq = p.event_seq ORDER BY ALL")
    counts = store.query("SELECT * EXCLUDE (goldstein), round(goldstein, 6) AS goldstein "
                         "FROM event_counts ORDER BY ALL")
    dangling = store.query(f"SELECT count(*) AS n FROM {postings} p "
                           "WHERE p.event_seq NOT IN (SELECT seq FROM events)")
    return pairs, counts, dangling[0]["n"]


def _documents():
    from builders import LEDE, actor, story_report

    first, other = document(), story_report(LEDE, "Wire A", "2024-05-07")
    several = document(event_type="AGREE")  # the same document, its event replaced
    several.events[0].actor.append(actor("Hun Manet", "KHM", 90))
    several.events[0].quad_class, several.events[0].status = None, None
    return first, other, several


def test_word_index_and_counts_follow_every_write(tmp_path, monkeypatch):
    from newsevents.store import search_index

    monkeypatch.setattr(search_index, "MIN_TAIL", 3)  # sort the postings now and then
    first, other, several = _documents()
    with Store(tmp_path / "incremental.duckdb") as store:
        store.write([first, other])
        store.write([several])  # replaces the first document's event
        store.write([other])  # the same document again, unchanged
        incremental = _derived(store)
        assert store.query("SELECT count(*) AS n FROM event_terms")[0]["n"] > 0
    with Store(tmp_path / "fresh.duckdb") as store:
        store.write([several, other])
        assert _derived(store) == incremental
    pairs, counts, dangling = incremental
    assert dangling == 0
    terms = {(p["term"], p["id"]) for p in pairs}
    assert ("chinh", several.events[0].id) in terms  # the first actor's name, searched
    assert ("hun", several.events[0].id) not in terms  # like ILIKE, not the second's
    by_country = {}
    for row in counts:
        by_country[row["country"]] = by_country.get(row["country"], 0) + row["events"]
    assert by_country == {"*": 2, "VNM": 1, "LAO": 1, "KHM": 1, "CHL": 1, "PER": 1}
    agree = next(r for r in counts if r["country"] == "KHM")
    assert (agree["event_type"], agree["quad_class"], agree["status"]) == ("AGREE", 0, "")


def test_an_older_store_gets_its_word_index_and_counts_when_opened(tmp_path):
    from newsevents.store.rows import document_tables

    first, other, several = _documents()
    path = tmp_path / "old.duckdb"
    con = _store_before(path, 3)  # the schema before event numbers
    tables = document_tables([several, other])
    for name in ("articles", "events", "event_actors"):
        con.register("rows", tables[name])
        con.execute(f"INSERT INTO {name} SELECT * FROM rows")
        con.unregister("rows")
    con.close()
    with Store(path) as store:
        migrated = _derived(store)
        assert store.query("SELECT count(*) AS n FROM events WHERE seq IS NULL") == [{"n": 0}]
        store.write([first])  # and later writes keep it exact
        assert _derived(store)[2] == 0
    with Store(tmp_path / "fresh.duckdb") as store:
        store.write([several, other])
        assert _derived(store) == migrated
