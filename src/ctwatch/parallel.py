"""A pipeline run in several worker processes, with the same output as one process.

The document stream is cut into chunks of ``batch_size``; each chunk goes to one worker process, which runs
the whole pipeline over it (``Pipeline.pipe``, so spaCy still batches), and the documents come back in input
order. Each worker loads its own models once (``Pipeline.setup``); the main process reads the input and
stores the results, and never loads a model.

A stage that learns across documents (the incident stage learns each news source's home from its earlier
documents, ``geo.SourcePlaces``) declares ``shard_key(doc)``: documents with the same key always go to the
same worker, in input order, so such a stage sees exactly what it would in one process. Documents without
a key go to the worker with the least work queued.

Workers are started with ``spawn``, never ``fork``: a forked copy of a process holding torch's or spaCy's
threads can hang.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import zlib
from collections.abc import Hashable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import PipelineError

if TYPE_CHECKING:
    from .model import Document
    from .pipeline import Pipeline

POLL_SECONDS = 1.0  # how often the main process checks that its workers are alive while it waits
IN_FLIGHT_CHUNKS = 3  # chunks queued per worker before the main process waits for results


def _exit_when_gone(parent: Any) -> None:
    """Watch the main process; when it is gone (killed), end this worker at once: nobody reads what it
    makes, and it may be stuck reading a chunk the main process died writing."""
    parent.join()
    os._exit(1)


def _work(pipeline: Pipeline, inbox: Any, outbox: Any) -> None:
    """A worker process: run ``pipeline`` over each chunk from ``inbox`` until ``None`` comes."""
    parent = mp.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when_gone, args=(parent,), daemon=True).start()
    try:
        pipeline.setup()
        while (item := inbox.get()) is not None:
            seqs, docs = item
            outbox.put((seqs, list(pipeline.pipe(docs, batch_size=max(1, len(docs))))))
    except KeyboardInterrupt:  # Ctrl-C reaches every process of the group: the main process reports it
        outbox.cancel_join_thread()
    except BaseException as exc:  # a stage's error under on_error="raise", or a model that will not load
        try:
            outbox.put((None, exc))
        except Exception:  # an exception that does not pickle: send what it said
            outbox.put((None, PipelineError(f"{type(exc).__name__}: {exc}")))


def _route(key: Hashable, workers: int) -> int:
    """A stable worker for a shard key (``hash`` of a string changes between processes)."""
    return zlib.crc32(repr(key).encode("utf-8")) % workers


def pipe(pipeline: Pipeline, docs: Iterable[Document], batch_size: int, workers: int) -> Iterator[Document]:
    """``pipeline.pipe(docs)`` in ``workers`` processes; yields in input order."""
    if workers < 1:
        raise PipelineError(f"workers must be at least 1, not {workers}")
    ctx = mp.get_context("spawn")
    outbox = ctx.Queue()
    inboxes = [ctx.Queue() for _ in range(workers)]
    procs = [
        ctx.Process(target=_work, args=(pipeline, inbox, outbox), daemon=True, name=f"ctwatch-worker-{i}")
        for i, inbox in enumerate(inboxes)
    ]
    for p in procs:
        p.start()
    chunks: list[list[tuple[int, Document]]] = [[] for _ in range(workers)]
    queued = [0] * workers  # documents sent to each worker and not yet back
    owner: dict[int, int] = {}  # sequence number of a sent document -> its worker
    ready: dict[int, Document] = {}
    next_out = 0

    def send(w: int) -> None:
        if chunks[w]:
            seqs = [s for s, _ in chunks[w]]
            inboxes[w].put((seqs, [d for _, d in chunks[w]]))
            for s in seqs:
                owner[s] = w
            queued[w] += len(seqs)
            chunks[w] = []

    def receive() -> None:
        while True:
            try:
                seqs, out = outbox.get(timeout=POLL_SECONDS)
                break
            except queue.Empty:
                dead = [p for p in procs if not p.is_alive()]
                if dead:
                    raise PipelineError(
                        f"worker process {dead[0].name} stopped (exit code {dead[0].exitcode}); "
                        "run again with --workers 1 to see the error"
                    ) from None
        if seqs is None:
            raise out
        for s, doc in zip(seqs, out, strict=True):
            ready[s] = doc
            queued[owner.pop(s)] -= 1

    def drain() -> Iterator[Document]:
        nonlocal next_out
        while next_out in ready:
            yield ready.pop(next_out)
            next_out += 1

    try:
        seq = 0
        for doc in docs:
            key = pipeline.shard_key(doc)
            if key is None:
                w = min(range(workers), key=lambda i: queued[i] + len(chunks[i]))
            else:
                w = _route(key, workers)
            chunks[w].append((seq, doc))
            seq += 1
            if len(chunks[w]) >= batch_size:
                send(w)
            while seq - next_out >= IN_FLIGHT_CHUNKS * workers * batch_size:
                for i in range(workers):  # a half-filled chunk may hold the next document to yield
                    send(i)
                if next_out not in ready:
                    receive()
                yield from drain()
        for w in range(workers):
            send(w)
        while next_out < seq:
            if next_out not in ready:
                receive()
            yield from drain()
        for inbox in inboxes:
            inbox.put(None)
        for p in procs:
            p.join(timeout=30)
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
                p.join(timeout=5)
        for q in (*inboxes, outbox):  # chunks no worker will take must not hold this process at exit
            q.cancel_join_thread()
            q.close()
