"""Our scorer for MUC-4 role-filler entity extraction in GRIT's CEAF-REE convention (entity level).

No templates: per document and role, gold entities (lists of coreferent strings) and predicted entities are
aligned one-to-one by a maximum matching in which a pair counts when every predicted string is one of the
gold entity's strings (phi_strict). Matches over predictions give precision, over gold entities recall; the
micro average pools the five roles. Strings are normalised as in the GTT scorer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .gtt import ROLES, Scores, Tally, doc_key, norm

Extracts = dict[str, list[list[str]]]  # role -> entities, each a list of normalised strings


def _gold_entities(ents: Iterable[list[Any]]) -> list[list[str]]:
    out = [[norm(m[0]) for m in ent] for ent in ents]
    return [e for e in out if e]


def gold_extracts(record: dict[str, Any]) -> Extracts:
    """One gold record: GRIT's ``extracts`` or, failing that, the pooled entities of its GTT templates."""
    if "extracts" in record:
        return {r: _gold_entities(record["extracts"].get(r, [])) for r in ROLES}
    pooled: dict[str, list[Any]] = {r: [] for r in ROLES}
    for t in record.get("templates", []):
        for r in ROLES:
            for ent in t.get(r, []):
                if ent not in pooled[r]:
                    pooled[r].append(ent)
    return {r: _gold_entities(pooled[r]) for r in ROLES}


def pred_extracts(entry: dict[str, Any]) -> Extracts:
    """GRIT-form ``pred_extracts``, or the role fillers of GTT-form ``pred_templates`` pooled per document."""
    if "pred_extracts" in entry:
        raw = entry["pred_extracts"]
        return {r: [[norm(m) for m in ent] for ent in raw.get(r, [])] for r in ROLES}
    out: Extracts = {r: [] for r in ROLES}
    for t in entry.get("pred_templates", []):
        for r in ROLES:
            for ent in t.get(r, []):
                normed = [norm(m) for m in ent]
                if normed not in out[r]:
                    out[r].append(normed)
    return out


def _matching(gold: list[list[str]], pred: list[list[str]]) -> int:
    """Size of a maximum one-to-one matching (augmenting paths)."""
    owner = [-1] * len(pred)

    def assign(g: int, seen: set[int]) -> bool:
        for p, ent in enumerate(pred):
            if p in seen or not all(m in gold[g] for m in ent):
                continue
            seen.add(p)
            if owner[p] < 0 or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    return sum(assign(g, set()) for g in range(len(gold)))


def score(gold: dict[str, Extracts], pred: dict[str, Extracts]) -> Scores:
    """CEAF-REE over every gold document (predictions for unknown documents are ignored)."""
    scores = Scores(fields={r: Tally() for r in ROLES})  # entity level: no incident type
    for key, g in gold.items():
        p = pred.get(key, {r: [] for r in ROLES})
        for r in ROLES:
            m = _matching(g[r], p[r])
            scores.fields[r].add(Tally(p_num=m, p_den=len(p[r]), r_num=m, r_den=len(g[r])))
    return scores


def load_gold(records: Iterable[dict[str, Any]]) -> dict[str, Extracts]:
    return {doc_key(r["docid"]): gold_extracts(r) for r in records}


def load_pred(data: dict[str, Any]) -> dict[str, Extracts]:
    return {doc_key(k): pred_extracts(v) for k, v in data.items()}
