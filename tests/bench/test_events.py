"""The interaction benchmarks run on small files in the shared formats (figures are not asserted here)."""

import json

import pytest

from ctwatch.bench.events import petrarch, plover
from ctwatch.errors import BenchError

pytestmark = pytest.mark.slow


def test_plover_bench_reports_its_figures(tmp_path):
    records = [
        {"id": "PLOVER-X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "notes"},
        {
            "id": "a",
            "date": "2001-01-01",
            "event": "DEMAND",
            "text": "Pakistan urged India to resume talks.",
            "source": [{"actorText": "Pakistan", "code": "PAK"}],
            "target": [{"actorText": "India", "code": "IND"}],
        },
        {
            "id": "b",
            "date": "2001-01-01",
            "event": "FIGHT",
            "text": "The weather was fine in Lahore.",
            "source": [{"actorText": "x", "code": "PAK"}],
            "target": [],
        },
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    fig = plover(path)
    assert fig["n"] == 2
    assert set(fig) >= {"event_type_accuracy", "source_accuracy", "target_accuracy", "n"}
    assert fig["event_type_accuracy"] == 0.5  # DEMAND is REQUEST in PLOVER 2021; the second has no event


def test_petrarch_bench_loads_its_dictionary(tmp_path):
    (tmp_path / "dictionaries").mkdir()
    (tmp_path / "dictionaries" / "PETR.Validate.actors.txt").write_text(
        "<!-- test -->\nFREEDONIA [FRD]\n+FREEDONIAN\nSYLVANIA [SYL]\n", encoding="utf-8"
    )
    rec = {
        "id": "T-1",
        "category": "VERB",
        "text": "Freedonia urged Sylvania to withdraw its troops.",
        "expected": [{"sourcecode": "FRD", "targetcode": "SYL", "eventcode": "102"}],
    }
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    fig = petrarch(path)
    assert (fig["triples_found"], fig["triples_expected"]) == (1, 1)


def test_missing_files_are_bench_errors(tmp_path):
    with pytest.raises(BenchError):
        plover(tmp_path / "nope.json")
    with pytest.raises(BenchError):
        petrarch(tmp_path / "nope.jsonl")
