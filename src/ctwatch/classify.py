"""Small learned text classifiers shipped as plain JSON weights, so inference needs nothing but Python:
TF-IDF of words (sublinear tf, l2-normalised), optionally what our incident lexicon sees in the text (its
GTD attack, weapon and target types: knowledge the few hundred training rows cannot teach), and one
logistic regression per label. Two are shipped: the attack types of incident paragraphs (SATP's four
labels) and MUC-4's incident types of a whole report; each is averaged with small networks over the MiniLM
encoder kept beside it (``incident_types``). ``ctwatch train satp`` reproduces the shipped SATP files from
the SATP training split (scikit-learn and torch, from the ``train`` extra); ``ctwatch bench satp`` scores
them.

Label order of the SATP files, checked against their texts: Armed Assault, Bombing/Explosion, Hostage Taking
(Kidnapping), and Other (arson, facility attacks, beatings)."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import datafiles
from .errors import BenchError, DataError
from .model import content_hash

if TYPE_CHECKING:
    from .incident_types import TypeReader

LABELS = ("Armed Assault", "Bombing/Explosion", "Hostage Taking (Kidnapping)", "Other")
MODEL_FILE = "models/satp_attack_types.json"
TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern; words of two letters or more


def rebuild_command(path: Path) -> str:
    """The command that rebuilds a shipped type model file (SATP's or MUC-4's, regressions or networks, or the
    attack-type stage's)."""
    if path.name.startswith("satp_passage"):
        return "ctwatch train satp --only passages"
    return (
        "ctwatch train satp --only classifier"
        if path.name.startswith("satp")
        else "ctwatch train muc4 --only types"
    )


@dataclass(frozen=True)
class TextClassifier:
    vocabulary: dict[str, int]
    idf: list[float]
    coef: list[dict[int, float]]
    intercept: list[float]
    labels: tuple[str, ...] = LABELS
    cues: tuple[str, ...] = ()  # incident-lexicon cues used as features after the vocabulary
    cue_lexicon: str = ""  # the fingerprint (``cue_lexicon_key``) of the lexicon the cues were read with

    @classmethod
    def load(cls, path: Path | None = None) -> TextClassifier:
        p = path or datafiles.path(MODEL_FILE)
        hint = f"rebuild it with `{rebuild_command(p)}`"
        try:
            raw = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise DataError(f"{p}: not a ctwatch text classifier ({exc}); {hint}") from exc
        missing = [
            k for k in ("vocabulary", "idf", "coef", "intercept") if not isinstance(raw, dict) or k not in raw
        ]
        if missing:
            raise DataError(f"{p}: not a ctwatch text classifier (no {', '.join(missing)}); {hint}")
        return cls(
            vocabulary=raw["vocabulary"],
            idf=raw["idf"],
            coef=[{int(k): v for k, v in c.items()} for c in raw["coef"]],
            intercept=raw["intercept"],
            labels=tuple(raw.get("labels", LABELS)),
            cues=tuple(raw.get("cues", ())),
            cue_lexicon=raw.get("cue_lexicon", ""),
        )

    def features(self, text: str) -> dict[int, float]:
        counts = Counter(self.vocabulary[t] for t in TOKEN.findall(text.lower()) if t in self.vocabulary)
        weights = {i: (1 + math.log(n)) * self.idf[i] for i, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        x = {i: w / norm for i, w in weights.items()}
        if self.cues:
            present = lexicon_cues(text)
            base = len(self.idf)
            x.update({base + k: 1.0 for k, cue in enumerate(self.cues) if cue in present})
        return x

    def probabilities(self, text: str) -> dict[str, float]:
        x = self.features(text)
        out = {}
        for label, coef, b in zip(self.labels, self.coef, self.intercept, strict=True):
            z = b + sum(coef.get(i, 0.0) * w for i, w in x.items())
            out[label] = 1 / (1 + math.exp(-z))
        return out

    def predict(self, text: str) -> list[str]:
        return [label for label, p in self.probabilities(text).items() if p >= 0.5]


def lexicon_cues(text: str) -> set[str]:
    """What our incident lexicon (data/incidents.toml) sees in a text: the GTD attack and weapon types of its
    trigger words and the target types of its target words, e.g. {"attack:Bombing/Explosion",
    "weapon:Explosives", "target:Police"}."""
    from .extract.incidents import lexicon

    lex = lexicon()
    out: set[str] = set()
    for hit in lex.triggers.find(text):
        out.update((f"attack:{hit.entry.attack}", f"weapon:{hit.entry.weapon}"))
    for hit in lex.targets.find(text):
        out.add(f"target:{hit.entry.type}")
    return out


def cue_lexicon_key() -> str:
    """A fingerprint of what ``lexicon_cues`` reads: each trigger phrase with its attack and weapon type and
    each target phrase with its type. A model fitted on the cues records it, so a test can tell when the
    lexicon has changed under a shipped model and `ctwatch train` would no longer give the shipped file."""
    from .extract.incidents import lexicon

    lex = lexicon()
    rows = sorted(f"trigger|{p}|{e.attack}|{e.weapon}" for p, e in lex.triggers.entries.items())
    rows += sorted(f"target|{p}|{e.type}" for p, e in lex.targets.entries.items())
    return digest(rows)


def digest(rows: Iterable[str]) -> str:
    """A short hash of lines of text (``model.content_hash``): what a shipped model records of what it was
    fitted from."""
    return content_hash(*rows)[:16]


@cache
def model() -> TypeReader:
    """The shipped attack-type model: the regressions averaged with the networks beside them."""
    from .incident_types import TypeReader

    return TypeReader.load(datafiles.path(MODEL_FILE))


def read_tsv(path: Path, skipped: list[str] | None = None) -> tuple[list[str], list[list[int]]]:
    """SATP rows: a paragraph and four 0/1 labels, tab-separated (the labels are the last four fields, so a
    tab inside the text is kept). A row that is not that is left out and named in ``skipped``."""
    if not path.exists():
        raise BenchError(f"{path}: missing (SATP lies in ../shared/eval/satp/)")
    from .bench import read_text

    raw = read_text(path)
    texts, labels = [], []
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        row = [x.strip() for x in parts[-4:]]
        if len(parts) < 5 or any(x not in ("0", "1") for x in row) or not "\t".join(parts[:-4]).strip():
            if skipped is not None:
                skipped.append(f"{path}:{n}: not a paragraph and four 0/1 labels ({len(parts)} fields)")
            continue
        labels.append([int(x) for x in row])
        texts.append("\t".join(parts[:-4]))
    if not texts:
        raise BenchError(f"{path}: no rows of text and four 0/1 labels")
    return texts, labels


def fit(
    texts: list[str],
    labels: list[list[int]],
    names: tuple[str, ...],
    out: Path,
    about: str,
    c: float = 10.0,
    cues: bool = False,
    meta: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Fit TF-IDF (plus, with ``cues``, what the incident lexicon sees) and one logistic regression per
    label; write the JSON weights that ``load`` reads (with ``meta``'s keys beside them)."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise BenchError("training needs scikit-learn: pip install 'ctwatch[train]'") from exc
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2)
    x = vec.fit_transform(texts)
    seen = [lexicon_cues(t) for t in texts] if cues else []
    cue_names = sorted(set().union(*seen)) if cues else []
    if cue_names:
        from scipy.sparse import csr_matrix, hstack

        dense = [[1.0 if cue in found else 0.0 for cue in cue_names] for found in seen]
        x = hstack([x, csr_matrix(dense)]).tocsr()
    coef, intercept = [], []
    for k in range(len(names)):
        y = [row[k] for row in labels]
        m = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=0).fit(x, y)
        coef.append({str(i): round(float(w), 5) for i, w in enumerate(m.coef_[0]) if abs(w) >= 1e-4})
        intercept.append(round(float(m.intercept_[0]), 5))
    vocab = {t: int(i) for t, i in sorted(vec.vocabulary_.items())}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "about": about,
                **(meta or {}),
                "labels": list(names),
                "cues": cue_names,
                "cue_lexicon": cue_lexicon_key() if cue_names else "",
                "vocabulary": vocab,
                "idf": [round(float(v), 5) for v in vec.idf_],
                "coef": coef,
                "intercept": intercept,
            }
        ),
        encoding="utf-8",
    )
    return {"rows": len(texts), "vocabulary": len(vocab), "bytes": out.stat().st_size}


def train(path: Path, out: Path, c: float = 10.0, nets: bool = True) -> dict[str, Any]:
    """Fit the attack-type model on a SATP-format TSV: the regressions' JSON weights to ``out`` and, unless
    ``nets`` is false, the networks averaged with them beside it (``incident_types``, a few minutes)."""
    texts, labels = read_tsv(path)
    about = (
        "ctwatch attack-type classifier: TF-IDF and incident-lexicon cues + logistic regression per label, trained by "
        f"`ctwatch train satp` on {path.name} ({len(texts)} rows)"
    )
    info = fit(texts, labels, LABELS, out, about, c, cues=True)
    if nets:
        from . import incident_types

        rows = np.asarray(labels, dtype=np.float32)
        info["nets_bytes"] = incident_types.fit_and_save(texts, rows, LABELS, incident_types.nets_beside(out))
    return info


def evaluate(path: Path, m: TextClassifier | TypeReader | None = None) -> dict[str, Any]:
    """Per-label and macro F1 on a SATP-format TSV."""
    skipped: list[str] = []
    texts, gold = read_tsv(path, skipped)
    m = m or model()
    probs = [m.probabilities(text) for text in texts]
    fig = label_f1([[p[label] >= 0.5 for label in m.labels] for p in probs], gold, m.labels)
    return {**fig, "skipped_rows": skipped} if skipped else fig


def label_f1(pred: list[list[bool]], gold: list[list[int]], labels: tuple[str, ...]) -> dict[str, Any]:
    """Per-label and macro F1 of 0/1 label rows (one row per text, one column per label)."""
    f1s = {}
    for k, label in enumerate(labels):
        tp = sum(bool(p[k]) and g[k] == 1 for p, g in zip(pred, gold, strict=True))
        fp = sum(bool(p[k]) and g[k] == 0 for p, g in zip(pred, gold, strict=True))
        fn = sum((not p[k]) and g[k] == 1 for p, g in zip(pred, gold, strict=True))
        f1s[label] = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
    return {
        "n": len(gold),
        "macro_f1": round(sum(f1s.values()) / len(f1s), 4),
        **{f"f1_{k.split()[0].split('/')[0].lower()}": v for k, v in f1s.items()},
    }
