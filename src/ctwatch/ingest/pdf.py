"""PDF files through pypdf."""

from __future__ import annotations

import io
import logging

from ..dates import parse_published
from ..errors import EmptyInput, MalformedInput
from ..model import Document

logging.getLogger("pypdf").setLevel(logging.CRITICAL)


def read_pdf(data: bytes, source: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise MalformedInput(source, f"unreadable PDF ({type(exc).__name__}: {str(exc)[:120]})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise EmptyInput(source, "PDF holds no extractable text (scanned images need OCR first)")
    title = str(meta.title) if meta and meta.title else None
    published = None
    if meta and meta.get("/CreationDate"):
        raw = str(meta.get("/CreationDate"))
        if raw.startswith("D:") and len(raw) >= 10:
            published = parse_published(f"{raw[2:6]}-{raw[6:8]}-{raw[8:10]}")
    return Document.from_text(text, source=source, title=title, published=published)
