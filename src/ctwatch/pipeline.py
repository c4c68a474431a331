"""A ``Pipeline`` of named stages, each ``Document -> Document``.

A stage is any object with ``name``, ``requires`` and ``assigns`` (tuples of Document field names) and
``__call__(doc) -> doc``; it may add ``pipe(docs)`` to batch and ``setup()`` to load models once per
process. The pipeline checks the order at construction (every requirement assigned by an earlier stage or
given by the reader) and the return type after each step.

``on_error="raise"`` lets a stage's exception through; ``"skip"`` records a ``Skip`` on the document and
carries on with the next stage, so one bad document never kills a batch.

A stage that learns across documents declares ``shard_key(doc)`` so that ``pipe(..., workers=N)`` keeps the
documents it learns from together in one process (``parallel``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Protocol, runtime_checkable

from .errors import PipelineError
from .model import Document, Skip

# Fields a reader fills before any stage runs.
GIVEN = frozenset({"id", "text", "source", "title", "published", "url", "language", "meta"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class Pipeline:
    def __init__(self, stages: Sequence[Stage], *, on_error: str = "raise") -> None:
        if on_error not in ("raise", "skip"):
            raise PipelineError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
        self.stages = list(stages)
        self.on_error = on_error
        self._check_order()
        self._ready = False

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def _check_order(self) -> None:
        fields = {f.name for f in dataclasses.fields(Document)}
        have = set(GIVEN)
        seen: set[str] = set()
        for stage in self.stages:
            if stage.name in seen:
                raise PipelineError(f"two stages are named {stage.name!r}")
            seen.add(stage.name)
            for attr in (*stage.requires, *stage.assigns):
                if attr not in fields:
                    raise PipelineError(f"stage {stage.name!r} names {attr!r}, which Document does not have")
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns"
                )
            have.update(stage.assigns)

    def __getstate__(self) -> dict[str, object]:
        # a copy sent to another process loads its own models there
        return {**self.__dict__, "_ready": False}

    def setup(self) -> None:
        if not self._ready:
            for stage in self.stages:
                setup = getattr(stage, "setup", None)
                if setup is not None:
                    setup()
            self._ready = True

    def _apply(self, stage: Stage, doc: Document) -> Document:
        try:
            out = stage(doc)
        except Exception as exc:
            if self.on_error == "raise":
                raise
            return dataclasses.replace(
                doc, skips=(*doc.skips, Skip(stage.name, type(exc).__name__, str(exc)[:300]))
            )
        if not isinstance(out, Document):
            raise PipelineError(f"stage {stage.name!r} returned {type(out).__name__}, not Document")
        return out

    def run(self, doc: Document) -> Document:
        self.setup()
        for stage in self.stages:
            doc = self._apply(stage, doc)
        return doc

    __call__ = run

    def shard_key(self, doc: Document) -> Hashable | None:
        """What must keep ``doc`` in one process with others (``parallel``): the first stage's
        ``shard_key(doc)`` that is not None; stages that learn across documents declare one."""
        for stage in self.stages:
            key_of = getattr(stage, "shard_key", None)
            if key_of is not None and (key := key_of(doc)) is not None:
                return (stage.name, key)
        return None

    def pipe(self, docs: Iterable[Document], batch_size: int = 32, workers: int = 1) -> Iterator[Document]:
        """Run every stage over a stream, letting stages with ``pipe`` batch; yields in input order.

        ``workers`` > 1 runs the stages in that many processes (``parallel.pipe``), with the same output."""
        if workers != 1:
            from .parallel import pipe as parallel_pipe

            yield from parallel_pipe(self, docs, batch_size, workers)
            return
        self.setup()
        stream: Iterable[Document] = docs
        for stage in self.stages:
            stream = self._pipe_stage(stage, stream, batch_size)
        yield from stream

    def _pipe_stage(self, stage: Stage, docs: Iterable[Document], batch_size: int) -> Iterator[Document]:
        batched = getattr(stage, "pipe", None)
        if batched is None:
            for doc in docs:
                yield self._apply(stage, doc)
            return
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._apply_batch(stage, batched, batch)
                batch = []
        if batch:
            yield from self._apply_batch(stage, batched, batch)

    def _apply_batch(
        self, stage: Stage, batched: Callable[[list[Document]], Iterable[Document]], batch: list[Document]
    ) -> Iterator[Document]:
        try:
            out = list(batched(batch))
        except Exception:
            # fall back to one at a time so one bad document only skips itself
            for doc in batch:
                yield self._apply(stage, doc)
            return
        for doc in out:
            if not isinstance(doc, Document):
                raise PipelineError(f"stage {stage.name!r} returned {type(doc).__name__}, not Document")
            yield doc
