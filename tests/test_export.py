import csv
import io
import json

from ctwatch.export import CSV_COLUMNS, to_csv, to_geojson, to_json

REC = {
    "id": "inc_1",
    "status": "reported",
    "date": {"start": "2023-01-30", "end": "2023-01-30", "precision": "day"},
    "location": {
        "name": "Peshawar",
        "admin1": "Khyber Pakhtunkhwa",
        "country": "PAK",
        "lat": 34.0,
        "lon": 71.57,
        "precision": "city",
    },
    "attack_types": ["Bombing/Explosion"],
    "target_types": ["Police", "Religious Figures/Institutions"],
    "weapon_types": ["Explosives"],
    "perpetrators": [{"name": "Tehrik-i-Taliban Pakistan", "attribution": "suspected"}],
    "killed": {"best": 101, "low": 101, "high": None},
    "wounded": {"best": None, "low": None, "high": None},
    "confidence": 0.7,
    "evidence": [{"text": 'A bombing, "quoted", in Peshawar.', "start": 0, "end": 10}],
    "document_id": "d",
    "document_source": "s",
    "document_title": "t",
}
NO_PLACE = dict(REC, id="inc_2", location={"name": None, "lat": None, "lon": None, "precision": "unknown"})


def test_csv():
    rows = list(csv.DictReader(io.StringIO(to_csv([REC, NO_PLACE]))))
    assert list(rows[0]) == CSV_COLUMNS
    assert rows[0]["target_type2"] == "Religious Figures/Institutions"
    assert rows[0]["killed_best"] == "101" and rows[0]["killed_high"] == ""
    assert rows[0]["evidence"] == 'A bombing, "quoted", in Peshawar.'


def test_geojson_skips_unplaced():
    data = json.loads(to_geojson([REC, NO_PLACE]))
    assert data["skipped"] == 1
    (feat,) = data["features"]
    assert feat["geometry"]["coordinates"] == [71.57, 34.0]
    assert feat["properties"]["place"] == "Peshawar"


def test_json():
    assert json.loads(to_json([REC]))["incidents"][0]["id"] == "inc_1"
