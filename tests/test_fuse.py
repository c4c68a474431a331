"""Fusion decisions on hand-built claims: the gate, the score, clustering with decisions, best figures,
near-duplicate signatures."""

import dataclasses
import random

import pytest

from ctwatch import fuse
from ctwatch.fuse import Claim, Decisions, best_count, cluster, score
from ctwatch.model import Count

BASE = Claim(
    id="c1",
    document_id="d1",
    published="2023-01-31",
    genre="news",
    date_start="2023-01-30",
    date_end="2023-01-30",
    lat=34.00,
    lon=71.54,
    country="PAK",
    admin1="Khyber Pakhtunkhwa",
    place_precision="point",
    attack_types=("Bombing/Explosion",),
    target_types=("Police",),
    perpetrators=("ttp",),
    killed=Count(59, 59, None),
    official=True,
)


def other(**kw):
    return dataclasses.replace(BASE, id="c2", document_id="d2", **kw)


@pytest.mark.parametrize(
    "changes, linked",
    [
        ({}, True),
        ({"date_start": "2023-01-31", "date_end": "2023-01-31"}, True),
        ({"date_start": "2023-02-10", "date_end": "2023-02-10"}, False),  # different incident, same place
        ({"lat": 30.18, "lon": 67.00}, False),  # Quetta
        ({"country": "AFG"}, False),
        ({"attack_types": ("Hostage Taking (Kidnapping)",)}, False),
        (
            {"attack_types": ("Armed Assault",), "target_types": (), "perpetrators": ()},
            True,
        ),  # compatible types
        ({"status": "hypothetical"}, False),
        ({"date_start": None, "date_end": None, "published": "2023-09-01", "genre": "opinion"}, True),
        (
            {
                "date_start": None,
                "date_end": None,
                "published": "2023-09-01",
                "target_types": ("Business",),
                "perpetrators": (),
                "killed": Count(),
            },
            False,
        ),  # a passing mention needs more than a city
        ({"date_start": None, "date_end": None, "published": "2022-12-01"}, False),  # published before it
        ({"lat": None, "lon": None, "place_precision": "unknown"}, True),
        ({"date_start": None, "date_end": None, "published": None}, False),  # nothing places it in time
    ],
)
def test_score_gate_and_threshold(changes, linked):
    s = score(BASE, other(**changes))
    assert (s is not None and s >= fuse.THRESHOLD) == linked, s
    assert score(BASE, other(**changes)) == score(other(**changes), BASE)


def test_cluster_is_order_independent():
    claims = [dataclasses.replace(BASE, id=f"c{i}", document_id=f"d{i}") for i in range(6)]
    claims += [
        dataclasses.replace(BASE, id=f"q{i}", document_id=f"e{i}", lat=30.18, lon=67.0) for i in range(4)
    ]
    first = fuse.fuse(claims)
    for seed in range(5):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert fuse.fuse(shuffled) == first
    assert set(first.values()) == {"c0", "q0"}


def test_decisions_keep_apart_and_together():
    ids = ["a", "b", "c", "d"]
    edges = [(5.0, "a", "b"), (4.0, "b", "c"), (3.0, "c", "d")]
    assert set(cluster(ids, edges).values()) == {"a"}
    apart = cluster(ids, edges, Decisions(cannot=frozenset({("a", "c")})))
    assert apart["a"] == apart["b"] and apart["c"] == apart["d"] and apart["a"] != apart["c"]
    together = cluster(["x", "y"], [], Decisions(must=frozenset({("x", "y")})))
    assert together == {"x": "x", "y": "x"}


def test_best_count_policy():
    early = dataclasses.replace(BASE, id="e", published="2023-01-30", killed=Count(28, 28, 28))
    later = dataclasses.replace(BASE, id="l", published="2023-02-02", killed=Count(84, 84, 84))
    peak = dataclasses.replace(BASE, id="p", published="2023-02-01", killed=Count(101, 101, 101))
    opinion = dataclasses.replace(
        BASE, id="o", published="2023-09-01", genre="opinion", killed=Count(81, 81, None)
    )
    unofficial = dataclasses.replace(
        BASE, id="u", published="2023-02-05", official=False, killed=Count(90, 90, 90)
    )
    count, source = best_count([early, later, peak, opinion, unofficial], "killed")
    assert (count.best, count.low, count.high, source) == (84, 28, 101, "l")
    assert best_count([opinion], "killed")[0].best == 81
    assert best_count([BASE], "wounded") == (Count(), None)


def test_minhash_similarity():
    text = (
        "A suicide car bomb struck a convoy carrying Chinese engineers near Karachi airport late on Sunday, "
        "killing two Chinese nationals and wounding eight other people, officials said. The blast set several "
        "vehicles on fire and could be heard across the city, residents said. Police cordoned off the area and "
        "began an investigation into how the attacker reached the convoy."
    )
    copy = text + " This story was first published by Wire."
    different = (
        "Gunmen opened fire on a convoy of passenger vehicles in Kurram district on Thursday, killing at "
        "least 38 people and wounding 29, local officials said."
    )
    assert fuse.similarity(fuse.minhash(text), fuse.minhash(copy)) >= fuse.DUPLICATE_JACCARD
    assert fuse.similarity(fuse.minhash(text), fuse.minhash(different)) < 0.2
    assert set(fuse.bands(fuse.minhash(text))) & set(fuse.bands(fuse.minhash(copy)))


def test_claims_no_date_places_meet_their_own_document_only():
    timeless = {"date_start": None, "date_end": None, "published": None}
    a = dataclasses.replace(BASE, id="t1", **timeless)
    same_doc = dataclasses.replace(a, id="t2")
    other_doc = dataclasses.replace(a, id="t3", document_id="d2")
    assert score(a, same_doc) is not None and score(a, other_doc) is None
    pairs = {tuple(sorted((x.id, y.id))) for x, y in fuse.candidate_pairs([a, same_doc, other_doc, BASE])}
    assert pairs == {("t1", "t2")}


def test_blocking_finds_every_close_pair():
    claims = [
        dataclasses.replace(BASE, id=f"c{i}", lat=34.0 + 0.1 * i, lon=71.0 + 0.1 * i) for i in range(10)
    ]
    claims.append(dataclasses.replace(BASE, id="vague", lat=None, lon=None, place_precision="country"))
    pairs = {tuple(sorted((a.id, b.id))) for a, b in fuse.candidate_pairs(claims)}
    for i in range(10):
        assert tuple(sorted((f"c{i}", "vague"))) in pairs
    assert ("c0", "c1") in pairs
