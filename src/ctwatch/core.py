"""The library's front door: extract records from documents, ingest them into a store."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import __version__, classify, datafiles
from .actors import registry
from .errors import InputError
from .ingest import DEFAULT_MAX_BYTES, read
from .model import Document, to_dict
from .pipeline import Pipeline
from .stages import default_pipeline
from .store import Store

PIPELINE_MODEL = classify.MODEL_FILE  # the one model the default pipeline reads (stage attack_types)


@cache
def pipeline_version() -> str:
    """Code version plus a hash of the data files: a change to either re-processes stored documents."""
    h = hashlib.sha256(__version__.encode())
    for p in [*sorted(datafiles.data_dir().glob("*")), datafiles.path(PIPELINE_MODEL)]:
        if p.is_file() and p.suffix in (".toml", ".tsv", ".txt", ".json"):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


def document_record(doc: Document) -> dict[str, Any]:
    """One document as SCHEMA.md's ``documents[]`` item (plus ``text`` so evidence offsets can be checked)."""
    rec = {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "published": doc.published,
        "language": doc.language,
        "genre": doc.genre,
        "url": doc.url,
        "incidents": [to_dict(i) for i in doc.incidents],
        "interactions": [to_dict(x) for x in doc.interactions],
        "skips": [to_dict(s) for s in doc.skips],
        "text": doc.text,
    }
    return rec


def actors_used(docs: Iterable[Document]) -> list[dict[str, Any]]:
    reg = registry()
    ids: dict[str, None] = {}
    for doc in docs:
        for m in doc.mentions:
            if m.actor_id and not m.actor_id.startswith("place:"):
                ids[m.actor_id] = None
        for inc in doc.incidents:
            for p in inc.perpetrators:
                if p.actor_id:
                    ids[p.actor_id] = None
            for v in inc.victims:
                for a in (v.actor_id, v.nationality):
                    if a:
                        ids[a] = None
        for x in doc.interactions:
            for a in (x.source.actor_id, x.target.actor_id):
                if a:
                    ids[a] = None
    return [actor.record() for aid in ids if (actor := reg.get(aid)) is not None]


@dataclass
class Report:
    """What an ingest or extract run did."""

    documents: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    incidents: int = 0
    errors: list[InputError] = field(default_factory=list)
    skips: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.errors


def process(
    targets: list[str],
    *,
    pipeline: Pipeline | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
    stdin: bytes | None = None,
    report: Report | None = None,
    on_error: Callable[[InputError], None] | None = None,
    skip: Callable[[Document], bool] | None = None,
    workers: int = 1,
) -> Iterator[Document]:
    """Read targets and run the pipeline; input errors go to ``report``/``on_error``, never raised.

    ``workers`` > 1 runs the pipeline in that many processes (``parallel``); reading, de-duplication and
    the order of the documents stay as in one process."""
    pipe = pipeline or default_pipeline(on_error="skip")
    report = report if report is not None else Report()
    seen: set[str] = set()

    def docs() -> Iterator[Document]:
        for item in read(targets, max_bytes=max_bytes, allow_private=allow_private, stdin=stdin):
            if isinstance(item, InputError):
                report.errors.append(item)
                report.skips[item.reason] += 1
                if on_error:
                    on_error(item)
                continue
            if item.id in seen:
                report.skips["duplicate"] += 1
                continue
            seen.add(item.id)
            if skip is not None and skip(item):
                report.unchanged += 1
                report.documents += 1
                continue
            yield item

    for doc in pipe.pipe(docs(), workers=workers):
        report.documents += 1
        report.incidents += len(doc.incidents)
        for s in doc.skips:
            report.skips[f"{s.stage}:{s.reason}"] += 1
        yield doc


def extract(targets: list[str], **kw: Any) -> dict[str, Any]:
    """The SCHEMA.md object for the given paths/URLs (no store)."""
    report = kw.pop("report", None) or Report()
    docs = list(process(targets, report=report, **kw))
    return {
        "documents": [document_record(d) for d in docs],
        "actors": actors_used(docs),
        "errors": [{"source": e.source, "reason": e.reason, "error": e.detail} for e in report.errors],
    }


def ingest_iter(store: Store, targets: list[str], report: Report, **kw: Any) -> Iterator[Document]:
    """Read, process and store, yielding each stored document (for progress bars).

    Documents already stored by this pipeline version are not processed again, so a re-run adds nothing
    and a run killed half-way resumes where it stopped."""
    version = pipeline_version()
    for doc in process(targets, report=report, skip=lambda d: store.has(d.id, version), **kw):
        result = store.add(doc, version)
        setattr(report, result, getattr(report, result) + 1)
        yield doc


def ingest(store: Store, targets: list[str], *, report: Report | None = None, **kw: Any) -> Report:
    """Read, process and store everything; returns what was done."""
    report = report if report is not None else Report()
    for _ in ingest_iter(store, targets, report, **kw):
        pass
    return report
