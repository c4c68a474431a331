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


def _petrarch_folder(tmp_path):
    """A small suite in PETRARCH's formats, with fictional countries and verbs of our own."""
    d = tmp_path / "dictionaries"
    d.mkdir()
    (d / "PETR.Validate.actors.txt").write_text(
        "<!-- test -->\nFREEDONIA [FRD]\n+FREEDONIAN\nSYLVANIA [SYL]\n"
        "RUFUS_FIREFLY  # a person whose code changes with the date\n"
        "\t[FRDREB <19330101]\n\t[FRDGOV 19330101-19391231]\n",
        encoding="utf-8",
    )
    (d / "PETR.Validate.verbs.txt").write_text(
        "--- URGE  [102] ---\nURGE\n\n--- MEND  [064] ---\nMEND\n- * FENCES [051]\n", encoding="utf-8"
    )
    (d / "PETR.Validate.agents.txt").write_text(
        "AMBASSADOR [~GOV]\nACTIVIST_GROUP [NGO~]\n", encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize(
    "text, date, triple",
    [
        ("Freedonia urged Sylvania to withdraw its troops.", "19331010", ("FRD", "SYL", "102")),
        # a verb pattern of the suite's dictionary; an agent word gives the sector
        ("The Freedonian ambassador mended fences with Sylvania.", "19331010", ("FRDGOV", "SYL", "051")),
        ("Freedonia mended ties with Sylvania.", "19331010", ("FRD", "SYL", "064")),
        # a dated code: Firefly is a rebel before 1933 and the government after
        ("Rufus Firefly urged Sylvania to leave.", "19320505", ("FRDREB", "SYL", "102")),
        ("Rufus Firefly urged Sylvania to leave.", "19350505", ("FRDGOV", "SYL", "102")),
    ],
)
def test_petrarch_bench_codes_with_the_suites_dictionaries(tmp_path, text, date, triple):
    folder = _petrarch_folder(tmp_path)
    src, tgt, code = triple
    rec = {
        "id": "T-1",
        "date": date,
        "category": "VERB",
        "text": text,
        "expected": [{"sourcecode": src, "targetcode": tgt, "eventcode": code}],
    }
    path = folder / "records.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    fig = petrarch(path)
    assert (fig["triples_found"], fig["triples_expected"]) == (1, 1), fig


@pytest.mark.parametrize(
    "record, source, target",
    [
        (  # a compound actor that is both sides: the target is any of them
            {
                "source": [{"code": "JOR"}, {"code": "GBR"}],
                "target": "",
                "textInfo": {"markup": "(SRC/TAR: Jordan) and (SRC/TAR: Britain) have (EVT: agreed)"},
            },
            ["JOR", "GBR"],
            ["JOR", "GBR"],
        ),
        (  # no target: right only when the coder names none
            {"source": [{"code": "LBN"}], "target": "", "textInfo": {"markup": "(SRC: X) declared"}},
            ["LBN"],
            [],
        ),
        ({"source": [{"code": "JAP"}], "target": [{"code": "SRB"}]}, ["JPN"], ["SRB"]),  # old code for Japan
    ],
)
def test_plover_gold_sides(record, source, target):
    from ctwatch.bench.events import _wanted

    assert _wanted(record) == {"source": source, "target": target}


def test_missing_files_are_bench_errors(tmp_path):
    with pytest.raises(BenchError):
        plover(tmp_path / "nope.json")
    with pytest.raises(BenchError):
        petrarch(tmp_path / "nope.jsonl")
