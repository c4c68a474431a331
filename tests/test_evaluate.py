"""``ctwatch eval``: a ctwatch run scored against MUC-4-form gold that we wrote ourselves."""

import json

import pytest

from ctwatch.errors import BenchError
from ctwatch.evaluate import read_run, score, table

GOLD = [
    {
        "docid": "TST9-MUC4-0001",
        "doctext": "Urban guerrillas of the FMLN exploded a bomb at the power substation in San Salvador "
        "yesterday, killing two peasants.",
        "templates": [
            {
                "incident_type": "bombing",
                "PerpInd": [[["urban guerrillas", 0]]],
                "PerpOrg": [[["fmln", 24]]],
                "Target": [[["power substation", 52]]],
                "Victim": [[["peasants", 107]]],
                "Weapon": [[["bomb", 40]]],
            }
        ],
    },
    {
        "docid": "TST9-MUC4-0002",
        "doctext": "The minister met the ambassador to discuss trade.",
        "templates": [],
    },
]


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text("\n".join(json.dumps(r) for r in GOLD), encoding="utf-8")
    return path


def test_a_ctwatch_run_of_the_gold_file_is_scored(gold, tmp_path):
    from ctwatch.core import extract

    run = tmp_path / "run.json"
    run.write_text(json.dumps(extract([str(gold)])), encoding="utf-8")
    result = score(gold, run)
    assert result["documents"] == 2 and result["documents_in_run"] == 2
    g = result["gtt"]
    assert g["incident_type"]["f1"] == 100.0
    for role in ("PerpInd", "PerpOrg", "Target", "Weapon"):
        assert g[role]["f1"] == 100.0, role
    assert result["ceaf_ree"]["micro"]["recall"] >= 80.0
    text = table(result)
    assert "GTT" in text and "CEAF-REE" in text and "PerpOrg" in text


def test_a_predictions_file_is_scored(gold, tmp_path):
    pred = {"TST9-MUC4-0001": {"pred_templates": [{"incident_type": "attack", "Weapon": [["bomb"]]}]}}
    run = tmp_path / "pred.json"
    run.write_text(json.dumps(pred), encoding="utf-8")
    result = score(gold, run)
    # "attack" is not inside "bombing": the template is unmatched, nothing counts
    assert result["gtt"]["micro"]["precision"] == 0.0
    # entity level has no templates: the weapon is found
    assert result["ceaf_ree"]["Weapon"]["f1"] == 100.0


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json at all {", "neither JSON nor JSON Lines"),
        ('{"documents": [{"incidents": []}]}', "no document names its gold record"),
        ('{"a": 1}', "not a ctwatch run"),
        ('{"XYZ-1": {"pred_templates": []}}', "none of its documents"),
    ],
)
def test_bad_runs_are_named(gold, tmp_path, content, message):
    run = tmp_path / "run.json"
    run.write_text(content, encoding="utf-8")
    with pytest.raises(BenchError, match=message):
        score(gold, run) if "none of" in message else read_run(run)


def test_the_eval_command_prints_tables_and_names_bad_input(gold, tmp_path):
    from click.testing import CliRunner

    from ctwatch.cli import main

    pred = {"TST9-MUC4-0001": {"pred_templates": [{"incident_type": "bombing", "Weapon": [["bomb"]]}]}}
    run = tmp_path / "pred.json"
    run.write_text(json.dumps(pred), encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(gold), str(run)])
    assert res.exit_code == 0, res.output
    assert "GTT" in res.output and "CEAF-REE" in res.output and "Weapon" in res.output
    res = CliRunner().invoke(main, ["eval", str(gold), str(run), "--json"])
    assert json.loads(res.output)["gtt"]["Weapon"]["precision"] == 100.0
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(gold), str(bad)])
    assert res.exit_code != 0 and "bad.json" in res.output
