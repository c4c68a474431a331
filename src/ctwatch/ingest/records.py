"""JSON and JSON Lines records: ``text`` required; ``title``, ``published``, ``url``, ``id`` optional.

``doctext`` and ``docid`` are read as ``text`` and ``id`` (the form of MUC-4 and GRIT evaluation records)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..dates import parse_published
from ..errors import EmptyInput, InputError, MalformedInput
from ..model import Document
from ..text import decode


def _record(rec: Any, where: str) -> Document:
    if not isinstance(rec, dict):
        raise MalformedInput(where, f"record is a {type(rec).__name__}, not an object with 'text'")
    text = rec.get("text", rec.get("doctext"))
    if not isinstance(text, str) or not text.strip():
        raise EmptyInput(where, "record has no 'text'")
    if rec.get("id") is None and rec.get("docid") is not None:
        rec = {**rec, "id": rec["docid"]}
    title = rec.get("title") if isinstance(rec.get("title"), str) else None
    url = rec.get("url") if isinstance(rec.get("url"), str) else None
    meta = {"record_id": str(rec["id"])} if rec.get("id") is not None else {}
    source = url or (f"{where}:{rec['id']}" if rec.get("id") is not None else where)
    pub = rec.get("published")
    return Document.from_text(
        text,
        source=source,
        title=title,
        published=parse_published(pub if isinstance(pub, str) else None),
        url=url,
        meta=meta,
    )


def read_json(data: bytes, source: str) -> Iterator[Document | InputError]:
    try:
        obj = json.loads(decode(data, source))
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and exc.lineno > 1:  # JSON Lines under a .json name (MUC-4's dev.json)
            yield from read_jsonl(data, source)
            return
        raise MalformedInput(source, f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    records = (
        obj if isinstance(obj, list) else obj.get("documents", [obj]) if isinstance(obj, dict) else [obj]
    )
    for i, rec in enumerate(records):
        try:
            yield _record(rec, f"{source}[{i}]")
        except InputError as exc:
            yield exc


def read_jsonl(data: bytes, source: str) -> Iterator[Document | InputError]:
    for n, line in enumerate(decode(data, source).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            yield _record(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield MalformedInput(where, f"invalid JSON: {exc.msg}")
        except InputError as exc:
            yield exc
