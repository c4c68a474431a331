"""``ctwatch bench speed``: the whole pipeline into SQLite over MUC-4 documents, and a bare spaCy
``nlp.pipe`` over the same text in the same process, for scale. Models are loaded before timing starts."""

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


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(muc4_dir: Path, n_docs: int = 400, progress: bool = False) -> dict[str, Any]:
    from tqdm import tqdm

    from ..core import Report, ingest_iter
    from ..nlp import MODEL, get_nlp
    from ..stages import default_pipeline
    from ..store import SQLiteStore

    texts = corpus(muc4_dir, n_docs)
    words = sum(len(t.split()) for t in texts)
    pipe = default_pipeline(on_error="skip")
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
            ingest_iter(store, [str(folder)], report, pipeline=pipe),
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

    import spacy

    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    for _ in tqdm(
        nlp.pipe(texts, batch_size=32), total=len(texts), disable=not progress, desc="spaCy", leave=False
    ):
        pass
    bare = time.perf_counter() - start
    return {
        "documents": len(texts),
        "words": words,
        "incidents": incidents,
        "seconds": round(elapsed, 2),
        "docs_per_hour": round(len(texts) / elapsed * 3600),
        "words_per_second": round(words / elapsed),
        "peak_rss_mb": round(peak, 1),
        "spacy_seconds": round(bare, 2),
        "spacy_docs_per_hour": round(len(texts) / bare * 3600),
        "spacy_words_per_second": round(words / bare),
    }
