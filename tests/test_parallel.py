"""The pipeline in several worker processes (``parallel``): the same documents out, in input order, as in
one process; documents of one news source kept in one worker; a stage's error and a dead worker reported."""

import dataclasses
import os
from pathlib import Path

import pytest

from ctwatch.core import ingest
from ctwatch.errors import PipelineError
from ctwatch.ingest import read
from ctwatch.model import Document, Skip, to_dict
from ctwatch.pipeline import Pipeline
from ctwatch.stages import default_pipeline
from ctwatch.store import SQLiteStore

from .conftest import FIXTURES

# ---- light stages (no models), defined here so worker processes can import them ----------------------


class Pid:
    """Writes the worker's process id and how many documents of its source it has seen before."""

    name = "pid"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("meta",)

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def shard_key(self, doc: Document) -> str | None:
        return doc.source or None

    def __call__(self, doc: Document) -> Document:
        before = self.seen.get(doc.source, 0)
        self.seen[doc.source] = before + 1
        return dataclasses.replace(doc, meta={**doc.meta, "pid": os.getpid(), "before": before})


class Fails:
    """Raises on documents whose text says "poison"."""

    name = "fails"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("genre",)

    def __call__(self, doc: Document) -> Document:
        if "poison" in doc.text:
            raise ValueError(f"cannot read {doc.id}")
        return dataclasses.replace(doc, genre="news")


class Dies:
    """Ends its process on documents whose text says "die", as an out-of-memory kill would."""

    name = "dies"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("genre",)

    def __call__(self, doc: Document) -> Document:
        if "die" in doc.text:
            os._exit(3)
        return doc


def docs(n: int, sources: tuple[str, ...] = ("",), poison: int | None = None) -> list[Document]:
    return [
        Document(
            id=f"d{i:03d}",
            text=f"report {i}" + (" poison" if i == poison else ""),
            source=sources[i % len(sources)],
        )
        for i in range(n)
    ]


# ---- the mechanism --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "batch_size", "workers"),
    [
        (0, 4, 2),  # nothing in, nothing out, workers still stopped
        (1, 4, 2),  # fewer documents than workers
        (7, 4, 2),  # a half-filled last chunk
        (150, 4, 2),  # more than the in-flight limit: the main process waits for results on the way
        (40, 1, 3),  # chunks of one document
    ],
)
def test_same_documents_in_input_order(n, batch_size, workers):
    stream = docs(n)
    out = list(Pipeline([Fails()]).pipe(iter(stream), batch_size=batch_size, workers=workers))
    assert [d.id for d in out] == [d.id for d in stream]
    assert all(d.genre == "news" for d in out)


def test_documents_of_one_source_share_a_worker_in_order():
    stream = docs(60, sources=("https://a.example", "https://b.example", "https://c.example"))
    out = list(Pipeline([Pid()]).pipe(stream, batch_size=4, workers=2))
    for source in {d.source for d in stream}:
        mine = [d for d in out if d.source == source]
        assert len({d.meta["pid"] for d in mine}) == 1, source
        # the stage saw the source's documents in input order, as one process would
        assert [d.meta["before"] for d in mine] == list(range(len(mine)))
    assert os.getpid() not in {d.meta["pid"] for d in out}


def test_documents_without_a_key_are_spread_over_the_workers():
    out = list(Pipeline([Pid()]).pipe(docs(16), batch_size=2, workers=2))
    assert len({d.meta["pid"] for d in out}) == 2


def test_a_failing_stage_skips_its_document_only():
    out = list(Pipeline([Fails()], on_error="skip").pipe(docs(9, poison=4), batch_size=2, workers=2))
    assert [d.id for d in out] == [f"d{i:03d}" for i in range(9)]
    assert out[4].skips == (Skip("fails", "ValueError", "cannot read d004"),)
    assert all(not d.skips and d.genre == "news" for i, d in enumerate(out) if i != 4)


def test_a_failing_stage_raises_in_the_caller_when_asked_to():
    with pytest.raises(ValueError, match="cannot read d004"):
        list(Pipeline([Fails()], on_error="raise").pipe(docs(9, poison=4), batch_size=2, workers=2))


def test_a_dead_worker_is_reported_not_waited_for():
    stream = [Document(id="a", text="fine"), Document(id="b", text="die now")]
    with pytest.raises(PipelineError, match=r"worker process ctwatch-worker-\d stopped \(exit code 3\)"):
        list(Pipeline([Dies()]).pipe(stream, batch_size=1, workers=2))


ORPHAN = """
import itertools, sys
from ctwatch.model import Document
from ctwatch.pipeline import Pipeline
from tests.test_parallel import Pid

stream = (Document(id=str(i), text="x" * 5000) for i in itertools.count())
for doc in Pipeline([Pid()]).pipe(stream, batch_size=4, workers=2):
    print(doc.meta["pid"], flush=True)
"""


def _alive(pid: int) -> bool:
    """Running: not gone, and not a zombie waiting for an init that does not reap."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_workers_end_when_the_main_process_is_killed():
    """A killed main process (out of memory, kill -9) leaves no worker behind, even one caught reading a
    chunk half written."""
    import signal
    import subprocess
    import sys
    import time

    from .conftest import ROOT

    main = subprocess.Popen([sys.executable, "-c", ORPHAN], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert main.stdout is not None
    pids: set[int] = set()
    while len(pids) < 2:
        pids.add(int(main.stdout.readline()))
    main.send_signal(signal.SIGKILL)
    main.wait()
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in pids)


def test_workers_must_be_positive():
    with pytest.raises(PipelineError, match="workers must be at least 1"):
        list(Pipeline([Fails()]).pipe(docs(2), workers=0))


def test_the_incident_stage_keys_documents_by_news_source():
    pipe = default_pipeline()
    key = pipe.shard_key(Document(id="x", text="t", url="https://www.dawn.example/news/1"))
    assert key == ("incidents", "dawn.example")
    assert pipe.shard_key(Document(id="y", text="t", source="/tmp/report.txt")) is None


# ---- the default pipeline -------------------------------------------------------------------------------


def reports() -> list[Document]:
    """Our 31 fusion reports as ingest reads them, three news sites among them (the incident stage learns
    each one's home)."""
    docs = [d for d in read([str(FIXTURES / "fusion" / "reports.jsonl")]) if isinstance(d, Document)]
    assert len(docs) == 31 and all(d.url for d in docs)
    return docs


@pytest.mark.slow
def test_default_pipeline_gives_the_same_records_in_two_processes():
    stream = reports()
    one = [to_dict(d) for d in default_pipeline(on_error="skip").pipe(stream)]
    two = [to_dict(d) for d in default_pipeline(on_error="skip").pipe(stream, batch_size=4, workers=2)]
    assert sum(len(d["incidents"]) for d in one) >= 25
    assert two == one


@pytest.mark.slow
def test_ingest_with_workers_stores_what_one_process_does_and_reruns_add_nothing(tmp_path):
    source = FIXTURES / "fusion" / "reports.jsonl"
    counts = []
    for workers in (1, 2):
        store = SQLiteStore(tmp_path / f"w{workers}.db")
        report = ingest(store, [str(source)], workers=workers)
        assert (report.added, report.errors) == (31, [])
        counts.append(store.counts())
        again = ingest(store, [str(source)], workers=workers)
        assert (again.added, again.unchanged) == (0, 31)
        assert store.counts() == counts[-1]
        store.close()
    assert counts[0] == counts[1]
    assert counts[0]["incidents"] >= 25
