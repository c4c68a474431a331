"""Our GTT scorer: hand-built cases, and agreement with the reference scorer in ../shared/eval/scoring."""

import json
import random

import pytest

from ctwatch.bench import gtt
from ctwatch.bench.muc4 import incident_type, template
from ctwatch.model import Filler, Incident, Perpetrator, Victim

from ..conftest import SHARED
from .reference import REFERENCE, reference_scores

GOLD = {
    "docid": "TST1-MUC3-0001",
    "doctext": "...",
    "templates": [
        {
            "incident_type": "attack / bombing",
            "PerpInd": [[["guerrillas", 1], ["guerrilla column", 9]]],
            "PerpOrg": [[["fmln", 3]]],
            "Target": [[["power substation", 5]]],
            "Victim": [],
            "Weapon": [[["dynamite", 7]]],
        },
        {
            "incident_type": "kidnapping",
            "PerpInd": [],
            "PerpOrg": [],
            "Target": [],
            "Victim": [[["the mayor", 2], ["mayor", 4]]],
            "Weapon": [],
        },
    ],
}


def scores_for(pred_templates):
    gold = gtt.load_gold([GOLD])
    pred = gtt.load_pred({"TST1-MUC3-0001": {"pred_templates": pred_templates}})
    return gtt.score(gold, pred)


def test_perfect_prediction():
    pred = [
        {
            "incident_type": "bombing",
            "PerpInd": [["guerrillas"]],
            "PerpOrg": [["FMLN"]],
            "Target": [["power substation"]],
            "Victim": [],
            "Weapon": [["dynamite"]],
        },
        {
            "incident_type": "kidnapping",
            "PerpInd": [],
            "PerpOrg": [],
            "Target": [],
            "Victim": [["Mayor"]],
            "Weapon": [],
        },
    ]
    assert scores_for(pred).micro.prf() == (1.0, 1.0, 1.0)


def test_type_must_be_inside_gold_type():
    pred = [
        {
            "incident_type": "arson",
            "PerpInd": [["guerrillas"]],
            "PerpOrg": [],
            "Target": [],
            "Victim": [],
            "Weapon": [],
        }
    ]
    s = scores_for(pred)
    assert s.micro.p_num == 0 and s.micro.p_den == 2
    assert s.micro.r_den == 2 + 5  # both gold templates missed: 2 types + 5 entities


def test_partial_and_spurious():
    pred = [
        {
            "incident_type": "attack",
            "PerpInd": [["guerrilla column"], ["soldiers"]],
            "PerpOrg": [],
            "Target": [],
            "Victim": [],
            "Weapon": [["dynamite"]],
        }
    ]
    s = scores_for(pred)
    t = s.micro
    assert (t.p_num, t.p_den) == (3, 4)  # type, guerrilla column, dynamite right; soldiers spurious
    assert (t.r_num, t.r_den) == (3, 7)


def test_norm():
    assert gtt.norm("The  F.M.L.N.'s") == "fmlns"
    assert gtt.doc_key("TST3-MUC4-0012") == "30012"


def test_incident_to_template():
    inc = Incident(
        id="i",
        status="reported",
        attack_types=("Bombing/Explosion",),
        weapon_types=("Explosives",),
        perpetrators=(
            Perpetrator(None, "urban guerrillas", "stated", text="urban guerrillas"),
            Perpetrator("fmln", "Farabundo Marti National Liberation Front", "claimed", text="FMLN"),
            Perpetrator("urng", "URNG", "denied", text="URNG"),
        ),
        victims=(Victim("peasant"),),
        targets=(Filler("electric power substation", "Utilities"),),
        weapons=(Filler("dynamite", "Explosives"),),
    )
    t = template(inc)
    assert t["incident_type"] == "bombing"
    assert t["PerpInd"] == [["urban guerrillas"]] and t["PerpOrg"] == [["FMLN"]]
    assert t["Target"] == [["electric power substation"]] and t["Weapon"] == [["dynamite"]]
    assert (
        incident_type(Incident(id="k", status="reported", attack_types=("Hostage Taking (Kidnapping)",)))
        == "kidnapping"
    )


DEV = SHARED / "eval" / "muc4" / "dev.json"


@pytest.mark.skipif(not (REFERENCE.exists() and DEV.exists()), reason="../shared/eval is not present")
def test_agrees_with_the_reference_scorer(tmp_path):
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(7)
    pred = {}
    types = ["attack", "bombing", "kidnapping", "arson", "robbery"]
    for r in records:
        temps = []
        for t in r["templates"][:3]:
            p = {
                "incident_type": rng.choice(types)
                if rng.random() < 0.3
                else t["incident_type"].split(" / ")[0]
            }
            for role in gtt.ROLES:
                ents = [[m[0] for m in ent][: rng.randint(1, 2)] for ent in t[role] if rng.random() < 0.7]
                if rng.random() < 0.3:
                    ents.append(["something spurious"])
                p[role] = ents
            temps.append(p)
        if rng.random() < 0.2:
            temps.append(
                {
                    "incident_type": "attack",
                    "PerpInd": [["gunmen"]],
                    "PerpOrg": [],
                    "Target": [],
                    "Victim": [],
                    "Weapon": [],
                }
            )
        pred[r["docid"]] = {"pred_templates": temps}
    ref = reference_scores("template", DEV, pred, tmp_path)
    ours = gtt.score(gtt.load_gold(records), gtt.load_pred(pred)).micro.prf()
    assert [round(100 * x, 2) for x in ours] == ref["micro_avg"]
