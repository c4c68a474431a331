"""Files and folders: dispatch on extension (and on content where the extension says little)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..dates import dateline
from ..errors import EmptyInput, InputError, TooLarge, UnsupportedInput
from ..model import Document
from ..text import decode, unwrapped
from .feeds import looks_like_feed, read_feed
from .html import read_html
from .pdf import read_pdf
from .records import read_json, read_jsonl

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

TEXT_EXT = {".txt", ".md", ".text", ""}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".rss", ".atom", ".xml", ".rdf"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | FEED_EXT | {".pdf", ".json", ".jsonl", ".ndjson"}


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    p = Path(path)
    if p.is_dir():
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                child = Path(root) / name
                if child.suffix.lower() not in KNOWN_EXT:
                    yield UnsupportedInput(str(child), f"unsupported file type {child.suffix or '(none)'!r}")
                    continue
                yield from read_path(child, max_bytes=max_bytes)
        return
    source = str(p)
    try:
        if not p.exists():
            raise InputError(source, "no such file or folder")
        size = p.stat().st_size
        if size > max_bytes:
            raise TooLarge(
                source,
                f"file is {_mb(size)}, over the {_mb(max_bytes)} limit (raise it with --max-bytes)",
            )
        data = p.read_bytes()
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, source, max_bytes=max_bytes, suffix=p.suffix.lower())


def read_bytes(
    data: bytes,
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    suffix: str | None = None,
    content_type: str | None = None,
) -> Iterator[Document | InputError]:
    """Documents from bytes whose kind is given by a suffix, a content type, or sniffed."""
    try:
        if len(data) > max_bytes:
            raise TooLarge(
                source, f"{_mb(len(data))}, over the {_mb(max_bytes)} limit (raise it with --max-bytes)"
            )
        if not data.strip():
            raise EmptyInput(source, "empty file: nothing to read")
        kind = _kind(data, suffix, content_type)
        if kind == "pdf":
            yield read_pdf(data, source)
        elif kind == "html":
            yield read_html(data, source)
        elif kind == "feed":
            yield from read_feed(data, source)
        elif kind == "json":
            yield from read_json(data, source)
        elif kind == "jsonl":
            yield from read_jsonl(data, source)
        else:
            text = decode(data, source)
            yield Document.from_text(
                text, source=source, title=_first_line_title(text), published=dateline(text)
            )
    except InputError as exc:
        yield exc


def _kind(data: bytes, suffix: str | None, content_type: str | None) -> str:
    ct = (content_type or "").split(";")[0].strip().lower()
    head = data[:2048].lstrip().lower()
    if suffix == ".pdf" or ct == "application/pdf" or head.startswith(b"%pdf"):
        return "pdf"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json" or ct == "application/json":
        return "json"
    if suffix in FEED_EXT or "rss" in ct or "atom" in ct or (ct.endswith("xml") and looks_like_feed(data)):
        return "feed"
    if suffix in HTML_EXT or ct in ("text/html", "application/xhtml+xml"):
        return "html"
    if suffix in TEXT_EXT and suffix:
        return "text"
    if looks_like_feed(data):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _first_line_title(text: str) -> str | None:
    """A short first line followed by a line break reads as a title (markdown '#' stripped); not the first
    line of a hard-wrapped paragraph (``text.unwrapped``)."""
    head, sep, _rest = unwrapped(text.lstrip()).partition("\n")
    head = head.strip().lstrip("#").strip()
    return head if sep and 0 < len(head) <= 200 and not head.endswith(".") else None


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n} bytes"
