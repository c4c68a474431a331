"""Attack types where the rules stop: an incident whose trigger words name no attack type ("two soldiers were
killed in an exchange of fire": "killed" names none) gets the type the learned attack-type classifier reads
in its passage (``passage``), when it is at least ``SURE`` likely; its ``reason`` says so and its confidence
stays the rules'.

The classifier (``data/models/satp_passage_types.json``: TF-IDF, the incident lexicon's cues and one logistic
regression per SATP label, plain JSON weights; inference needs nothing but Python) is the SATP attack-type
regressions' recipe fitted on what this stage reads: ``ctwatch train satp`` runs the rules over SATP's
training paragraphs and fits on each paragraph and on the passage of each reported incident the rules left
untyped, with the paragraph's labels (``training_examples``). Fitted on whole paragraphs alone, the model
leans on the trigger words' cues that such passages lack, and types fewer of them. Of its labels only the
GTD attack types are given ("Other" is no type); an incident the rules typed is left as it is. Measured with
``ctwatch bench satp TSV --extractor pipeline``."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path
from typing import Any

from .. import datafiles
from ..classify import LABELS, TextClassifier, digest, fit, read_tsv
from ..model import Document, Incident
from .lexicon import lexicon

SURE = 0.5  # the classifier's own decision threshold; not tuned
UNTYPED = ("Unknown",)
MODEL_FILE = "models/satp_passage_types.json"
C = 10.0  # the SATP regressions' own; in 5-fold cross-validation on the training split 1-30 are alike


@cache
def _classifier() -> TextClassifier:
    return TextClassifier.load(datafiles.path(MODEL_FILE))


def _untyped(incident: Incident) -> bool:
    return incident.attack_types in ((), UNTYPED)


@cache
def _gtd_types() -> frozenset[str]:
    """The GTD attack types our incident lexicon gives its trigger words (``data/incidents.toml``)."""
    return frozenset(e.attack for e in lexicon().triggers.entries.values()) - set(UNTYPED)


def learned(incident: Incident, text: str, m: TextClassifier | None = None) -> Incident:
    """``incident`` with the learned attack type when the rules left it untyped and the classifier is sure;
    ``text`` is what the classifier reads (the incident's ``passage``)."""
    if not _untyped(incident) or not text.strip():
        return incident
    m = m or _classifier()
    probs = m.probabilities(text)
    kinds = [k for k in m.labels if k in _gtd_types()]  # SATP's "Other" is no GTD type
    best = max(kinds, key=lambda k: probs[k], default=None)
    if best is None or probs[best] < SURE:
        return incident
    note = f"attack type {best!r} from the learned classifier ({probs[best]:.2f}): no trigger word names one"
    return dataclasses.replace(
        incident, attack_types=(best,), reason=f"{incident.reason}; {note}" if incident.reason else note
    )


class LearnedAttackTypes:
    """Stage: fills the attack types the incident rules leave unknown (``learned``)."""

    name: str = "attack_types"
    requires: tuple[str, ...] = ("incidents",)
    assigns: tuple[str, ...] = ("incidents",)

    def setup(self) -> None:
        _classifier()

    def __call__(self, doc: Document) -> Document:
        if not any(_untyped(i) for i in doc.incidents):
            return doc
        return dataclasses.replace(doc, incidents=tuple(learned(i, passage(doc, i)) for i in doc.incidents))


def passage(doc: Document, incident: Incident) -> str:
    """The text that tells of ``incident``: from its first evidence sentence up to where the next incident's
    evidence begins (the sentences after a report's lead usually tell how it was done), or the whole text
    when it has no evidence."""
    if not incident.evidence:
        return doc.text
    start = min(s.start for s in incident.evidence)
    later = [s.start for i in doc.incidents for s in i.evidence[:1] if s.start > start]
    return doc.text[start : min(later, default=len(doc.text))]


def training_examples(
    texts: list[str], labels: list[list[int]], progress: bool = False
) -> tuple[list[str], list[list[int]]]:
    """What the stage's model is fitted on: each paragraph with its labels, then the passage of each reported
    incident the rules leave untyped in it, with the same labels (the rules run as the default pipeline runs
    them, up to this stage; ``progress`` shows a bar on stderr)."""
    from tqdm import tqdm

    from ..stages import default_pipeline

    pipe = default_pipeline(on_error="skip", names=("analyse", "genre", "incidents"))
    docs = (Document.from_text(t, source=f"paragraph {n}") for n, t in enumerate(texts, start=1))
    xs, ys = list(texts), list(labels)
    read = tqdm(pipe.pipe(docs), total=len(texts), disable=not progress, desc="rules", leave=False)
    for doc, row in zip(read, labels, strict=True):
        for incident in doc.incidents:
            if (
                incident.status == "reported"
                and _untyped(incident)
                and (text := passage(doc, incident)).strip()
            ):
                xs.append(text)
                ys.append(row)
    return xs, ys


def examples_key(texts: list[str], labels: list[list[int]]) -> str:
    """A fingerprint of the training examples; the model records it, so a test can tell when the rules have
    changed what this stage reads and ``ctwatch train satp`` would no longer give the shipped file."""
    return digest(json.dumps([t, r]) for t, r in zip(texts, labels, strict=True))


def train(path: Path, out: Path, progress: bool = False) -> dict[str, Any]:
    """Fit the stage's model on a SATP-format TSV (``training_examples``) and write it to ``out``."""
    xs, ys = training_examples(*read_tsv(path), progress=progress)
    about = (
        "ctwatch attack types of untyped incidents: TF-IDF and incident-lexicon cues + logistic regression per "
        f"label, trained by `ctwatch train satp` on {path.name}'s paragraphs and their untyped incidents' passages"
    )
    return fit(xs, ys, LABELS, out, about, C, cues=True, meta={"examples": examples_key(xs, ys)})
