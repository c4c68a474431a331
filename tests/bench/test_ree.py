"""Our CEAF-REE scorer: hand-built cases, and agreement with the reference scorer in ../shared/eval/scoring."""

import json
import random

import pytest

from ctwatch.bench import ree
from ctwatch.bench.muc4 import figures

from ..conftest import SHARED
from .reference import REFERENCE, reference_scores

GOLD = {
    "docid": "TST1-MUC3-0002",
    "doctext": "...",
    "extracts": {
        "PerpInd": [[["guerrillas", 1], ["guerrilla column", 9]], [["gunmen", 20]]],
        "PerpOrg": [[["fmln", 3]]],
        "Target": [],
        "Victim": [[["the mayor", 2]]],
        "Weapon": [],
    },
}


def score(pred_extracts):
    gold = ree.load_gold([GOLD])
    return ree.score(gold, ree.load_pred({"TST1-MUC3-0002": {"pred_extracts": pred_extracts}}))


@pytest.mark.parametrize(
    "pred, p, r",
    [
        (
            {"PerpInd": [["guerrillas"], ["gunmen"]], "PerpOrg": [["FMLN"]], "Victim": [["Mayor"]]},
            (4, 4),
            (4, 4),
        ),
        # two predictions of one gold entity: only one may be matched
        ({"PerpInd": [["guerrillas"], ["guerrilla column"]]}, (1, 2), (1, 4)),
        # every predicted string must be the gold entity's (phi_strict)
        ({"PerpInd": [["guerrillas", "soldiers"]]}, (0, 1), (0, 4)),
        # a right string under the wrong role counts for nothing
        ({"Target": [["fmln"]]}, (0, 1), (0, 4)),
        ({}, (0, 0), (0, 4)),
    ],
)
def test_cases(pred, p, r):
    t = score(pred).micro
    assert (t.p_num, t.p_den) == p
    assert (t.r_num, t.r_den) == r


def test_templates_are_pooled_for_ree():
    gtt_gold = {
        "docid": "TST1-MUC3-0003",
        "doctext": "...",
        "templates": [
            {
                "incident_type": "attack",
                "PerpInd": [[["gunmen", 1]]],
                "PerpOrg": [],
                "Target": [],
                "Victim": [[["judge", 4]]],
                "Weapon": [],
            },
            {
                "incident_type": "bombing",
                "PerpInd": [[["gunmen", 1]]],
                "PerpOrg": [],
                "Target": [],
                "Victim": [],
                "Weapon": [[["bomb", 8]]],
            },
        ],
    }
    pred = {
        "TST1-MUC3-0003": {
            "pred_templates": [
                {"incident_type": "attack", "PerpInd": [["gunmen"]], "Weapon": [["bomb"]]},
                {"incident_type": "bombing", "PerpInd": [["Gunmen"]], "Victim": [["judge"]]},
            ]
        }
    }
    t = ree.score(ree.load_gold([gtt_gold]), ree.load_pred(pred)).micro
    assert (t.p_num, t.p_den, t.r_num, t.r_den) == (3, 3, 3, 3)
    fig = figures([gtt_gold], pred)
    assert fig["ceaf_ree_f1"] == 100.0 and fig["gtt_f1"] < 100.0


GRIT_DEV = SHARED / "eval" / "muc4" / "grit" / "dev.json"


@pytest.mark.skipif(not (REFERENCE.exists() and GRIT_DEV.exists()), reason="../shared/eval is not present")
def test_agrees_with_the_reference_scorer(tmp_path):
    records = [json.loads(line) for line in GRIT_DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(11)
    pred = {}
    for r in records:
        ex = {}
        for role in ree.ROLES:
            ents = [
                [m[0] for m in ent][: rng.randint(1, 2)] for ent in r["extracts"][role] if rng.random() < 0.7
            ]
            if ents and rng.random() < 0.2:
                ents.append(list(ents[0]))  # a duplicate, which one-to-one matching must not reward twice
            if rng.random() < 0.3:
                ents.append(["something spurious"])
            ex[role] = ents
        pred[r["docid"]] = {"pred_extracts": ex}
    ref = reference_scores("ree", GRIT_DEV, pred, tmp_path)
    ours = ree.score(ree.load_gold(records), ree.load_pred(pred))
    for name in [*ree.ROLES, "micro_avg"]:
        tally = ours.micro if name == "micro_avg" else ours.fields[name]
        assert [round(100 * x, 2) for x in tally.prf()] == ref[name], name


DEV = SHARED / "eval" / "muc4" / "dev.json"


@pytest.mark.slow
@pytest.mark.skipif(not (REFERENCE.exists() and GRIT_DEV.exists()), reason="../shared/eval is not present")
def test_the_learned_extractor_s_entities_are_scored_alike_by_the_reference_scorer(tmp_path):
    from ctwatch.bench.muc4 import predict_learned, read_gold

    records = read_gold(DEV)[:30]
    pred = predict_learned(records)
    assert all(set(p["pred_extracts"]) == set(ree.ROLES) for p in pred.values())
    grit = [r for r in read_gold(GRIT_DEV) if r["docid"] in pred]
    gold = tmp_path / "grit.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in grit), encoding="utf-8")
    ref = reference_scores("ree", gold, pred, tmp_path)
    ours = figures(records, pred, grit)
    assert ours["ceaf_ree_f1"] == ref["micro_avg"][2] > 0
