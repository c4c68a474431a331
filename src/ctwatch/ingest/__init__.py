"""Readers: turn paths, folders, stdin and URLs into Documents.

Every reader yields ``Document`` or ``InputError`` values rather than raising, so one bad file never stops
a batch: the caller stores the documents and reports the errors (each names its source and cause).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..model import Document
from .files import DEFAULT_MAX_BYTES, read_bytes, read_path
from .url import fetch_url, is_url

Outcome = Document | InputError

__all__ = ["DEFAULT_MAX_BYTES", "Outcome", "fetch_url", "is_url", "read", "read_bytes", "read_path"]


def read(
    targets: list[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
    stdin: bytes | None = None,
) -> Iterator[Outcome]:
    """Documents (or errors) from paths, folders, ``-`` for stdin, and http(s) URLs, in order."""
    for target in targets:
        if target == "-":
            yield from read_bytes(stdin or b"", "<stdin>", max_bytes=max_bytes)
        elif is_url(target):
            try:
                body, content_type, final_url = fetch_url(
                    target, max_bytes=max_bytes, allow_private=allow_private
                )
            except InputError as exc:
                yield exc
                continue
            yield from read_bytes(body, final_url, max_bytes=max_bytes, content_type=content_type)
        else:
            yield from read_path(target, max_bytes=max_bytes)
