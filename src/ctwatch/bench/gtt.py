"""Our scorer for MUC-4 template filling in the GTT convention (template-level micro P/R/F1).

Per document, predicted templates are assigned one-to-one to gold templates (or left unassigned); a pair
counts only when the predicted incident type occurs inside the gold one ("attack" in "attack / bombing").
In a counted pair the incident type is one correct item, a predicted role filler is correct when all its
strings are among one gold entity's strings, and a gold entity is found when some predicted filler is so
contained in it. Unassigned templates count wholly as spurious or missing. The assignment with the best
document F1 is kept (the first found on ties). Strings are compared lower-cased, without punctuation,
articles and extra spaces.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
FIELDS = ("incident_type", *ROLES)
_ARTICLES = re.compile(r"\b(?:a|an|the)\b")
_DROP = str.maketrans("", "", string.punctuation)


def norm(text: str) -> str:
    return " ".join(_ARTICLES.sub(" ", text.lower().translate(_DROP)).split())


def doc_key(docid: str) -> str:
    """TST3-MUC4-0001 and 30001 name the same document."""
    m = re.fullmatch(r"[A-Z]*(\d)-MUC\d-(\d+)", docid)
    return str(int(m.group(1)) * 10000 + int(m.group(2))) if m else docid


@dataclass
class Tally:
    p_num: float = 0.0
    p_den: float = 0.0
    r_num: float = 0.0
    r_den: float = 0.0

    def add(self, other: Tally) -> None:
        self.p_num += other.p_num
        self.p_den += other.p_den
        self.r_num += other.r_num
        self.r_den += other.r_den

    def prf(self) -> tuple[float, float, float]:
        p = self.p_num / self.p_den if self.p_den else 0.0
        r = self.r_num / self.r_den if self.r_den else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


Template = dict[str, Any]  # incident_type: str; role: list of entities, each a list of normalised strings


@dataclass
class Scores:
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})

    @property
    def micro(self) -> Tally:
        total = Tally()
        for t in self.fields.values():
            total.add(t)
        return total


def gold_templates(record: dict[str, Any]) -> list[Template]:
    """Templates of one gold record (GTT format: entities are lists of [string, offset] mentions)."""
    out: list[Template] = []
    for t in record.get("templates", []):
        tmpl: Template = {"incident_type": t["incident_type"]}
        for role in ROLES:
            ents = [[norm(m[0]) for m in ent] for ent in t.get(role, [])]
            tmpl[role] = [e for e in ents if e]
        if tmpl not in out:
            out.append(tmpl)
    return out


def pred_templates(entry: dict[str, Any]) -> list[Template]:
    out: list[Template] = []
    for t in entry.get("pred_templates", []):
        kind = t.get("incident_type")
        tmpl: Template = {"incident_type": kind if isinstance(kind, str) else "attack"}
        for role in ROLES:
            tmpl[role] = [[norm(m) for m in ent] for ent in t.get(role, [])]
        out.append(tmpl)
    return out


def _inside(gold_ent: list[str], pred_ent: list[str]) -> bool:
    return all(m in gold_ent for m in pred_ent)


def _score_pairs(
    pairs: dict[int, int], pred: list[Template], gold: list[Template]
) -> tuple[dict[str, Tally], float]:
    res = {f: Tally() for f in FIELDS}
    used_p: set[int] = set()
    used_g: set[int] = set()
    for pi, gi in pairs.items():
        if gi < 0 or pred[pi]["incident_type"] not in gold[gi]["incident_type"]:
            continue
        used_p.add(pi)
        used_g.add(gi)
        res["incident_type"].add(Tally(1, 1, 1, 1))
        for role in ROLES:
            pe, ge = pred[pi][role], gold[gi][role]
            res[role].add(
                Tally(
                    p_num=sum(any(_inside(g, p) for g in ge) for p in pe),
                    p_den=len(pe),
                    r_num=sum(any(_inside(g, p) for p in pe) for g in ge),
                    r_den=len(ge),
                )
            )
    for pi, p in enumerate(pred):
        if pi not in used_p:
            res["incident_type"].p_den += 1
            for role in ROLES:
                res[role].p_den += len(p[role])
    for gi, g in enumerate(gold):
        if gi not in used_g:
            res["incident_type"].r_den += 1
            for role in ROLES:
                res[role].r_den += len(g[role])
    total = Tally()
    for t in res.values():
        total.add(t)
    return res, total.prf()[2]


def score(gold: dict[str, list[Template]], pred: dict[str, list[Template]]) -> Scores:
    """GTT scores over every gold document (predictions for unknown documents are ignored)."""
    scores = Scores()
    for key, gold_t in gold.items():
        pred_t = pred.get(key, [])
        options = [*range(len(gold_t)), -1]
        best: tuple[dict[str, Tally], float] | None = None
        for combo in itertools.product(options, repeat=len(pred_t)):
            chosen = [g for g in combo if g >= 0]
            if len(chosen) != len(set(chosen)):
                continue
            res, f = _score_pairs(dict(enumerate(combo)), pred_t, gold_t)
            if best is None or f > best[1]:
                best = (res, f)
        assert best is not None
        for f_name, tally in best[0].items():
            scores.fields[f_name].add(tally)
    return scores


def load_gold(records: Iterable[dict[str, Any]]) -> dict[str, list[Template]]:
    return {doc_key(r["docid"]): gold_templates(r) for r in records}


def load_pred(data: dict[str, Any]) -> dict[str, list[Template]]:
    return {doc_key(k): pred_templates(v) for k, v in data.items()}
