"""Fusion in the store on the corpus we wrote (tests/fixtures/fusion): exactly 8 incidents with all their
claims and the documented best figures, the same in any ingest order, and curation that round-trips and
survives re-fusion and re-ingest."""

import json
import random
from pathlib import Path

import pytest

from ctwatch.core import ingest
from ctwatch.errors import StoreError
from ctwatch.store import IncidentQuery, SQLiteStore

pytestmark = pytest.mark.slow
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "fusion"
GOLD = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
ALL = IncidentQuery(limit=1000)


def load(tmp_path, name="f.db", order_seed=None):
    source = CORPUS / "reports.jsonl"
    if order_seed is not None:
        lines = source.read_text(encoding="utf-8").splitlines()
        random.Random(order_seed).shuffle(lines)
        source = tmp_path / f"shuffled-{order_seed}.jsonl"
        source.write_text("\n".join(lines), encoding="utf-8")
    store = SQLiteStore(tmp_path / name)
    ingest(store, [str(source)])
    return store


def by_gold_key(store):
    """gold key -> fused incident, checking every report of a key sits in one incident."""
    record = {
        r[0]: json.loads(r[1])["meta"]["record_id"]
        for r in store.conn.execute("SELECT id, data FROM documents")
    }
    where: dict[str, set[str]] = {}
    for inc in store.incidents(ALL):
        for c in inc["claims"]:
            where.setdefault(record[c["document_id"]], set()).add(inc["id"])
    out = {}
    for key in GOLD["best"]:
        docs = [d for d, keys in GOLD["documents"].items() if key in keys]
        ids = set().union(*(where[d] for d in docs))
        found = [i for i in ids if all(i in where[d] for d in docs)]
        assert len(found) == 1, (key, ids)
        out[key] = found[0]
    return out, where


@pytest.fixture(scope="module")
def fused(tmp_path_factory):
    store = load(tmp_path_factory.mktemp("fusion"))
    yield store
    store.close()


def test_exactly_eight_incidents_with_all_claims(fused):
    incidents = fused.incidents(ALL)
    assert len(incidents) == 8
    keys, where = by_gold_key(fused)
    assert len(set(keys.values())) == 8
    for doc, ids in where.items():
        assert {k for k, i in keys.items() if i in ids} == set(GOLD["documents"][doc])
    assert sum(len(i["claims"]) for i in incidents) == fused.counts()["incidents"]


def test_best_figures_follow_the_policy(fused):
    keys, _ = by_gold_key(fused)
    for key, want in GOLD["best"].items():
        inc = fused.incident(keys[key])
        assert inc["killed"]["best"] == want["killed"], key
        assert inc["wounded"]["best"] == want["wounded"], key
    peshawar = fused.incident(keys["A"])
    assert (peshawar["killed"]["low"], peshawar["killed"]["high"]) == (28, 101)
    assert [c["killed"]["best"] for c in peshawar["claims"] if c["published"] <= "2023-02-02"] == [
        28,
        44,
        59,
        101,
        84,
    ]


def test_wire_copies_are_linked_and_not_counted_twice(fused):
    keys, _ = by_gold_key(fused)
    karachi = fused.incident(keys["D"])
    copies = [c for c in karachi["claims"] if c["duplicate_of"]]
    assert len(copies) == 1 and len(karachi["claims"]) == 4
    assert karachi["n_documents"] == 3


def test_passing_mentions_link_to_their_incidents(fused):
    keys, _ = by_gold_key(fused)
    for key in ("A", "G"):
        genres = [c["genre"] for c in fused.incident(keys[key])["claims"]]
        assert "opinion" in genres


def test_same_incidents_and_ids_in_any_order(tmp_path, fused):
    reference = {i["id"]: sorted(c["id"] for c in i["claims"]) for i in fused.incidents(ALL)}
    for seed in (1, 2):
        store = load(tmp_path, f"o{seed}.db", order_seed=seed)
        assert {i["id"]: sorted(c["id"] for c in i["claims"]) for i in store.incidents(ALL)} == reference
        store.close()


def test_incremental_equals_rebuild(tmp_path):
    store = load(tmp_path)
    before = {i["id"]: i for i in store.incidents(ALL)}
    store.refuse_all()
    after = {i["id"]: i for i in store.incidents(ALL)}
    assert before.keys() == after.keys()
    assert all(before[k]["killed"] == after[k]["killed"] for k in before)
    store.close()


def test_merge_split_undo_round_trip_and_survive_refusion(tmp_path):
    store = load(tmp_path)
    keys, _ = by_gold_key(store)
    a, h = keys["A"], keys["H"]
    merged = store.merge(a, h, "analyst", "test: one incident")
    assert len(store.incidents(ALL)) == 7
    assert len(store.incident(merged)["claims"]) == len(store.incident(a)["claims"])
    store.refuse_all()
    assert len(store.incidents(ALL)) == 7  # the decision holds through re-fusion

    store.undo("analyst")
    assert len(store.incidents(ALL)) == 8
    assert store.incident(h) is not None and store.incident(h)["id"] != store.incident(a)["id"]

    peshawar = store.incident(a)
    opinion = [c["id"] for c in peshawar["claims"] if c["genre"] == "opinion"]
    kept, new = store.split(a, opinion, "analyst", "test: the op-ed is too vague")
    assert len(store.incidents(ALL)) == 9
    assert [c["id"] for c in store.incident(new)["claims"]] == opinion
    store.refuse_all()
    assert len(store.incidents(ALL)) == 9
    ingest(store, [str(CORPUS / "reports.jsonl")])  # re-ingest: nothing new, decisions stand
    assert len(store.incidents(ALL)) == 9

    store.undo("analyst")
    assert len(store.incidents(ALL)) == 8
    log = store.curation_log()
    assert [e["action"] for e in log] == ["merge", "undo", "split", "undo"]
    assert [e["undone"] for e in log] == [True, False, True, False]
    assert all(e["who"] == "analyst" and e["why"] for e in log)
    with pytest.raises(StoreError, match="nothing to undo"):
        store.undo("analyst")
    store.close()


def test_curation_errors(tmp_path):
    store = load(tmp_path)
    keys, _ = by_gold_key(store)
    with pytest.raises(StoreError, match="no single incident"):
        store.merge("inc_nope", keys["A"], "a", "b")
    with pytest.raises(StoreError, match="already one incident"):
        store.merge(keys["A"], keys["A"], "a", "b")
    with pytest.raises(StoreError, match="--claims"):
        store.split(keys["A"], ["inc_notaclaim"], "a", "b")
    store.close()


def test_group_filter_on_fused_incidents(fused):
    assert {i["location"]["name"] for i in fused.incidents(IncidentQuery(group="BLA"))} == {
        "Quetta",
        "Karachi",
    }
    assert len(fused.incidents(IncidentQuery(text="grenade"))) == 1
