"""HTML pages: main text, title and publication date through trafilatura."""

from __future__ import annotations

import logging
import re

from ..dates import parse_published
from ..errors import EmptyInput, MalformedInput
from ..model import Document
from ..text import decode

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (feed entries): scripts, styles and tags dropped."""
    import lxml.html
    from lxml.etree import ParserError

    if "<" not in html:
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", html)
    for bad in root.xpath("//script|//style|//iframe|//object|//embed|//noscript"):
        bad.drop_tree()
    for br in root.xpath("//br|//p|//div|//li"):
        br.tail = "\n" + (br.tail or "")
    return str(root.text_content())


def read_html(data: bytes, source: str, url: str | None = None) -> Document:
    import trafilatura

    m = _CHARSET.search(data[:4096])
    html = decode(data, source, declared=m.group(1).decode("ascii", "ignore") if m else None)
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises a wide range on broken markup
        raise MalformedInput(source, f"HTML could not be parsed ({type(exc).__name__})") from exc
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise EmptyInput(source, "HTML page holds no main text")
    title = getattr(result, "title", None)
    published = parse_published(getattr(result, "date", None))
    return Document.from_text(text, source=source, title=title, published=published, url=url)
