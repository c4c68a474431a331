"""The canonical acceptance case: the seed op-ed through `ctwatch extract --format json` (EXPECTED.md)."""

import json
import subprocess
import sys

import pytest

from ctwatch.geo import haversine_km

from .conftest import SHARED

SEED = SHARED / "seed" / "pakistan-us-counter-terrorism-oped.txt"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not present"),
]


@pytest.fixture(scope="module")
def record():
    out = subprocess.run(
        [sys.executable, "-m", "ctwatch.cli", "extract", str(SEED), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout)
    (doc,) = result["documents"]
    return result, doc


def find(doc, pred):
    hits = [i for i in doc["incidents"] if pred(i)]
    assert len(hits) == 1, [i["evidence"][0]["text"][:60] for i in doc["incidents"]]
    return hits[0]


def near(inc, lat, lon, km=25):
    loc = inc["location"]
    return loc["lat"] is not None and haversine_km(loc["lat"], loc["lon"], lat, lon) <= km


def test_document(record):
    _result, doc = record
    assert doc["genre"] == "opinion"
    assert doc["language"] == "en"
    assert doc["published"] is None


def test_i1_peshawar_police_lines_mosque(record):
    _r, doc = record
    inc = find(doc, lambda i: "Peshawar" in i["evidence"][0]["text"])
    assert near(inc, 34.0, 71.6)
    assert inc["location"]["country"] == "PAK"
    assert "Bombing/Explosion" in inc["attack_types"]
    assert "Police" in inc["target_types"]
    assert inc["killed"]["low"] == 101 and inc["killed"]["best"] >= 101 and inc["killed"]["high"] is None
    assert all(p["attribution"] in ("suspected",) for p in inc["perpetrators"])
    assert inc["status"] == "reported"


def test_i2_kabul_airport(record):
    _r, doc = record
    inc = find(doc, lambda i: "airport" in i["evidence"][0]["text"])
    assert near(inc, 34.53, 69.17) and inc["location"]["country"] == "AFG"
    assert "Airports & Aircraft" in inc["target_types"]
    assert set(inc["attack_types"]) <= {"Unknown", "Armed Assault", "Bombing/Explosion"}
    assert inc["killed"]["best"] is None
    assert all(p["attribution"] == "suspected" for p in inc["perpetrators"])
    assert {p["actor_id"] for p in inc["perpetrators"]} <= {"isis", "isis-k"}
    assert inc["date"]["start"] is None and inc["date"]["not_before"] == "2021-08-15"


def test_i3_pakistan_embassy(record):
    _r, doc = record
    inc = find(doc, lambda i: "embassy" in i["evidence"][0]["text"])
    assert near(inc, 34.53, 69.17) and inc["location"]["country"] == "AFG"
    assert "Government (Diplomatic)" in inc["target_types"]
    assert inc["wounded"]["best"] == 1
    assert inc["perpetrators"] == []
    assert any(v["nationality"] == "PAK" for v in inc["victims"])


def test_i4_kabul_hotel(record):
    _r, doc = record
    inc = find(doc, lambda i: "hotel" in i["evidence"][0]["text"])
    assert near(inc, 34.53, 69.17)
    assert "Bombing/Explosion" in inc["attack_types"]
    assert {"Business", "Private Citizens & Property"} & set(inc["target_types"])
    assert any(v["nationality"] == "CHN" for v in inc["victims"])
    assert inc["perpetrators"] == []


def test_i5_ttp_leader_ied(record):
    _r, doc = record
    inc = find(doc, lambda i: "TTP leader" in i["evidence"][0]["text"])
    assert inc["location"]["country"] == "AFG"
    assert "Bombing/Explosion" in inc["attack_types"] and "Explosives" in inc["weapon_types"]
    assert "Terrorists/Non-State Militia" in inc["target_types"]
    assert inc["killed"]["best"] == 1
    (perp,) = inc["perpetrators"]
    assert perp["actor_id"] == "taliban" and perp["attribution"] == "stated" and perp["confidence"] <= 0.5
    assert any(v["actor_id"] == "ttp" for v in inc["victims"])


def test_no_reported_9_11_and_no_generic_incidents(record):
    _r, doc = record
    for inc in doc["incidents"]:
        text = inc["evidence"][0]["text"]
        if "9/11" in text:
            assert inc["status"] == "historical"
        assert "wave of terrorism" not in text
        assert not text.startswith("These groups have also carried out")
        assert not text.startswith("Such conditions will create")
    reported = [i for i in doc["incidents"] if i["status"] == "reported"]
    assert len(reported) == 5


def test_no_invented_dates(record):
    _r, doc = record
    text = doc["text"]
    for inc in doc["incidents"]:
        if inc["status"] == "historical":
            continue
        start = inc["date"]["start"]
        if start is not None:  # every resolved date must be written in the text itself
            assert inc["date"]["text"] and inc["date"]["text"] in text


def test_evidence_offsets_and_actors(record):
    result, doc = record
    for inc in doc["incidents"]:
        for ev in inc["evidence"]:
            assert doc["text"][ev["start"] : ev["end"]] == ev["text"]
    actors = {a["id"]: a for a in result["actors"]}
    assert {
        "ttp",
        "taliban",
        "isis",
        "USA",
        "PAK",
        "AFG",
        "CHN",
        "nato",
        "imf",
        "world-bank",
        "pak-ssg",
    } <= set(actors)
    assert {"TTP", "Pakistani Taliban"} <= set(actors["ttp"]["aliases"])
    assert [d["list"] for d in actors["ttp"]["designations"]] == ["US FTO", "UN 1267"]
