"""``ctwatch bench muc4``: predict MUC-4 templates with the ctwatch pipeline and score them (GTT and CEAF-REE)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import BenchError
from ..model import Document, Incident
from . import gtt, read_text, ree

MAX_TEMPLATES = 5  # the GTT assignment search is exponential in predicted templates per document

INCIDENT_TYPE = {
    "Bombing/Explosion": "bombing",
    "Hostage Taking (Kidnapping)": "kidnapping",
    "Hostage Taking (Barricade Incident)": "kidnapping",
    "Hijacking": "kidnapping",
    "Facility/Infrastructure Attack": "arson",
    "Armed Assault": "attack",
    "Assassination": "attack",
    "Unarmed Assault": "attack",
    "Unknown": "attack",
}


def read_gold(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise BenchError(f"{path}: no such file (MUC-4 gold lies in ../shared/eval/muc4/)")
    text = read_text(path)
    try:
        if text.lstrip().startswith("["):
            records = json.loads(text)
        else:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise BenchError(f"{path}: not GTT-format JSON or JSON Lines ({exc})") from exc
    if not records:
        raise BenchError(f"{path}: no records")
    for n, r in enumerate(records, start=1):
        if (
            not isinstance(r, dict)
            or not isinstance(r.get("docid"), str)
            or not isinstance(r.get("doctext"), str)
        ):
            raise BenchError(f"{path}: record {n} needs a 'docid' and a 'doctext' string")
    return records


def incident_type(inc: Incident) -> str:
    if "Incendiary" in inc.weapon_types and "Bombing/Explosion" not in inc.attack_types:
        return "arson"
    return INCIDENT_TYPE.get(inc.attack_types[0] if inc.attack_types else "Unknown", "attack")


def template(inc: Incident) -> dict[str, Any]:
    def ents(texts: Iterator[str | None]) -> list[list[str]]:
        out: list[list[str]] = []
        seen: set[str] = set()
        for t in texts:
            if t and gtt.norm(t) and gtt.norm(t) not in seen:
                seen.add(gtt.norm(t))
                out.append([t])
        return out

    return {
        "incident_type": incident_type(inc),
        "PerpInd": ents(p.text or p.name for p in inc.perpetrators if p.actor_id is None),
        "PerpOrg": ents(
            p.text or p.name for p in inc.perpetrators if p.actor_id is not None and p.attribution != "denied"
        ),
        "Target": ents(t.text for t in inc.targets),
        "Victim": ents(v.text for v in inc.victims),
        "Weapon": ents(w.text for w in inc.weapons),
    }


def predict_learned(records: list[dict[str, Any]], progress: bool = False) -> dict[str, Any]:
    """Templates (GTT form) and role-filler entities (GRIT form) from the learned role tagger, incident-type
    classifier, incident splitter and filler-type chooser (``ctwatch train muc4``)."""
    from tqdm import tqdm

    from .. import filler_types, incident_split, roles

    tagger, types, splitter = roles.tagger(), roles.type_model(), incident_split.model()
    chooser = filler_types.model()
    out: dict[str, Any] = {}
    for r in tqdm(records, disable=not progress, desc="muc4", leave=False):
        fillers, states = tagger.read(r["doctext"])
        probs = types.probabilities(r["doctext"], states)
        out[r["docid"]] = {
            "pred_templates": roles.templates(fillers, probs, r["doctext"], splitter, chooser),
            "pred_extracts": roles.extracts(fillers, probs),
        }
    return out


def predict(records: list[dict[str, Any]], progress: bool = False) -> dict[str, Any]:
    """Templates from the rule-based incident pipeline: one per reported incident, most confident first."""
    from tqdm import tqdm

    from ..stages import default_pipeline

    pipe = default_pipeline(on_error="skip")
    docs = (Document.from_text(r["doctext"], source=r["docid"], meta={"docid": r["docid"]}) for r in records)
    out: dict[str, Any] = {}
    for doc in tqdm(pipe.pipe(docs), total=len(records), disable=not progress, desc="muc4", leave=False):
        out[doc.meta["docid"]] = {"pred_templates": templates_of(doc.incidents)}
    return out


def templates_of(incidents: Iterable[Incident]) -> list[dict[str, Any]]:
    """A report's templates: one per reported incident, most confident first, at most MAX_TEMPLATES."""
    reported = sorted((i for i in incidents if i.status == "reported"), key=lambda i: -i.confidence)
    return [template(i) for i in reported[:MAX_TEMPLATES]]


def grit_gold(gold_path: Path) -> Path | None:
    """GRIT's entity-level gold for the same split: ``grit/<name>`` beside the GTT file, when it is there."""
    candidate = gold_path.parent / "grit" / gold_path.name
    return candidate if candidate.exists() else None


def figures(
    records: list[dict[str, Any]], pred: dict[str, Any], grit_records: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """GTT template P/R/F1 (with per-field F1) and CEAF-REE P/R/F1 (from GRIT gold, else pooled templates)."""
    scores = gtt.score(gtt.load_gold(records), gtt.load_pred(pred))
    p, r, f = scores.micro.prf()
    fig: dict[str, Any] = {
        "documents": len(records),
        "gtt_precision": round(100 * p, 2),
        "gtt_recall": round(100 * r, 2),
        "gtt_f1": round(100 * f, 2),
    }
    for name, tally in scores.fields.items():
        fig[f"{name}_f1"] = round(100 * tally.prf()[2], 2)
    entity = ree.score(ree.load_gold(grit_records or records), ree.load_pred(pred))
    p, r, f = entity.micro.prf()
    fig.update(
        ceaf_ree_precision=round(100 * p, 2), ceaf_ree_recall=round(100 * r, 2), ceaf_ree_f1=round(100 * f, 2)
    )
    for name, tally in entity.fields.items():
        fig[f"ree_{name}_f1"] = round(100 * tally.prf()[2], 2)
    return fig


EXTRACTORS = ("learned", "rules")


def run(
    gold_path: Path,
    out_path: Path,
    grit_path: Path | None = None,
    progress: bool = False,
    extractor: str = "learned",
) -> dict[str, Any]:
    if extractor not in EXTRACTORS:
        raise BenchError(f"unknown extractor {extractor!r}: choose one of {', '.join(EXTRACTORS)}")
    records = read_gold(gold_path)
    grit_path = grit_path or grit_gold(gold_path)
    grit_records = read_gold(grit_path) if grit_path else None
    started = time.perf_counter()
    pred = (predict_learned if extractor == "learned" else predict)(records, progress=progress)
    seconds = time.perf_counter() - started
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(pred, ensure_ascii=False, indent=1), encoding="utf-8")
    fig = {"extractor": extractor, **figures(records, pred, grit_records)}
    fig["docs_per_hour"] = round(3600 * len(records) / seconds) if seconds else 0
    return fig
