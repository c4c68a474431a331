"""Incident splitting: one MUC-4 template per incident when a report tells of several of the same type
("militants bombed a fuel depot this morning ... on thursday night a second device destroyed a radio mast"
is two bombings).

A template's targets and victims are its anchors. For each pair of anchors a logistic regression says how
likely they belong to the same incident, from where they stand (the distance between them, the sentences
and paragraphs between, their roles, how many anchors lie between) and the words between them. Read in
order, an anchor joins the group it most likely shares an incident with, or opens a new group when no
group is at least ``SAME`` likely. Each group becomes a template of the same type; perpetrator organisations
(usually named once for a series of attacks) go to every group, perpetrator individuals and weapons to the
group nearest to them (``SHARED``).

``ctwatch train muc4`` fits it on MUC-4's training templates (pairs of gold anchors, labelled by whether a
template holds both) and writes ``data/models/muc4_split.json``; inference needs nothing but Python."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import datafiles
from .classify import TOKEN
from .errors import BenchError

ANCHORS = ("Target", "Victim")
# Roles a split template's every part keeps. In MUC-4's training reports with several templates, a perpetrator
# organisation is in all of them for 88 of 194 (in one for 82), a perpetrator individual for 53 of 245 (in one
# for 171), so individuals go, like weapons, to the nearest part (dev GTT 51.21 -> 51.82; on the training
# reports' gold fillers put through the same template logic, 84.73 -> 85.20).
SHARED = ("PerpOrg",)
MODEL_FILE = "models/muc4_split.json"
SAME = 0.5  # an anchor joins a group at least this likely to share its incident
MAX_GROUPS = 4
C = 0.1  # the best of 0.001-1 in 5-fold cross-validation on the training pairs, grouped by report (ROC AUC 0.815)
_SENTENCE = re.compile(r"[.!?]\s")
_PARAGRAPH = re.compile(r"\s{3,}")
_BETWEEN = 200  # words this far from either anchor describe the gap between them
NUMERIC = (
    "log_distance",
    "sentences",
    "paragraphs",
    "same_sentence",
    "same_paragraph",
    "targets",
    "victims",
    "target_and_victim",
    "log_anchors_between",
)


@dataclass(frozen=True)
class Anchor:
    start: int
    role: str
    text: str


def numeric(text: str, a: Anchor, b: Anchor, between: int) -> list[float]:
    """Where two anchors stand (``a`` first) as the model's numeric features, in ``NUMERIC`` order."""
    gap = text[a.start : b.start]
    sentences, paragraphs = len(_SENTENCE.findall(gap)), len(_PARAGRAPH.findall(gap))
    return [
        math.log1p(b.start - a.start),
        sentences,
        paragraphs,
        float(sentences == 0),
        float(paragraphs == 0),
        float(a.role == b.role == "Target"),
        float(a.role == b.role == "Victim"),
        float(a.role != b.role),
        math.log1p(between),
    ]


def words(text: str, a: Anchor, b: Anchor) -> set[str]:
    """The words and word pairs between two anchors (near each of them when the gap is long)."""
    gap = text[a.start : b.start].lower()
    if len(gap) > 2 * _BETWEEN:
        gap = f"{gap[:_BETWEEN]} | {gap[-_BETWEEN:]}"
    out: set[str] = set()
    for part in gap.split("|"):
        tokens = TOKEN.findall(part)
        out.update(tokens)
        out.update(f"{x} {y}" for x, y in zip(tokens, tokens[1:], strict=False))
    return out


def _pairs(n: int) -> list[tuple[int, int]]:
    """Every pair of n items in order, each as (earlier, later)."""
    return [(i, j) for j in range(n) for i in range(j)]


@dataclass(frozen=True)
class SplitModel:
    vocabulary: dict[str, int]
    coef: dict[int, float]
    intercept: float

    @classmethod
    def load(cls, path: Path | None = None) -> SplitModel:
        return datafiles.model_json(
            path or datafiles.path(MODEL_FILE),
            lambda raw: cls(
                raw["vocabulary"], {int(k): v for k, v in raw["coef"].items()}, float(raw["intercept"])
            ),
            "incident splitter",
            "ctwatch train muc4 --only split",
        )

    def same(self, text: str, a: Anchor, b: Anchor, between: int = 0) -> float:
        """How likely two anchors (``a`` first) belong to the same incident."""
        z = self.intercept + sum(
            self.coef.get(i, 0.0) * v for i, v in enumerate(numeric(text, a, b, between))
        )
        base = len(NUMERIC)
        z += sum(
            self.coef.get(base + self.vocabulary[w], 0.0) for w in words(text, a, b) if w in self.vocabulary
        )
        return 1 / (1 + math.exp(-z))

    def groups(self, text: str, anchors: Sequence[Anchor]) -> list[list[int]]:
        """The anchors (in reading order) grouped by incident, as indices into ``anchors``."""
        order = sorted(range(len(anchors)), key=lambda k: anchors[k].start)
        likely: dict[tuple[int, int], float] = {}
        for i, j in _pairs(len(order)):
            likely[i, j] = self.same(text, anchors[order[i]], anchors[order[j]], j - i - 1)
        found: list[list[int]] = []
        for j in range(len(order)):
            mean = [sum(likely[i, j] for i in g) / len(g) for g in found]
            best = max(range(len(found)), key=mean.__getitem__, default=-1)
            if best >= 0 and (mean[best] >= SAME or len(found) >= MAX_GROUPS):
                found[best].append(j)
            else:
                found.append([j])
        return [[order[k] for k in g] for g in found]


@cache
def model() -> SplitModel:
    return SplitModel.load()


def split(
    template: dict[str, Any], text: str, starts: dict[tuple[str, str], int], splitter: SplitModel
) -> list[dict[str, Any]]:
    """One template per incident among its anchors. ``starts`` gives where each filler (role, string) is
    first read in ``text``; a template with fewer than two anchors is returned as it is."""
    anchors = [Anchor(starts.get((r, ent[0]), 0), r, ent[0]) for r in ANCHORS for ent in template[r]]
    if len(anchors) < 2:
        return [template]
    groups = splitter.groups(text, anchors)
    if len(groups) == 1:
        return [template]
    out: list[dict[str, Any]] = [
        {"incident_type": template["incident_type"], **{r: [] for r in template if r != "incident_type"}}
        for _ in groups
    ]
    for k, g in enumerate(groups):
        for i in g:
            out[k][anchors[i].role].append([anchors[i].text])
    for role in (r for r in template if r not in ANCHORS and r != "incident_type"):
        for ent in template[role]:
            if role in SHARED:
                for t in out:
                    t[role].append(ent)
                continue
            at = starts.get((role, ent[0]), 0)
            nearest = min(
                range(len(groups)), key=lambda k: min(abs(anchors[i].start - at) for i in groups[k])
            )
            out[nearest][role].append(ent)
    return out


def _offset(text: str, mention: Sequence[Any]) -> int:
    """Where a gold mention ([string, offset]) starts; a mention without its offset is looked up (-1: absent)."""
    if len(mention) > 1 and isinstance(mention[1], int):
        return mention[1]
    return text.lower().find(str(mention[0]).lower())


def gold_entities(
    record: dict[str, Any], roles: Sequence[str]
) -> Iterator[tuple[int, tuple[str, str], str, int]]:
    """Each gold entity of ``roles`` in each template of a GTT record: the template's index, the entity's key
    (role, normalised first name), its first name as written, and where its mentions start (the earliest;
    -1 when one of them is not in the text)."""
    from .bench.gtt import norm

    for k, t in enumerate(record.get("templates", [])):
        for role in roles:
            for ent in t.get(role, []):
                yield k, (role, norm(ent[0][0])), ent[0][0], min(_offset(record["doctext"], m) for m in ent)


def training_pairs(records: Sequence[dict[str, Any]]) -> tuple[list[list[float]], list[set[str]], list[int]]:
    """Pairs of gold anchors of each report with templates: their features, and 1 when a template holds both."""
    rows: list[list[float]] = []
    bags: list[set[str]] = []
    labels: list[int] = []
    for r in records:
        where: dict[tuple[str, str], tuple[int, set[int]]] = {}
        for k, key, _name, start in gold_entities(r, ANCHORS):
            at, holders = where.get(key, (start, set()))
            where[key] = (min(at, start), holders | {k})
        keys = sorted((k for k in where if where[k][0] >= 0), key=lambda k: where[k][0])
        anchors = [Anchor(where[k][0], k[0], k[1]) for k in keys]
        for i, j in _pairs(len(anchors)):
            rows.append(numeric(r["doctext"], anchors[i], anchors[j], j - i - 1))
            bags.append(words(r["doctext"], anchors[i], anchors[j]))
            labels.append(int(bool(where[keys[i]][1] & where[keys[j]][1])))
    return rows, bags, labels


def fit(records: Sequence[dict[str, Any]], out: Path, about: str) -> dict[str, Any]:
    """Fit the pair model on GTT-format MUC-4 records and write the JSON that ``SplitModel.load`` reads."""
    try:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise BenchError("training needs scikit-learn: pip install 'ctwatch[train]'") from exc
    rows, bags, labels = training_pairs(records)
    if len(set(labels)) < 2:
        raise BenchError(
            "incident splitting needs reports with anchors of the same and of different incidents"
        )
    vec = CountVectorizer(analyzer=sorted, min_df=2, binary=True)
    x = hstack([csr_matrix(rows), vec.fit_transform(bags)]).tocsr()
    m = LogisticRegression(C=C, max_iter=3000).fit(x, labels)
    coef = {str(i): round(float(w), 6) for i, w in enumerate(m.coef_[0]) if abs(w) >= 1e-6}
    base = len(NUMERIC)
    vocabulary = {w: int(i) for w, i in sorted(vec.vocabulary_.items()) if str(base + i) in coef}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "about": about,
                "numeric": list(NUMERIC),
                "vocabulary": vocabulary,
                "coef": coef,
                "intercept": round(float(m.intercept_[0]), 6),
            }
        ),
        encoding="utf-8",
    )
    return {"pairs": len(labels), "same_incident": sum(labels), "bytes": out.stat().st_size}
