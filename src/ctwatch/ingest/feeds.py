"""RSS and Atom feed files: each entry one document, its HTML sanitised to text."""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import parse_published
from ..errors import EmptyInput, InputError, MalformedInput
from ..model import Document
from .html import html_to_text


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed(data: bytes, source: str) -> Iterator[Document | InputError]:
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            cause = parsed.get("bozo_exception")
            raise MalformedInput(source, f"malformed feed ({type(cause).__name__}: {str(cause)[:120]})")
        raise EmptyInput(source, "feed has no entries")
    for i, entry in enumerate(entries):
        body = ""
        for content in entry.get("content") or []:
            body += "\n\n" + (content.get("value") or "")
        if not body.strip():
            body = entry.get("summary") or entry.get("description") or ""
        title = html_to_text(entry.get("title") or "").strip() or None
        text = html_to_text(body).strip()
        link = entry.get("link")
        where = f"{source}#{i + 1}"
        if not text:
            yield EmptyInput(where, "feed entry has no text")
            continue
        full = f"{title}\n\n{text}" if title and not text.startswith(title) else text
        published = parse_published(entry.get("published") or entry.get("updated"))
        yield Document.from_text(full, source=link or where, title=title, published=published, url=link)
