"""Attack types where the rules stop: an incident whose trigger words name no attack type ("two soldiers were
killed in an exchange of fire": "killed" names none) gets the type the learned attack-type classifier reads
in its passage (``passage``), when it is at least ``SURE`` likely; its ``reason`` says so and its confidence
stays the rules'.

The classifier is the TF-IDF half of the shipped SATP model (``data/models/satp_attack_types.json``, plain
JSON weights trained by ``ctwatch train satp`` on SATP's South Asian incident paragraphs; inference needs
nothing but Python). Of its labels only the GTD attack types are given ("Other" is no type); an incident
the rules typed is left as it is. Measured with ``ctwatch bench satp TSV --extractor pipeline``."""

from __future__ import annotations

import dataclasses
from functools import cache

from ..classify import TextClassifier
from ..model import Document, Incident
from .lexicon import lexicon

SURE = 0.5  # the classifier's own decision threshold; not tuned
UNTYPED = ("Unknown",)


@cache
def _classifier() -> TextClassifier:
    return TextClassifier.load()


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
