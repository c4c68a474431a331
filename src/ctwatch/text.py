"""Text helpers: normalisation (the form ids hash and offsets point into), decoding bytes of unknown
encoding, telling binary from text, and paragraphs."""

from __future__ import annotations

import re
import unicodedata

from .errors import BinaryInput, DecodeError, EmptyInput
from .model import Span

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_BLANKS = re.compile(r"\n\s*\n\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise(text: str) -> str:
    """NFC, one kind of newline, no control characters, runs of spaces collapsed, paragraphs kept."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\ufeff", ""))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANKS.sub("\n\n", text).strip()


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KiB: not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / len(head) > 0.05


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Bytes to text: a BOM or declared charset first, then UTF-8, then detection.

    Raises EmptyInput, BinaryInput or DecodeError naming ``source``."""
    if not data.strip():
        raise EmptyInput(source, "empty file: nothing to read")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(source, "has a UTF-16 byte-order mark but is not valid UTF-16") from exc
    if looks_binary(data):
        raise BinaryInput(source, "binary content, not text (NUL or control bytes)")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.25 or best.encoding in ("utf_8",):
        raise DecodeError(
            source, f"not valid UTF-8 (bad byte at offset {first_bad}) and no other encoding fits"
        )
    text = data.decode(best.encoding, errors="replace")
    tokens = text[:20000].split()
    words = sum(1 for t in tokens if _WORD.match(t))
    if not tokens or words / len(tokens) < 0.6:
        raise DecodeError(source, f"not valid UTF-8, and as {best.encoding} it reads as noise, not words")
    return text


_WORD = re.compile(r"^[\"'(\[]?[^\W\d_]+(?:[-'’][^\W\d_]+)*[.,;:!?'\")\]]*$")


def paragraphs(text: str) -> tuple[Span, ...]:
    """Paragraphs separated by blank lines (single newlines also split, as most feeds use them)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        out.append(Span(m.start(), m.end(), m.group()))
    return tuple(out)


def word_count(text: str) -> int:
    return len(text.split())
