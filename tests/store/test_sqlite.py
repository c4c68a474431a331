"""The SQLite store on a real file: migrations, idempotent adds, filters, full-text search."""

import dataclasses
import sqlite3

import pytest

from ctwatch.errors import StoreError
from ctwatch.model import Count, Document, Incident, Perpetrator, Place, Span, Victim, When
from ctwatch.store import IncidentQuery, SQLiteStore, open_store
from ctwatch.store.migrations import MIGRATIONS


def make_doc(text, incidents, published="2023-02-01", title="T"):
    doc = Document.from_text(text, source="mem", title=title, published=published)
    return dataclasses.replace(doc, genre="news", incidents=tuple(incidents))


def make_incident(
    i,
    *,
    country="PAK",
    place="Peshawar",
    date="2023-01-30",
    attack="Bombing/Explosion",
    group=("ttp", "Tehrik-i-Taliban Pakistan"),
    killed=59,
    status="reported",
):
    return Incident(
        id=f"inc_{i:016d}",
        status=status,
        date=When(date, date, "day", None),
        location=Place(place, None, country, 34.0, 71.5, "city", 1000 + i),
        attack_types=(attack,),
        target_types=("Police",),
        weapon_types=("Explosives",),
        perpetrators=(Perpetrator(group[0], group[1], "claimed", 0.9),) if group else (),
        victims=(Victim("police officers"),),
        killed=Count(killed, killed, None, str(killed)),
        confidence=0.8,
        evidence=(Span(0, 10, "0123456789"),),
    )


@pytest.fixture
def filled(store):
    store.add(make_doc("0123456789 mosque bombing Peshawar", [make_incident(1)]), "v1")
    store.add(
        make_doc(
            "0123456789 ambush in Kabul airport",
            [
                make_incident(
                    2,
                    country="AFG",
                    place="Kabul",
                    date="2021-08-26",
                    attack="Armed Assault",
                    group=("isis-k", "Islamic State Khorasan Province"),
                ),
            ],
        ),
        "v1",
    )
    store.add(
        make_doc(
            "0123456789 Quetta blast",
            [
                make_incident(
                    3,
                    place="Quetta",
                    date="2023-03-06",
                    group=("bla", "Balochistan Liberation Army"),
                    killed=5,
                ),
                make_incident(4, place="Quetta", date="2001-09-11", group=None, status="historical"),
            ],
        ),
        "v1",
    )
    return store


def test_migrations_recorded(store):
    names = [r[0] for r in store.conn.execute("SELECT name FROM schema_migrations")]
    assert names == [m[0] for m in MIGRATIONS]


def test_reopen_keeps_data_and_does_not_remigrate(tmp_path):
    path = tmp_path / "x.db"
    with SQLiteStore(path) as s:
        s.add(make_doc("0123456789 text", [make_incident(1)]), "v1")
    with SQLiteStore(path) as s:
        assert s.counts()["incidents"] == 1
        assert s.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_add_is_idempotent(store):
    doc = make_doc("0123456789 text", [make_incident(1)])
    assert store.add(doc, "v1") == "added"
    assert store.add(doc, "v1") == "unchanged"
    assert store.counts()["documents"] == 1 and store.counts()["incidents"] == 1
    assert store.counts()["evidence"] == 1


def test_new_version_replaces_the_documents_records(store):
    doc = make_doc("0123456789 text", [make_incident(1), make_incident(2)])
    store.add(doc, "v1")
    fewer = dataclasses.replace(doc, incidents=(make_incident(3),))
    assert store.add(fewer, "v2") == "updated"
    assert [r["id"] for r in store.incidents()] == ["inc_0000000000000003"]
    assert store.counts()["evidence"] == 1
    assert store.has(doc.id, "v2") and not store.has(doc.id, "v1")


@pytest.mark.parametrize(
    "query, ids",
    [
        (IncidentQuery(), [3, 1, 2, 4]),
        (IncidentQuery(group="ttp"), [1]),
        (IncidentQuery(group="Pakistani Taliban"), [1]),
        (IncidentQuery(group="ISKP"), [2]),
        (IncidentQuery(group="isis"), [2]),  # a group includes its branches
        (IncidentQuery(country="AFG"), [2]),
        (IncidentQuery(country="Pakistan"), [3, 1, 4]),
        (IncidentQuery(type="bombing"), [3, 1, 4]),
        (IncidentQuery(type="Armed Assault"), [2]),
        (IncidentQuery(type="police"), [3, 1, 2, 4]),
        (IncidentQuery(since="2023-01-01"), [3, 1]),
        (IncidentQuery(until="2022-01-01"), [2, 4]),
        (IncidentQuery(since="2021-01-01", until="2023-02-01"), [1, 2]),
        (IncidentQuery(text="Quetta"), [3, 4]),
        (IncidentQuery(text="mosque Peshawar"), [1]),
        (IncidentQuery(text='weird "quote (syntax'), []),
        (IncidentQuery(status="historical"), [4]),
        (IncidentQuery(modality="asserted"), [3, 1, 2, 4]),
        (IncidentQuery(modality="denied"), []),
        (IncidentQuery(limit=2), [3, 1]),
    ],
)
def test_filters(filled, query, ids):
    got = [int(r["id"][4:]) for r in filled.incidents(query)]
    assert got == ids


def test_incident_by_prefix_with_document(filled):
    rec = filled.incident("inc_00000000000000")
    assert rec is None  # ambiguous prefix
    rec = filled.incident("inc_0000000000000001")
    assert rec["claims"][0]["title"] == "T" and rec["evidence"][0]["text"] == "0123456789"
    assert rec["perpetrators"][0]["attribution"] == "claimed"


def test_document_round_trip(store):
    doc = make_doc("0123456789 text", [make_incident(1)])
    store.add(doc, "v1")
    back = store.document(doc.id[:12])
    assert back.text == doc.text and back.incidents == doc.incidents


def test_actors_synced_from_registry(store):
    ids = {a["id"] for a in store.actors()}
    assert {"ttp", "PAK", "imf", "isis-k"} <= ids


def test_places_are_shared(filled):
    assert filled.counts()["places"] == 4


def test_not_a_database(tmp_path):
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        SQLiteStore(bad)


def test_open_store_targets(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as s:
        assert s.counts()["documents"] == 0
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/ctwatch")


def test_failed_write_leaves_nothing_half_written(store):
    doc = make_doc(
        "0123456789 text", [make_incident(1), make_incident(1)]
    )  # duplicate ids are replaced, fine
    store.add(doc, "v1")
    broken = make_doc("another 0123456789", [make_incident(5)])
    store.conn.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON evidence BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    with pytest.raises(StoreError, match="disk says no"):
        store.add(broken, "v1")
    assert not store.has(broken.id)
    assert store.counts()["documents"] == 1


def test_wal_mode(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert isinstance(store.conn, sqlite3.Connection)
