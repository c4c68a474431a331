"""``ctwatch bench satp TSV --extractor pipeline``: the attack types that ``ctwatch extract`` gives SATP's
incident paragraphs, scored like the classifier alone (per-label and macro F1 over SATP's four labels).

Each paragraph goes through the default pipeline; the attack types of its reported incidents, together, are
its prediction, read as SATP's labels: Armed Assault and Assassination as "Armed Assault", Bombing/Explosion
as "Bombing/Explosion", the hostage takings as "Hostage Taking (Kidnapping)", any other type (arson and
facility attacks, unarmed assaults, hijackings, "Unknown"), or no reported incident, as "Other"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..classify import LABELS, label_f1, read_tsv
from ..model import Document

AS_SATP = {
    "Armed Assault": "Armed Assault",
    "Assassination": "Armed Assault",
    "Bombing/Explosion": "Bombing/Explosion",
    "Hostage Taking (Kidnapping)": "Hostage Taking (Kidnapping)",
    "Hostage Taking (Barricade Incident)": "Hostage Taking (Kidnapping)",
}
OTHER = "Other"


def labels_of(doc: Document) -> list[bool]:
    """One paragraph's SATP label row from the attack types of its reported incidents."""
    found = {AS_SATP.get(t, OTHER) for i in doc.incidents if i.status == "reported" for t in i.attack_types}
    return [label in (found or {OTHER}) for label in LABELS]


def run(path: Path, progress: bool = False) -> dict[str, Any]:
    from tqdm import tqdm

    from ..stages import default_pipeline

    skipped: list[str] = []
    texts, gold = read_tsv(path, skipped)
    pipe = default_pipeline(on_error="skip")
    docs = (Document.from_text(t, source=f"{path.name}:{n}") for n, t in enumerate(texts, start=1))
    pred = [labels_of(d) for d in tqdm(pipe.pipe(docs), total=len(texts), disable=not progress, leave=False)]
    fig = {"extractor": "pipeline", **label_f1(pred, gold, LABELS)}
    return {**fig, "skipped_rows": skipped} if skipped else fig
