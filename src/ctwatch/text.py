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


# the widest line a hard-wrapped text may have (e-mail and wire copy: 60-80 characters)
WRAP_WIDTHS = (50, 160)
MIN_WRAPS = 3  # how many line breaks must be wraps before a text is read as hard-wrapped


def unwrapped(text: str) -> str:
    """The text with its hard line wraps read as spaces, the same length (offsets into it are offsets into
    ``text``). A text is hard-wrapped when most of its line breaks inside paragraphs are wraps, and a break is
    a wrap when the next line's first word would not have fitted on the line before it within the text's
    widest line (a wrapping program breaks there; a paragraph's last line leaves room), and prose wraps
    mid-sentence, so many of its wrapped lines run on in lower case. Headlines, lists and feeds whose paragraphs
    are one line each are left as they are (so is wrapped text in capitals alone)."""
    lines = text.split("\n")
    width = max((len(line) for line in lines), default=0)
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return text
    breaks, wraps, at, running = 0, [], 0, 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        at += len(line)
        if line and nxt:
            breaks += 1
            if len(line) + 1 + len(nxt.split(" ", 1)[0]) > width:
                wraps.append(at)
                running += nxt[0].islower()
        at += 1
    if len(wraps) < MIN_WRAPS or len(wraps) < 0.6 * breaks or running < 0.4 * len(wraps):
        return text
    out = list(text)
    for i in wraps:
        out[i] = " "
    return "".join(out)


# a wire story's dateline at a paragraph's start: its city, then a country, a date and an agency, then a
# dash or a colon ("ZAMBOANGA, Philippines, May 2 (Reuters) - ", "KARACHI: ", "SRINAGAR, October 12: ")
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'\- ]{2,30}?)(?:,\s*[A-Z0-9][\w.' ]{0,30}?){0,3}(?:\s*\([^()\n]{1,40}\))?"
    r"\s?(?P<sep>--|[-\u2013\u2014:])\s",
    re.M,
)


def dateline_apart(text: str) -> str:
    """The dateline's dash or colon read as a full stop (the same length), so that a parser does not make
    the place the subject of the lead ("ZAMBOANGA ... - Suspected Abu Sayyaf militants kidnapped" read the
    militants as the city's apposition)."""

    def stop(m: re.Match[str]) -> str:
        start, end = m.span("sep")
        return m.group(0)[: start - m.start()] + "." + " " * (end - start - 1) + m.group(0)[end - m.start() :]

    return DATELINE.sub(stop, text)


def paragraphs(text: str) -> tuple[Span, ...]:
    """Paragraphs separated by blank lines (single newlines also split, as most feeds use them)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        out.append(Span(m.start(), m.end(), m.group()))
    return tuple(out)


def word_count(text: str) -> int:
    return len(text.split())
