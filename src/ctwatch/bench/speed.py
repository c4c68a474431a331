"""``ctwatch bench speed``: the whole pipeline into SQLite over MUC-4 documents, and a bare spaCy
``nlp.pipe`` over the same text in the same process, for scale. In one process models are loaded before
timing starts; with ``--workers N`` the workers' start and model loading are part of the time, as in a run."""

from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from ..errors import BenchError


def corpus(muc4_dir: Path, n_docs: int) -> list[str]:
    texts: list[str] = []
    for name in ("train.json", "dev.json"):
        path = muc4_dir / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["doctext"])
            if len(texts) >= n_docs:
                return texts
    if not texts:
        raise BenchError(
            f"{muc4_dir}: no train.json or dev.json with MUC-4 documents (see ../shared/eval/muc4)"
        )
    return texts


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run(muc4_dir: Path, n_docs: int = 400, progress: bool = False, workers: int = 1) -> dict[str, Any]:
    """``workers`` > 1: the pipeline in that many processes, their start and model loading timed too."""
    from tqdm import tqdm

    from ..core import Report, ingest_iter
    from ..nlp import MODEL, get_nlp
    from ..stages import default_pipeline
    from ..store import SQLiteStore

    texts = corpus(muc4_dir, n_docs)
    words = sum(len(t.split()) for t in texts)
    pipe = default_pipeline(on_error="skip")
    if workers == 1:
        pipe.setup()
        get_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(t, encoding="utf-8")
        store = SQLiteStore(Path(tmp) / "bench.db")
        report = Report()
        start = time.perf_counter()
        for _ in tqdm(
            ingest_iter(store, [str(folder)], report, pipeline=pipe, workers=workers),
            total=len(texts),
            disable=not progress,
            desc="ctwatch",
            leave=False,
        ):
            pass
        elapsed = time.perf_counter() - start
        incidents = store.counts()["incidents"]
        store.close()
    peak = _peak_mb()
    worker_peak = _peak_mb(resource.RUSAGE_CHILDREN) if workers > 1 else None

    import spacy

    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    for _ in tqdm(
        nlp.pipe(texts, batch_size=32), total=len(texts), disable=not progress, desc="spaCy", leave=False
    ):
        pass
    bare = time.perf_counter() - start
    return {
        "workers": workers,
        "documents": len(texts),
        "words": words,
        "incidents": incidents,
        "seconds": round(elapsed, 2),
        "docs_per_hour": round(len(texts) / elapsed * 3600),
        "words_per_second": round(words / elapsed),
        "peak_rss_mb": round(peak, 1),
        **({"worker_peak_rss_mb": round(worker_peak, 1)} if worker_peak is not None else {}),
        "spacy_seconds": round(bare, 2),
        "spacy_docs_per_hour": round(len(texts) / bare * 3600),
        "spacy_words_per_second": round(words / bare),
    }
